// Prints the transfer size of everything the app's first load needs (raw, gzip -9,
// brotli -q 11) and fails when the gzip total is over the budget. What the app fetches once
// its first question is shown, the words of the law (src/state/words.rs) and the code of the
// later screens (src/lazy.rs), is printed after it, and with it what the whole load transfers.
// Usage: node tools/check/size.mjs DIST_DIR [BUDGET_GZIP_BYTES]
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const budget = Number(process.argv[3] ?? 150_000);
const html = readFileSync(join(dist, 'index.html'), 'utf8');

// What index.html loads (scripts, styles, preloads, the manifest), then the wasm the JS loads.
const refs = new Set(['index.html']);
for (const m of html.matchAll(/(?:href|src)="(?:\.?\/)?([^"#?]+)"/g)) {
  if (!/^[a-z]+:/.test(m[1]) && existsSync(join(dist, m[1]))) refs.add(m[1]);
}
const texts = [html, ...[...refs].filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(dist, f), 'utf8'))];
for (const text of texts) {
  // The start-up script names the wasm it loads: count what exists.
  for (const m of text.matchAll(/['"](?:\.?\/)?([\w.-]+_bg\.wasm)['"]/g)) if (existsSync(join(dist, m[1]))) refs.add(m[1]);
}

// The files the app fetches after its first question: the words, named in the wasm, and the
// later screens' modules, named by the split's loader.
const later = new Set();
for (const wasm of [...refs].filter((f) => f.endsWith('.wasm'))) {
  for (const m of readFileSync(join(dist, wasm), 'latin1').matchAll(/words-[0-9a-f]{16}\.bin/g)) later.add(m[0]);
}
for (const script of [...refs].filter((f) => f.endsWith('.js'))) {
  for (const m of readFileSync(join(dist, script), 'utf8').matchAll(/['"]\.\/((?:split|chunk)_\w+-[0-9a-f]{16}\.wasm)['"]/g)) later.add(m[1]);
}

const measure = (file) => {
  const data = readFileSync(join(dist, file));
  return {
    file,
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const sum = (rows) => {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const row of rows) for (const k of Object.keys(total)) total[k] += row[k];
  return total;
};
const rows = [...refs].sort().map(measure);
const laterRows = [...later].sort().map(measure);
const total = sum(rows);
const fmt = (n) => n.toLocaleString('en').padStart(10);
const line = (name, r) => console.log(`${name.padEnd(48)}${fmt(r.raw)}${fmt(r.gzip)}${fmt(r.brotli)}`);
console.log(`${'file'.padEnd(48)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
for (const r of rows) line(r.file, r);
line('first load', total);
for (const r of laterRows) line(`then ${r.file}`, r);
if (laterRows.length) line('whole load', sum([...rows, ...laterRows]));
if (!rows.some((r) => r.file.endsWith('.wasm'))) {
  console.error('size: no .wasm file found among what index.html loads');
  process.exit(1);
}
if (total.gzip > budget) {
  console.error(`size: the first load is ${total.gzip} bytes gzip, over the budget of ${budget}`);
  process.exit(1);
}
console.log(`size: within the budget of ${budget.toLocaleString('en')} bytes gzip`);
