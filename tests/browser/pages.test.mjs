// End-to-end tests of the study pages in headless Chromium, opened from file:// the way a
// student opens them from disk. Run with tests/browser/run.sh.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  decks, decksMarkup, decksRu, launch, open, pageUrl, quizJson, checkAccessibility, shot,
} from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const phone = { width: 320, height: 640 };
const COURSE_TITLE = 'Browser fixture <course> & "friends"';

async function noHorizontalScroll(page, label) {
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(scroll <= client, `${label} scrolls sideways at ${client}px (content is ${scroll}px wide)`);
}

async function csp(page) {
  return page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
}

test('the index lists every deck with counts, tags and links that lead to real files', async () => {
  const url = pageUrl(decks, 'index.html');
  const { page, done } = await open(browser, url);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('h1'), COURSE_TITLE);
  assert.match(await csp(page), /default-src 'none'/);
  assert.equal(await page.locator('script').count(), 0, 'the index needs no script');
  const deckIds = await page.locator('[data-deck]').evaluateAll((els) => els.map((e) => e.getAttribute('data-deck')));
  assert.deepEqual(deckIds, ['basics', 'people', 'chronology']);
  const basics = page.locator('[data-deck="basics"]');
  assert.equal(await basics.locator('h3').textContent(), 'Basics <b>not bold</b>');
  assert.match(await basics.locator('.counts').textContent(), /^\d+ cards · \d+ questions$/);
  assert.deepEqual(await basics.locator('.tag').allTextContents(), ['basics', 'glossary']);
  const labels = await basics.locator('.pages a').allTextContents();
  assert.deepEqual(labels, ['Flashcards', 'Quiz', 'Quiz, form A', 'Quiz, form B']);
  const hrefs = await page.locator('a[href]').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
  assert.ok(hrefs.length >= 9);
  for (const href of hrefs.filter((h) => !h.startsWith('#'))) {
    assert.ok(!/^[a-z]+:/.test(href), `${href} is relative`);
    assert.ok(existsSync(path.join(decks, href)), `${href} exists`);
  }
  await checkAccessibility(page, 'the index');
  await shot(page, 'index-desktop');
  await done();

  const small = await open(browser, url, { viewport: phone });
  await noHorizontalScroll(small.page, 'the index');
  await shot(small.page, 'index-phone');
  await small.done();
});

test('a flashcard flips with Space, Enter and a click, and the arrow keys move between cards', async () => {
  const { page, done } = await open(browser, pageUrl(decks, 'basics/flashcards.html'));
  const visible = page.locator('[data-card]:visible');
  assert.equal(await visible.count(), 1, 'one card at a time');
  const first = await visible.getAttribute('data-card');
  assert.equal(first, 'term-oewg');
  assert.equal(await visible.getAttribute('data-side'), 'front');
  await shot(page, 'flashcards-desktop-front', false);

  await visible.focus();
  await page.keyboard.press('Space');
  assert.equal(await visible.getAttribute('data-side'), 'back');
  assert.equal(await page.getAttribute('[data-action="flip"]', 'aria-pressed'), 'true');
  await page.waitForTimeout(600);
  const back = visible.locator('.face.back');
  assert.ok(await back.isVisible());
  assert.match(await back.textContent(), /Open-Ended Working Group/);
  // The source is on the back; the Russian term is a card of its own, marked as Russian.
  assert.match(await back.locator('.source').textContent(), /TASS news, “formed at Moscow's initiative”/);
  assert.equal(await page.getAttribute('[data-card="term-oewg-ru"] .face.back .main', 'lang'), 'ru');
  await shot(page, 'flashcards-desktop-back', false);

  await page.keyboard.press('Enter');
  assert.equal(await visible.getAttribute('data-side'), 'front');
  await visible.click();
  assert.equal(await visible.getAttribute('data-side'), 'back');

  await page.keyboard.press('ArrowRight');
  // Today's session of a new student: the day's 20 new cards.
  await page.waitForFunction(() => document.getElementById('status').textContent === 'Card 2 of 20');
  const second = page.locator('[data-card]:visible');
  assert.equal(await second.getAttribute('data-card'), 'term-oewg-meaning');
  assert.equal(await second.getAttribute('data-side'), 'front', 'a new card shows its front');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-card')), 'term-oewg-meaning', 'focus follows the card');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.locator('[data-card]:visible').getAttribute('data-card'), 'term-oewg');
  await page.keyboard.press('ArrowLeft');
  const last = await page.locator('[data-card]').nth(19).getAttribute('data-card');
  assert.equal(await page.locator('[data-card]:visible').getAttribute('data-card'), last, 'previous from the first wraps to the last of the session');
  await checkAccessibility(page, 'the flashcards');
  await done();
});

const T0 = new Date('2026-03-02T09:00:00Z');
const MIN = 60000;
const DAY = 86400000;
const STORE = `decksmith:${COURSE_TITLE}:basics:flashcards`;

async function visibleCard(page) {
  return page.locator('[data-card]:visible').getAttribute('data-card');
}
async function saved(page) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key)), STORE);
}
async function intervals(page) {
  return page.locator('.grade-buttons .ivl').allTextContents();
}

