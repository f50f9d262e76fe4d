#!/usr/bin/env python3
"""Rewrites a data file of rules/data/ one field per line, as OpenFisca writes its parameters.

Inline tables become what TOML writes without them: a citation or a listed state becomes a
table of its own (`[[regime.cite]]`, `[[regime.countries]]`), and a small map becomes dotted
keys (`params.months = 3`, `lines."003" = "..."`, `names.en = "..."`). A change to one
translation is then one line in a diff. Comments stay with the entry that follows them. The
result is checked to parse to exactly what the file held before.

Usage: tools/gen/one_field_per_line.py FILE...   (rewrites each FILE in place)
"""

import json
import re
import sys
import tomllib

BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def key(k):
    # A key of digits alone ("003", a source id) is quoted, so that it never reads as a number.
    return k if BARE_KEY.match(k) and not k.isdigit() else json.dumps(k, ensure_ascii=False)


def scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list) and all(not isinstance(x, (dict, list)) for x in v):
        return "[" + ", ".join(scalar(x) for x in v) + "]"
    raise TypeError(f"not a scalar: {v!r}")


def is_table_array(v):
    return isinstance(v, list) and v and all(isinstance(x, dict) for x in v)


def fields(table, prefix=""):
    """The key = value lines of a table: maps as dotted keys, in the table's order."""
    out = []
    for k, v in table.items():
        if isinstance(v, dict):
            out += fields(v, prefix + key(k) + ".")
        elif not is_table_array(v):
            out.append(f"{prefix}{key(k)} = {scalar(v)}")
    return out


def table(path, value, array):
    """A table and the arrays of tables inside it, each entry under its own header."""
    header = f"[[{path}]]" if array else f"[{path}]"
    lines = [header] + fields(value)
    for k, v in value.items():
        if is_table_array(v):
            for item in v:
                lines += [""] + table(f"{path}.{key(k)}", item, True)
    return lines


def blocks(text):
    """The file cut into (comment lines, header, body lines) per top-level table; the
    first block's header is None (the file's opening comments)."""
    out, comments, header, body = [], [], None, []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if re.match(r"^\[\[?[A-Za-z_]+\]\]?\s*$", line):
            out.append((comments if header is not None else [], header, body))
            if header is None:
                out[-1] = ([], None, comments + body)
            header, body, comments = line.strip(), [], []
        elif line.startswith("#") and header is not None and i + 1 < len(lines):
            # A comment before the next header belongs to it; one inside a table stays there.
            j = i
            while j < len(lines) and lines[j].startswith("#"):
                j += 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines) and lines[j].startswith("["):
                comments += lines[i:j]
                i = j
                continue
            body.append(line)
        else:
            body.append(line)
        i += 1
    out.append((comments, header, body))
    return out


def rewrite(text):
    out = []
    for comments, header, body in blocks(text):
        if header is None:
            out += [l for l in body]
            continue
        name = header.strip("[]")
        array = header.startswith("[[")
        parsed = tomllib.loads(header + "\n" + "\n".join(body))
        value = parsed[name][0] if array else parsed[name]
        kept = [l for l in body if l.startswith("#")]
        if kept and any(isinstance(v, dict) or is_table_array(v) for v in value.values()):
            raise SystemExit(f"{header}: a comment inside a table with sub-tables cannot be placed")
        while out and not out[-1].strip():
            out.pop()
        if out:
            out.append("")
        out += [c for c in comments if c.strip()]
        if kept:
            # A table whose keys carry comments (sources.toml's [meta]) is already one field a line.
            out += [header] + [l for l in body if l.strip()]
        else:
            out += table(name, value, array)
    return "\n".join(out).rstrip("\n") + "\n"


def main():
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        new = rewrite(text)
        if tomllib.loads(new) != tomllib.loads(text):
            raise SystemExit(f"{path}: the rewritten file does not hold the same data")
        with open(path, "w", encoding="utf-8") as f:
            f.write(new)


if __name__ == "__main__":
    main()
