// Served as a host serves it (deploy/nginx/kzvisa.conf): the security headers, written from
// the build; cache rules by file name; the right types; the precompressed files sent as they
// are; and the whole app, offline use and the group check under a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { serve, launch, openPage, ready, axe, words, DIST, filesOf } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const built = filesOf(DIST).filter((f) => !/\.(br|gz)$/.test(f));
const wasm = built.find((f) => /^kzvisa-web-[0-9a-f]+_bg\.wasm$/.test(f));
const wordsFile = built.find((f) => /^words-[0-9a-f]{16}\.bin$/.test(f));
const policy = readFileSync(join(DIST, 'index.html'), 'utf8').match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];

/** A GET with the given Accept-Encoding; the body is left as sent (fetch would decode it). */
async function get(path, encoding = 'identity') {
  const { request } = await import('node:http');
  return new Promise((ok, fail) => {
    request(new URL(path, server.url), { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail).end();
  });
}

test('every response carries the security headers, the policy with frame-ancestors from the allow-list', async () => {
  for (const path of ['', 'index.html', wasm, 'sw.js', 'public/manifest.webmanifest', 'public/embed.js', 'group/', 'no-such-file']) {
    const { status, headers } = await get(path);
    assert.equal(headers['content-security-policy'], `${policy}; frame-ancestors *`, path);
    assert.equal(headers['x-content-type-options'], 'nosniff', path);
    assert.equal(headers['referrer-policy'], 'no-referrer', path);
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
      assert.match(headers['permissions-policy'], new RegExp(`(^|, )${feature}=\\(\\)`), `${path}: ${feature}`);
    }
    assert.equal(status, path === 'no-such-file' ? 404 : 200, path);
  }
});

test('hashed files are cached for a year, the rest revalidated, each with its type', async () => {
  const cases = [
    ['', 'no-cache', 'text/html; charset=utf-8'],
    ['sw.js', 'no-cache', 'application/javascript; charset=utf-8'],
    ['public/manifest.webmanifest', 'no-cache', 'application/manifest+json; charset=utf-8'],
    ['public/embed.js', 'no-cache', 'application/javascript; charset=utf-8'],
    [wasm, 'public, max-age=31536000, immutable', 'application/wasm'],
    [wordsFile, 'public, max-age=31536000, immutable', 'application/octet-stream'],
    [built.find((f) => /^split_result-[0-9a-f]{16}\.wasm$/.test(f)), 'public, max-age=31536000, immutable', 'application/wasm'],
    [built.find((f) => /^split-[0-9a-f]{16}\.js$/.test(f)), 'public, max-age=31536000, immutable', 'application/javascript; charset=utf-8'],
    [built.find((f) => /^main-[0-9a-f]+\.css$/.test(f)), 'public, max-age=31536000, immutable', 'text/css; charset=utf-8'],
    [built.find((f) => /^boot-[0-9a-f]{16}\.js$/.test(f)), 'public, max-age=31536000, immutable', 'application/javascript; charset=utf-8'],
    ['public/icons/icon-192.png', 'no-cache', 'image/png'],
  ];
  for (const [path, cache, type] of cases) {
    const { headers } = await get(path);
    assert.equal(headers['cache-control'], cache, path);
    assert.equal(headers['content-type'], type, path);
    if (cache === 'no-cache') assert.ok(headers.etag && headers['last-modified'], `${path} can be revalidated`);
  }
});

test('the minified files match the integrity hashes index.html gives them', async () => {
  const { createHash } = await import('node:crypto');
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const pinned = [...html.matchAll(/href="\.\/([^"]+)"[^>]*? integrity="(sha384-[^"]+)"/g)];
  assert.ok(pinned.length >= 4, 'the stylesheet, the glue, the split loader and the wasm are pinned');
  for (const [, file, integrity] of pinned) {
    assert.equal(`sha384-${createHash('sha384').update(readFileSync(join(DIST, file))).digest('base64')}`, integrity, file);
  }
  assert.ok(readFileSync(join(DIST, pinned.find(([, f]) => f.endsWith('.js'))[1]), 'utf8').split('\n').length < 20, 'the glue is minified');
});

test('each text, wasm and words file is sent precompressed, as written at build time', async () => {
  const texts = built.filter((f) => /\.(html|js|css|wasm|bin|webmanifest)$/.test(f));
  assert.ok(texts.includes(wordsFile));
  assert.ok(texts.length >= 10);
  for (const file of texts) {
    const plain = readFileSync(join(DIST, file));
    for (const [encoding, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]]) {
      const stored = join(DIST, `${file}.${encoding === 'br' ? 'br' : 'gz'}`);
      assert.ok(existsSync(stored), `${stored} is written by the build`);
      const { headers, body } = await get(file, `${encoding}`);
      assert.equal(headers['content-encoding'], encoding, file);
      assert.match(headers.vary ?? '', /Accept-Encoding/i, file);
      assert.ok(body.equals(readFileSync(stored)), `${file}: the stored ${encoding} file, byte for byte`);
      assert.ok(decode(body).equals(plain), `${file}: decodes to the file`);
    }
    const { headers, body } = await get(file);
    assert.equal(headers['content-encoding'], undefined, `${file} without compression to a client that takes none`);
    assert.ok(body.equals(plain));
  }
  // No compression per request: a file with no stored copy goes as it is.
  const { headers } = await get('public/icons/icon-192.png', 'br, gzip');
  assert.equal(headers['content-encoding'], undefined);
});

test('under a sub-path the app answers, works offline, and reaches the group check', async () => {
  const bare = await fetch(server.subUrl.slice(0, -1), { redirect: 'manual' });
  assert.equal(bare.status, 301);
  assert.equal(bare.headers.get('location'), new URL(server.subUrl).pathname);

  const page = await openPage(browser);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const trip = 'nationality=DE&purpose=tourism&passport.expires=2031-01-01&trip.entry=2026-12-01&trip.exit=2026-12-20&trip.entry_point=airport_almaty&today=2026-11-21';
  await page.goto(`${server.subUrl}#${trip}&lang=en`);
  await ready(page);
  assert.equal(await page.getAttribute('.result', 'data-route'), 'visa_free');
  assert.deepEqual(requests.filter((u) => !u.startsWith(server.subUrl)), [], 'every file comes from under the sub-path');
  assert.ok(requests.includes(`${server.subUrl}${wordsFile}`), 'the words of the law among them');
  assert.equal(await words(page), 'ready');
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, server.subUrl);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  assert.deepEqual(await axe(page), []);

  await page.context().setOffline(true);
  await page.goto(`${server.subUrl}#${trip}&lang=kk`);
  await ready(page);
  assert.equal(await page.getAttribute('.result', 'data-route'), 'visa_free');
  assert.equal(await words(page), 'ready', 'the words of the law offline too');
  await page.goto(`${server.subUrl}group/#lang=en`);
  await ready(page);
  assert.equal(await page.getAttribute('main', 'data-step'), 'group');
  await page.context().setOffline(false);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
