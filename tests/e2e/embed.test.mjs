// Embedding: a host page on another origin adds one script tag; the app appears, follows
// its content's height, and announces the outcome; a host the operator has not allowed
// gets no app and no messages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, serveSite, launch, openPage, DIST, compress } from './support.mjs';

let app, host, hostDir, browser;
before(async () => {
  app = await serve();
  hostDir = await mkdtemp(join(tmpdir(), 'kzvisa-host-'));
  host = await serveSite(hostDir); // another port: another origin
  browser = await launch();
});
after(async () => {
  await browser?.close(); await app?.close(); await host?.close();
  await rm(hostDir, { recursive: true, force: true });
});

async function hostPage(attributes, appUrl = app.url) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Agency</title></head><body>
    <h1>Agency</h1><script src="${appUrl}public/embed.js" ${attributes}></script>
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

/** A copy of the build that allows only `origins` (by default https://agency.example) to embed it. */
async function restrictedBuild(origins = 'https://agency.example') {
  const dir = await mkdtemp(join(tmpdir(), 'kzvisa-restricted-'));
  await cp(DIST, dir, { recursive: true });
  const index = await readFile(join(dir, 'index.html'), 'utf8');
  await writeFile(join(dir, 'index.html'), index.replace('name="kzvisa-embed-origins" content="*"', `name="kzvisa-embed-origins" content="${origins}"`));
  compress(dir); // as an operator who edits a built file must
  return dir;
}

/** Runs `body` on a copy of the build that allows `origins`, served by `serveWith`, then removes it. */
async function withRestrictedBuild(origins, serveWith, body) {
  const dir = await restrictedBuild(origins);
  const served = await serveWith(dir);
  try {
    await body(served);
  } finally {
    await served.close();
    await rm(dir, { recursive: true, force: true });
  }
}

test('a host the operator lists by its origin may frame the app, under the header too', async () => {
  const hostOrigin = new URL(host.url).origin;
  await withRestrictedBuild(`https://agency.example ${hostOrigin}`, serve, async (served) => {
    const response = await fetch(served.url);
    assert.match(response.headers.get('content-security-policy'), new RegExp(`; frame-ancestors https://agency\\.example ${hostOrigin}$`));
    const page = await hostPage(FULL, served.url);
    await page.frameLocator('iframe').locator('.result[data-route="e_visa"]').waitFor();
    await page.waitForFunction(() => window.results.length > 0);
    await page.context().close();
  });
});

test('the server refuses to let a host the operator has not allowed frame the app', async () => {
  await withRestrictedBuild(undefined, serve, async (served) => {
    const response = await fetch(served.url);
    assert.match(response.headers.get('content-security-policy'), /; frame-ancestors https:\/\/agency\.example$/);
    const page = await hostPage(FULL, served.url);
    await page.waitForFunction(() => document.querySelector('iframe'));
    await page.waitForTimeout(1500);
    assert.ok(page.consoleErrors.some((e) => e.includes('frame-ancestors')), 'the browser names the policy that blocked the frame');
    assert.equal(await page.frameLocator('iframe').locator('main').count(), 0, 'no app is drawn in the frame');
    assert.deepEqual(await page.evaluate(() => window.results), []);
    await page.context().close();
  });
});

test('on a host that sends no headers, the app itself refuses a host not allowed and sends nothing', async () => {
  await withRestrictedBuild(undefined, serveSite, async (bare) => {
    const page = await hostPage(FULL, bare.url);
    const frame = page.frameLocator('iframe');
    await frame.locator('[data-refused="true"]').waitFor();
    assert.equal(await frame.locator('.result').count(), 0);
    await page.waitForTimeout(500);
    assert.deepEqual(await page.evaluate(() => window.results), []);
    await page.context().close();
  });
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
