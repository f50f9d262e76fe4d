#!/usr/bin/env python3
"""Lists the app's Leptos components by length, longest first, and fails when one is over
the limit (default 60 lines): a long component is several parts that want names.
Usage: tools/components.py [LIMIT]"""
import glob
import re
import sys

limit = int(sys.argv[1]) if len(sys.argv) > 1 else 60
found = []
for path in sorted(glob.glob('src/**/*.rs', recursive=True)):
    lines = open(path, encoding='utf-8').read().split('\n')
    for i, line in enumerate(lines):
        if line.strip() != '#[component]':
            continue
        j = i + 1
        while not re.match(r'\s*(pub )?fn ', lines[j]):
            j += 1
        name = re.search(r'fn (\w+)', lines[j]).group(1)
        k = j
        while lines[k] != '}':
            k += 1
        found.append((k - i + 1, f'{path}:{name}'))
found.sort(reverse=True)
for n, where in found:
    print(f'{n:4d}  {where}')
over = [w for n, w in found if n > limit]
if over:
    sys.exit(f'components over {limit} lines: {", ".join(over)}')
