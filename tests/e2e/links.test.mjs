// The URL is the state: shared links open their result, reload and back/forward work,
// and bad or tampered values are explained next to their field while the page keeps working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, ready, axe, step, typeDate } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const CASE = 'nationality=DE&purpose=tourism&passport.expires=2031-01-01&trip.entry=2026-12-01&trip.exit=2026-12-20&trip.entry_point=airport_almaty';

test('a shared link opens its result at once, and survives reload, language change and back', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}#${CASE}&today=2026-11-21&lang=en`);
  await ready(page);
  assert.equal(await step(page), 'result');
  assert.equal(await page.getAttribute('.result', 'data-route'), 'visa_free');
  await page.reload();
  await ready(page);
  assert.equal(await page.getAttribute('.result', 'data-route'), 'visa_free');
  await page.click('button.lang[lang="ru"]');
  await page.waitForFunction(() => document.documentElement.lang === 'ru');
  assert.match(await page.textContent('h1'), /без визы/);
  assert.match(page.url(), /lang=ru/);
  assert.match(page.url(), /nationality=DE/, 'the answers stay in the URL');
  await page.click('.back-link');
  await page.waitForFunction(() => document.querySelector('main').dataset.step === 'check');
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('main').dataset.step === 'result');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('an incomplete link opens the question that needs an answer, answers filled in', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}#nationality=IN&purpose=tourism&lang=en&today=2026-11-21`);
  await ready(page);
  assert.equal(await step(page), 'passport');
  await page.click('.back-link');
  await page.waitForFunction(() => document.querySelector('main').dataset.step === 'purpose');
  assert.equal(await page.isChecked('input[value="tourism"]'), true);
  await page.context().close();
});

test('a link to a result of an incomplete case opens the question that needs an answer', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}#step=result&nationality=DE&lang=en`);
  await ready(page);
  assert.equal(await step(page), 'purpose');
  await page.context().close();
});

test('an unknown country in the URL is explained at the field', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}#nationality=ZZ&purpose=tourism&lang=en`);
  await ready(page);
  assert.equal(await step(page), 'nationality');
  assert.match(await page.textContent('#nationality-error'), /Choose a country from the list/);
  assert.equal(await page.inputValue('#nationality'), 'ZZ');
  await page.fill('#nationality', 'Japan');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('main').dataset.step === 'purpose');
  assert.equal(await page.isChecked('input[value="tourism"]'), true, 'the other answers are kept');
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test('a typed name that fits two countries is not guessed: the traveller picks one', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}#lang=en&today=2026-11-21`);
  await ready(page);
  await page.focus('#nationality');
  await page.keyboard.type('Korea');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#nationality-error');
  assert.equal(await step(page), 'nationality', 'North or South is not guessed');
  assert.match(await page.textContent('#nationality-error'), /Choose a country from the list/);
  assert.deepEqual(await page.$$eval('#nationality-matches button', (bs) => bs.map((b) => b.dataset.code)), ['KP', 'KR']);
  await page.focus('#nationality-matches button[data-code="KR"]');
  await page.keyboard.press('Enter');
  await page.click('form button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('main').dataset.step === 'purpose');
  assert.match(page.url(), /nationality=KR/);
  // A passport reader types Germany as "D", the code German passports carry.
  await page.goto(`${server.url}?reader#lang=en&today=2026-11-21`);
  await ready(page);
  await page.focus('#nationality');
  await page.keyboard.type('D\n');
  await page.waitForFunction(() => document.querySelector('main').dataset.step === 'purpose');
  assert.match(page.url(), /nationality=DE/);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a tampered URL runs no script and keeps working', async () => {
  const page = await openPage(browser);
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  const evil = encodeURIComponent('<img src=x onerror=alert(1)>');
  await page.goto(`${server.url}#nationality=${evil}&purpose=${evil}&trip.exit=%ZZ&previous_stays=junk&lang=xx`);
  await ready(page);
  assert.equal(await step(page), 'nationality');
  assert.equal(await page.$('main img'), null, 'the value is shown as text, never as HTML');
  assert.equal(await page.inputValue('#nationality'), '<img src=x onerror=alert(1)>');
  assert.equal(dialogs, 0);
  await page.fill('#nationality', 'Germany');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('main').dataset.step === 'purpose');
  assert.match(await page.textContent('#purpose-error'), /Choose the purpose/);
  await page.context().close();
});