test('grading with keys 1–4 schedules a card with FSRS, shows each grade\'s interval, and survives a reload', async () => {
  const url = pageUrl(decks, 'basics/flashcards.html');
  const { page, context, done } = await open(browser, url, { time: T0 });
  const total = await page.locator('[data-card]').count();
  assert.equal(total, 29);
  assert.equal(await page.textContent('#progress-text'), `0 due · 20 new today · 0 of ${total} studied`);
  assert.equal(await page.textContent('[data-card="term-oewg"] .due'), 'New');
  // A new card: the learning steps (1 and 10 minutes, Hard between), Easy straight to days.
  assert.deepEqual(await intervals(page), ['1 min', '6 min', '10 min', '8 d']);

  await page.keyboard.press('3');
  await page.waitForFunction(() => document.getElementById('status').textContent === 'Good: back in 10 min');
  assert.equal(await visibleCard(page), 'term-oewg-meaning', 'grading moves on');
  await page.keyboard.press('4');
  await page.keyboard.press('1');
  const third = await page.locator('[data-card]').nth(2).getAttribute('data-card');
  assert.equal(await page.textContent('#progress-text'), `2 due · 17 new today · 3 of ${total} studied`);

  // Kept per card under the card's GUID, with its review log.
  const state = await saved(page);
  const guid = await page.getAttribute('[data-card="term-oewg"]', 'data-guid');
  assert.match(guid, /^[0-9a-f]{16}$/);
  const oewg = state.cards[guid];
  assert.equal(oewg.state, 'learning');
  assert.equal(oewg.step, 1);
  assert.equal(oewg.stability, 2.3065);
  assert.equal(oewg.due, new Date(T0.getTime() + 10 * MIN).toISOString());
  assert.deepEqual(oewg.log, [{ rating: 3, review: T0.toISOString() }]);
  const easy = state.cards[await page.getAttribute('[data-card="term-oewg-meaning"]', 'data-guid')];
  assert.equal(easy.state, 'review');
  assert.equal(easy.due, new Date(T0.getTime() + 8 * DAY).toISOString());
  assert.equal(Object.keys(state.cards).length, 3);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [STORE]);

  // A quarter of an hour later the learning cards are due first, earliest first.
  await context.clock.setFixedTime(new Date(T0.getTime() + 15 * MIN));
  await page.reload();
  assert.equal(await visibleCard(page), third, 'the card graded Again (due after 1 minute) comes first');
  assert.equal(await page.textContent(`[data-card="${third}"] .due`), 'Due now');
  await page.keyboard.press('3');
  assert.equal(await visibleCard(page), 'term-oewg');
  assert.equal(await page.getAttribute('[data-card="term-oewg"]', 'data-state'), 'learning');
  const [, , good] = await intervals(page);
  assert.match(good, /^\d+ d$/, 'Good on the last learning step graduates the card to days');
  await page.keyboard.press('3');
  assert.equal((await saved(page)).cards[guid].state, 'review');

  const other = await context.newPage();
  await other.goto(pageUrl(decks, 'people/flashcards.html'));
  assert.equal(await other.textContent('#progress-text'), '0 due · 9 new today · 0 of 9 studied', 'another deck has its own progress');
  await other.close();

  // A week on: the Easy card is not due yet, the others (due in days) are; new cards come after.
  await context.clock.setFixedTime(new Date(T0.getTime() + 7 * DAY));
  await page.reload();
  assert.equal(await page.textContent('#progress-text'), `2 due · 20 new today · 3 of ${total} studied`);
  const session = [];
  for (let i = 0; i < 3; i++) {
    session.push(await visibleCard(page));
    await page.keyboard.press('ArrowRight');
  }
  assert.ok(!session.slice(0, 2).includes('term-oewg-meaning'), 'the card due in 8 days waits');
  assert.deepEqual(new Set(session.slice(0, 2)), new Set(['term-oewg', third]));

  // "All cards" goes through the whole deck, whatever is due.
  await page.click('[data-action="all"]');
  assert.equal(await page.getAttribute('[data-action="all"]', 'aria-pressed'), 'true');
  assert.equal(await visibleCard(page), 'term-oewg');
  assert.equal(await page.getAttribute('[data-card="term-oewg"]', 'aria-label'), `Card 1 of ${total}`);

  await page.click('.more summary');
  await checkAccessibility(page, 'the flashcards with the progress menu open');
  await page.click('[data-action="reset"]');
  assert.equal(await page.textContent('#progress-text'), `0 due · 20 new today · 0 of ${total} studied`);
  await page.reload();
  assert.equal(await page.textContent('#progress-text'), `0 due · 20 new today · 0 of ${total} studied`);
  await done();
});

test('after the day\'s new cards the session is done, and says when the next card is due', async () => {
  const url = pageUrl(decks, 'people/flashcards.html');
  const { page, done } = await open(browser, url, { time: T0 });
  for (let i = 0; i < 9; i++) await page.keyboard.press('4');
  assert.ok(await page.locator('#session-done').isVisible());
  assert.equal(await page.textContent('#session-done'), 'Done for now: the next card is due in 8 d. Choose “All cards” to study ahead.');
  assert.equal(await page.locator('[data-card]:visible').count(), 0);
  assert.ok(await page.locator('[data-action="good"]').isDisabled());
  await checkAccessibility(page, 'a finished session');
  await done();
});

const iphone = { width: 390, height: 844 };

