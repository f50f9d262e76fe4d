// Kiosk mode: large targets, a visible countdown after the idle time, then a reset that
// leaves nothing of the last person in the page, the URL, the history or storage; the
// result can be taken away as a QR code of its link; a passport reader typing into a
// field does not break the flow.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { serve, launch, openPage, ready, step } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const CASE = 'nationality=DE&purpose=tourism&passport.expires=2031-01-01&trip.entry=2026-12-01&trip.exit=2026-12-20&trip.entry_point=airport_almaty&today=2026-11-21';

test('an idle kiosk counts down, then forgets everything of the last person', async () => {
  const page = await openPage(browser, { viewport: { width: 1080, height: 1920 } });
  await page.goto(`${server.url}#mode=kiosk&idle=2&countdown=2&lang=en&today=2026-11-21`);
  await ready(page);
  const historyAtStart = await page.evaluate(() => history.length);
  await page.fill('#nationality', 'Germany');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('main').dataset.step === 'purpose');
  await page.check('#purpose');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('main').dataset.step === 'passport');
  await page.fill('#passport-expires-day', '17'); // a draft, not yet submitted
  assert.equal(await page.evaluate(() => history.length), historyAtStart, 'no history entry in kiosk mode');

  await page.waitForSelector('.idle-warning', { timeout: 5000 });
  assert.match(await page.textContent('.idle-warning'), /cleared in \d seconds?/);
  await page.waitForSelector('.idle-warning', { state: 'detached', timeout: 6000 });
  await page.waitForFunction(() => document.querySelector('main').dataset.step === 'nationality');

  const hash = decodeURIComponent(new URL(page.url()).hash);
  assert.equal(hash, '#mode=kiosk&idle=2&countdown=2&lang=en', 'only the kiosk settings remain in the URL');
  assert.equal(await page.inputValue('#nationality'), '');
  assert.equal(await page.evaluate(() => document.body.innerText.includes('Germany')), false);
  assert.equal(await page.evaluate(() => history.length), historyAtStart);
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
  assert.deepEqual(await page.context().cookies(), []);
  // The touch targets are larger on a kiosk.
  const height = await page.$eval('form button[type="submit"]', (b) => b.getBoundingClientRect().height);
  assert.ok(height >= 56, `submit button is ${height}px high`);
  await page.context().close();
});

test('a touch before the end of the countdown keeps the answers', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}#${CASE}&mode=kiosk&idle=1&countdown=30&lang=en`);
  await ready(page);
  await page.waitForSelector('.idle-warning button');
  await page.click('.idle-warning button');
  await page.waitForSelector('.idle-warning', { state: 'detached' });
  assert.equal(await page.getAttribute('.result', 'data-route'), 'visa_free');
  await page.context().close();
});

test('"Start again" on a kiosk keeps it a kiosk, with its theme, for the next person', async () => {
  const page = await openPage(browser, { viewport: { width: 1080, height: 1920 } });
  await page.goto(`${server.url}#mode=kiosk&idle=300&theme=%23112233&lang=ru&${CASE}`);
  await ready(page);
  assert.equal(await step(page), 'result');
  const historyAtStart = await page.evaluate(() => history.length);
  await page.focus('.actions .button.secondary');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('main').dataset.step === 'nationality');
  assert.match(page.url(), /#mode=kiosk&idle=300&theme=%23112233&lang=ru$/, 'no answer left, the kiosk settings kept');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('mode-kiosk')), true);
  assert.equal(await page.evaluate(() => history.length), historyAtStart, 'still no history entry');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('the result can be taken away as a QR code of its link, without the kiosk settings', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}#${CASE}&mode=kiosk&idle=600&lang=ru`);
  await ready(page);
  const png = PNG.sync.read(await page.locator('.qr svg').screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  assert.ok(code, 'the QR code decodes');
  const link = new URL(code.data);
  assert.equal(link.origin + link.pathname, new URL(server.url).origin + '/');
  assert.match(link.hash, /nationality=DE/);
  assert.match(link.hash, /lang=ru/);
  assert.doesNotMatch(link.hash, /mode=kiosk|idle=/);
  const other = await openPage(browser);
  await other.goto(code.data);
  await ready(other);
  assert.equal(await other.getAttribute('.result', 'data-route'), 'visa_free');
  await other.context().close();
  await page.context().close();
});

test('a passport reader sending half a zone, or a line into the focused field, does not break the flow', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}#mode=kiosk&idle=600&lang=en`);
  await ready(page);
  await page.keyboard.type('P<DEUMUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<<\n'); // nothing focused
  assert.equal(await step(page), 'nationality');
  await page.waitForTimeout(1000); // a second scan, well apart from the first
  await page.focus('#nationality');
  await page.keyboard.type('C01X00T478DEU6408125F2702283<<<<<<<<<<<<<<<4\n');
  await page.waitForTimeout(200);
  assert.equal(await step(page), 'nationality', "a reader's line end neither submits nor moves on");
  await page.fill('#nationality', 'DEU');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('main').dataset.step === 'purpose');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
