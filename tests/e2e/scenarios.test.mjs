// Every legal situation of the engine's scenario table (rules/tests/scenarios), opened as a
// shared link: the page must show what the engine's own test expects, by code and by date,
// so the page and the engine cannot drift apart. A case with an input error must land on a
// question, with the message at the field the scenario names.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { serve, launch, openPage, ready, step } from './support.mjs';

/** The fixtures of a folder; `law` is added to cases that do not name one. */
function fixtures(folder, law) {
  const dir = new URL(folder, import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const s = { file: f, ...JSON.parse(readFileSync(new URL(f, dir), 'utf8')) };
      s.case.law ??= law;
      return s;
    });
}
// The five texts' scenarios under law=core, the later acts' under the current law.
const SCENARIOS = [
  ...fixtures('../../rules/tests/scenarios/', 'core'),
  ...fixtures('../../rules/tests/scenarios/acts/', 'current'),
];

/** The case as the URL form of the contract: dotted field names, stays as `entry..exit`. */
function fragment(c) {
  const pairs = [];
  const walk = (prefix, value) => {
    if (value === null || value === undefined) return;
    if (prefix === 'previous_stays' && Array.isArray(value)) {
      pairs.push([prefix, value.map((s) => `${s.entry}..${s.exit}`).join(',')]);
    } else if (typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}.${k}` : k, v);
    } else {
      pairs.push([prefix, String(value)]);
    }
  };
  walk('', c);
  return pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

/** A date as the English page writes it: 17 December 2026. */
function english(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const month = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1];
  return `${d} ${month} ${y}`;
}

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test(`each of the ${SCENARIOS.length} scenarios from the seed texts and the later acts shows the engine's outcome when opened as a link`, async () => {
  const page = await openPage(browser);
  const problems = [];
  let results = 0;
  for (const [n, s] of SCENARIOS.entries()) {
    const fail = (m) => problems.push(`${s.file}: ${m}`);
    // A new document per case (the query changes), as a link opened afresh would be.
    await page.goto(`${server.url}?case=${n}#${fragment(s.case)}&lang=en`);
    await ready(page);
    const e = s.expect;
    if (e.input_errors) {
      if ((await step(page)) === 'result') fail('an invalid case reached the result');
      const shown = await page.$$eval('.error-summary a[data-field]', (as) => as.map((a) => a.dataset.field));
      const unexpected = shown.filter((f) => !e.input_errors.includes(f));
      if (unexpected.length) fail(`errors on ${unexpected} not expected (${e.input_errors})`);
      // A value the link gives and the engine refuses is explained at once; a missing one
      // only when the traveller tries to go on.
      const given = new Set(fragment(s.case).split('&').map((p) => p.split('=')[0]));
      const refused = e.input_errors.some((f) => given.has(f.replace(/\[\d+\].*$/, '')));
      if (refused && !shown.length) fail(`no error shown for ${e.input_errors}`);
      continue;
    }
    if ((await step(page)) !== 'result') { fail(`opened ${await step(page)}, not the result`); continue; }
    results += 1;
    const route = await page.getAttribute('.result', 'data-route');
    if (e.route && route !== e.route) fail(`route ${route}, expected ${e.route}`);
    for (const key of ['regime', 'confidence']) {
      const got = await page.getAttribute('.result', `data-${key}`);
      if (e.basis?.[key] && got !== e.basis[key]) fail(`${key} ${got}, expected ${e.basis[key]}`);
    }
    if (e.basis?.since && !(await page.textContent('.verdict-basis')).includes(english(e.basis.since))) {
      fail(`the verdict does not name the act's date ${english(e.basis.since)}`);
    }
    const codes = new Set(await page.$$eval('.result [data-code]', (els) => els.map((el) => el.dataset.code)));
    // The words of a line, without its sources (whose quotes may hold dates of their own): a
    // deadline's date on the step due by it, the heading that says a blocker.
    const text = async (code) => page.$eval(`.result [data-code="${code}"]`,
      (el) => (el.matches('.due, h1') ? el.textContent : el.querySelector(':scope > :is(p, .date-value)')?.textContent ?? ''));
    for (const code of [...(e.issues ?? []), ...(e.steps ?? []), ...(e.documents ?? [])]) {
      if (!codes.has(code)) fail(`${code} not shown`);
    }
    for (const code of [...(e.absent ?? []), ...(e.absent_steps ?? []), ...(e.no_deadlines ?? [])]) {
      if (codes.has(code)) fail(`${code} shown, expected absent`);
    }
    for (const [code, date] of Object.entries({ ...e.deadlines, ...e.issue_dates })) {
      if (!codes.has(code)) fail(`${code} not shown`);
      else if (!(await text(code)).includes(english(date))) fail(`${code} does not say ${english(date)}: ${await text(code)}`);
    }
    if (e.max_stay_days !== undefined && !(await page.textContent('h1')).includes(`${e.max_stay_days} days`)) {
      fail(`the headline does not say ${e.max_stay_days} days`);
    }
  }
  assert.deepEqual(problems, []);
  assert.ok(results >= 120, `only ${results} scenarios reached a result`);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