// A one-finger swipe across the element, through the browser's own touch input.
async function swipe(page, selector, dx) {
  const box = await page.locator(selector).boundingBox();
  const cdp = await page.context().newCDPSession(page);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const at = (px) => [{ x: px, y }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(x) });
  for (let i = 1; i <= 5; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(x + (dx * i) / 5) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

test('on a 390×844 phone every card, flipped, fits the screen with its flip and grade buttons, which stay in one place; swipe moves, tap flips', async () => {
  const { page, done } = await open(browser, pageUrl(decks, 'basics/flashcards.html'), { viewport: iphone, touch: true, time: T0 });
  assert.ok(!(await page.locator('.study-controls .keys').isVisible()), 'no keyboard hint on a touch screen');
  const toolbar = await page.locator('.toolbar').boundingBox();
  assert.ok(toolbar.height < 60, `the toolbar is one row (${toolbar.height}px)`);
  await page.click('[data-action="all"]');
  const total = await page.locator('[data-card]').count();
  const inView = async (selector, label) => {
    const box = await page.locator(selector).boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= iphone.height && box.x >= 0 && box.x + box.width <= iphone.width,
      `${label}: ${selector} is on screen (${JSON.stringify(box)})`);
  };
  // Where the grade row is, and how long the back is, card by card.
  const rows = [];
  for (let i = 0; i < total; i++) {
    const id = await visibleCard(page);
    await page.tap('[data-card]:visible .face.front');
    assert.equal(await page.getAttribute(`[data-card="${id}"]`, 'data-side'), 'back', 'a tap flips');
    for (const selector of ['[data-card]:visible', '[data-action="flip"]', ...['again', 'hard', 'good', 'easy'].map((g) => `[data-action="${g}"]`)]) {
      await inView(selector, id);
    }
    assert.equal(await page.evaluate(() => window.scrollY), 0, `${id}: nothing scrolled`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight), `${id}: the page needs no scrolling`);
    const y = (await page.locator('[data-action="good"]').boundingBox()).y;
    const back = await page.locator('[data-card]:visible .face.back').evaluate((face) => face.textContent.trim().length);
    rows.push({ id, y, back });
    await page.click('[data-action="next"]');
  }
  // A student grading in rhythm finds the buttons where they were, however long the back.
  const shortest = rows.reduce((a, b) => (b.back < a.back ? b : a));
  const longest = rows.reduce((a, b) => (b.back > a.back ? b : a));
  assert.ok(longest.back > 2 * shortest.back, `backs of different lengths (${shortest.back}, ${longest.back} characters)`);
  assert.equal(longest.y, shortest.y, `the grade row of ${longest.id} is where it is for ${shortest.id}`);
  assert.deepEqual([...new Set(rows.map((r) => r.y))], [shortest.y], 'the grade row stays in one place on every card');
  await shot(page, 'flashcards-390-front', false);

  // A back longer than the card scrolls inside it, its foot faded while there is more below
  // (the fixture's backs all fit, so one is made longer here).
  const card = await visibleCard(page);
  await page.locator(`[data-card="${card}"] .face.back`).evaluate((face) => {
    const more = document.createElement('p');
    more.textContent = 'A long explanation. '.repeat(120);
    face.insertBefore(more, face.querySelector('.source'));
  });
  await page.click('[data-action="next"]');
  await page.click('[data-action="previous"]');
  assert.equal(await visibleCard(page), card);
  await page.tap('[data-card]:visible .face.front');
  const longBack = page.locator(`[data-card="${card}"] .face.back`);
  assert.equal((await page.locator('[data-action="good"]').boundingBox()).y, shortest.y, 'a long back moves no button');
  assert.ok(await longBack.evaluate((face) => face.scrollHeight > face.clientHeight), 'the long back overflows its card');
  assert.ok(await longBack.evaluate((face) => face.hasAttribute('data-more')), 'an overflowing back is marked');
  const fade = await longBack.evaluate((face) => getComputedStyle(face, '::after').backgroundImage);
  assert.match(fade, /linear-gradient/, 'and its foot fades');
  await page.waitForTimeout(600);
  await shot(page, 'flashcards-390-long-back', false);
  await longBack.evaluate((face) => { face.scrollTop = face.scrollHeight; });
  await page.waitForFunction((id) => !document.querySelector(`[data-card="${id}"] .face.back`).hasAttribute('data-more'), card);
  await page.click('[data-action="next"]');

  // Swipe left for the next card, right for the previous one; a swipe does not flip.
  const first = await visibleCard(page);
  await swipe(page, '[data-card]:visible', -150);
  const second = await visibleCard(page);
  assert.notEqual(second, first, 'a swipe left moves to the next card');
  assert.equal(await page.getAttribute(`[data-card="${second}"]`, 'data-side'), 'front');
  await swipe(page, '[data-card]:visible', 150);
  assert.equal(page.url(), pageUrl(decks, 'basics/flashcards.html'), 'a swipe right is not the browser\'s "back"');
  assert.equal(await visibleCard(page), first, 'a swipe right moves back');
  await swipe(page, '[data-card]:visible', 20);
  assert.equal(await visibleCard(page), first, 'a short drag is no swipe');

  await page.tap('[data-card]:visible .face.front');
  await page.waitForTimeout(600);
  await shot(page, 'flashcards-390-back', false);
  await checkAccessibility(page, 'the flashcards on a phone');
  await page.tap('[data-action="good"]');
  const guid = await page.getAttribute(`[data-card="${first}"]`, 'data-guid');
  assert.equal((await saved(page)).cards[guid].state, 'learning', 'a tap on a grade grades');
  await done();
});

// Review histories: hand-made ones for each path of the scheduler (learning steps, lapses and
// relearning, same-day reviews, long gaps), and seeded random ones.
function histories() {
  const at = (days, minutes = 0) => new Date(T0.getTime() + days * DAY + minutes * MIN).toISOString();
  const out = [
    [[3, at(0)], [3, at(0, 10)], [3, at(3)], [3, at(12)], [3, at(40)]],
    [[2, at(0)], [2, at(0, 6)], [3, at(0, 16)], [1, at(2)], [2, at(2, 10)], [3, at(2, 30)], [4, at(9)]],
    [[4, at(0)], [1, at(8)], [1, at(8, 10)], [3, at(8, 20)], [3, at(8, 40)], [3, at(30)], [1, at(400)], [3, at(401)]],
    [[1, at(0)], [1, at(0, 1)], [2, at(0, 2)], [3, at(5)], [3, at(5, 1)], [4, at(5, 2)], [2, at(60)], [2, at(61)]],
    [[3, at(0)], [4, at(0, 10)], [4, at(20)], [4, at(120)], [4, at(900)], [1, at(2000)], [3, at(2000, 10)]],
  ];
  let seed = 20260302;
  const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  for (let h = 0; h < 40; h++) {
    let t = T0.getTime();
    const history = [];
    for (let i = 0; i < 12; i++) {
      const r = next();
      history.push([r < 0.2 ? 1 : r < 0.35 ? 2 : r < 0.85 ? 3 : 4, new Date(t).toISOString()]);
      const k = next();
      t += k < 0.3 ? Math.floor(next() * 20) * MIN
        : k < 0.5 ? Math.floor(next() * 20) * 60 * MIN
          : Math.floor(next() * 60) * DAY + Math.floor(next() * DAY);
    }
    out.push(history);
  }
  return out;
}

