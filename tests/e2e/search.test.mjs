// The country search on the first screen, typed as a person types it: a code selects the
// country that has it and comes first, the names people use for their country find it in
// every language, and Enter on the field takes only a text that is one country's code,
// name or alias; anything else is listed to pick from.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, ready, axe, step, tabTo } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const hash = (page) => decodeURIComponent(new URL(page.url()).hash);
const options = (page) => page.$$eval('#nationality-matches button', (bs) => bs.map((b) => b.dataset.code));

/** Opens the first question in `lang` and types `text` into the search field by keyboard. */
async function search(lang, text) {
  const page = await openPage(browser);
  await page.goto(`${server.url}#lang=${lang}&today=2026-11-21`);
  await ready(page);
  assert.equal(await step(page), 'nationality');
  await tabTo(page, '#nationality');
  await page.keyboard.type(text);
  await page.waitForSelector('#nationality-matches button');
  return page;
}

/** Presses Enter where the focus is (the search field, or the form's button) and waits for
 * the next question. */
async function enterMovesOn(page, code) {
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('main')?.dataset.step === 'purpose');
  assert.match(hash(page), new RegExp(`nationality=${code}(&|$)`), hash(page));
}

test('"UK" lists the United Kingdom first, and Enter takes it', async () => {
  const page = await search('en', 'UK');
  const codes = await options(page);
  assert.equal(codes[0], 'GB', `${codes}`);
  assert.match(await page.textContent('#nationality-matches li:first-child button'), /United Kingdom/);
  assert.ok(codes.includes('UA'), 'Ukraine, which starts with it, after');
  assert.deepEqual(await axe(page), [], 'axe with the matches');
  await enterMovesOn(page, 'GB');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('"RKS", the code on Kosovo passports, lists Kosovo alone, and Enter takes it', async () => {
  const page = await search('en', 'RKS');
  assert.deepEqual(await options(page), ['XK']);
  await enterMovesOn(page, 'XK');
  await page.context().close();
});

test('"DE", the hint\'s own example, lists Germany first, picked with the arrow keys', async () => {
  const page = await search('en', 'DE');
  const codes = await options(page);
  assert.equal(codes[0], 'DE', `${codes}`);
  assert.ok(codes.includes('DK'), 'Denmark, whose name starts with it, after');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.code), 'DE');
  await page.keyboard.press('Enter');
  assert.equal(await page.inputValue('#nationality'), 'Germany');
  assert.match(await page.textContent('.match-status'), /Germany/);
  await tabTo(page, 'form button[type="submit"]');
  await enterMovesOn(page, 'DE');
  await page.context().close();
});

test('"Germ" and Enter stays on the question and asks to pick from the list', async () => {
  const page = await search('en', 'Germ');
  assert.equal((await options(page))[0], 'DE', 'Germany is offered');
  await page.keyboard.press('Enter');
  const summary = await page.waitForSelector('.error-summary');
  assert.match(await summary.textContent(), /Choose a country from the list/);
  assert.equal(await step(page), 'nationality');
  assert.ok(!hash(page).includes('nationality='), hash(page));
  assert.equal(await page.inputValue('#nationality'), 'Germ', 'the text is kept');
  assert.equal((await options(page))[0], 'DE', 'and the list still offers Germany');
  assert.deepEqual(await axe(page), [], 'axe with the error');
  // Picking it from the list then moves on.
  await tabTo(page, '#nationality-matches button[data-code="DE"]');
  await page.keyboard.press('Enter');
  await tabTo(page, 'form button[type="submit"]');
  await enterMovesOn(page, 'DE');
  await page.context().close();
});

test('in Russian, "США" lists the United States first, and Enter takes it', async () => {
  const page = await search('ru', 'США');
  const codes = await options(page);
  assert.equal(codes[0], 'US', `${codes}`);
  assert.match(await page.textContent('#nationality-matches li:first-child button'), /Соединенные Штаты/);
  await enterMovesOn(page, 'US');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('in Kazakh, "АҚШ" is the United States and "Оңтүстік Корея" South Korea', async () => {
  for (const [text, code] of [['АҚШ', 'US'], ['Оңтүстік Корея', 'KR']]) {
    const page = await search('kk', text);
    assert.equal((await options(page))[0], code, text);
    await enterMovesOn(page, code);
    await page.context().close();
  }
});
