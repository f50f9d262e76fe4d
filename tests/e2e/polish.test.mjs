// Polish a traveller notices: the window's title names the screen and the service in the
// page's language, with the language's "Error:" first while the screen shows errors; Kazakh
// dates before "дейін" are in the dative; the country search forgives a typo, puts the
// closest names first and is walked with the arrow keys; and a browser that blocks service
// workers runs the app with no error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, ready, axe, tabTo } from './support.mjs';

const RESULT = 'today=2026-11-21&nationality=NG&purpose=business&birth_date=1990-05-01&passport.expires=2031-01-01&trip.entry=2027-01-20&trip.exit=2027-01-30&trip.entry_point=airport_almaty';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the title names the screen and the service, and starts with "Error:" while errors show', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}#lang=en&today=2026-11-21`);
  await ready(page);
  assert.equal(await page.title(), 'What is your nationality? – Can I enter Kazakhstan?');
  await tabTo(page, 'form button[type="submit"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.error-summary a[data-field="nationality"]');
  assert.equal(await page.title(), 'Error: What is your nationality? – Can I enter Kazakhstan?');
  await page.goto(`${server.url}#${RESULT}&lang=ru`);
  await page.waitForSelector('.result');
  assert.equal(await page.title(), 'Ваш результат – Можно ли мне въехать в Казахстан?');
  await page.goto(`${server.url}group/#lang=kk`);
  await page.waitForSelector('[data-action="check-group"]');
  assert.match(await page.title(), /^Саяхатшылар тобын тексеру – /);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('Kazakh dates before "дейін" are in the dative', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}#${RESULT}&lang=kk`);
  await ready(page);
  const text = await page.textContent('.result');
  assert.match(text, /дейін/);
  const bare = /(қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан) дейін/;
  assert.doesNotMatch(text, bare, 'a month in the nominative before дейін');
  assert.match(text, /(ға|ге|қа|ке) дейін/);
  await page.context().close();
});

