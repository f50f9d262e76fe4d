// Time from navigation to an interactive first question, in headless Chromium with the
// CPU throttled 4x through the DevTools protocol (a slow phone), on the build served by
// nginx as a host serves it (deploy/nginx/). With a second build (bench/floor, the bare
// Leptos counter), the same timing of its first click, as the floor any Leptos app starts
// from. Prints each run and the medians.
// Usage: node tools/bench/perf.mjs [DIST_DIR] [RUNS] [FLOOR_DIST_DIR]
import { serve, launch } from '../../tests/e2e/support.mjs';
import { serveFloor } from './floor.mjs';

const [dist = 'dist', runs = '5', floorDist] = process.argv.slice(2);
const browser = await launch();

/** The median of `runs` timings of `interact` on a fresh page at `url`. */
async function median(name, url, interact) {
  const times = [];
  for (let i = 0; i < Number(runs); i++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url, { waitUntil: 'commit' });
    await interact(page);
    const ms = await page.evaluate(() => performance.now());
    times.push(ms);
    console.log(`${name} run ${i + 1}: ${ms.toFixed(0)} ms`);
    await context.close();
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const app = await serve(dist);
// Interactive: the first question's field is rendered and answers typing with suggestions.
const appMs = await median('kzvisa', `${app.url}#lang=en`, async (page) => {
  await page.waitForSelector('#nationality:not([disabled])', { timeout: 60000 });
  await page.type('#nationality', 'de');
  await page.waitForSelector('#nationality-matches button');
});
await app.close();
console.log(`median navigation to interactive first question (CPU 4x slower): ${appMs.toFixed(0)} ms`);

if (floorDist) {
  const floor = await serveFloor(floorDist, dist);
  const floorMs = await median('floor', floor.url, async (page) => {
    await page.click('main button', { timeout: 60000 });
    await page.waitForFunction(() => document.querySelector('main button').textContent.includes('1'));
  });
  await floor.close();
  console.log(`median navigation to the bare counter's first click (CPU 4x slower): ${floorMs.toFixed(0)} ms`);
}
await browser.close();
