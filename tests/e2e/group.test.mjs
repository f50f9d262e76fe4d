// The group check: a trip shared by many travellers from an awkward CSV (a byte-order mark,
// semicolons, quoted names, blank lines, bad rows among good ones), a verdict per row, bad
// rows named by line and column, the export read back, print, and no name outside the page;
// each row telling what a single check tells (outlook, next step and its day), in the page's
// language, readable at 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, openPage, ready, axe, typeDate, tabTo, LOCALES } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const NATIONALITIES = ['DE', 'US', 'IN', 'CN', 'RU', 'NG', 'FR', 'UZ', 'BR', 'JP'];

/** A group's file: `n` travellers, every 50th row bad in a known column. */
function groupFile(n) {
  const rows = ['\uFEFFname;nationality;birth_date;passport.expires;phone'];
  const bad = new Map();
  for (let i = 0; i < n; i++) {
    const line = rows.length + 1;
    const name = `"Traveller ${i}; ""Tester"""`;
    if (i % 50 === 7) {
      rows.push(`${name};ZZ;1990-05-01;2031-01-01;555`);
      bad.set(line, 'nationality');
    } else if (i % 50 === 23) {
      rows.push(`${name};DE;1990-13-01;2031-01-01;555`);
      bad.set(line, 'birth_date');
    } else if (i % 50 === 41) {
      rows.push(`${name};FR;1990-05-01`);
      bad.set(line, 'passport.expires');
    } else {
      rows.push(`${name};${NATIONALITIES[i % NATIONALITIES.length]};1985-03-0${1 + (i % 9)};2030-0${1 + (i % 9)}-15;555`);
    }
    if (i % 100 === 99) rows.push('');
  }
  return { text: rows.join('\r\n'), bad };
}

/** The shared trip, by keyboard. */
async function fillTrip(page) {
  await tabTo(page, '#purpose');
  await page.keyboard.press('Space');
  await typeDate(page, 'trip.entry', 1, 12, 2026);
  await typeDate(page, 'trip.exit', 20, 12, 2026);
  await tabTo(page, '#trip-entry_point');
  await page.keyboard.press('Space');
}

async function checkGroup(page) {
  await tabTo(page, '[data-action="check-group"]');
  await page.keyboard.press('Enter');
}

