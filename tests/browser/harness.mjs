// Shared pieces of the browser tests: Debian's Chromium through playwright-core, pages
// opened from file:// with everything a page must never do recorded (console errors, script
// errors, dialogs, requests for anything but the page itself), and axe-core.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The built decks of the fixture courses (run.sh builds them). */
export const decks = requiredDir('DECKS');
export const decksRu = requiredDir('DECKS_RU');
export const decksMarkup = requiredDir('DECKS_MARKUP');
/** Where to save screenshots, if anywhere. */
export const screenshots = process.env.SCREENSHOTS || '';

function requiredDir(name) {
  const dir = process.env[name];
  if (!dir) throw new Error(`${name} is not set: run the tests with tests/browser/run.sh`);
  return dir;
}

/** The file:// address of a built page. */
export function pageUrl(root, page) {
  return pathToFileURL(path.join(root, page)).href;
}

/** The generated quiz as JSON, to answer questions from generation's own truth. */
export function quizJson(root, deck, form = '') {
  const name = form ? `quiz-${form}.json` : 'quiz.json';
  return JSON.parse(readFileSync(path.join(root, deck, name), 'utf8'));
}

/**
 * Starts Chromium with no background traffic (this machine refuses outside connections).
 * Playwright gives it a new empty profile (--user-data-dir) of its own and removes it after.
 */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Opens a page in a fresh context and records what it must never do. Call `done()` at the
 * end of the test: it fails on any console error, script error, dialog or request other
 * than the page's own file.
 */
export async function open(browser, url, options = {}) {
  const context = await browser.newContext({
    viewport: options.viewport || { width: 1280, height: 900 },
    colorScheme: options.colorScheme || 'light',
    reducedMotion: options.reducedMotion || 'no-preference',
    javaScriptEnabled: options.javaScriptEnabled !== false,
    // A phone: touch events, and (pointer: coarse) and (hover: none) in CSS.
    hasTouch: options.touch === true,
    isMobile: options.touch === true,
  });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('dialog', async (d) => {
    problems.push(`dialog ${d.type()}: ${d.message()}`);
    await d.dismiss();
  });
  page.on('request', (r) => requests.push(r.url()));
  // A fixed clock (Date only; timers run as usual), for what the page schedules by time.
  if (options.time) await context.clock.setFixedTime(options.time);
  await page.goto(url);
  return {
    page,
    context,
    problems,
    /** Ends the test; `visited` are pages the test itself went to. */
    async done(visited = []) {
      const allowed = [url, ...visited].map((u) => u.split('#')[0]);
      const others = requests.filter((r) => !allowed.includes(r.split('#')[0]));
      await context.close();
      assert.deepEqual(problems, [], 'the page logged errors or opened dialogs');
      assert.deepEqual(others, [], 'the page made requests besides loading itself');
    },
  };
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) and fails on serious or critical violations. */
export async function checkAccessibility(page, label) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
  );
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n  ')}`);
  assert.deepEqual(report, [], `axe-core found serious problems on ${label}`);
  assert.ok(result.passes.length > 10, 'axe-core ran its checks');
}

/** Saves a screenshot when SCREENSHOTS names a folder. */
export async function shot(page, name, fullPage = true) {
  if (!screenshots) return;
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage });
}
