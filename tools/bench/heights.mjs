// A measurement, not a test: how tall a result is on a 390 × 800 phone, for each route in
// each language, where the verdict ends, and the most that opening one § adds.
// Usage: node tools/bench/heights.mjs [DIST_DIR]
import { serve, launch } from '../../tests/e2e/support.mjs';

const TRIP = 'today=2026-11-21&passport.expires=2031-01-01&trip.entry_point=airport_almaty';
const CASES = {
  visa_free: `${TRIP}&nationality=DE&purpose=tourism&trip.entry=2026-12-01&trip.exit=2026-12-20`,
  e_visa: `${TRIP}&nationality=PE&purpose=tourism&trip.entry=2026-12-20&trip.exit=2026-12-30`,
  consular_visa: `${TRIP}&nationality=NG&purpose=business&birth_date=1990-05-01&trip.entry=2027-01-20&trip.exit=2027-01-30`,
};
const server = await serve(process.argv[2] ?? 'dist');
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
for (const lang of ['en', 'ru', 'kk']) {
  for (const [route, fragment] of Object.entries(CASES)) {
    await page.goto(`${server.url}#${fragment}&lang=${lang}`);
    await page.waitForSelector('.result');
    await page.waitForFunction(() => document.documentElement.dataset.words !== 'loading');
    const { height, verdictBottom, opened } = await page.evaluate(() => {
      const height = document.documentElement.scrollHeight;
      let opened = 0;
      for (const d of document.querySelectorAll('details.sources')) {
        d.open = true;
        opened = Math.max(opened, document.documentElement.scrollHeight - height);
        d.open = false;
      }
      return { height, verdictBottom: document.querySelector('.verdict').getBoundingClientRect().bottom, opened };
    });
    console.log(`${lang} ${route.padEnd(13)} ${String(height).padStart(5)} px; verdict ends at ${Math.round(verdictBottom)} px; a § adds at most ${opened} px`);
  }
}
await browser.close();
await server.close();
