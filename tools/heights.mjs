// A measurement, not a test: how tall a result is on a 390 × 800 phone, for each route in
// each language, and whether the verdict, what stands in the way and the first dated step
// are in the first screenful. Usage: node tools/heights.mjs [DIST_DIR]
import { serve, launch } from '../tests/e2e/support.mjs';

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
    const { height, verdictBottom } = await page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      verdictBottom: document.querySelector('.verdict').getBoundingClientRect().bottom,
    }));
    console.log(`${lang} ${route.padEnd(13)} ${String(height).padStart(5)} px; verdict ends at ${Math.round(verdictBottom)} px`);
  }
}
await browser.close();
await server.close();
