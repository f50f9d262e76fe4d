// The group check: a trip shared by many travellers from an awkward CSV (a byte-order mark,
// semicolons, quoted names, blank lines, bad rows among good ones), a verdict per row, bad
// rows named by line and column, the export read back, print, and no name outside the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, openPage, ready, axe, typeDate, tabTo } from './support.mjs';

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
    line: Number(el.dataset.row), route: el.dataset.route, allowed: el.dataset.allowed, error: el.dataset.error,
    columns: [...el.querySelectorAll('[data-column]')].map((c) => c.dataset.column),
  })));
  for (const r of rows) {
    if (bad.has(r.line)) {
      assert.ok(r.error && !r.route, `line ${r.line} is refused`);
      assert.ok(r.error.includes(`line ${r.line}`), r.error);
      assert.ok(r.columns.includes(bad.get(r.line)), `line ${r.line} names ${bad.get(r.line)}: ${r.columns}`);
    } else {
      assert.ok(['visa_free', 'e_visa', 'consular_visa'].includes(r.route), `line ${r.line}: ${JSON.stringify(r)}`);
    }
  }
  assert.equal(rows.filter((r) => r.error).length, bad.size);
  const counts = await page.$$eval('[data-count] strong', (els) => els.map((e) => Number(e.textContent)));
  assert.equal(counts.reduce((a, b) => a + b, 0), 1000);
  assert.equal(counts[2], bad.size);

  const [download] = await Promise.all([page.waitForEvent('download'), tabTo(page, '[data-action="export-group"]').then(() => page.keyboard.press('Enter'))]);
  assert.equal(download.suggestedFilename(), 'kazakhstan-group-check.csv');
  const exported = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(exported[0], 'line,name,nationality,route,allowed,blockers,latest_exit,error');
  assert.equal(exported.length, 1001);
  assert.ok(exported[1].startsWith('2,"Traveller 0; ""Tester""",DE,visa_free,true'), exported[1]);

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
