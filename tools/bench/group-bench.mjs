// A benchmark, not a test: the time the group check takes to read, assess and render 1,000
// travellers in headless Chromium, from pressing "Check the group" to the last row drawn,
// at full speed and with the CPU throttled 4x (a slow laptop at an agency). Prints each run
// and the medians. The native figure (100,000 rows) is `cargo bench -p kzvisa-rules --bench group`.
// Usage: node tools/bench/group-bench.mjs [DIST_DIR] [RUNS] [ROWS]
import { serve, launch } from '../../tests/e2e/support.mjs';

const dist = process.argv[2] ?? 'dist';
const runs = Number(process.argv[3] ?? 5);
const rows = Number(process.argv[4] ?? 1000);
const NATIONALITIES = ['DE', 'US', 'IN', 'CN', 'RU', 'NG', 'FR', 'UZ', 'BR', 'JP', 'TR', 'KR'];
const csv = ['name;nationality;birth_date;passport.expires']
  .concat(Array.from({ length: rows }, (_, i) => `"Traveller ${i}";${NATIONALITIES[i % NATIONALITIES.length]};1985-03-0${1 + (i % 9)};2030-01-15`))
  .join('\n');

const server = await serve(dist);
const browser = await launch();
for (const rate of [1, 4]) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(`${server.url}group/#lang=en&today=2026-11-21&purpose=tourism&trip.entry=2026-12-01&trip.exit=2026-12-20&trip.entry_point=airport_almaty`);
    await page.waitForSelector('[data-action="check-group"]', { timeout: 60000 });
    await page.fill('#group_csv', csv);
    // Timed in the page: from the click to the frame after the last row is in the document.
    const ms = await page.evaluate((n) => new Promise((done) => {
      const start = performance.now();
      const seen = () => document.querySelectorAll('[data-row]').length === n;
      new MutationObserver((_, observer) => {
        if (seen()) {
          observer.disconnect();
          requestAnimationFrame(() => done(performance.now() - start));
        }
      }).observe(document.querySelector('main'), { childList: true, subtree: true });
      document.querySelector('[data-action="check-group"]').click();
    }), rows);
    times.push(ms);
    console.log(`CPU ${rate}x, run ${i + 1}: ${ms.toFixed(0)} ms`);
    await context.close();
  }
  times.sort((a, b) => a - b);
  console.log(`median, ${rows} travellers, CPU ${rate}x slower: ${times[Math.floor(times.length / 2)].toFixed(0)} ms`);
}
await browser.close();
await server.close();
