// A verdict a traveller can act on (issue 23): a blocked trip's real choices with their
// figures, never told to go; the days used and the next date that fits; the verdict in plain
// words with the law one step away; one coherent set of duties; links where they help (none
// on a kiosk); a result that fits a phone; and the smaller fixes (a stable question count,
// a question printed once, date examples that fit the field, a calendar of days to come, a
// shared link that carries only what the verdict needs, a desktop that uses its width).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, ready, axe, LOCALES } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const TRIP = 'today=2026-12-06&passport.expires=2031-01-01&trip.entry_point=airport_almaty';

async function result(fragment, options) {
  const page = await openPage(browser, options);
  await page.goto(`${server.url}#${TRIP}&${fragment}`);
  await ready(page);
  await page.waitForSelector('.result');
  return page;
}

const choices = (page) => page.$$eval('[data-choice]', (els) => els.map((e) => [e.dataset.choice, e.textContent]));

test('a blocked trip says what stops it and each real choice, and is never told to go', async () => {
  const page = await result('nationality=US&purpose=tourism&trip.entry=2027-01-10&trip.exit=2027-02-23&lang=en');
  assert.equal(await page.getAttribute('.verdict', 'data-outlook'), 'not_as_planned');
  assert.match(await page.textContent('h1'), /45 days is longer than the 30 days/);
  assert.equal(await page.$('[data-next]'), null, 'no next step to travel');
  assert.equal(await page.$('[data-code="cross_at_international_checkpoint"]'), null, 'no step that says to cross');
  const got = await choices(page);
  assert.deepEqual(got.map(([c]) => c), ['shorten', 'extend', 'visa']);
  assert.match(got[0][1], /Stay 30 days at most: leave Kazakhstan by 8 February 2027/);
  assert.match(got[2][1], /visa for this purpose \(Tourism\) from a Kazakh embassy or consulate/);
  // The extension is the step the data give for it, with its source.
  assert.equal(await page.getAttribute('[data-choice="extend"]', 'data-code'), 'apply_for_extension_visa');
  assert.deepEqual(await axe(page), []);
  // The shorter trip checks as allowed, from the choice's own link.
  await page.click('[data-choice="shorten"] [data-action="check-changed"]');
  await page.waitForFunction(() => document.querySelector('.verdict')?.dataset.outlook === 'as_planned');
  assert.match(page.url(), /trip\.exit=2027-02-08/);
  assert.equal(await page.getAttribute('.verdict', 'data-outlook'), 'as_planned');
});

test('a frequent visitor reads the days used and the first day a stay of this length fits', async () => {
  const stays = 'previous_stays=2026-09-01..2026-09-30,2026-11-01..2026-11-05';
  const page = await result(`nationality=KR&purpose=tourism&trip.entry=2027-01-10&trip.exit=2027-02-08&${stays}&lang=en`);
  const line = page.locator('.verdict-allowance');
  assert.equal(await line.getAttribute('data-used'), '35');
  assert.equal(await line.getAttribute('data-earliest'), '2027-02-03');
  assert.match(await line.textContent(), /35 of 60 days used in the last 180 days · this trip fits from 3 February 2027/);
  const later = (await choices(page)).find(([c]) => c === 'later');
  assert.match(later[1], /arrive on 3 February 2027 or after/);
  // In Kazakh the date takes the ablative before "бастап".
  const kk = await result(`nationality=KR&purpose=tourism&trip.entry=2027-01-10&trip.exit=2027-02-08&${stays}&lang=kk`);
  assert.match(await kk.textContent('.verdict-allowance'), /2027 жылғы 3 ақпаннан бастап/);
  assert.deepEqual(await axe(kk), []);
});

