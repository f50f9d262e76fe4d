// Installable and offline: Chromium sees the app as installable; after one visit it opens
// and evaluates with the network off; a new build waits until the traveller accepts it,
// then replaces the old one whole.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve, launch, openPage, ready, DIST, CHROMIUM_ARGS, compress } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const CASE = 'nationality=DE&purpose=tourism&passport.expires=2031-01-01&trip.entry=2026-12-01&trip.exit=2026-12-20&trip.entry_point=airport_almaty&today=2026-11-21';

async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test('Chromium sees the app as installable', async () => {
  // Installability is not judged in an incognito profile: use a real (temporary) one.
  const profile = await mkdtemp(join(tmpdir(), 'kzvisa-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.url}#lang=en`);
  await ready(page);
  await controlled(page);
  const cdp = await page.context().newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, []);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  await context.close();
  await rm(profile, { recursive: true, force: true });
});

test('after one visit the app opens, evaluates and takes answers with the network off', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}#lang=en`);
  await ready(page);
  await controlled(page);
  await page.context().setOffline(true);
  await page.goto(`${server.url}#${CASE}&lang=ru`);
  await ready(page);
  assert.equal(await page.getAttribute('.result', 'data-route'), 'visa_free');
  await page.reload();
  await ready(page);
  await page.click('.back-link');
  await page.waitForFunction(() => document.querySelector('main').dataset.step === 'check');
  await page.goto(`${server.url}#lang=kk`);
  await ready(page);
  await page.fill('#nationality', 'Үндістан');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('main').dataset.step === 'purpose');
  await page.context().close();
});

test('a new build is announced and takes over whole when accepted', async () => {
  const next = await mkdtemp(join(tmpdir(), 'kzvisa-next-'));
  try {
    const page = await openPage(browser);
    await page.goto(`${server.url}#${CASE}&lang=en`);
    await ready(page);
    await controlled(page);
    const before = await page.evaluate(() => caches.keys());
    assert.equal(before.length, 1);

    // The next build: the same files, another version (as any change to a file gives).
    await cp(DIST, next, { recursive: true });
    const sw = await readFile(join(next, 'sw.js'), 'utf8');
    await writeFile(join(next, 'sw.js'), sw.replace(/const VERSION = "[0-9a-f]+"/, 'const VERSION = "next-build"'));
    compress(next);
    server.setDir(next);

    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.waitForSelector('.update-banner button');
    assert.deepEqual(await page.evaluate(() => caches.keys()).then((k) => k.includes(before[0])), true, 'the old build still serves until accepted');
    await Promise.all([page.waitForEvent('load'), page.click('.update-banner button')]);
    await ready(page);
    await page.waitForFunction(async () => (await caches.keys()).length === 1);
    assert.deepEqual(await page.evaluate(() => caches.keys()), ['kzvisa-next-build']);
    assert.equal(await page.getAttribute('.result', 'data-route'), 'visa_free', 'the answers survive the update');
    assert.equal(await page.$('.update-banner'), null);
    await page.context().close();
  } finally {
    server.setDir(DIST);
    await rm(next, { recursive: true, force: true });
  }
});
