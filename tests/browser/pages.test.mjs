// End-to-end tests of the study pages in headless Chromium, opened from file:// the way a
// student opens them from disk. Run with tests/browser/run.sh.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  decks, decksRu, launch, open, pageUrl, quizJson, checkAccessibility, shot,
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
  await page.waitForFunction(() => document.getElementById('status').textContent === 'Card 2 of 25');
  const second = page.locator('[data-card]:visible');
  assert.equal(await second.getAttribute('data-card'), 'term-oewg-meaning');
  assert.equal(await second.getAttribute('data-side'), 'front', 'a new card shows its front');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-card')), 'term-oewg-meaning', 'focus follows the card');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.locator('[data-card]:visible').getAttribute('data-card'), 'term-oewg');
  await page.keyboard.press('ArrowLeft');
  const last = await page.locator('[data-card]').last().getAttribute('data-card');
  assert.equal(await page.locator('[data-card]:visible').getAttribute('data-card'), last, 'previous from the first wraps to the last');
  await checkAccessibility(page, 'the flashcards');
  await done();
});

test('self-grading fills the progress bar, survives a reload, and resets', async () => {
  const url = pageUrl(decks, 'basics/flashcards.html');
  const { page, context, done } = await open(browser, url);
  const total = await page.locator('[data-card]').count();
  await page.click('[data-action="known"]');
  await page.click('[data-action="known"]');
  await page.click('[data-action="again"]');
  assert.equal(await page.locator('#progress').evaluate((p) => p.value), 2);
  assert.equal(await page.textContent('#progress-text'), `2 of ${total} known · 1 to repeat`);
  assert.equal(await page.locator('[data-card]:visible').getAttribute('data-card'), 'term-gge', 'grading moves on');

  // Progress is kept per course and deck.
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(keys, [`decksmith:${COURSE_TITLE}:basics:flashcards`]);
  await page.reload();
  assert.equal(await page.textContent('#progress-text'), `2 of ${total} known · 1 to repeat`);
  assert.equal(await page.locator('[data-card]:visible').getAttribute('data-card'), 'term-gge', 'the place is kept');
  const other = await context.newPage();
  await other.goto(pageUrl(decks, 'people/flashcards.html'));
  assert.equal(await other.textContent('#progress-text'), '0 of 9 known · 0 to repeat', 'another deck has its own progress');
  await other.close();

  // Skipping known cards leaves only the others.
  await page.click('[data-action="skip-known"]');
  assert.equal(await page.getAttribute('[data-action="skip-known"]', 'aria-pressed'), 'true');
  const seen = new Set();
  for (let i = 0; i < total; i++) {
    seen.add(await page.locator('[data-card]:visible').getAttribute('data-card'));
    await page.keyboard.press('ArrowRight');
  }
  assert.equal(seen.size, total - 2);
  assert.ok(!seen.has('term-oewg') && !seen.has('term-oewg-meaning'));

  await page.click('[data-action="reset"]');
  assert.equal(await page.textContent('#progress-text'), `0 of ${total} known · 0 to repeat`);
  await page.reload();
  assert.equal(await page.textContent('#progress-text'), `0 of ${total} known · 0 to repeat`);
  await done();
});

test('shuffle is seeded, "restart in order" undoes it, and "answer first" shows the back first', async () => {
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
  const inOrder = await a.page.locator('[data-card]').evaluateAll((els) => els.map((e) => e.getAttribute('data-card')));
  await a.page.click('[data-action="shuffle"]');
  const shuffled = await walk(a.page);
  assert.notDeepEqual(shuffled, inOrder, 'the cards are shuffled');
  assert.deepEqual([...shuffled].sort(), [...inOrder].sort(), 'every card once');
  await a.done();

  // The same course gives the same shuffle in another browser profile.
  const b = await open(browser, url);
  await b.page.click('[data-action="shuffle"]');
  assert.deepEqual(await walk(b.page), shuffled, 'the shuffle is seeded');
  await b.page.click('[data-action="in-order"]');
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

      await answer(page, section, q, false);
      await section.locator('[data-action="check"]').click();
      assert.equal(await section.getAttribute('data-state'), 'wrong', `${q.kind} answered wrong`);
      assert.ok(await feedback.isVisible());
      assert.equal(await feedback.locator('.verdict').textContent(), 'Not quite');
      assert.ok(await feedback.locator('.solution').isVisible(), 'the right answer is shown');
      if (q.explanation) assert.equal(await feedback.locator('.explanation').textContent(), q.explanation);
      assert.match(await feedback.locator('.source').textContent(), new RegExp(q.sources[0].short));
      await expectScore(page);

      await answer(page, section, q, true);
      assert.ok(await feedback.isHidden(), 'a changed answer hides the old feedback');
      await section.locator('[data-action="check"]').click();
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

test('typed answers are matched without regard to case, spaces, punctuation, diacritics, and with the alternatives', async () => {
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
    for (const alternative of q.accept[0].slice(1)) tries.push([q, `${alternative}!`, 'correct']);
  }
  assert.ok(tries.some(([q, typed]) => q.accept[0].slice(1).some((a) => typed.startsWith(a))), 'the fixture has an alternative answer');
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

test('a Russian course has a Russian interface, with overrides, and marks English text', async () => {
  const idx = await open(browser, pageUrl(decksRu, 'index.html'));
  assert.equal(await idx.page.getAttribute('html', 'lang'), 'ru');
  assert.match(await idx.page.textContent('[data-deck="glossary"] .counts'), /^16 карточек · \d+ вопрос(а|ов)?$/);
  assert.deepEqual(await idx.page.locator('.pages a').allTextContents(), ['Карточки', 'Тест']);
  await checkAccessibility(idx.page, 'the Russian index');
  await idx.done();

  const f = await open(browser, pageUrl(decksRu, 'glossary/flashcards.html'));
  assert.equal(await f.page.textContent('[data-action="flip"]'), 'Перевернуть карточку', 'the course overrides this string');
  assert.equal(await f.page.textContent('[data-action="known"]'), 'Знаю');
  assert.equal(await f.page.textContent('#progress-text'), 'Выучено 0 из 16 · повторить 0');
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