test('the page\'s FSRS-6 gives the reference scheduler\'s (PyPI fsrs) stability, difficulty and interval', async () => {
  const python = process.env.FSRS_PYTHON;
  assert.ok(python, 'FSRS_PYTHON names the Python with the fsrs package: run tests/browser/run.sh');
  const input = histories();
  const run = spawnSync(python, [path.join(import.meta.dirname, 'fsrs_reference.py')], { input: JSON.stringify(input), encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const reference = JSON.parse(run.stdout);
  const { page, done } = await open(browser, pageUrl(decks, 'basics/flashcards.html'));
  const ours = await page.evaluate((hs) => hs.map((h) => {
    let card = null;
    // eslint-disable-next-line no-undef
    return h.map(([rating, time]) => (card = DecksmithFSRS.review(card, rating, Date.parse(time))));
  }), input);
  let reviews = 0;
  const seen = new Set();
  input.forEach((history, h) => history.forEach((_, i) => {
    const [a, b] = [ours[h][i], reference[h][i]];
    const where = `history ${h}, review ${i + 1}`;
    assert.equal(a.state, b.state, `${where}: state`);
    assert.equal(a.step, b.step, `${where}: step`);
    assert.ok(Math.abs(a.stability - b.stability) <= 1e-9 * b.stability, `${where}: stability ${a.stability} ≠ ${b.stability}`);
    assert.ok(Math.abs(a.difficulty - b.difficulty) <= 1e-9 * b.difficulty, `${where}: difficulty ${a.difficulty} ≠ ${b.difficulty}`);
    assert.equal(a.due, b.due, `${where}: due (the interval)`);
    assert.equal(a.last_review, b.last_review);
    seen.add(`${history[i][0]}:${b.state}`);
    reviews++;
  }));
  assert.ok(reviews > 400);
  // Every path of the scheduler was compared: each grade into each state it can lead to.
  for (const path of ['1:learning', '1:relearning', '2:learning', '2:relearning', '2:review', '3:learning', '3:review', '4:review']) {
    assert.ok(seen.has(path), `a review graded ${path.replace(':', ' into ')}`);
  }
  await done();
});

test('progress exports to a JSON file and imports into a fresh browser; an import says what it left out', async () => {
  const url = pageUrl(decks, 'basics/flashcards.html');
  const a = await open(browser, url, { time: T0 });
  await a.page.keyboard.press('3');
  await a.page.keyboard.press('4');
  await a.page.keyboard.press('1');
  const before = (await saved(a.page)).cards;
  await a.page.click('.more summary');
  const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.click('[data-action="export"]')]);
  assert.equal(download.suggestedFilename(), 'basics-progress.json');
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(file.format, 'decksmith-progress');
  assert.equal(file.version, 1);
  assert.equal(file.course, COURSE_TITLE);
  assert.equal(file.deck, 'basics');
  assert.deepEqual(file.cards, before);
  await a.done();

  // Another deck's card and a damaged entry are left out, and the report says so.
  file.cards['0123456789abcdef'] = Object.values(before)[0];
  const damaged = Object.keys(before)[1];
  const kept = Object.fromEntries(Object.entries(before).filter(([k]) => k !== damaged));
  file.cards[damaged] = { ...before[damaged], stability: 'lots' };
  const dir = mkdtempSync(path.join(tmpdir(), 'progress-'));
  const good = path.join(dir, 'progress.json');
  writeFileSync(good, JSON.stringify(file));
  const bad = path.join(dir, 'notes.json');
  writeFileSync(bad, '{"cards": 3}');

  const b = await open(browser, url, { time: new Date(T0.getTime() + 20 * MIN) });
  assert.equal(await b.page.textContent('#progress-text'), '0 due · 20 new today · 0 of 29 studied');
  await b.page.click('.more summary');
  await b.page.setInputFiles('#import-file', bad);
  await b.page.waitForFunction(() => !document.getElementById('import-report').hidden);
  assert.equal(await b.page.textContent('#import-report'), 'This file is not a decksmith progress file; nothing was changed.');
  await b.page.setInputFiles('#import-file', good);
  await b.page.waitForFunction(() => /imported/.test(document.getElementById('import-report').textContent));
  assert.equal(await b.page.textContent('#import-report'), 'Cards imported: 2. Left out, not in this deck: 1. Left out, incomplete in the file: 1.');
  assert.deepEqual((await saved(b.page)).cards, kept);
  assert.equal(await b.page.textContent('#progress-text'), '2 due · 20 new today · 2 of 29 studied');
  await b.page.reload();
  assert.deepEqual((await saved(b.page)).cards, kept, 'the imported progress is kept');
  await b.done();
  rmSync(dir, { recursive: true, force: true });
});

test('shuffle is seeded, pressing it again restores the order, and "answer first" shows the back first', async () => {
  const url = pageUrl(decks, 'basics/flashcards.html');
  const walk = async (page) => {
    const n = await page.locator('[data-card]').count();
    const ids = [];
    for (let i = 0; i < n; i++) {
      ids.push(await page.locator('[data-card]:visible').getAttribute('data-card'));
      await page.click('[data-action="next"]');
    }
    return ids;
  };
  const a = await open(browser, url);
  await a.page.click('[data-action="all"]');
  await a.page.click('.more summary');
  const inOrder = await a.page.locator('[data-card]').evaluateAll((els) => els.map((e) => e.getAttribute('data-card')));
  await a.page.click('[data-action="shuffle"]');
  assert.equal(await a.page.getAttribute('[data-action="shuffle"]', 'aria-pressed'), 'true');
  const shuffled = await walk(a.page);
  assert.notDeepEqual(shuffled, inOrder, 'the cards are shuffled');
  assert.deepEqual([...shuffled].sort(), [...inOrder].sort(), 'every card once');
  await a.done();

  // The same course gives the same shuffle in another browser profile.
  const b = await open(browser, url);
  await b.page.click('[data-action="all"]');
  await b.page.click('.more summary');
  await b.page.click('[data-action="shuffle"]');
  assert.deepEqual(await walk(b.page), shuffled, 'the shuffle is seeded');
  await b.page.click('[data-action="shuffle"]');
  assert.deepEqual(await walk(b.page), inOrder);

  await b.page.click('[data-action="answer-first"]');
  const card = b.page.locator('[data-card]:visible');
  assert.equal(await card.getAttribute('data-side'), 'back');
  await b.page.keyboard.press('Space');
  assert.equal(await card.getAttribute('data-side'), 'front');
  await b.done();
});

// Answers a question from generation's own record of it (quiz.json), right or wrong.
async function answer(page, section, q, right) {
  const kind = q.kind;
  if (kind === 'multiple-choice' || kind === 'who') {
    const value = right ? q.answer : (q.answer + 1) % q.options.length;
    await section.locator(`input[type=radio][value="${value}"]`).check();
  } else if (kind === 'true-false') {
    await section.locator(`input[type=radio][value="${right ? q.answer : !q.answer}"]`).check();
  } else if (kind === 'cloze') {
    const blanks = section.locator('input.blank');
    for (let i = 0; i < q.answers.length; i++) {
      await blanks.nth(i).fill(right ? q.answers[i] : 'certainly not this');
    }
  } else if (kind === 'matching') {
    const partner = new Map(q.pairs.map(([l, r]) => [l, r]));
    for (let l = 0; l < q.left.length; l++) {
      const r = right ? partner.get(l) : partner.get((l + 1) % q.left.length);
      await section.locator(`select[data-left="${l}"]`).selectOption(String(r));
    }
  } else if (kind === 'timeline') {
    const target = right ? q.order : [...q.order].reverse();
    await orderTimeline(page, section, target);
  } else if (kind === 'flashcard') {
    const reveal = section.locator('[data-action="reveal"]');
    if ((await reveal.getAttribute('aria-expanded')) === 'false') await reveal.click();
    await section.locator(`input[type=radio][value="${right}"]`).check();
  } else {
    throw new Error(`no way to answer ${kind}`);
  }
}

