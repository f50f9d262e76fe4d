// Taking a result away: its dates as a calendar file that an independent parser (ical.js)
// reads, and its link through the share sheet or the clipboard, without kiosk or host
// settings. Keyboard only, axe on the result with the new controls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import { serve, launch, openPage, ready, axe, tabTo } from './support.mjs';

const CASE = 'today=2026-11-21&nationality=DE&purpose=tourism&passport.expires=2031-01-01&trip.entry=2026-12-01&trip.exit=2026-12-20&trip.entry_point=airport_almaty';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Presses the control `selector` with the keyboard alone. */
async function press(page, selector) {
  await tabTo(page, selector);
  await page.keyboard.press('Enter');
}

test('the calendar file parses, in the page language, one event per dated line, a reminder the day before', async () => {
  const page = await openPage(browser, { acceptDownloads: true });
  await page.goto(`${server.url}#${CASE}&lang=ru`);
  await ready(page);
  const expected = await page.$$eval('.date-list [data-code], .step-list [data-code] .due', (els) => els.length);
  const [download] = await Promise.all([page.waitForEvent('download'), press(page, '[data-action="calendar"]')]);
  assert.equal(download.suggestedFilename(), 'kazakhstan-trip.ics', 'no name or nationality in the file name');
  const text = await readFile(await download.path(), 'utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  assert.equal(events.length, expected, 'an event for each deadline and dated step');
  const dates = events.map((e) => e.startDate.toString());
  assert.ok(dates.includes('2026-12-04'), `host notification on 4 December: ${dates}`);
  for (const e of events) {
    assert.ok(e.startDate.isDate, 'an all-day event');
    assert.match(e.summary, /[а-яё]/i, `a Russian summary: ${e.summary}`);
    const alarm = e.component.getFirstSubcomponent('valarm');
    assert.equal(alarm.getFirstPropertyValue('trigger').toString(), '-PT15H', 'the reminder: 9 in the morning the day before');
  }
  assert.equal(new Set(events.map((e) => e.uid)).size, events.length, 'one UID per event');
  // The same file again: the same UIDs, so a second import updates rather than duplicates.
  const [again] = await Promise.all([page.waitForEvent('download'), press(page, '[data-action="calendar"]')]);
  const uids = (t) => t.match(/^UID:.*$/gm).join();
  assert.equal(uids(await readFile(await again.path(), 'utf8')), uids(text));
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('without a share sheet, "Copy link" copies the result link, without kiosk or host settings, and says so', async () => {
  const page = await openPage(browser);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await page.goto(`${server.url}#${CASE}&lang=en&theme=%23112233&step=result`);
  await ready(page);
  assert.equal(await page.$('[data-action="share"]'), null, 'no share sheet on a desktop browser');
  await press(page, '[data-action="copy-link"]');
  await page.waitForFunction(() => document.querySelector('.share-status')?.textContent.includes('copied'));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.startsWith(server.url), copied);
  assert.ok(copied.includes('nationality=DE') && copied.includes('lang=en'), copied);
  for (const setting of ['theme=', 'mode=', 'step=']) assert.ok(!copied.includes(setting), `${setting} left out: ${copied}`);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('where the browser has a share sheet, "Share" hands it the link; a refused clipboard shows the link to copy', async () => {
  const page = await openPage(browser);
  await page.addInitScript(() => {
    window.shared = [];
    navigator.share = async (data) => { window.shared.push(data); };
  });
  await page.goto(`${server.url}#${CASE}&lang=kk`);
  await ready(page);
  await press(page, '[data-action="share"]');
  await page.waitForFunction(() => window.shared.length === 1);
  const [data] = await page.evaluate(() => window.shared);
  assert.ok(data.url.includes('nationality=DE') && data.url.includes('lang=kk'), data.url);

  const other = await openPage(browser);
  await other.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
  });
  await other.goto(`${server.url}#${CASE}&lang=en`);
  await ready(other);
  await press(other, '[data-action="copy-link"]');
  const shown = await other.waitForSelector('.share-fallback input');
  assert.ok((await shown.inputValue()).includes('nationality=DE'));
  assert.deepEqual(await axe(other), []);
  await page.context().close();
  await other.context().close();
});

test('a kiosk offers neither the calendar nor the link: its QR code takes the result away', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}#${CASE}&lang=en&mode=kiosk`);
  await ready(page);
  for (const action of ['calendar', 'share', 'copy-link']) {
    assert.equal(await page.$(`[data-action="${action}"]`), null, `no ${action} on a kiosk`);
  }
  assert.ok(await page.$('.qr svg'));
  await page.context().close();
});
