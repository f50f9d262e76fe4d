// The first question as plain HTML, for index.html to show while the app loads (a release
// build's post-build hook calls this). On a slow phone the wasm takes a second or two to
// arrive; the page the traveller sees meanwhile is the one the app then draws, taken from
// the built app itself in headless Chromium, in each language, so the two cannot differ.
//
// What is kept is only what is seen: no ids (the app's own elements take them), no data-
// attributes (tests and the app read them), no inline styles (the policy forbids them) and
// nothing hidden. The copy is inert and hidden from screen readers: nothing in it can be
// used before the app replaces it (src/lib.rs).
import { launch, serveSite } from '../tests/e2e/support.mjs';

export const LANGUAGES = ['en', 'ru', 'kk'];

/** Debian's Chromium, which the browser tests drive too (tests/e2e/support.mjs). */
export const CHROMIUM = '/usr/bin/chromium';

/** The body of the app's first screen in `dir`, for each language: `{ en, ru, kk }`. */
export async function prerender(dir) {
  const server = await serveSite(dir);
  const browser = await launch();
  try {
    const shells = {};
    for (const lang of LANGUAGES) {
      const page = await browser.newPage({ serviceWorkers: 'block' });
      await page.goto(`${server.url}#lang=${lang}`);
      await page.waitForSelector('main[data-step="nationality"] h1');
      shells[lang] = await page.evaluate(() => {
        const body = document.body.cloneNode(true);
        body.querySelectorAll('noscript, script, .skip-link, [style*="display: none"], [hidden]').forEach((e) => e.remove());
        for (const e of body.querySelectorAll('*')) {
          for (const { name } of [...e.attributes]) {
            if (/^(id|for|style|tabindex|role|href|name|autocomplete|novalidate|data-.*|aria-(?!pressed).*)$/.test(name)) e.removeAttribute(name);
          }
        }
        return body.innerHTML.replace(/<!--[\s\S]*?-->/g, '').replace(/>\s+</g, '><').trim();
      });
      await page.close();
    }
    return shells;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** index.html with the shells in its body, one per language, none shown until the start-up
 *  script (tools/shell.js) picks the page's language. */
export function withShell(html, shells) {
  const copies = LANGUAGES.map((l) => `<div lang="${l}">${shells[l]}</div>`).join('');
  return html.replace('<body>', `<body>\n    <div id="kzvisa-shell" aria-hidden="true" inert>${copies}</div>`);
}