test('with service workers blocked, the app runs with no error', async () => {
  const page = await openPage(browser, { serviceWorkers: 'block' });
  await page.goto(`${server.url}#${RESULT}&lang=en`);
  await ready(page);
  await page.waitForSelector('.result');
  await page.waitForTimeout(500);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('the country search forgives a typo, lists the closest name first, and the arrow keys walk it', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}#lang=en&today=2026-11-21`);
  await ready(page);
  await tabTo(page, '#nationality');
  await page.keyboard.type('Germny', { delay: 90 });
  await page.waitForSelector('#nationality-matches button[data-code="DE"]');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.code), 'DE', 'down into the first match');
  await page.keyboard.press('Enter');
  assert.equal(await page.inputValue('#nationality'), 'Germany');
  await page.fill('#nationality', '');
  await page.keyboard.type('Инд', { delay: 90 });
  await page.waitForSelector('#nationality-matches button[data-code="ID"]');
  assert.deepEqual(await page.$$eval('#nationality-matches button', (b) => b.slice(0, 2).map((x) => x.dataset.code)), ['IN', 'ID'], 'Индия before Индонезия');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.code), 'ID');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'nationality', 'up from the first match, back to the box');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('each date is on the step due by it, in time order; a step on arrival day says "On", a past date says it has passed, once', async () => {
  const page = await openPage(browser);
  const late = RESULT.replace('today=2026-11-21', 'today=2027-01-05');
  await page.goto(`${server.url}#${late}&lang=en`);
  await ready(page);
  // The deadlines a step carries are on its date; none is left over for a list of its own.
  const codes = await page.$$eval('.result [data-code].due', (ls) => ls.map((l) => l.dataset.code));
  assert.deepEqual(codes.slice(0, 3), ['invitation_request_by', 'visa_application_by', 'host_notification'], `in time order: ${codes}`);
  assert.equal(await page.$('.dates'), null);
  // What follows is said once: by the warning that names a date (the invitation's time is
  // short), else at the first step past; every other passed step is marked only.
  const passedNotes = () => page.$$eval('.step-list li[data-code]', (ls) => ls
    .filter((l) => l.querySelector(':scope > .passed-note'))
    .map((l) => [l.dataset.code, l.querySelector(':scope > .passed-note').textContent]));
  assert.equal(await page.locator('.issues-warning [data-code="invitation_time_short"]').count(), 1, 'a warning says the invitation is late');
  assert.deepEqual(await passedNotes(), [['get_invitation', '(passed)']], 'and the step is marked only');
  assert.deepEqual(await axe(page), []);
  // Already in Kazakhstan: the day of arrival and the host's notice have passed, and no
  // warning names the notice's day.
  await page.goto(`${server.url}#today=2026-12-10&nationality=DE&purpose=tourism&passport.expires=2031-01-01&trip.entry=2026-12-01&trip.exit=2026-12-20&trip.entry_point=airport_almaty&lang=en`);
  await ready(page);
  const notes = await passedNotes();
  assert.deepEqual(notes.map(([code]) => code), ['cross_at_international_checkpoint', 'host_notifies_migration_service'], `${notes}`);
  assert.equal(notes[0][1], '(passed)', 'the arrival day is named by its warning');
  assert.match(notes[1][1], /This date has passed\. Do it now/, 'said at the first step past no warning names');
  assert.deepEqual(await axe(page), []);
  await page.goto(`${server.url}#today=2026-11-21&nationality=DE&purpose=tourism&passport.expires=2031-01-01&trip.entry=2026-12-01&trip.exit=2026-12-20&trip.entry_point=airport_almaty&lang=en`);
  await page.waitForSelector('.step-list li[data-code="cross_at_international_checkpoint"] .due');
  assert.match(await page.textContent('.step-list li[data-code="cross_at_international_checkpoint"] .due'), /— on 1 December 2026/);
  assert.match(await page.textContent('.step-list li[data-code="host_notifies_migration_service"] .due'), /— by /);
  await page.goto(page.url().replace('lang=en', 'lang=kk'));
  await page.waitForFunction(() => document.documentElement.lang === 'kk');
  assert.match(await page.textContent('.step-list li[data-code="cross_at_international_checkpoint"] .due'), /желтоқсанда/);
  await page.context().close();
});

test('the verdict says one of three things in words and by icon, and what would make a blocked trip work', async () => {
  const page = await openPage(browser);
  const trip = (nationality, exit) => `today=2026-11-21&nationality=${nationality}&purpose=tourism&passport.expires=2031-01-01&trip.entry=2026-12-01&trip.exit=${exit}&trip.entry_point=airport_almaty&lang=en`;
  await page.goto(`${server.url}#${trip('DE', '2026-12-20')}`);
  await ready(page);
  assert.equal(await page.getAttribute('.verdict', 'data-outlook'), 'as_planned');
  await page.goto(`${server.url}#${RESULT}&lang=en`);
  await page.waitForSelector('.verdict[data-outlook="first_do"]');
  assert.match(await page.textContent('.verdict-outlook'), /First get your visa/);
  assert.notEqual(await page.$eval('.verdict', (v) => getComputedStyle(v).backgroundColor), 'rgb(0, 112, 60)', 'not green');
  await page.goto(`${server.url}#${trip('US', '2027-01-14')}`);
  await page.waitForSelector('.verdict[data-outlook="not_as_planned"]');
  assert.match(await page.textContent('[data-choice="shorten"]'), /leave Kazakhstan by 30 December 2026/);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test('on paper, the checklist names the service, the day it was made and the trip', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}#today=2026-11-21&nationality=DE&purpose=tourism&passport.expires=2031-01-01&trip.entry=2026-12-01&trip.exit=2026-12-20&trip.entry_point=airport_almaty&lang=en`);
  await ready(page);
  assert.equal(await page.$eval('.print-header', (p) => getComputedStyle(p).display), 'none', 'not on screen');
  await page.emulateMedia({ media: 'print' });
  const header = await page.$eval('.print-header', (p) => (getComputedStyle(p).display === 'none' ? '' : p.textContent));
  assert.match(header, /Can I enter Kazakhstan\?.*21 November 2026.*1 December 2026 to 20 December 2026/);
  await page.context().close();
});

