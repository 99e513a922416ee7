// Parses every quiz.gift of the given build folders with gift-pegjs, a GIFT parser not written
// by us, and checks that the questions by type match the generated quiz (quiz.json), that each
// multiple-choice question has exactly one correct option, and that GIFT's special characters
// in the fixture's text survive escaping (an arrow `->` in a typed answer included, which must
// not turn a short answer into a matching question).
//
// Usage: node gift_check.mjs OUT... (with NODE_PATH pointing at gift-pegjs's node_modules)
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const gift = require("gift-pegjs");

let failures = 0;
const fail = (message) => {
  failures += 1;
  console.log(`FAIL: ${message}`);
};

// What each generated kind becomes in GIFT (a cloze: one short-answer question per blank).
const giftType = {
  "multiple-choice": "MC",
  who: "MC",
  "true-false": "TF",
  cloze: "Short",
  matching: "Matching",
  timeline: "Matching",
  flashcard: "Essay",
};

// gift-pegjs turns each escaped special into a placeholder such as `&&123;` while parsing and
// turns it back everywhere except in a matching pair's right-hand side (its grammar leaves
// `subanswer` undecoded). Moodle decodes it there too, so the check does what gift-pegjs omits.
const decodeSubanswer = (text) =>
  text.replace(/&&0(\d\d);|&&(\d{3});/g, (_, two, three) => String.fromCharCode(Number(two ?? three)));
const decoded = (q) =>
  q.type === "Matching"
    ? { ...q, matchPairs: q.matchPairs.map((p) => ({ ...p, subanswer: decodeSubanswer(p.subanswer) })) }
    : q;
const texts = (parsed) => JSON.stringify(parsed.map(decoded));
// The accepted answers of every short-answer question.
const typed = (parsed) =>
  parsed.filter((q) => q.type === "Short").flatMap((q) => q.choices.map((c) => c.text.text));

let files = 0;
for (const out of process.argv.slice(2)) {
  for (const deck of readdirSync(out).sort()) {
    const path = join(out, deck, "quiz.gift");
    if (!existsSync(path)) continue;
    files += 1;
    const source = readFileSync(path, "utf8");
    let parsed;
    try {
      parsed = gift.parse(source);
    } catch (e) {
      const where = e.location ? `${e.location.start.line}:${e.location.start.column}` : "?";
      fail(`${path}:${where}: gift-pegjs cannot parse it: ${e.message}`);
      continue;
    }
    const quiz = JSON.parse(readFileSync(join(out, deck, "quiz.json"), "utf8"));
    const expected = { Category: 1 };
    for (const q of quiz.questions) {
      const type = giftType[q.kind];
      const n = q.kind === "cloze" ? q.answers.length : 1;
      expected[type] = (expected[type] || 0) + n;
    }
    const got = {};
    for (const q of parsed) got[q.type] = (got[q.type] || 0) + 1;
    const show = (o) => JSON.stringify(Object.fromEntries(Object.entries(o).sort()));
    if (show(got) !== show(expected)) {
      fail(`${path}: questions by type ${show(got)}, expected ${show(expected)}`);
    }
    for (const q of parsed) {
      if (q.type === "MC") {
        const correct = q.choices.filter((c) => c.isCorrect).length;
        if (correct !== 1) fail(`${path}: "${q.title}" has ${correct} correct options`);
      }
      if (q.type === "Short" && q.choices.some((c) => !c.isCorrect)) {
        fail(`${path}: "${q.title}" has a wrong typed answer`);
      }
      if (q.type !== "Category" && !(q.globalFeedback && q.globalFeedback.text)) {
        fail(`${path}: "${q.title}" has no general feedback`);
      }
    }
    if (deck === "fixture-quiz") {
      // Escaped specials come back as the teacher wrote them.
      const all = texts(parsed);
      for (const wanted of ["a=b", "key:value", "{with braces}", "~tilde", "#sharp", "Two slashes //", "50% * 2"]) {
        if (!all.includes(JSON.stringify(wanted).slice(1, -1))) {
          fail(`${path}: the text ${JSON.stringify(wanted)} did not survive the GIFT escaping`);
        }
      }
      const matching = parsed.filter((q) => q.type === "Matching");
      const pairs = matching.flatMap((q) => q.matchPairs);
      if (!pairs.some((p) => p.subquestion.text === "a=b")) fail(`${path}: no matching item "a=b"`);
      if (!pairs.some((p) => p.subanswer.startsWith("Angle brackets -&gt; an arrow"))) {
        fail(`${path}: the arrow in a matching answer split the pair`);
      }
      // A typed answer with `->` stays a short answer: alone, its text as the teacher wrote
      // it; among others (its other forms in an English deck), with Moodle's wildcard in the
      // arrow, which matches it as typed.
      const arrow = typed(parsed);
      if (!arrow.includes("tilde ~ answer -> arrow") && !arrow.includes("tilde ~ answer -*> arrow")) {
        fail(`${path}: the typed answer "tilde ~ answer -> arrow" did not come back as it is`);
      }
    }
    if (deck === "fixture-deck") {
      // Among several typed answers, the arrow is Moodle's wildcard `-*>`.
      if (!typed(parsed).includes("UNGA -*> First Committee")) {
        fail(`${path}: no typed answer "UNGA -*> First Committee"`);
      }
    }
    if (deck === "lab") {
      // The markup fixture (tests/fixtures/markup): a teacher's markup is HTML in the
      // questions' texts, and plain where a student types or picks from a menu.
      const all = texts(parsed);
      for (const wanted of ["<em>spontaneous generation</em>", "<em>Escherichia coli</em>", "CO<sub>2</sub>"]) {
        if (!all.includes(wanted)) fail(`${path}: no ${wanted} in the questions`);
      }
      if (!parsed.filter((q) => q.type !== "Category").every((q) => q.stem.format === "html")) {
        fail(`${path}: a question's text is not HTML`);
      }
      if (!typed(parsed).includes("CO2")) fail(`${path}: the typed answer for CO~2~ is not CO2`);
      const answers = parsed.filter((q) => q.type === "Matching").flatMap((q) => q.matchPairs.map((p) => p.subanswer));
      if (!answers.some((a) => a.startsWith("C6H12O6, the sugar")) || answers.some((a) => /[<*~^]/.test(a))) {
        fail(`${path}: a matching answer (a menu in Moodle) is not plain text: ${answers.join(" | ")}`);
      }
    }
    console.log(`${path}: ${show(got)}`);
  }
}
if (files === 0) fail("no quiz.gift found");
if (failures > 0) {
  console.log(`\nGIFT check: ${failures} problem(s)`);
  process.exit(1);
}
console.log("GIFT check: all good");
