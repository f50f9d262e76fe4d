// Journeys through the built app in headless Chromium, as a person would make them:
// one per route and per language, keyboard only, with axe-core on every screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, ready, axe, step, typeDate, tabTo } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Checks the screen with axe-core and moves on with Enter from `selector`. */
async function next(page, selector, expected) {
  assert.deepEqual(await axe(page), [], `axe on ${await step(page)}`);
  await tabTo(page, selector);
  await page.keyboard.press('Enter');
  await page.waitForFunction((s) => document.querySelector('main')?.dataset.step === s, expected);
}

async function journey(page, { lang, country, purposeIndex, expires, entry, exit, entryPointIndex, birth }) {
  await page.goto(`${server.url}#lang=${lang}&today=2026-11-21`);
  await ready(page);
  assert.equal(await step(page), 'nationality');
  assert.equal(await page.getAttribute('html', 'lang'), lang);
  await tabTo(page, '#nationality');
  await page.keyboard.type(country);
  await page.waitForSelector('#nationality-matches button');
  await next(page, '#nationality', 'purpose');

  await tabTo(page, '#purpose');
  for (let i = 0; i < purposeIndex; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await next(page, 'input[name="purpose"]:checked', 'passport');

  await typeDate(page, 'passport.expires', ...expires);
  await next(page, '#passport-expires-year', 'trip');

  await typeDate(page, 'trip.entry', ...entry);
  await typeDate(page, 'trip.exit', ...exit);
  await tabTo(page, '#trip-entry_point');
  for (let i = 0; i < entryPointIndex; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await tabTo(page, 'input[name="trip-entry_point"]:checked');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => ['details', 'check'].includes(document.querySelector('main')?.dataset.step));
  if ((await step(page)) === 'details') {
    if (birth) await typeDate(page, 'birth_date', ...birth);
    await next(page, 'form button[type="submit"]', 'check');
  }
  await next(page, 'main > button.button', 'result');
  assert.deepEqual(await axe(page), [], 'axe on the result');
  assert.deepEqual(page.consoleErrors, []);
}

const codes = (page, list) => page.$$eval(`${list} [data-code]`, (els) => els.map((e) => e.dataset.code));

test('visa-free journey in English, keyboard only', async () => {
  const page = await openPage(browser);
  await journey(page, { lang: 'en', country: 'Germany', purposeIndex: 0, expires: [1, 1, 2031], entry: [1, 12, 2026], exit: [20, 12, 2026], entryPointIndex: 1 });
  assert.equal(await page.getAttribute('.result', 'data-route'), 'visa_free');
  assert.match(await page.textContent('h1'), /without a visa for up to 30 days/);
  // Each deadline carries its code: on the date of the step it is due by.
  const dates = await page.$$eval('.result [data-code].due', (els) => els.map((e) => [e.dataset.code, e.textContent.trim()]));
  assert.deepEqual(dates, [['host_notification', '— by 4 December 2026'], ['latest_exit', '— by 30 December 2026']]);
  assert.deepEqual(await codes(page, '.document-list'), ['passport']);
  assert.ok((await codes(page, '.step-list')).includes('host_notifies_migration_service'));
  await page.context().close();
});

test('e-visa journey in Russian', async () => {
  const page = await openPage(browser);
  await journey(page, { lang: 'ru', country: 'Перу', purposeIndex: 0, expires: [1, 1, 2031], entry: [10, 1, 2027], exit: [20, 1, 2027], entryPointIndex: 0 });
  assert.equal(await page.getAttribute('.result', 'data-route'), 'e_visa');
  assert.match(await page.textContent('h1'), /электронную визу/);
  const steps = await codes(page, '.step-list');
  for (const code of ['register_on_portal', 'enter_invitation_and_passport', 'pay_fee_online', 'print_e_visa', 'present_e_visa_at_an_international_airport']) {
    assert.ok(steps.includes(code), `${code} in ${steps}`);
  }
  assert.match(await page.textContent('[data-code="present_e_visa_at_an_international_airport"]'), /10 января 2027/);
  await page.context().close();
});

test('consular visa journey in Kazakh, with fingerprints from 16', async () => {
  const page = await openPage(browser);
  await journey(page, { lang: 'kk', country: 'Пәкістан', purposeIndex: 1, expires: [1, 1, 2031], entry: [20, 1, 2027], exit: [30, 1, 2027], entryPointIndex: 4, birth: [1, 5, 1990] });
  assert.equal(await page.getAttribute('.result', 'data-route'), 'consular_visa');
  assert.match(await page.textContent('h1'), /виза алу керек/);
  assert.ok((await codes(page, '.issues-warning')).includes('fingerprints_required'));
  assert.ok((await codes(page, '.step-list')).includes('give_fingerprints'));
  await page.context().close();
});

test('a change from the check screen asks what it newly needs, then returns there', async () => {
  const page = await openPage(browser);
  const trip = 'purpose=tourism&passport.expires=2031-01-01&trip.entry=2026-12-01&trip.exit=2026-12-20&trip.entry_point=airport_almaty';
  await page.goto(`${server.url}#nationality=DE&${trip}&today=2026-11-21&step=check&lang=en`);
  await ready(page);
  await tabTo(page, '.summary-row[data-step="nationality"] button');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('main').dataset.step === 'nationality');
  await page.fill('#nationality', 'Pakistan');
  // No text or act lists Pakistan: a visa from a mission, with fingerprints from 16, so the
  // date of birth is asked.
  await next(page, '#nationality', 'details');
  assert.equal(await page.$('#birth_date-day') !== null, true);
  await typeDate(page, 'birth_date', 1, 5, 1990);
  await next(page, 'form button[type="submit"]', 'check');
  assert.match(await page.textContent('.summary-row[data-step="details"] .summary-value'), /1 May 1990/);
  assert.doesNotMatch(page.url(), /from=check/);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a Russian tourist, in Russian: without a visa under the EAEU resolution, 90 days in 180, to confirm', async () => {
  const page = await openPage(browser);
  await journey(page, { lang: 'ru', country: 'Россия', purposeIndex: 0, expires: [1, 1, 2031], entry: [10, 12, 2026], exit: [19, 12, 2026], entryPointIndex: 3 });
  assert.equal(await page.getAttribute('.result', 'data-route'), 'visa_free');
  assert.equal(await page.getAttribute('.result', 'data-regime'), 'eaeu_90_in_180');
  assert.match(await page.textContent('h1'), /без визы — разрешённый срок: 90 дней/);
  const basis = page.locator('.verdict-basis');
  assert.match(await basis.textContent(), /^Основание: Постановление Правительства № 1146 от 31 декабря 2022 г\. · уточните в посольстве или консульстве/);
  // The act's day and what the five texts alone would give are one step away, behind the §.
  await basis.locator('summary').click();
  assert.match(await basis.textContent(), /Действует с 27 января 2023 г\./);
  assert.match(await basis.textContent(), /виза в посольстве или консульстве Казахстана/, 'what the five texts alone would give');
  assert.equal(await page.$('.verdict-not-covered'), null);
  assert.ok(!(await codes(page, '.result')).includes('invitation_request_by'), 'no visa deadlines');
  await page.click('.about-rules summary');
  assert.ok(await page.$('.about-rules [data-source="gov-res-2022-1146"][data-confidence="reported"]'));
  assert.deepEqual(await axe(page), [], 'axe with the rules listed');
  await page.context().close();
});

