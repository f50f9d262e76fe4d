// The passport's machine-readable zone: typed into its field, or scanned by a keyboard-wedge
// reader while any field or none has focus, in kiosk mode and not. Only nationality, date of
// birth and expiry are kept; a broken check digit fills nothing and says which check failed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, ready, axe, step, tabTo } from './support.mjs';
import { td3, UTOPIA, scan } from './mrz.mjs';

const START = 'lang=en&today=2026-11-21';
const ERIKA = td3();

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const hash = (page) => decodeURIComponent(new URL(page.url()).hash);

/** Nothing but the three answers: no name, no document number, no raw MRZ. */
function keptOnly(page) {
  const h = hash(page);
  assert.ok(h.includes('nationality=DE'), h);
  assert.ok(h.includes('birth_date=1990-05-01'), h);
  assert.ok(h.includes('passport.expires=2031-01-01'), h);
  for (const secret of ['MUSTERMANN', 'ERIKA', 'C01X00T47', 'mrz', '<']) assert.ok(!h.includes(secret), `${secret} in ${h}`);
}

test('an MRZ typed into its field, at a person\'s pace, answers three questions and moves on', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}#${START}`);
  await ready(page);
  assert.deepEqual(await axe(page), [], 'axe with the MRZ field');
  await tabTo(page, '#mrz');
  await page.keyboard.type(ERIKA[0].toLowerCase(), { delay: 90 });
  await page.keyboard.press('Enter');
  await page.keyboard.type(ERIKA[1], { delay: 90 });
  await tabTo(page, 'form button[type="submit"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('main').dataset.step === 'purpose');
  keptOnly(page);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a broken check digit fills nothing and names the check that failed', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}#${START}`);
  await ready(page);
  const broken = [ERIKA[0], ERIKA[1].slice(0, 19) + ((Number(ERIKA[1][19]) + 1) % 10) + ERIKA[1].slice(20)];
  await page.fill('#mrz', broken.join('\n'));
  await tabTo(page, 'form button[type="submit"]');
  await page.keyboard.press('Enter');
  const link = await page.waitForSelector('.error-summary a[data-field="mrz"]');
  assert.match(await link.textContent(), /date of birth/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'error-summary');
  assert.equal(await step(page), 'nationality');
  assert.ok(!hash(page).includes('nationality='), 'nothing filled');
  assert.ok(await page.$('#mrz-error'), 'the message is next to the field too');
  assert.match(await page.getAttribute('#mrz', 'aria-describedby'), /mrz-error/);
  assert.deepEqual(await axe(page), [], 'axe with the error');
  // Utopia's specimen checks, but Utopia is no country.
  await page.fill('#mrz', UTOPIA.join('\n'));
  await tabTo(page, 'form button[type="submit"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /nationality code/.test(document.querySelector('.error-summary a[data-field="mrz"]')?.textContent));
  assert.ok(!hash(page).includes('nationality='));
  await page.context().close();
});

test('a reader scanning while the search field has focus: the MRZ is taken, the field keeps what the person typed', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}#${START}`);
  await ready(page);
  await tabTo(page, '#nationality');
  await page.keyboard.type('Ge', { delay: 150 });
  await scan(page, ERIKA, { separator: 'Enter' });
  await page.waitForFunction(() => document.querySelector('main').dataset.step === 'purpose');
  keptOnly(page);
  // Back to the question: the country the passport gave, none of the reader's characters.
  await page.click('.back-link');
  await page.waitForFunction(() => document.querySelector('main').dataset.step === 'nationality');
  assert.equal(await page.inputValue('#nationality'), 'Germany');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('in kiosk mode the first screen says "or scan your passport", and a scan with Tabs and a prefix works on any screen', async () => {
  const page = await openPage(browser, { viewport: { width: 1080, height: 1920 } });
  await page.goto(`${server.url}#${START}&mode=kiosk`);
  await ready(page);
  assert.match(await page.textContent('.scan-note'), /scan your passport/i);
  // Nothing has focus.
  await page.evaluate(() => document.activeElement?.blur());
  await scan(page, ERIKA, { separator: 'Tab', prefix: '@' });
  await page.waitForFunction(() => document.querySelector('main').dataset.step === 'purpose');
  keptOnly(page);
  // Later, on the trip screen, with a date half typed: a second scan leaves the date as it was.
  await page.goto(`${server.url}#${START}&mode=kiosk&purpose=tourism&nationality=FR&step=trip`);
  await ready(page);
  await page.focus('#trip-entry-day');
  await page.keyboard.type('1', { delay: 150 });
  await scan(page, ERIKA);
  await page.waitForFunction(() => decodeURIComponent(location.hash).includes('nationality=DE'));
  keptOnly(page);
  await page.waitForFunction(() => document.querySelector('main').dataset.step === 'trip');
  assert.equal(await page.inputValue('#trip-entry-day'), '', 'no scanned character left in the date');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a person typing a whole MRZ slowly into another field is never taken for a reader', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}#${START}`);
  await ready(page);
  await tabTo(page, '#nationality');
  await page.keyboard.type(ERIKA.join(''), { delay: 80 });
  assert.equal(await step(page), 'nationality');
  assert.equal(await page.inputValue('#nationality'), ERIKA.join(''));
  assert.ok(!hash(page).includes('nationality='));
  await page.context().close();
});