// Puts the events in `target` order (item indices), moving them with Alt+↑ on the keyboard.
async function orderTimeline(page, section, target) {
  for (let position = 0; position < target.length; position++) {
    for (;;) {
      const items = await section.locator('.events > li').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-item'))));
      const at = items.indexOf(target[position]);
      if (at === position) break;
      const up = section.locator(`.events > li[data-item="${target[position]}"] [data-action="up"]`);
      await up.focus();
      await page.keyboard.press('Alt+ArrowUp');
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-action')), 'up', 'focus stays on the moved event');
    }
  }
}

async function scoreText(page) {
  return (await page.textContent('#score')).trim();
}

async function expectScore(page) {
  const states = await page.locator('[data-question]').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
  const right = states.filter((s) => s === 'correct').length;
  const checked = states.filter((s) => s === 'correct' || s === 'wrong' || s === 'missed').length;
  assert.equal(await scoreText(page), `${right} of ${states.length} correct · ${checked} checked`);
  return { right, checked };
}

for (const deck of ['basics', 'people', 'chronology']) {
  test(`quiz of ${deck}: one question of every kind answered wrong, then right, with feedback and score`, async () => {
    const { page, done } = await open(browser, pageUrl(decks, `${deck}/quiz.html`));
    const quiz = quizJson(decks, deck);
    const sections = page.locator('[data-question]');
    assert.equal(await sections.count(), quiz.questions.length);
    const onPage = await sections.evaluateAll((els) => els.map((e) => [e.getAttribute('data-question'), e.getAttribute('data-kind')]));
    assert.deepEqual(onPage, quiz.questions.map((q) => [q.id, q.kind]), 'the page asks what generation made, in order');
    assert.equal(await scoreText(page), `0 of ${quiz.questions.length} correct · 0 checked`);
    await shot(page, `quiz-${deck}-desktop-unanswered`);

    const kinds = new Set();
    for (const q of quiz.questions) {
      if (kinds.has(q.kind)) continue;
      kinds.add(q.kind);
      const section = page.locator(`[data-question="${q.id}"]`);
      const feedback = section.locator('.feedback');
      assert.ok(await feedback.isHidden());

      if (q.kind === 'matching') {
        // The answers to choose from are listed in view, not only inside the menus.
        const listed = await section.locator('.right-list li').allTextContents();
        assert.deepEqual(listed, q.right);
        assert.ok(await section.locator('.right-list').isVisible());
        assert.equal(await section.locator('.choices-label').textContent(), 'Answers to choose from:');
      }
      if (q.kind === 'flashcard') {
        // A recall question says what to do, and choosing "I knew it" or not is its check.
        assert.match(await section.locator('.hint').textContent(), /^Say or write the answer, then show it/);
        assert.equal(await section.locator('[data-action="check"]').count(), 0, 'no Check button beside the choice that checks');
      }
      const submit = async () => {
        if (q.kind !== 'flashcard') await section.locator('[data-action="check"]').click();
      };
      await answer(page, section, q, false);
      await submit();
      assert.equal(await section.getAttribute('data-state'), 'wrong', `${q.kind} answered wrong`);
      assert.ok(await feedback.isVisible());
      assert.equal(await feedback.locator('.verdict').textContent(), 'Not quite');
      assert.ok(await feedback.locator('.solution').isVisible(), 'the right answer is shown');
      if (q.explanation) assert.equal(await feedback.locator('.explanation').textContent(), q.explanation);
      assert.match(await feedback.locator('.source').textContent(), new RegExp(q.sources[0].short));
      await expectScore(page);

      await answer(page, section, q, true);
      if (q.kind !== 'flashcard') assert.ok(await feedback.isHidden(), 'a changed answer hides the old feedback');
      await submit();
      assert.equal(await section.getAttribute('data-state'), 'correct', `${q.kind} answered right`);
      assert.equal(await feedback.locator('.verdict').textContent(), 'Correct');
      await expectScore(page);
    }
    // Screen readers hear the verdict of the question just checked.
    await page.waitForFunction(() => /^Question \d+: Correct$/.test(document.getElementById('announce').textContent));
    await shot(page, `quiz-${deck}-desktop-checked`);
    await checkAccessibility(page, `the ${deck} quiz, checked`);
    await done();
  });
}

test('every question kind is on some quiz page', () => {
  const kinds = new Set();
  for (const deck of ['basics', 'people', 'chronology']) {
    for (const q of quizJson(decks, deck).questions) kinds.add(q.kind);
  }
  assert.deepEqual([...kinds].sort(), ['cloze', 'flashcard', 'matching', 'multiple-choice', 'timeline', 'true-false', 'who']);
});

test('typed answers are matched without regard to case, spaces, punctuation, diacritics, a leading article or a plural ending, and with the alternatives', async () => {
  const { page, done } = await open(browser, pageUrl(decks, 'basics/quiz.html'));
  const clozes = quizJson(decks, 'basics').questions.filter((q) => q.kind === 'cloze');
  assert.ok(clozes.length >= 2);
  const swapCase = (s) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
  // A combining acute after the first letter: "First" typed as "Fírst".
  const accent = (s) => s.replace(/\p{L}/u, (c) => `${c}\u0301`);
  const tries = [];
  for (const q of clozes) {
    const answer = q.answers[0];
    tries.push([q, `  ${swapCase(answer)}.  `, 'correct']);
    tries.push([q, accent(answer).replace(/\s+/g, '  '), 'correct']);
    tries.push([q, `${answer}-${answer}`, 'wrong']);
    // An English quiz: a leading article and a plural ending do not count, on a word of letters.
    if (!/^(the|an?) /i.test(answer)) tries.push([q, `The ${answer}`, 'correct']);
    if (/\p{L}{4}$/u.test(answer)) tries.push([q, `${answer}s`, 'correct']);
    if (/\d$/u.test(answer)) tries.push([q, `${answer}s`, 'wrong']);
    for (const alternative of q.accept[0].slice(1)) tries.push([q, `${alternative}!`, 'correct']);
  }
  assert.ok(tries.some(([q, typed]) => q.accept[0].slice(1).some((a) => typed.startsWith(a))), 'the fixture has an alternative answer');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.ok(tries.some(([, typed]) => typed.startsWith('The ')) && tries.some(([q, typed]) => typed === `${q.answers[0]}s`), 'the fixture has English answers of letters');
  for (const [q, typed, expected] of tries) {
    const section = page.locator(`[data-question="${q.id}"]`);
    await section.locator('input.blank').first().fill(typed);
    await section.locator('[data-action="check"]').click();
    assert.equal(await section.getAttribute('data-state'), expected, `"${typed}" for "${q.answers[0]}"`);
    assert.equal(await section.locator('input.blank').first().getAttribute('aria-invalid'), String(expected !== 'correct'));
  }
  // Enter in a blank checks its question.
  const q = clozes[0];
  const section = page.locator(`[data-question="${q.id}"]`);
  await section.locator('input.blank').first().fill(q.answers[0]);
  await section.locator('input.blank').first().press('Enter');
  assert.equal(await section.getAttribute('data-state'), 'correct');
  await done();
});