test('a traveller who could get an e-visa is told so, with a link to apply; a kiosk keeps no link', async () => {
  const page = await result('nationality=IN&purpose=tourism&trip.entry=2027-02-10&trip.exit=2027-03-01&lang=en');
  const visa = (await choices(page)).find(([c]) => c === 'visa');
  assert.match(visa[1], /electronic visa for this trip/);
  const apply = page.locator('[data-choice="visa"] a[data-action="apply"]');
  assert.equal(await apply.getAttribute('href'), 'https://www.vmp.gov.kz');
  assert.equal(await apply.getAttribute('target'), '_blank');
  assert.match(await apply.getAttribute('rel'), /noreferrer/);
  const kiosk = await result('nationality=IN&purpose=tourism&trip.entry=2027-02-10&trip.exit=2027-03-01&lang=en&mode=kiosk');
  assert.equal(await kiosk.$$eval('a[target="_blank"]', (els) => els.length), 0, 'a kiosk never leaves the app');
  assert.deepEqual(await axe(kiosk), []);
});

test('an e-visa result has an Apply link, and its sources are links that open apart', async () => {
  const page = await result('nationality=PE&purpose=tourism&trip.entry=2027-01-20&trip.exit=2027-01-30&lang=en');
  assert.equal(await page.getAttribute('.verdict [data-action="apply"]', 'href'), 'https://www.vmp.gov.kz');
  await page.click('.result-sources .source-texts summary');
  const links = await page.$$eval('.source-lines a', (els) => els.map((a) => [a.target, a.rel]));
  assert.ok(links.length > 0);
  for (const [target, rel] of links) assert.ok(target === '_blank' && rel.includes('noreferrer'));
  assert.deepEqual(await axe(page), []);
});

test('the verdict rests on one plain line; the act, its day and the reading it replaced are behind the §', async () => {
  const page = await result('nationality=RU&purpose=tourism&trip.entry=2027-01-10&trip.exit=2027-01-20&lang=ru');
  const basis = page.locator('.verdict-basis');
  assert.match(await basis.textContent(), /^Основание: .+ · уточните в посольстве или консульстве Казахстана/);
  const before = await page.evaluate(() => document.documentElement.scrollHeight);
  await basis.locator('summary').click();
  await page.waitForSelector('.verdict-basis .sources[open] blockquote');
  assert.match(await basis.textContent(), /Действует с 27 января 2023 г\./);
  assert.match(await basis.textContent(), /Этот акт заменяет то, что следует из основных текстов: виза в посольстве или консульстве Казахстана/);
  assert.doesNotMatch(await basis.textContent(), /г\.\./);
  const after = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(after - before <= 600, `opening the § adds ${after - before} px`);
  // Nothing English on the Russian page: the data's English clauses stay on the English one.
  assert.equal(await basis.locator('.source-title span').count(), 0);
  assert.deepEqual(await axe(page), []);
});

test('one coherent set of duties: the host notification is kept and said to be uncertain, the replaced permit is gone', async () => {
  const page = await result('nationality=RU&purpose=tourism&trip.entry=2027-01-10&trip.exit=2027-02-18&lang=en');
  const codes = await page.$$eval('.steps [data-code]', (els) => els.map((e) => e.dataset.code));
  assert.ok(codes.includes('register_online'));
  assert.ok(!codes.includes('host_arranges_residence_permit'), 'replaced by the online registration');
  assert.equal(await page.getAttribute('[data-code="host_notifies_migration_service"]', 'data-uncertain'), 'true');
  assert.match(await page.textContent('[data-code="host_notifies_migration_service"]'), /do it anyway, to be safe/);
  assert.deepEqual(await axe(page), []);
});

test('every route fits a phone in three languages, and opening a step group stays in bounds', async () => {
  const cases = {
    visa_free: 'nationality=DE&purpose=tourism&trip.entry=2027-01-10&trip.exit=2027-01-29',
    e_visa: 'nationality=PE&purpose=tourism&trip.entry=2027-01-20&trip.exit=2027-01-30',
    consular_visa: 'nationality=NG&purpose=business&birth_date=1990-05-01&trip.entry=2027-01-20&trip.exit=2027-01-30',
  };
  for (const lang of ['en', 'ru', 'kk']) {
    for (const [route, fragment] of Object.entries(cases)) {
      const page = await result(`${fragment}&lang=${lang}`, { viewport: { width: 390, height: 800 } });
      assert.equal(await page.getAttribute('.result', 'data-route'), route);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(height <= 3200, `${lang} ${route}: ${height} px`);
      await page.close();
    }
  }
});

