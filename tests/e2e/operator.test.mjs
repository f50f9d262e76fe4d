// An operator's own data, built into the page with no change to the code: scripts/test
// builds `dist-operator` with KZVISA_RULES_DIR holding the built-in files plus the
// additions in tests/operator/ (hosts notify within 5 working days; 60 days for Pakistan),
// and its operator file (tests/operator/operator.toml): who runs the page, on screen and paper.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, ready, axe } from './support.mjs';

const DIST = process.env.KZVISA_OPERATOR_DIST ?? 'dist-operator';
let server, browser;
before(async () => { server = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test("the page says the operator's numbers: 60 days for Pakistan, 5 working days for the host", async () => {
  const page = await openPage(browser);
  const trip = 'purpose=tourism&passport.expires=2031-01-01&trip.entry=2026-12-01&trip.exit=2027-01-29&trip.entry_point=land&today=2026-11-22';
  await page.goto(`${server.url}#nationality=PK&${trip}&lang=en`);
  await ready(page);
  assert.equal(await page.getAttribute('.result', 'data-route'), 'visa_free');
  assert.equal(await page.getAttribute('.result', 'data-regime'), 'pk_bilateral_60');
  assert.match(await page.textContent('h1'), /for up to 60 days/);
  // The deadline's date is on the step that is due by it.
  assert.match(await page.textContent('[data-code="host_notifies_migration_service"]'), /within 5 working days/);
  assert.equal((await page.textContent('[data-code="host_notification"]')).trim(), '— by 8 December 2026');
  // In Russian too, with the plural form of 60.
  await page.goto(`${server.url}#nationality=PK&${trip}&lang=ru`);
  await ready(page);
  assert.match(await page.textContent('h1'), /60 дней/);
  assert.match(await page.textContent('[data-code="host_notifies_migration_service"]'), /5 рабочих дней/);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('the footer names who runs the check, from the operator file, on screen and on paper', async () => {
  const page = await openPage(browser);
  const trip = 'nationality=DE&purpose=tourism&passport.expires=2031-01-01&trip.entry=2026-12-01&trip.exit=2026-12-20&trip.entry_point=airport_almaty&today=2026-11-22';
  for (const [lang, name, privacy] of [['en', 'Steppe Travel Agency', /keeps nothing/], ['ru', 'Турагентство «Степь»', /не хранит/], ['kk', '«Дала» туристік агенттігі', /сақтамайды/]]) {
    await page.goto(`${server.url}#${trip}&lang=${lang}`);
    await ready(page);
    assert.equal(await page.textContent('.operator-name strong'), name);
    assert.match(await page.textContent('.operator-privacy'), privacy);
  }
  assert.match(await page.textContent('.operator-contact'), /visa-desk@agency\.example, \+7 727 000 00 00/);
  assert.equal(await page.locator('.operator-contact a').count(), 0, 'the contact is text: a kiosk must not leave the app');
  assert.ok(await page.$eval('.operator-logo', (img) => img.complete && img.naturalWidth > 0), 'the logo loads');
  await page.click('.operator-accessibility summary');
  assert.match(await page.textContent('.operator-accessibility p'), /Тексеру жұмыс істемесе/);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('.operator-name'), true, 'on paper');
  assert.equal(await page.isVisible('.operator-accessibility'), false);
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(await axe(page), []);
  // The group page's footer, a folder down, finds the same logo.
  await page.goto(`${server.url}group/#lang=en`);
  await ready(page);
  assert.ok(await page.$eval('.operator-logo', (img) => img.complete && img.naturalWidth > 0));
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