test('"check all" marks unanswered questions, and "retry the ones I missed" clears only those', async () => {
  const { page, done } = await open(browser, pageUrl(decks, 'basics/quiz.html'));
  const quiz = quizJson(decks, 'basics');
  const [first, second] = quiz.questions;
  // Checking a question without an answer asks for one and counts nothing.
  const s1 = page.locator(`[data-question="${first.id}"]`);
  await s1.locator('[data-action="check"]').click();
  assert.equal(await s1.getAttribute('data-state'), 'unanswered');
  assert.equal(await s1.locator('.verdict').textContent(), 'Answer the question first, then check it.');
  assert.ok(await s1.locator('.solution').isHidden(), 'no answer is given away');

  await answer(page, s1, first, true);
  await answer(page, page.locator(`[data-question="${second.id}"]`), second, false);
  await page.click('[data-action="check-all"]');
  assert.equal(await page.textContent('[data-action="check-all"]'), 'Check all answers', 'the course overrides this string');
  const n = quiz.questions.length;
  const timeline = quiz.questions.some((q) => q.kind === 'timeline') ? 1 : 0;
  assert.equal(await scoreText(page), `1 of ${n} correct · ${n} checked`);
  const states = await page.locator('[data-question]').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
  assert.deepEqual(states, ['correct', 'wrong', ...Array(n - 2 - timeline).fill('missed'), ...Array(timeline).fill('wrong')]);
  assert.equal(await page.locator('[data-state="missed"] .verdict').first().textContent(), 'No answer given');

  await page.click('[data-action="retry"]');
  assert.equal(await scoreText(page), `1 of ${n} correct · 1 checked`);
  assert.equal(await s1.getAttribute('data-state'), 'correct', 'a right answer stays');
  assert.equal(await s1.locator('input:checked').count(), first.kind === 'multiple-choice' ? 1 : 0, 'its answer stays');
  const s2 = page.locator(`[data-question="${second.id}"]`);
  assert.equal(await s2.getAttribute('data-state'), 'unanswered');
  assert.ok(await s2.locator('.feedback').isHidden());
  assert.equal(await page.evaluate(() => document.activeElement.closest('[data-question]')?.getAttribute('data-question')), second.id, 'focus goes to the first question to retry');

  await page.click('[data-action="start-over"]');
  assert.equal(await scoreText(page), `0 of ${n} correct · 0 checked`);
  await done();
});

test('variant forms are pages of their own, linked from each other', async () => {
  const { page, done } = await open(browser, pageUrl(decks, 'basics/quiz-A.html'));
  assert.match(await page.textContent('h1'), /Form A$/);
  const links = page.locator('nav.forms a');
  assert.deepEqual(await links.allTextContents(), ['Main', 'A', 'B']);
  assert.equal(await page.getAttribute('nav.forms a[aria-current="page"]', 'href'), 'quiz-A.html');
  const quiz = quizJson(decks, 'basics', 'A');
  const ids = await page.locator('[data-question]').evaluateAll((els) => els.map((e) => e.getAttribute('data-question')));
  assert.deepEqual(ids, quiz.questions.map((q) => q.id));
  // Form A is checked against its own option order.
  const choice = quiz.questions.find((q) => q.kind === 'multiple-choice');
  const section = page.locator(`[data-question="${choice.id}"]`);
  await answer(page, section, choice, true);
  await section.locator('[data-action="check"]').click();
  assert.equal(await section.getAttribute('data-state'), 'correct');
  await page.click('nav.forms a:text-is("B")');
  assert.match(await page.textContent('h1'), /Form B$/);
  await done([pageUrl(decks, 'basics/quiz-B.html')]);
});

test('teacher text that looks like markup is shown as text and runs nothing', async () => {
  const f = await open(browser, pageUrl(decks, 'basics/flashcards.html'));
  const card = f.page.locator('[data-card="term-script"]');
  assert.equal(await card.locator('.face.front .main').textContent(), '<script>alert(1)</script>');
  assert.equal(await card.locator('.face.back .main').textContent(), 'A term that looks like markup: <img src=x onerror=alert(2)> and </script><!-- too');
  assert.equal(await f.page.locator('img').count(), 0);
  assert.equal(await f.page.locator('script').count(), 2, 'only the page data and the page script');
  // The data element holds valid JSON and ends where it should.
  assert.ok(await f.page.evaluate(() => JSON.parse(document.getElementById('page-data').textContent).store.includes('<course>')));
  // The policy lets no other script run, even one added to the page.
  await f.page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.injected = true';
    document.body.append(s);
  });
  assert.equal(await f.page.evaluate(() => window.injected), undefined);
  f.problems.splice(0, f.problems.length, ...f.problems.filter((p) => !/Content Security Policy/.test(p)));
  await f.done();

  const q = await open(browser, pageUrl(decks, 'basics/quiz.html'));
  assert.equal(await q.page.textContent('h1'), 'Quiz: Basics <b>not bold</b>');
  assert.equal(await q.page.locator('b, img').count(), 0);
  const data = await q.page.evaluate(() => document.getElementById('page-data').textContent);
  assert.ok(!/<\/script|<!--/i.test(data), 'the data cannot end its element');
  await q.done();
});

