// Links nobody wrote by hand: fragments built at random (with a fixed seed, so a failure
// can be replayed) from valid answers, near misses and junk for every field. Whatever a
// link holds, the page must show a screen without an error in the console, every problem
// it lists must lead to a control that answers it, and the check screen must offer a way
// past every problem (a screen to change it on, or removing it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, ready, step } from './support.mjs';

const RUNS = 60;
const SEED = 20261121;

/** Mulberry32: a small seeded generator, so that every run tries the same links. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Values no field takes, near misses among them.
const JUNK = ['', 'junk', '<b>x</b>', '%ZZ', '2026-02-30', '31.12.2026', '9999-99-99', '-1', '1e9', 'ё', '..', ',', 'ZZ', 'KZ', 'holiday', 'moon', 'many', 'yes'];
// Answers that make sense (in any combination, which may still be wrong together: an exit
// before the entry, a passport that ends before the trip); junk is mixed in by `randomFragment`.
const VALUES = {
  today: ['2026-11-21', '2027-12-01'],
  nationality: ['DE', 'IN', 'NG', 'RU', 'XXA', 'de', 'DEU', 'VG', 'AE'],
  purpose: ['tourism', 'business', 'work', 'study', 'transit', 'medical', 'private', 'investment'],
  birth_date: ['1990-05-01', '2010-12-01', '2011-02-28'],
  'passport.expires': ['2027-06-01', '2031-01-01', '2026-12-25'],
  'passport.issued': ['2016-05-01', '2021-01-02'],
  'passport.blank_pages': ['0', '1', '2', '4'],
  'passport.condition_ok': ['true', 'false'],
  'trip.entry': ['2026-12-01', '2026-12-20', '2027-01-10'],
  'trip.exit': ['2026-12-20', '2027-01-30', '2027-03-15'],
  'trip.entry_point': ['airport_almaty', 'airport_astana', 'airport_other', 'land', 'rail', 'sea'],
  previous_stays: ['2026-07-01..2026-07-30', '2026-07-01..2026-07-30,2026-08-10..2026-09-08', '2026-07-01'],
  'residence_permit.country': ['AE', 'DE'],
  step: ['nationality', 'purpose', 'passport', 'trip', 'details', 'check', 'result', 'nonsense'],
  from: ['check', 'junk'],
  lang: ['en', 'ru', 'kk', 'xx'],
};
const RARE = ['step', 'from', 'residence_permit.country'];

/** Half the links are mostly sensible (so that later screens are reached), half anything. */
function randomFragment(random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const sensible = random() < 0.5;
  return Object.entries(VALUES)
    .filter(([key]) => (sensible ? !RARE.includes(key) || random() < 0.2 : random() < 0.75))
    .map(([key, list]) => `${key}=${encodeURIComponent(pick(random() < (sensible ? 0.05 : 0.4) ? JUNK : list))}`)
    .join('&');
}

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test(`${RUNS} random links each show a screen, and every problem listed leads somewhere`, async () => {
  const random = generator(SEED);
  const page = await openPage(browser);
  const problems = [];
  const seen = new Set();
  for (let n = 0; n < RUNS; n += 1) {
    const fragment = randomFragment(random);
    const fail = (m) => problems.push(`#${fragment}: ${m}`);
    await page.goto(`${server.url}?run=${n}#${fragment}`);
    try {
      await ready(page);
    } catch {
      fail('no screen');
      continue;
    }
    const at = await step(page);
    seen.add(at);
    if (at === 'check') {
      // Ask for the result; whatever is wrong is then listed, each with a way past it.
      await page.click('#check-submit');
      const fields = () => page.$$eval('.error-summary[style*="block"] button[data-field]', (bs) => bs.map((b) => b.dataset.field).join(' '));
      const before = await fields();
      const buttons = before ? before.split(' ').length : 0;
      const shown = await page.$$eval('.error-summary[style*="block"] li', (ls) => ls.length);
      if (shown !== buttons) fail(`${shown} problems listed, ${buttons} with a way past them`);
      if (!shown && (await step(page)) !== 'result') fail('nothing wrong, yet no result');
      if (shown) {
        // The first way past must go somewhere: another screen, or other problems (removing
        // a link's `today` may, for one, bring questions the old date did not raise).
        await page.click('.error-summary button[data-field]');
        await page.waitForTimeout(50);
        if ((await step(page)) === 'check' && (await fields()) === before) fail(`the way past ${before} led nowhere`);
      }
    } else if (at !== 'result') {
      // Each problem's link must lead to a control on this screen.
      const targets = await page.$$eval('.error-summary a[href]', (as) =>
        as.map((a) => a.getAttribute('href').slice(1)).filter((id) => !document.getElementById(id) && !document.getElementById(`${id}-day`)),
      );
      if (targets.length) fail(`problems with no control here: ${targets}`);
    }
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(page.consoleErrors, []);
  assert.ok(seen.size >= 4, `the links reached only ${[...seen]}`);
  await page.context().close();
});
