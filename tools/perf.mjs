// Time from navigation to an interactive first question, in headless Chromium with the
// CPU throttled 4x through the DevTools protocol (a slow phone). Prints each run and the
// median. Usage: node tools/perf.mjs [DIST_DIR] [RUNS]
import { serve, launch } from '../tests/e2e/support.mjs';

const dist = process.argv[2] ?? 'dist';
const runs = Number(process.argv[3] ?? 5);
const server = await serve(dist);
const browser = await launch();
const times = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(`${server.url}#lang=en`, { waitUntil: 'commit' });
  // Interactive: the first question's field is rendered and accepts typing.
  await page.waitForSelector('#nationality:not([disabled])', { timeout: 60000 });
  await page.type('#nationality', 'de');
  await page.waitForSelector('#nationality-matches button');
  const ms = await page.evaluate(() => performance.now());
  times.push(ms);
  console.log(`run ${i + 1}: ${ms.toFixed(0)} ms`);
  await context.close();
}
times.sort((a, b) => a - b);
console.log(`median navigation to interactive first question (CPU 4x slower): ${times[Math.floor(times.length / 2)].toFixed(0)} ms`);
await browser.close();
await server.close();