test('inline markup shows as italics, bold, sub- and superscripts; menus, labels and typed answers are plain', async () => {
  const f = await open(browser, pageUrl(decksMarkup, 'lab/flashcards.html'));
  const coli = f.page.locator('[data-card="term-escherichia-coli"]');
  assert.equal(await coli.locator('.face.front .main > em').textContent(), 'Escherichia coli');
  assert.equal(await coli.locator('.face.front .main').textContent(), 'Escherichia coli', 'no stars left');
  assert.equal(await coli.locator('.face.back .main > strong').textContent(), 'workhorse');
  const glucose = f.page.locator('[data-card="term-glucose"] .face.back .main');
  assert.deepEqual(await glucose.locator('sub').allTextContents(), ['6', '12', '6']);
  assert.match(await glucose.textContent(), /^C6H12O6, the sugar/);
  await f.done();

  const q = await open(browser, pageUrl(decksMarkup, 'lab/quiz.html'));
  const page = q.page;
  for (const [element, least] of [['em', 5], ['strong', 1], ['sub', 4]]) {
    const n = await page.locator(`main ${element}`).count();
    assert.ok(n >= least, `${n} <${element}> on the quiz page, at least ${least} expected`);
  }
  // What a student reads has no markup characters, except those the teacher escaped.
  const shown = (await page.evaluate(() => document.querySelector('main').innerText))
    .replace('An asterisk is written * and a caret ^ when they are not markup: 2 * 3 =', '');
  assert.doesNotMatch(shown, /[*~^\\]/, 'a markup character is shown');
  assert.ok((await page.textContent('main')).includes('An asterisk is written * and a caret ^ when they are not markup: 2 * 3 ='), 'escapes show their character');
  // A menu cannot hold markup: its options are plain text.
  const options = await page.locator('select option').allTextContents();
  assert.ok(options.some((o) => /^[a-z]\. C6H12O6, the sugar/.test(o)), options.join(' | '));
  assert.ok(options.every((o) => !/[*~^<]/.test(o)), options.join(' | '));
  // The button labels of a timeline's events are plain too.
  const labels = await page.locator('.timeline button[data-action="up"]').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')));
  assert.ok(labels.some((l) => l.includes('E. coli K-12')) && labels.every((l) => !/[*~^]/.test(l)), labels.join(' | '));
  // The answer to "release ____ and water" is CO~2~: a student types CO2.
  const cloze = page.locator('[data-question="fact-co2:cloze"]');
  await cloze.locator('input.blank').fill('CO2');
  await cloze.locator('[data-action="check"]').click();
  assert.equal(await cloze.getAttribute('data-state'), 'correct');
  assert.ok((await cloze.locator('.feedback').innerHTML()).includes('CO<sub>2</sub>'), 'the feedback shows the answer with its subscript');
  await q.done();
});

test('a Russian course has a Russian interface, with overrides, and marks English text', async () => {
  const idx = await open(browser, pageUrl(decksRu, 'index.html'));
  assert.equal(await idx.page.getAttribute('html', 'lang'), 'ru');
  assert.match(await idx.page.textContent('[data-deck="glossary"] .counts'), /^16 карточек · \d+ вопрос(а|ов)?$/);
  assert.deepEqual(await idx.page.locator('.pages a').allTextContents(), ['Карточки', 'Тест']);
  await checkAccessibility(idx.page, 'the Russian index');
  await idx.done();

  const f = await open(browser, pageUrl(decksRu, 'glossary/flashcards.html'));
  assert.equal(await f.page.textContent('[data-action="flip"]'), 'Перевернуть карточку', 'the course overrides this string');
  assert.equal(await f.page.textContent('[data-action="good"] .grade-name'), 'Хорошо');
  assert.equal(await f.page.textContent('[data-action="good"] .ivl'), '10 мин');
  assert.equal(await f.page.textContent('#progress-text'), 'К повторению 0 · новых сегодня 16 · изучено 0 из 16');
  assert.equal(await f.page.getAttribute('[data-card="term-rgos-en"] .face.back .main', 'lang'), 'en');
  await checkAccessibility(f.page, 'the Russian flashcards');
  await shot(f.page, 'flashcards-ru-desktop', false);
  await f.done();

  const q = await open(browser, pageUrl(decksRu, 'glossary/quiz.html'));
  assert.equal(await q.page.textContent('[data-action="check-all"]'), 'Проверить все');
  const cloze = quizJson(decksRu, 'glossary').questions.find((x) => x.kind === 'cloze');
  const section = q.page.locator(`[data-question="${cloze.id}"]`);
  await section.locator('input.blank').first().fill(cloze.answers[0].toLowerCase());
  await section.locator('[data-action="check"]').click();
  assert.equal(await section.locator('.verdict').textContent(), 'Правильно');
  assert.match(await q.page.textContent('#score'), /^Верно 1 из \d+ · проверено 1$/);
  await q.done();
});

test('every page passes axe-core in dark mode and on a 320 px phone, and honours reduced motion', async () => {
  const pages = ['index.html', 'basics/flashcards.html', 'basics/quiz.html', 'chronology/quiz.html', 'people/quiz-B.html'];
  for (const p of pages) {
    const dark = await open(browser, pageUrl(decks, p), { colorScheme: 'dark' });
    await checkAccessibility(dark.page, `${p} in dark mode`);
    if (p === 'basics/flashcards.html') {
      await dark.page.keyboard.press('Space');
      await dark.page.waitForTimeout(600);
      await checkAccessibility(dark.page, `${p} flipped, in dark mode`);
      await shot(dark.page, 'flashcards-desktop-dark-back', false);
    }
    await dark.done();
    const small = await open(browser, pageUrl(decks, p), { viewport: phone, reducedMotion: 'reduce' });
    await noHorizontalScroll(small.page, p);
    if (p === 'basics/flashcards.html') {
      const duration = await small.page.locator('.card-inner').first().evaluate((e) => getComputedStyle(e).transitionDuration);
      assert.equal(duration, '0s', 'no flip animation when motion is reduced');
      await shot(small.page, 'flashcards-phone-front', false);
      await small.page.keyboard.press('Space');
      await shot(small.page, 'flashcards-phone-back', false);
    }
    if (p === 'basics/quiz.html') {
      await shot(small.page, 'quiz-basics-phone-unanswered');
      await small.page.click('[data-action="check-all"]');
      await shot(small.page, 'quiz-basics-phone-checked');
    }
    if (p === 'chronology/quiz.html') await shot(small.page, 'quiz-chronology-phone');
    await small.done();
  }
});

test('without scripts the cards are a readable list and the quiz a worksheet', async () => {
  const f = await open(browser, pageUrl(decks, 'basics/flashcards.html'), { javaScriptEnabled: false });
  const total = await f.page.locator('[data-card]').count();
  assert.equal(await f.page.locator('[data-card]:visible').count(), total);
  assert.equal(await f.page.locator('.face.back:visible').count(), total, 'every answer is readable');
  assert.equal(await f.page.locator('button:visible').count(), 0, 'no controls that would do nothing');
  await f.done();
  const q = await open(browser, pageUrl(decks, 'basics/quiz.html'), { javaScriptEnabled: false });
  assert.ok((await q.page.locator('[data-question]:visible').count()) > 0);
  assert.equal(await q.page.locator('[data-action="check"]:visible, .quiz-bar:visible, .feedback:visible').count(), 0);
  await q.done();
});

