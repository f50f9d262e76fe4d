// Embedding: a host page on another origin adds one script tag; the app appears, follows
// its content's height, and announces the outcome; a host the operator has not allowed
// gets no app and no messages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openPage, DIST } from './support.mjs';

let app, host, hostDir, browser;
before(async () => {
  app = await serve();
  hostDir = await mkdtemp(join(tmpdir(), 'kzvisa-host-'));
  host = await serve(hostDir); // another port: another origin
  browser = await launch();
});
after(async () => {
  await browser?.close(); await app?.close(); await host?.close();
  await rm(hostDir, { recursive: true, force: true });
});

async function hostPage(attributes) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Agency</title></head><body>
    <h1>Agency</h1><script src="${app.url}public/embed.js" ${attributes}></script>
    <script>window.results = []; document.addEventListener('kzvisa:result', (e) => window.results.push(e.detail));</script>
    </body></html>`;
  await writeFile(join(hostDir, 'index.html'), html);
  const page = await openPage(browser, { viewport: { width: 800, height: 900 } });
  await page.goto(host.url);
  return page;
}

const FULL = 'data-lang="en" data-today="2026-11-21" data-nationality="PE" data-purpose="tourism" data-passport-expires="2031-01-01" data-trip-entry="2027-01-10" data-trip-exit="2027-01-20" data-trip-entry-point="airport_almaty"';

test('a host on another origin embeds the app, which resizes and announces its outcome', async () => {
  const page = await hostPage(`${FULL} data-theme="#7a1f5c" data-mode="compact"`);
  const frame = page.frameLocator('iframe');
  await frame.locator('.result[data-route="e_visa"]').waitFor();
  await page.waitForFunction(() => window.results.length > 0);
  const [result] = await page.evaluate(() => window.results);
  assert.equal(result.route, 'e_visa');
  assert.ok(result.steps.includes('register_on_portal'));
  assert.equal(JSON.stringify(result).includes('PE'), false, 'no answer of the traveller is sent to the host');
  await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 1000);
  const brand = await frame.locator('html').evaluate((el) => getComputedStyle(el).getPropertyValue('--brand').trim());
  assert.equal(brand, '#7a1f5c');
  assert.equal(await frame.locator('html').evaluate((el) => el.classList.contains('mode-compact')), true);
  await page.context().close();
});

test('a hostile theme value is refused, never injected', async () => {
  const page = await hostPage(`${FULL} data-theme="red;background:url(https://evil.example/x)"`);
  const frame = page.frameLocator('iframe');
  await frame.locator('.result').waitFor();
  const brand = await frame.locator('html').evaluate((el) => getComputedStyle(el).getPropertyValue('--brand').trim());
  assert.equal(brand, '#00617f');
  await page.context().close();
});

test('a host the operator has not allowed gets no app and no messages', async () => {
  const restricted = await mkdtemp(join(tmpdir(), 'kzvisa-restricted-'));
  try {
    await cp(DIST, restricted, { recursive: true });
    const index = await readFile(join(restricted, 'index.html'), 'utf8');
    await writeFile(join(restricted, 'index.html'), index.replace('name="kzvisa-embed-origins" content="*"', 'name="kzvisa-embed-origins" content="https://agency.example"'));
    app.setDir(restricted);
    const page = await hostPage(FULL);
    const frame = page.frameLocator('iframe');
    await frame.locator('[data-refused="true"]').waitFor();
    assert.equal(await frame.locator('.result').count(), 0);
    await page.waitForTimeout(500);
    assert.deepEqual(await page.evaluate(() => window.results), []);
    await page.context().close();
  } finally {
    app.setDir(DIST);
    await rm(restricted, { recursive: true, force: true });
  }
});

test('messages from anywhere but the app are ignored by the embed script', async () => {
  const page = await hostPage(FULL);
  await page.frameLocator('iframe').locator('.result').waitFor();
  await page.waitForFunction(() => window.results.length > 0);
  const before = await page.evaluate(() => window.results.length);
  await page.evaluate(() => window.postMessage({ type: 'kzvisa:result', route: 'visa_free' }, '*'));
  await page.evaluate(() => window.postMessage({ type: 'kzvisa:resize', height: 5 }, '*'));
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.results.length), before);
  assert.ok(await page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height) > 100);
  await page.context().close();
});