test('the question count never changes under the traveller, and a choice asks its question once', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}#lang=en&today=2026-12-06`);
  await ready(page);
  assert.equal(await page.textContent('.progress'), 'Question 1');
  await page.goto(`${server.url}#lang=en&today=2026-12-06&nationality=RU&step=purpose`);
  await page.waitForSelector('main[data-step="purpose"]');
  assert.equal(await page.textContent('.progress'), 'Question 2');
  assert.equal(await page.$$eval('main *', (els) => els.filter((e) => e.children.length === 0 && /Why are you going/.test(e.textContent)).length), 1,
    'the question is printed once');
  assert.equal(await page.$eval('legend h1#main-heading', (h) => h.textContent), 'Why are you going to Kazakhstan?');
  await page.goto(`${server.url}#lang=en&today=2026-12-06&nationality=RU&purpose=tourism&step=passport`);
  await page.waitForSelector('main[data-step="passport"]');
  assert.equal(await page.textContent('.progress'), 'Question 3 of 5');
  await page.goto(`${server.url}#lang=en&today=2026-12-06&nationality=RU&purpose=tourism&passport.expires=2031-01-01&step=trip`);
  await page.waitForSelector('main[data-step="trip"]');
  assert.equal(await page.textContent('.progress'), 'Question 4 of 5');
  // Examples fit their fields: the trip ahead, the passport's issue behind.
  assert.match(await page.textContent('#trip-entry-hint'), /For example, 5 1 2027/);
  await page.goto(`${server.url}#lang=en&today=2026-12-06&nationality=RU&purpose=tourism&step=passport`);
  await page.waitForSelector('#passport-issued-hint');
  assert.match(await page.textContent('#passport-issued-hint'), /For example, \d+ \d+ 2023/);
});

test('a shared link carries only what the verdict needs, and the page says what it carries', async () => {
  const kiosk = await result('nationality=DE&purpose=tourism&birth_date=1990-05-01&trip.entry=2027-01-10&trip.exit=2027-01-20&lang=en&mode=kiosk');
  const qr = await kiosk.getAttribute('[data-link]', 'data-link');
  assert.ok(qr && !qr.includes('birth_date'), `a visa-free verdict needs no date of birth: ${qr}`);
  assert.equal(await kiosk.textContent('.link-note'), LOCALES.en.result.link_holds);
  const consular = await result('nationality=NG&purpose=business&birth_date=1990-05-01&trip.entry=2027-01-20&trip.exit=2027-01-30&lang=en&mode=kiosk');
  assert.ok((await consular.getAttribute('[data-link]', 'data-link')).includes('birth_date=1990-05-01'), 'fingerprints need it');
  assert.equal(await consular.textContent('.link-note'), LOCALES.en.result.link_holds_birth);
  // Beside the share button too, in the page's language.
  const shared = await result('nationality=NG&purpose=business&birth_date=1990-05-01&trip.entry=2027-01-20&trip.exit=2027-01-30&lang=ru');
  assert.equal(await shared.textContent('.actions .link-note'), LOCALES.ru.result.link_holds_birth);
  assert.deepEqual(await axe(consular), []);
});

test('a wide desktop uses its width: the actions sit beside the checklist, in reach', async () => {
  const page = await result('nationality=DE&purpose=tourism&trip.entry=2027-01-10&trip.exit=2027-01-29&lang=en', { viewport: { width: 1366, height: 800 } });
  const [verdict, actions] = await Promise.all(['.verdict', '.result > .actions'].map((s) => page.locator(s).boundingBox()));
  assert.ok(actions.x > verdict.x + verdict.width, 'the actions are beside the verdict');
  assert.ok(actions.y < 400, `the actions start at ${actions.y} px`);
  assert.ok(verdict.width >= 800, `the column is ${verdict.width} px`);
  assert.deepEqual(await axe(page), []);
});