test('printing gives a cut grid of cards and a worksheet with the answers on a page of their own', async () => {
  const f = await open(browser, pageUrl(decks, 'basics/flashcards.html'));
  await f.page.emulateMedia({ media: 'print' });
  const total = await f.page.locator('[data-card]').count();
  assert.equal(await f.page.locator('[data-card]:visible').count(), total, 'every card is printed');
  assert.equal(await f.page.locator('.face.back:visible').count(), total, 'with its back');
  assert.ok(await f.page.locator('.tools').isHidden());
  const columns = await f.page.locator('.cards').evaluate((e) => getComputedStyle(e).gridTemplateColumns.split(' ').length);
  assert.equal(columns, 2);
  assert.equal(await f.page.locator('[data-card]').first().evaluate((e) => getComputedStyle(e).borderTopStyle), 'dashed');
  await shot(f.page, 'flashcards-print');
  const cardsPdf = await f.page.pdf({ format: 'A4' });
  assert.ok(cardsPdf.length > 1000);
  await f.done();

  const q = await open(browser, pageUrl(decks, 'basics/quiz.html'));
  await q.page.click('[data-action="check-all"]');
  await q.page.emulateMedia({ media: 'print' });
  assert.ok(await q.page.locator('.feedback').first().isHidden(), 'no feedback on the worksheet');
  assert.equal(await q.page.locator('button:visible').count(), 0, 'no buttons on paper');
  const key = q.page.locator('.answer-key');
  assert.ok(await key.isVisible(), 'the answers are printed');
  assert.equal(await key.evaluate((e) => getComputedStyle(e).breakBefore), 'page');
  assert.equal(await key.locator('ol.key > li').count(), await q.page.locator('[data-question]').count());
  await shot(q.page, 'quiz-print');
  await q.done();

  await q.context.close().catch(() => {});
  const screen = await open(browser, pageUrl(decks, 'basics/quiz.html'));
  assert.ok(await screen.page.locator('.answer-key').isHidden(), 'the answers are not on screen');
  await screen.done();
});

test('the index links no answers; the teacher page, which it does not link, links them', async () => {
  const index = await open(browser, pageUrl(decks, 'index.html'));
  const indexHrefs = await index.page.locator('a[href]').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
  for (const href of indexHrefs) {
    assert.ok(!/answer-key|\.json$|\.gift$|\.moodle\.xml$|teacher\.html/.test(href), `the index links ${href}`);
  }
  await index.done();

  const { page, done } = await open(browser, pageUrl(decks, 'teacher.html'));
  assert.equal(await page.locator('script').count(), 0, 'the teacher page needs no script');
  const answers = await page.locator('[data-deck="basics"] .answers a').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
  assert.deepEqual(answers, ['basics/quiz.json', 'basics/quiz-A.json', 'basics/quiz-B.json']);
  const hrefs = await page.locator('a[href]').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
  for (const href of hrefs.filter((h) => !h.startsWith('#'))) {
    assert.ok(existsSync(path.join(decks, href)), `${href} exists`);
  }
  await checkAccessibility(page, 'the teacher page');
  await shot(page, 'teacher-desktop');
  await done();
});

// `decksmith serve`, as a teacher uses it: a real server on a free port, a real browser on
// its pages, and a deck file edited on disk.
test('decksmith serve: a mistake shows in the page with its place, and the fix reloads the page', async () => {
  const binary = process.env.DECKSMITH;
  assert.ok(binary && existsSync(binary), `the decksmith binary (DECKSMITH=${binary})`);
  const work = mkdtempSync(path.join(tmpdir(), 'decksmith-serve-'));
  const course = path.join(work, 'course');
  cpSync(path.join(import.meta.dirname, 'course'), course, { recursive: true });
  const server = spawn(binary, ['serve', '--content', course, '--out', path.join(work, 'out'), '--port', '0', '--format', 'html'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let said = '';
  server.stdout.on('data', (chunk) => { said += chunk; });
  server.stderr.on('data', (chunk) => { said += chunk; });
  const until = async (pattern, what) => {
    for (let i = 0; i < 600; i++) {
      const found = said.match(pattern);
      if (found) return found;
      if (server.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.fail(`decksmith serve: no ${what} in what it said:\n${said}`);
  };
  try {
    const [, url] = await until(/serving (http:\/\/127\.0\.0\.1:\d+\/)/, 'address');
    await until(/built the course/, 'first build');
    const { page, context, problems } = await open(browser, `${url}basics/flashcards.html`);
    assert.match(await page.textContent('h1'), /^Basics/);

    // A mistake: the page says what and where, and stays the last good build.
    const deck = path.join(course, 'decks', 'basics.yaml');
    const good = readFileSync(deck, 'utf8');
    writeFileSync(deck, good.replace('tags: [basics]', 'tags: [basics'));
    const overlay = page.locator('#decksmith-overlay');
    await overlay.waitFor({ timeout: 30000 });
    const shown = await overlay.textContent();
    assert.match(shown, /the build failed \(1 error\)/, shown);
    assert.match(shown, /decks\/basics\.yaml:\d+:\d+: error: /, shown);
    assert.match(shown, /help: /, shown);
    assert.equal(await overlay.getAttribute('role'), 'alert');
    assert.match(await page.textContent('h1'), /^Basics/, 'the last good page stays');
    await shot(page, 'serve-error', false);

    // The fix (with a new title): the page reloads by itself, shows it, and the panel goes.
    const reloaded = page.waitForEvent('load', { timeout: 30000 });
    writeFileSync(deck, good.replace('title: Basics', 'title: Basics, edited'));
    await reloaded;
    assert.match(await page.textContent('h1'), /^Basics, edited/);
    assert.equal(await page.locator('#decksmith-overlay').count(), 0, 'no panel after the fix');
    await context.close();
    assert.deepEqual(problems, [], 'the served page logged errors');
  } finally {
    server.kill('SIGINT');
    await new Promise((resolve) => (server.exitCode !== null ? resolve() : server.on('exit', resolve)));
    rmSync(work, { recursive: true, force: true });
  }
  assert.match(said, /stopping/, 'Ctrl-C stops it cleanly');
});