test('an impossible date and an exit before entry are explained next to their fields', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}#nationality=DE&purpose=tourism&lang=en&today=2026-11-21&step=passport`);
  await ready(page);
  await typeDate(page, 'passport.expires', 31, 2, 2031);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#passport-expires-error');
  assert.match(await page.textContent('#passport-expires-error'), /does not exist/);
  assert.match(await page.textContent('.error-summary'), /does not exist/);
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('error-summary')), true);
  assert.equal(await step(page), 'passport');
  assert.deepEqual(await axe(page), [], 'axe with errors shown');
  await page.fill('#passport-expires-day', '28');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('main').dataset.step === 'trip');
  await typeDate(page, 'trip.entry', 10, 12, 2026);
  await typeDate(page, 'trip.exit', 1, 12, 2026);
  await page.check('#trip-entry_point');
  await page.click('form button[type="submit"]');
  await page.waitForSelector('#trip-exit-error');
  assert.match(await page.textContent('#trip-exit-error'), /on or after|same as or after/);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('an earlier stay a link holds badly is shown at its field, and once corrected the check goes on', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}#${CASE}&today=2026-11-21&previous_stays=junk&lang=en`);
  await ready(page);
  assert.equal(await step(page), 'details');
  assert.equal(await page.inputValue('#previous_stays-0-entry-year'), 'junk', 'what the link held is shown');
  assert.match(await page.textContent('#previous_stays-0-entry-error'), /real date/);
  assert.deepEqual(await axe(page), [], 'axe with the error shown');
  // By keyboard, as a person would: over-type the year, then give the exit.
  await page.focus('#previous_stays-0-entry-year');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await typeDate(page, 'previous_stays[0].entry', 1, 7, 2026);
  await typeDate(page, 'previous_stays[0].exit', 10, 7, 2026);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('main').dataset.step === 'check');
  assert.match(page.url(), /previous_stays=2026-07-01\.\.2026-07-10/);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('an answer from a link that no screen asks can be removed on the check screen, by keyboard', async () => {
  const page = await openPage(browser);
  // Earlier stays count only without a visa: a Peruvian traveller (an e-visa) is never
  // asked them, and a broken one must not hold the check up.
  const peruvian = CASE.replace('nationality=DE', 'nationality=PE');
  await page.goto(`${server.url}#${peruvian}&today=2026-11-21&previous_stays=junk&lang=en`);
  await ready(page);
  assert.equal(await step(page), 'check');
  await page.focus('#check-submit');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement.classList.contains('error-summary'));
  const lines = await page.$$eval('.error-summary li', (ls) => ls.map((l) => l.textContent));
  assert.equal(lines.length, 1, `one line for the stays: ${lines}`);
  assert.match(lines[0], /Earlier stays.*Remove this answer/);
  assert.equal(await page.getByRole('button', { name: /^Remove this answer \(Earlier stays/ }).count(), 1, 'the button names the answer it removes');
  assert.deepEqual(await axe(page), [], 'axe with the summary shown');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement.id === 'check-submit');
  assert.doesNotMatch(page.url(), /previous_stays/);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('main').dataset.step === 'result');
  assert.equal(await page.getAttribute('.result', 'data-route'), 'e_visa');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('the check screen shows every answer the traveller gave, each with a way to change it', async () => {
  const page = await openPage(browser);
  const passport = 'passport.issued=2021-01-02&passport.blank_pages=4&passport.condition_ok=false';
  await page.goto(`${server.url}#${CASE}&${passport}&previous_stays=2026-07-01..2026-07-30&today=2026-11-21&step=check&lang=en`);
  await ready(page);
  const rows = await page.$$eval('.summary-row', (rs) => Object.fromEntries(rs.map((r) => [r.dataset.step, r.querySelector('.summary-value').textContent])));
  assert.equal(rows.passport, 'Expiry date: 1 January 2031; Issue date: 2 January 2021; Free of damage and corrections: No; Blank pages: 4');
  assert.equal(rows.details, 'Earlier stays in Kazakhstan: 1 July 2026 – 30 July 2026');
  assert.equal(await page.$$eval('.summary-row button', (bs) => bs.length), Object.keys(rows).length);
  await page.context().close();
});

test('earlier stays by keyboard: a new stay takes the focus, and after a removal the rest are renumbered', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}#${CASE}&today=2026-11-21&previous_stays=2026-07-01..2026-07-10,2026-08-01..2026-08-05&step=details&lang=en`);
  await ready(page);
  await page.focus('.stay[data-stay="1"] button');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement.id === 'add-stay', null, { timeout: 2000 });
  const ids = await page.$$eval('.stay input', (xs) => xs.map((x) => `${x.id}=${x.value}`));
  assert.deepEqual(ids.slice(0, 3), ['previous_stays-0-entry-day=1', 'previous_stays-0-entry-month=8', 'previous_stays-0-entry-year=2026'], 'the second stay is now the first');
  assert.equal(await page.textContent('.stay[data-stay="1"] h3'), 'Stay 1');
  // An impossible date in it is explained at its own field.
  await page.fill('#previous_stays-0-entry-day', '45');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#previous_stays-0-entry-error');
  // Adding a stay takes the keyboard straight to its first field.
  await page.focus('#add-stay');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement.id === 'previous_stays-1-entry-day', null, { timeout: 2000 });
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('every screen fits a 320 px phone and a kiosk screen without sideways scrolling', async () => {
  for (const viewport of [{ width: 320, height: 640 }, { width: 1920, height: 1080 }]) {
    const page = await openPage(browser, { viewport });
    for (const hash of ['lang=kk', `${CASE}&lang=kk&today=2026-11-21`, `${CASE}&lang=ru&step=check`]) {
      await page.goto(`${server.url}#${hash}`);
      await ready(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${viewport.width}px ${hash}: ${overflow}px sideways`);
      const small = await page.$$eval('button, input, a, summary', (els) => els
        .filter((e) => e.offsetParent !== null && e.checkVisibility() && !e.classList.contains('skip-link'))
        .map((e) => [e.id || e.className || e.tagName, e.getBoundingClientRect()])
        .filter(([, r]) => r.height < 32 || (r.width < 32 && r.width > 0))
        .map(([n, r]) => `${n} ${Math.round(r.width)}x${Math.round(r.height)}`));
      assert.deepEqual(small, [], `${viewport.width}px ${hash}: targets too small`);
    }
    await page.context().close();
  }
});
