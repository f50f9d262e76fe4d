// The app's modules, drawn from their imports: prints each module's imports of the others
// and its components by length, and fails when a module imports one in its own or a higher
// layer (imports go one way, down), or a component is over 60 lines (a long component is
// several parts that want names). Run by scripts/test. Usage: node tools/check/modules.mjs
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// Lowest first: a module may use those in the layers below its own, never above or beside.
const LAYERS = [
  ['i18n'],
  ['plural', 'flow', 'operator'],
  ['texts'],
  ['state'],
  ['widgets', 'files'],
  ['embed', 'kiosk', 'scanner'],
  ['steps', 'result'],
  ['group'],
  ['lazy'],
  ['app'],
];
const COMPONENT_LINES = 60;
const layerOf = new Map(LAYERS.flatMap((names, i) => names.map((n) => [n, i])));

const files = [];
const walk = (d) => readdirSync(d).forEach((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : f.endsWith('.rs') && files.push(join(d, f))));
walk('src');

const problems = [];
const imports = new Map();
const components = [];
for (const file of files) {
  const path = relative('src', file).replace(/\\/g, '/');
  const module = path.split('/')[0].replace(/\.rs$/, '');
  if (['lib', 'main', 'bin'].includes(module)) continue;
  const text = readFileSync(file, 'utf8').split('\n#[cfg(test)]')[0];
  const used = imports.get(module) ?? new Set();
  for (const m of text.matchAll(/crate::(\w+)/g)) if (m[1] !== module) used.add(m[1]);
  for (const m of text.matchAll(/use crate::\{([^}]*)\}/g)) for (const name of m[1].split(',')) used.add(name.trim().split('::')[0]);
  imports.set(module, used);
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (line.trim() !== '#[component]') return;
    let j = i + 1;
    while (!/^\s*(pub )?fn /.test(lines[j])) j++;
    let k = j;
    while (lines[k] !== '}') k++;
    components.push([k - i + 1, `${path}:${lines[j].match(/fn (\w+)/)[1]}`]);
  });
}

for (const [module, used] of [...imports].sort()) {
  if (!layerOf.has(module)) problems.push(`${module}: not in any layer of tools/check/modules.mjs`);
  console.log(`${module.padEnd(8)} -> ${[...used].filter((u) => u !== module).sort().join(', ')}`);
  for (const u of used) {
    if (u !== module && layerOf.has(u) && layerOf.get(u) >= layerOf.get(module)) problems.push(`${module} imports ${u}, which is not below it`);
  }
}
components.sort((a, b) => b[0] - a[0]);
console.log(`\ncomponents by length: ${components.map(([n, w]) => `${w} ${n}`).slice(0, 8).join(', ')}, ...`);
for (const [n, where] of components) if (n > COMPONENT_LINES) problems.push(`${where} is ${n} lines (at most ${COMPONENT_LINES})`);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
