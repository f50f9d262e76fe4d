// Locked down: a Content Security Policy with no inline script is obeyed (no violation), and
// once its files are loaded (the words of the law and the later screens' code among them,
// which it fetches unasked once its first question is shown) the app makes no network
// request, sets no cookie and stores nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, ready } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a whole journey makes no request after load, breaks no CSP rule, stores nothing', async () => {
  const page = await openPage(browser);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${server.url}#lang=en&today=2026-11-21`);
  await ready(page);
  assert.match(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content'), /script-src 'self' 'wasm-unsafe-eval'/);
  const loaded = requests.length;
  assert.ok(loaded >= 4, `the first load fetched the app's files (${loaded})`);
  // Its last: the words of the law and the later screens' code, fetched once, unasked,
  // before any answer.
  assert.equal(requests.filter((u) => /\/words-[0-9a-f]{16}\.bin$/.test(u)).length, 1, 'the words of the law, once');
  assert.equal(requests.filter((u) => /\/split_(questions|result)-[0-9a-f]{16}\.wasm$/.test(u)).length, 2, 'the later screens, once');

  await page.fill('#nationality', 'Peru');
  await page.keyboard.press('Enter');
  await page.check('#purpose');
  await page.keyboard.press('Enter');
  for (const [field, d] of [['passport-expires', ['1', '1', '2031']]]) {
    await page.fill(`#${field}-day`, d[0]); await page.fill(`#${field}-month`, d[1]); await page.fill(`#${field}-year`, d[2]);
  }
  await page.click('form button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('main').dataset.step === 'trip');
  for (const [field, d] of [['trip-entry', ['10', '1', '2027']], ['trip-exit', ['20', '1', '2027']]]) {
    await page.fill(`#${field}-day`, d[0]); await page.fill(`#${field}-month`, d[1]); await page.fill(`#${field}-year`, d[2]);
  }
  await page.check('#trip-entry_point');
  await page.click('form button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('main').dataset.step === 'check');
  await page.click('main > button.button');
  await page.waitForSelector('.result[data-route="e_visa"]');
  await page.click('button.lang[lang="kk"]');
  await page.click('.sources summary');
  await page.check('.document-list input[type="checkbox"]');
  await page.goBack();
  await page.goForward();
  await page.waitForSelector('.result');

  assert.deepEqual(requests.slice(loaded), [], 'no request after the first load');
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violation');
  assert.deepEqual(await page.context().cookies(), [], 'no cookie');
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0, 'no storage');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
