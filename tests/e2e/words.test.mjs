// The words of the law (quotes, their translations, doubts, titles) come in a file of their
// own, fetched once the first question is on screen (src/state/words.rs): nothing waits for
// them, an open source fills in when they arrive, and without them a result is whole and says
// what is missing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, ready, axe, words, LOCALES } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const RESULT = 'today=2026-11-21&nationality=NG&purpose=business&birth_date=1990-05-01&passport.expires=2031-01-01&trip.entry=2027-01-20&trip.exit=2027-01-30&trip.entry_point=airport_almaty';
const locale = (lang) => LOCALES[lang].result;

/** Opens `hash` with the words held back until the returned function is called. */
async function heldBack(page, hash) {
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await page.route('**/words-*.bin', async (route) => { await gate; await route.continue(); });
  await page.goto(`${server.url}${hash}`);
  await page.waitForSelector('main[data-step] h1');
  return release;
}

test('the first question is answered while the words are on their way', async () => {
  const page = await openPage(browser);
  const release = await heldBack(page, '#lang=en&today=2026-11-21');
  assert.equal(await words(page), 'loading');
  await page.fill('#nationality', 'Peru');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('main').dataset.step !== 'nationality');
  assert.equal(await words(page), 'loading', 'nothing waited for them');
  release();
  await ready(page);
  assert.equal(await words(page), 'ready');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('an open source says its words are loading, and shows them when they arrive, still open', async () => {
  const page = await openPage(browser);
  const release = await heldBack(page, `#${RESULT}&lang=en`);
  await page.waitForSelector('.result');
  const first = page.locator('.result details.sources').first();
  await first.locator('summary').focus();
  await page.keyboard.press('Enter');
  assert.equal(await first.getAttribute('open'), '');
  assert.equal(await first.locator('.words-missing').textContent(), locale('en').words_loading);
  assert.equal(await first.locator('blockquote').count(), 0);
  assert.ok((await first.locator('.source-title').count()) > 0, 'each act and clause is named meanwhile');
  release();
  await first.locator('blockquote').first().waitFor();
  assert.equal(await first.getAttribute('open'), '', 'still open');
  assert.equal(await first.locator('.words-missing').count(), 0);
  assert.ok((await first.locator('blockquote').first().textContent()).length > 20);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('without its words a result is whole, and each source says once what is missing, in its language', async () => {
  const whole = await openPage(browser);
  await whole.goto(`${server.url}#${RESULT}&lang=ru`);
  await ready(whole);
  const lines = await whole.$$eval('.result [data-code]', (l) => l.map((e) => e.dataset.code));
  await whole.context().close();

  const page = await openPage(browser);
  await page.route('**/words-*.bin', (route) => route.abort());
  await page.goto(`${server.url}#${RESULT}&lang=ru`);
  await ready(page);
  assert.equal(await words(page), 'failed');
  assert.deepEqual(await page.$$eval('.result [data-code]', (l) => l.map((e) => e.dataset.code)), lines, 'every line of the result');
  // The steps done together and the notes for information open first, then every §.
  const groups = page.locator('.result details:is(.step-group, .info-list) > summary');
  for (let i = 0; i < await groups.count(); i++) await groups.nth(i).click();
  const sources = page.locator('.result details.sources');
  for (let i = 0; i < await sources.count(); i++) await sources.nth(i).locator('summary').click();
  assert.equal(await page.locator('.result details.sources .words-missing').count(), await sources.count());
  assert.equal(await page.locator('.result details.sources blockquote').count(), 0);
  assert.equal(await page.locator('.words-missing').first().textContent(), locale('ru').words_failed);
  // The notes on the texts say the same, once, in place of their words.
  await page.click('.source-notes > summary');
  assert.equal(await page.locator('.source-notes .words-missing').count(), 1);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.consoleErrors.filter((e) => !e.includes('net::ERR_FAILED')), []);
  await page.context().close();
});

test('words whose bytes are not the build\'s are refused, and the result says they could not be loaded', async () => {
  const page = await openPage(browser, { serviceWorkers: 'block' });
  // One letter of a quote changed: the file still decodes and fits the rules, so only its
  // integrity tells it from the build's.
  await page.route('**/words-*.bin', async (route) => {
    const body = Buffer.from(await (await route.fetch()).body());
    const at = body.indexOf('Republic');
    assert.ok(at > 0);
    body[at] = 'r'.charCodeAt(0);
    await route.fulfill({ status: 200, contentType: 'application/octet-stream', body });
  });
  await page.goto(`${server.url}#lang=en&${RESULT}`);
  await ready(page);
  assert.equal(await words(page), 'failed');
  assert.ok(page.consoleErrors.some((e) => /integrity|digest/i.test(e)), page.consoleErrors.join('\n'));
  await page.context().close();
});