test('a small group: verdicts by row, axe on the form and the results', async () => {
  const page = await openPage(browser, { viewport: { width: 1366, height: 900 } });
  await page.goto(`${server.url}#view=group&lang=en&today=2026-11-21`);
  await ready(page);
  assert.equal(await page.getAttribute('main', 'data-step'), 'group');
  assert.deepEqual(await axe(page), [], 'axe on the group form');
  await checkGroup(page);
  await page.waitForSelector('.error-summary a[data-field="group_csv"]');
  await fillTrip(page);
  const { text } = groupFile(30);
  await page.fill('#group_csv', text);
  await checkGroup(page);
  await page.waitForSelector('[data-row]');
  assert.equal(await page.$$eval('[data-row]', (r) => r.length), 30);
  assert.equal(await page.getAttribute('[data-ignored]', 'data-ignored'), 'phone', 'the extra column is named, not read');
  assert.deepEqual(await axe(page), [], 'axe on the results');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('1,000 travellers with bad rows among them: each row assessed or named, the export read back, print', async () => {
  const page = await openPage(browser, { viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  await page.goto(`${server.url}#view=group&lang=en&today=2026-11-21`);
  await ready(page);
  await fillTrip(page);
  const { text, bad } = groupFile(1000);
  // Opened from a file, as an agency would.
  await page.setInputFiles('#group-file', { name: 'Delegation of Erika Mustermann.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.waitForFunction(() => document.querySelector('#group_csv').value.length > 1000);
  await checkGroup(page);
  await page.waitForFunction(() => document.querySelectorAll('[data-row]').length === 1000, null, { timeout: 60000 });
  const rows = await page.$$eval('[data-row]', (els) => els.map((el) => ({
    line: Number(el.dataset.row), route: el.dataset.route, allowed: el.dataset.allowed, outlook: el.dataset.outlook, error: el.dataset.error,
    columns: [...el.querySelectorAll('[data-column]')].map((c) => c.dataset.column),
  })));
  for (const r of rows) {
    if (bad.has(r.line)) {
      assert.ok(r.error && !r.route, `line ${r.line} is refused`);
      assert.ok(r.error.includes(`line ${r.line}`), r.error);
      assert.ok(r.columns.includes(bad.get(r.line)), `line ${r.line} names ${bad.get(r.line)}: ${r.columns}`);
    } else {
      assert.ok(['visa_free', 'e_visa', 'consular_visa'].includes(r.route), `line ${r.line}: ${JSON.stringify(r)}`);
      assert.ok(['as_planned', 'first_do', 'not_as_planned'].includes(r.outlook), `line ${r.line}: ${JSON.stringify(r)}`);
      assert.equal(r.outlook === 'not_as_planned', r.allowed === 'false', `line ${r.line}: ${JSON.stringify(r)}`);
    }
  }
  assert.equal(rows.filter((r) => r.error).length, bad.size);
  const counts = await page.$$eval('[data-count] strong', (els) => els.map((e) => Number(e.textContent)));
  assert.equal(counts.reduce((a, b) => a + b, 0), 1000);
  assert.equal(await page.$eval('[data-count="error"] strong', (e) => Number(e.textContent)), bad.size);
  for (const outlook of ['as_planned', 'first_do', 'not_as_planned']) {
    const rowsWith = rows.filter((r) => r.outlook === outlook).length;
    assert.equal(await page.$eval(`[data-count="${outlook}"] strong`, (e) => Number(e.textContent)), rowsWith, outlook);
  }

  const [download] = await Promise.all([page.waitForEvent('download'), tabTo(page, '[data-action="export-group"]').then(() => page.keyboard.press('Enter'))]);
  assert.equal(download.suggestedFilename(), 'kazakhstan-group-check.csv');
  const exported = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(exported[0], 'line,name,nationality,route,allowed,blockers,latest_exit,error,outlook,next,next_date');
  assert.equal(exported.length, 1001);
  assert.ok(exported[1].startsWith('2,"Traveller 0; ""Tester""",DE,visa_free,true'), exported[1]);
  assert.ok(exported[1].includes(',,as_planned,'), exported[1]);

  // Nothing of the travellers in the address, the title, or storage.
  const leaks = await page.evaluate(() => [location.href, document.title, document.cookie, JSON.stringify(localStorage), JSON.stringify(sessionStorage)].join(' '));
  assert.ok(!/Traveller|Mustermann|Tester/.test(leaks), leaks);

  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10000);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.$eval('.group-form', (f) => getComputedStyle(f).display), 'none', 'the form is not printed');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

// ---------------------------------------------------------------------------------------
// A row tells the same story as a single check (issue 23, item 7).


/** A 45-day trip, two days before a Nigerian tourist's invitation is due. */
const TRIP = 'today=2026-10-28&purpose=tourism&trip.entry=2026-12-01&trip.exit=2027-01-14&trip.entry_point=airport_almaty';
const PEOPLE = [
  'name,nationality,birth_date,passport.expires',
  'Ada Obi,NG,1990-01-01,2031-01-01',
  'John Doe,US,1980-02-02,2031-01-01',
  'Bad Date,DE,01.01.1990,2031-01-01',
  'Anna Schmidt,KZ,1990-01-01,2031-01-01',
].join('\n');

/** The group page in `lang` with the trip in its link, the travellers checked. */
async function checked(page, lang) {
  await page.goto(`${server.url}group/#lang=${lang}&${TRIP}`);
  await ready(page);
  await page.fill('#group_csv', PEOPLE);
  await checkGroup(page);
  await page.waitForSelector('[data-row]');
}

/** A row's data and the words of its cells. */
function rowOf(page, line) {
  return page.$eval(`[data-row="${line}"]`, (el) => ({
    ...el.dataset,
    next: el.querySelector('[data-next]')?.dataset.next,
    nextDate: el.querySelector('[data-next]')?.dataset.nextDate,
    nextText: el.querySelector('.group-next')?.textContent ?? '',
    verdict: el.querySelector('.group-verdict')?.textContent ?? '',
    text: el.textContent,
  }));
}

/** What a single check says for one traveller on the same trip. */
async function single(nationality, birth) {
  const page = await openPage(browser, { viewport: { width: 1366, height: 900 } });
  await page.goto(`${server.url}#nationality=${nationality}&birth_date=${birth}&passport.expires=2031-01-01&${TRIP}&lang=en`);
  await ready(page);
  await page.waitForSelector('.verdict[data-outlook]', { timeout: 15000 });
  const said = await page.$eval('.verdict', (v) => ({ outlook: v.dataset.outlook, next: v.querySelector('[data-next]')?.dataset.next }));
  await page.context().close();
  return said;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const inWords = (iso) => { const [y, m, d] = iso.split('-').map(Number); return `${d} ${MONTHS[m - 1]} ${y}`; };

test('a row says what a single check says: outlook, next step and its day, the counts and the export', async () => {
  const page = await openPage(browser, { viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  await checked(page, 'en');

  // A Nigerian tourist: an e-visa, something to do first (not "as planned"), the next step dated.
  const ng = await rowOf(page, 2);
  assert.deepEqual([ng.outlook, ng.route, ng.allowed], ['first_do', 'e_visa', 'true'], JSON.stringify(ng));
  assert.ok(ng.verdict.includes(LOCALES.en.result.outlook_first), ng.verdict);
  assert.match(ng.nextDate ?? '', /^\d{4}-\d{2}-\d{2}$/, JSON.stringify(ng));
  assert.ok(ng.nextText.includes(inWords(ng.nextDate)), `the next step's day in words: ${ng.nextText}`);
  const ngSingle = await single('NG', '1990-01-01');
  assert.deepEqual([ngSingle.outlook, ngSingle.next], [ng.outlook, ng.next], 'the single check says the same');

  // An American for 45 days: over the 30 days without a visa; the first way is to leave by a day.
  const us = await rowOf(page, 3);
  assert.deepEqual([us.outlook, us.route, us.allowed], ['not_as_planned', 'visa_free', 'false'], JSON.stringify(us));
  assert.equal(us.next, 'shorten');
  assert.ok(us.nextText.includes(`leave by ${inWords(us.nextDate)}`), us.nextText);
  assert.equal((await single('US', '1980-02-02')).outlook, 'not_as_planned');

  // A bad date is worded in the file's own format, never the page's "27 3 2031".
  const bad = await rowOf(page, 4);
  assert.ok(bad.error && !bad.route && !bad.outlook, JSON.stringify(bad));
  assert.ok(bad.text.includes('2031-01-01') && !bad.text.includes('27 3 2031'), bad.text);

  // The counts are per outlook, in the outlooks' own words.
  const counts = await page.$$eval('[data-count]', (els) => Object.fromEntries(els.map((e) => [e.dataset.count, [Number(e.querySelector('strong').textContent), e.textContent]])));
  assert.deepEqual(Object.fromEntries(Object.entries(counts).map(([k, [n]]) => [k, n])), { as_planned: 0, first_do: 1, not_as_planned: 1, error: 2 });
  assert.ok(counts.first_do[1].includes(LOCALES.en.result.outlook_first), counts.first_do[1]);
  assert.ok(counts.not_as_planned[1].includes(LOCALES.en.result.outlook_not), counts.not_as_planned[1]);

  // The export carries the outlook and the next action with its day, after the older columns.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-group"]')]);
  const lines = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines[0], 'line,name,nationality,route,allowed,blockers,latest_exit,error,outlook,next,next_date');
  assert.equal(lines[1], `2,Ada Obi,NG,e_visa,true,,,,first_do,${ng.next},${ng.nextDate}`);
  assert.ok(lines[2].endsWith(`,not_as_planned,shorten,${us.nextDate}`), lines[2]);
  assert.deepEqual(await axe(page), [], 'axe on the results');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('every word of the table follows the page language (ru, kk)', async () => {
  for (const lang of ['ru', 'kk']) {
    const page = await openPage(browser, { viewport: { width: 1366, height: 900 } });
    await checked(page, lang);
    const g = LOCALES[lang].group;
    const headers = await page.$$eval('.group-table th', (ths) => ths.map((th) => th.textContent.trim()));
    assert.deepEqual(headers, [g.col_line, g.col_name, g.col_nationality, g.col_verdict, g.col_blockers, g.col_next, g.col_exit], lang);
    assert.ok(!headers.some((h) => Object.values(LOCALES.en.group).includes(h)), `${lang}: ${headers}`);
    // Nothing in Latin letters but the travellers' names, the file's column names and codes.
    const text = await page.$eval('.group-results', (s) => s.innerText);
    const rest = text.replace(/Ada Obi|John Doe|Bad Date|Anna Schmidt|birth_date|nationality|CSV|DE|DEU|XXA/g, '');
    assert.doesNotMatch(rest, /[A-Za-z]{2,}/, `${lang}: ${rest}`);
    assert.equal(await page.$eval('[data-row="2"]', (r) => r.dataset.outlook), 'first_do');
    assert.ok((await rowOf(page, 2)).verdict.includes(LOCALES[lang].result.outlook_first), lang);
    const bad = await rowOf(page, 4);
    assert.ok(bad.text.includes('2031-01-01') && !bad.text.includes('27 3 2031'), `${lang}: ${bad.text}`);
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  }
});

test('at 390 px each row is a card with every cell on screen, and axe passes', async () => {
  const page = await openPage(browser, { viewport: { width: 390, height: 844 } });
  await checked(page, 'ru');
  const overflow = await page.$$eval('[data-row]', (rows) => rows.flatMap((row) => {
    const width = document.documentElement.clientWidth;
    const out = [];
    if (row.scrollWidth > row.clientWidth + 1) out.push(`row ${row.dataset.row} overflows: ${row.scrollWidth} > ${row.clientWidth}`);
    for (const cell of row.querySelectorAll('td')) {
      const r = cell.getBoundingClientRect();
      if (getComputedStyle(cell).display === 'none') continue;
      if (r.left < 0 || r.right > width + 0.5) out.push(`row ${row.dataset.row}, ${cell.dataset.label}: ${r.left}–${r.right} of ${width}`);
    }
    return out;
  }));
  assert.deepEqual(overflow, []);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no horizontal scroll');
  // Each cell is named by its column, in the page's language.
  const label = await page.$eval('[data-row="2"] .group-next', (td) => getComputedStyle(td, '::before').content);
  assert.ok(label.includes(LOCALES.ru.group.col_next), label);
  assert.deepEqual(await axe(page), [], 'axe on the results at 390 px');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
