// Writes web/first-screen.html: the first question as plain HTML, in each language, which a
// release build puts in index.html for the page to show while the app loads (on a slow
// phone the wasm takes a second or two). It is taken from the built app itself in headless
// Chromium, so the copy is the page the app then draws; a browser test
// (tests/e2e/shell.test.mjs) fails when the two drift apart, and says to run this again.
//
// What is kept is only what is seen: no ids (the app's own elements take them), no data-
// attributes (tests and the app read them), no inline styles (the policy forbids them) and
// nothing hidden. The build makes the copy inert and hidden from screen readers: nothing in
// it can be used before the app replaces it (src/lib.rs).
//
// Usage: node tools/gen/first-screen.mjs [DIST]   (a build of the app: cargo xtask build)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch, serveSite } from '../../tests/e2e/support.mjs';

export const LANGUAGES = ['en', 'ru', 'kk'];

/** The app's first screen on `page` (opened at `#lang=…`), as the copy keeps it. */
export async function firstScreen(page) {
  await page.waitForSelector('main[data-step="nationality"] h1');
  return page.evaluate(() => {
    const body = document.body.cloneNode(true);
    body.querySelectorAll('#kzvisa-shell, noscript, script, .skip-link, [style*="display: none"], [hidden]').forEach((e) => e.remove());
    for (const e of body.querySelectorAll('*')) {
      for (const { name } of [...e.attributes]) {
        if (/^(id|for|style|tabindex|role|href|name|autocomplete|novalidate|data-.*|aria-(?!pressed).*)$/.test(name)) e.removeAttribute(name);
      }
    }
    return body.innerHTML.replace(/<!--[\s\S]*?-->/g, '').replace(/>\s+</g, '><').trim();
  });
}

/** The copies of the app in `dir`, one per language, as web/first-screen.html holds them. */
export async function copies(dir) {
  const server = await serveSite(dir);
  const browser = await launch();
  try {
    const shells = [];
    for (const lang of LANGUAGES) {
      const page = await browser.newPage({ serviceWorkers: 'block' });
      await page.goto(`${server.url}#lang=${lang}`);
      shells.push(`<div lang="${lang}">${await firstScreen(page)}</div>`);
      await page.close();
    }
    return `${shells.join('')}\n`;
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = fileURLToPath(new URL('../../web/first-screen.html', import.meta.url));
  writeFileSync(out, await copies(process.argv[2] ?? 'dist'));
  console.log(`wrote ${out}: run the release build again to put it in index.html`);
}
