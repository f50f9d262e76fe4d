// The load benchmark (issue 11): Lighthouse (mobile, its default simulated slow phone) on the
// release build served by nginx with deploy/nginx/kzvisa.conf, beside a bare Leptos counter
// (bench/floor) served the same way, alternating, in one run. Prints each run and the medians.
// METHOD is Lighthouse's throttling: `simulate` (its default: an unthrottled load, then a
// model of a slow phone) or `devtools` (the load itself throttled). They differ on this page:
// index.html draws the first question before the app arrives (web/first-screen.html), but in an
// unthrottled load the app replaces it before it is presented, so the model times the largest
// paint by the app's wasm; a throttled load shows the page as a slow phone sees it.
// Usage: scripts/lighthouse [RUNS]   (builds both, installs Lighthouse here, runs this)
//        node tools/bench/lighthouse/run.mjs APP_DIST FLOOR_DIST [RUNS] [METHOD]
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { start } from '../../../deploy/nginx/serve.mjs';
import { serveFloor } from '../floor.mjs';
import { CHROMIUM_ARGS } from '../../../tests/e2e/support.mjs';

const [appDist = 'dist', floorDist = 'bench/floor/dist', runs = '3', throttlingMethod = 'simulate'] = process.argv.slice(2);
console.log(`Lighthouse, mobile, throttling: ${throttlingMethod}`);

const servers = { app: await start(appDist), floor: await serveFloor(floorDist, appDist) };
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });

const AUDITS = { fcp: 'first-contentful-paint', lcp: 'largest-contentful-paint', tti: 'interactive', tbt: 'total-blocking-time', bytes: 'total-byte-weight' };
const rows = { app: [], floor: [] };
try {
  for (let i = 0; i < Number(runs); i++) {
    for (const name of ['floor', 'app']) {
      const { lhr } = await lighthouse(`${servers[name].url}#lang=en`, { port: chrome.port, output: 'json', logLevel: 'error', throttlingMethod });
      // A run Lighthouse could not complete (say, no paint seen) is shown, not counted.
      if (lhr.runtimeError) {
        console.log(name.padEnd(6), `run ${i + 1} failed: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        continue;
      }
      const row = { run: i + 1 };
      for (const [key, category] of Object.entries(lhr.categories)) row[key] = Math.round(category.score * 100);
      for (const [key, audit] of Object.entries(AUDITS)) row[key] = Math.round(lhr.audits[audit].numericValue);
      // What kept a category under 100, so that the figure can be acted on.
      row.failed = Object.values(lhr.categories).flatMap((c) => c.auditRefs)
        .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1 && lhr.audits[ref.id].scoreDisplayMode !== 'informative')
        .map((ref) => `${ref.id} (${lhr.audits[ref.id].score})`);
      rows[name].push(row);
      console.log(name.padEnd(6), JSON.stringify(row));
    }
  }
} finally {
  await chrome.kill();
  await servers.app.close();
  await servers.floor.close();
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
console.log(`\n${'median'.padEnd(8)}${['performance', 'accessibility', 'best-practices', 'seo', 'fcp', 'lcp', 'tti', 'tbt', 'bytes'].map((k) => k.padStart(15)).join('')}`);
for (const name of ['floor', 'app']) {
  const values = ['performance', 'accessibility', 'best-practices', 'seo', 'fcp', 'lcp', 'tti', 'tbt', 'bytes'].map((k) => String(median(rows[name].map((r) => r[k]))).padStart(15));
  console.log(`${name.padEnd(8)}${values.join('')}`);
}
console.log(`LCP over the floor's: ${median(rows.app.map((r) => r.lcp)) - median(rows.floor.map((r) => r.lcp))} ms`);