test('a Chinese business traveller, in Russian: the 2023 agreement replaces the visa', async () => {
  const page = await openPage(browser);
  await journey(page, { lang: 'ru', country: 'Китай', purposeIndex: 1, expires: [1, 1, 2031], entry: [10, 1, 2027], exit: [30, 1, 2027], entryPointIndex: 1 });
  assert.equal(await page.getAttribute('.result', 'data-route'), 'visa_free');
  assert.equal(await page.getAttribute('.result', 'data-regime'), 'china_treaty_2023');
  assert.match(await page.textContent('h1'), /разрешённый срок: 30 дней/);
  assert.match(await page.textContent('.verdict-basis'), /^Основание: Международный договор от 17 мая 2023 г\./);
  await page.click('.verdict-basis summary');
  assert.match(await page.textContent('.verdict-basis'), /Действует с 10 ноября 2023 г\./);
  const dates = await page.$$eval('.result [data-code].due', (els) => els.map((e) => e.dataset.code));
  assert.deepEqual(dates, ['host_notification', 'latest_exit']);
  assert.match(await page.textContent('[data-code="host_notifies_migration_service"]'), /3 рабочих дн/);
  await page.context().close();
});

test('under law=core the five texts alone apply, and a nationality they do not cover is told so in the verdict', async () => {
  const page = await openPage(browser);
  const trip = 'purpose=tourism&passport.expires=2031-01-01&trip.entry=2026-12-01&trip.exit=2026-12-10&trip.entry_point=rail&today=2026-11-21';
  await page.goto(`${server.url}#nationality=RU&${trip}&birth_date=1990-01-01&law=core&lang=en`);
  await ready(page);
  assert.equal(await page.getAttribute('.result', 'data-route'), 'consular_visa');
  assert.match(await page.textContent('.verdict .verdict-not-covered'), /list no visa-free or e-visa arrangement/);
  assert.match(await page.textContent('.verdict .verdict-law'), /five core texts alone/);
  assert.equal(await page.$('.issues-info [data-code="nationality_not_listed"]'), null, 'said once, in the verdict');
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});