test('the first screenful on a phone shows the verdict and the one next thing to do, with its date', async () => {
  const page = await openPage(browser, { viewport: { width: 390, height: 800 } });
  await page.goto(`${server.url}#${RESULT}&lang=en`);
  await ready(page);
  const next = await page.waitForSelector('.verdict-next');
  assert.equal(await next.getAttribute('data-next'), 'get_invitation');
  assert.match(await next.textContent(), /^Next: .* — by 11 December 2026$/);
  const bottom = await next.evaluate((n) => n.getBoundingClientRect().bottom);
  assert.ok(bottom <= 800, `within the first screenful: ${bottom}`);
  await page.context().close();
});

test('one "Sources" section names each text the result cites, by name, date and address', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}#${RESULT}&lang=ru`);
  await ready(page);
  // Folded on screen; printed open.
  assert.equal(await page.locator('.result-sources li[data-source]').first().isVisible(), false);
  await tabTo(page, '.source-texts summary');
  await page.keyboard.press('Enter');
  assert.ok(await page.locator('.result-sources li[data-source]').first().isVisible());
  await page.keyboard.press('Enter');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('.result-sources li[data-source]').first().isVisible(), 'printed open');
  await page.emulateMedia({ media: 'screen' });
  const listed = await page.$$eval('.result-sources li[data-source]', (items) => items.map((i) => i.dataset.source));
  const cited = await page.$$eval('.result .sources li[data-doc]', (items) => [...new Set(items.map((i) => i.dataset.doc))]);
  assert.ok(cited.length > 0);
  for (const doc of cited) assert.ok(listed.includes(doc), `${doc} is cited by a line and named in Sources`);
  assert.equal(new Set(listed).size, listed.length, 'each text once');
  assert.ok(listed.length < await page.$$eval('.about-rules li[data-source]', (i) => i.length), 'only what this result cites');
  assert.equal(await page.textContent('#result-sources'), 'Источники');
  for (const item of await page.$$('.result-sources li[data-source]')) {
    const [id, text] = [await item.getAttribute('data-source'), await item.textContent()];
    // The five texts carry no date of their own; every later act says its date or that none was found.
    if (/^\d{3}$/.test(id)) assert.doesNotMatch(text, /не найдена/, id);
    else assert.match(text, /\d{4}|не найдена/, `${id}: a date, or that it is unknown`);
  }
  // Addresses are links that open apart, with no referrer (a kiosk shows them as text).
  const links = await page.$$eval('.result-sources a.url', (as) => as.map((a) => [a.target, a.rel]));
  assert.ok(links.length > 0 && links.every(([t, r]) => t === '_blank' && r.includes('noreferrer')));
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test('a quote stays in its own language, with a translation into the page\'s marked as one', async () => {
  const page = await openPage(browser, { viewport: { width: 390, height: 800 } });
  await page.goto(`${server.url}#${RESULT}&lang=ru`);
  await ready(page);
  // The marker is a § seen and the word "Источник" heard.
  // The application is one of the steps at the mission, which open together.
  await page.click('[data-group="at_the_mission"] > .step-group > summary');
  const marker = page.locator('li[data-code="submit_application"] .sources summary');
  assert.equal(await marker.locator('[aria-hidden="true"]').textContent(), '§');
  assert.equal((await marker.textContent()).trim(), '§Источник');
  const height = await marker.evaluate((m) => m.getBoundingClientRect().height);
  assert.ok(height >= 24, `a target of at least 24 px: ${height}`);
  await marker.focus();
  await page.keyboard.press('Enter');
  const item = (doc) => page.locator(`li[data-code="submit_application"] .sources li[data-doc="${doc}"]`);
  // An English text's words, and our Russian translation of them, labelled.
  assert.equal(await item('000').locator('blockquote').getAttribute('lang'), 'en');
  assert.match(await item('000').locator('blockquote').textContent(), /visa application form/);
  const translation = item('000').locator('.translation');
  assert.match(await translation.textContent(), /^Неофициальный перевод: .*анкета/);
  assert.equal(await translation.getAttribute('lang'), null, 'in the page\'s language');
  // In Kazakh the same quote is translated into Kazakh; the quote itself does not change.
  await page.click('button.lang:has-text("Қазақша")');
  await page.waitForFunction(() => document.documentElement.lang === 'kk');
  assert.match(await translation.textContent(), /^Ресми емес аударма: /);
  assert.match(await item('000').locator('blockquote').textContent(), /visa application form/);
  // A Russian quote on the Russian page has no translation beside it; on the English page it has.
  await page.goto(`${server.url}#${RESULT.replace('NG', 'PE').replace('business', 'tourism')}&lang=ru`);
  await ready(page);
  await page.click('[data-group="apply_on_portal"] > .step-group > summary');
  const print = page.locator('li[data-code="print_e_visa"]');
  await print.locator('.sources summary').click();
  assert.equal(await print.locator('blockquote').getAttribute('lang'), 'ru');
  assert.equal(await print.locator('.translation').count(), 0);
  await page.click('button.lang:has-text("English")');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await print.locator('.translation').textContent(), /^Translation, not official: to print/);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test('by default the footer says what the app is and who to ask, in the page\'s language', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}#lang=kk&today=2026-11-21`);
  await ready(page);
  assert.match(await page.textContent('.operator-name'), /ресми мемлекеттік қызмет емес/);
  assert.match(await page.textContent('.operator-privacy'), /cookie/);
  await tabTo(page, '.operator-accessibility summary');
  await page.keyboard.press('Enter');
  assert.match(await page.textContent('.operator-accessibility p'), /WCAG 2\.2/);
  await page.context().close();
});

