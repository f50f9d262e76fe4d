// The printed checklist: one or two A4 pages for every route in every language, with the
// page's controls left off and every line of the result on paper.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, ready } from './support.mjs';

const TRIP = 'today=2026-11-21&passport.expires=2031-01-01&trip.entry_point=airport_almaty';
const CASES = {
  visa_free: `${TRIP}&nationality=DE&purpose=tourism&trip.entry=2026-12-01&trip.exit=2026-12-20`,
  e_visa: `${TRIP}&nationality=PE&purpose=tourism&trip.entry=2026-12-20&trip.exit=2026-12-30`,
  consular_visa: `${TRIP}&nationality=NG&purpose=business&birth_date=1990-05-01&trip.entry=2027-01-20&trip.exit=2027-01-30`,
  // The longest result: a blocked work trip with its warnings.
  blocked: 'today=2026-11-21&nationality=RU&purpose=work&birth_date=1990-05-01&passport.expires=2027-01-01&trip.entry=2026-12-01&trip.exit=2027-03-30&trip.entry_point=land',
};

/** Pages in a PDF as Chromium writes it (one `/Type /Page` object per page). */
const pages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the printed checklist is one or two A4 pages for every route, in every language', async () => {
  const page = await openPage(browser);
  const counts = [];
  for (const lang of ['en', 'ru', 'kk']) {
    for (const [name, fragment] of Object.entries(CASES)) {
      await page.goto(`${server.url}?print=${lang}-${name}#${fragment}&lang=${lang}`);
      await ready(page);
      const n = pages(await page.pdf({ format: 'A4' }));
      counts.push(`${lang} ${name}: ${n}`);
      assert.ok(n >= 1 && n <= 2, `${lang} ${name} prints on ${n} pages`);
    }
  }
  await page.emulateMedia({ media: 'print' });
  const shown = await page.$$eval('.actions, .back-link, .header, .skip-link', (els) => els.map((el) => `${el.className}: ${getComputedStyle(el).display}`));
  assert.equal(shown.length, 4, `the controls are on the page: ${shown}`);
  assert.ok(shown.every((s) => s.endsWith(': none')), `buttons, the back link and the header are not printed: ${shown}`);
  const lines = await page.$$eval('.result [data-code]', (els) => els.filter((el) => el.offsetHeight === 0).length);
  assert.equal(lines, 0, 'every line of the result is printed');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