test('a first step already overdue is still the next thing to do, and the verdict says so', async () => {
  const page = await openPage(browser);
  const late = 'today=2026-11-21&passport.expires=2031-01-01&trip.entry_point=airport_almaty&nationality=PE&purpose=tourism&trip.entry=2026-12-20&trip.exit=2026-12-30';
  await page.goto(`${server.url}#${late}&lang=en`);
  await ready(page);
  const next = page.locator('.verdict-next');
  assert.equal(await next.getAttribute('data-overdue'), 'true');
  assert.equal(await next.getAttribute('data-next'), await page.getAttribute('.step-list li[data-code]', 'data-code'), 'the first step');
  assert.match(await next.textContent(), /it was due on \d+ \w+ 2026, so do it now/);
  await page.goto(`${server.url}#${late}&lang=ru`);
  await ready(page);
  assert.match(await page.textContent('.verdict-next'), /срок был \d+ ноября 2026 г\., сделайте это сейчас/);
  await page.context().close();
});

test('a note on the texts reads in the page\'s language', async () => {
  const page = await openPage(browser);
  for (const [lang, script] of [['ru', /[а-яё]{4}/i], ['kk', /[әіңғүұқөһа-я]{4}/i]]) {
    await page.goto(`${server.url}#${RESULT}&lang=${lang}`);
    await ready(page);
    // The notes on the texts are with the sources, one step further than a line's §.
    await page.click('.source-notes > summary');
    const note = page.locator('.source-notes li').first();
    const text = await note.locator('span').textContent();
    assert.match(text, script, `${lang}: ${text}`);
    assert.doesNotMatch(text, /\b(the|and|is|of)\b/, `${lang}: no English left`);
    assert.equal(await note.locator('span').getAttribute('lang'), null, 'in the page\'s language, not marked as English');
  }
  await page.context().close();
});
