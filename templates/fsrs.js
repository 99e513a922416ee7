// FSRS-6, the Free Spaced Repetition Scheduler (the scheduler of Anki since 23.10), with its
// 21 default parameters: what the flashcards page uses to say when a card comes back.
//
// A card's state is { state: "learning" | "review" | "relearning", step, stability,
// difficulty, due, last_review } (times as ISO 8601 strings in UTC); a card never graded has
// no state. The rules follow the published FSRS-6 formulas and the reference scheduler's
// handling of learning and relearning steps (1 and 10 minutes; 10 minutes), desired retention
// 0.9, no fuzz; tests/browser checks them against the reference Python package `fsrs`.
"use strict";
var DecksmithFSRS = (function () {
  var W = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542];
  var RETENTION = 0.9;
  var MAX_INTERVAL = 36500;
  var MINUTE = 60000;
  var DAY = 86400000;
  var LEARNING = [1 * MINUTE, 10 * MINUTE];
  var RELEARNING = [10 * MINUTE];
  var DECAY = -W[20];
  var FACTOR = Math.pow(0.9, 1 / DECAY) - 1;
  var AGAIN = 1, HARD = 2, GOOD = 3, EASY = 4;

  function clampD(d) { return Math.min(Math.max(d, 1), 10); }
  function clampS(s) { return Math.max(s, 0.001); }
  // Python's round(): halves go to the even neighbour.
  function roundHalfEven(x) {
    var r = Math.round(x);
    return Math.abs(x - Math.trunc(x)) === 0.5 ? 2 * Math.round(x / 2) : r;
  }

  function initialStability(g) { return clampS(W[g - 1]); }
  function initialDifficulty(g) { return W[4] - Math.exp(W[5] * (g - 1)) + 1; }
  function retrievability(s, days) { return Math.pow(1 + FACTOR * days / s, DECAY); }
  function interval(s) {
    var days = roundHalfEven(s / FACTOR * (Math.pow(RETENTION, 1 / DECAY) - 1));
    return Math.min(Math.max(days, 1), MAX_INTERVAL);
  }
  function nextDifficulty(d, g) {
    var delta = -W[6] * (g - 3);
    var damped = d + (10 - d) * delta / 9;
    return clampD(W[7] * initialDifficulty(EASY) + (1 - W[7]) * damped);
  }
  function shortTermStability(s, g) {
    var increase = Math.exp(W[17] * (g - 3 + W[18])) * Math.pow(s, -W[19]);
    if (g >= HARD) increase = Math.max(increase, 1);
    return clampS(s * increase);
  }
  function recallStability(d, s, r, g) {
    var hard = g === HARD ? W[15] : 1;
    var easy = g === EASY ? W[16] : 1;
    return s * (1 + Math.exp(W[8]) * (11 - d) * Math.pow(s, -W[9]) *
      (Math.exp((1 - r) * W[10]) - 1) * hard * easy);
  }
  function forgetStability(d, s, r) {
    var longTerm = W[11] * Math.pow(d, -W[12]) * (Math.pow(s + 1, W[13]) - 1) *
      Math.exp((1 - r) * W[14]);
    return Math.min(longTerm, s / Math.exp(W[17] * W[18]));
  }

  // Learning and relearning: where the steps send a grade, or null once the card graduates.
  function stepAfter(steps, step, g) {
    if (steps.length === 0 || (step >= steps.length && g >= HARD)) return null;
    if (g === AGAIN) return { step: 0, wait: steps[0] };
    if (g === HARD) {
      if (step === 0 && steps.length === 1) return { step: 0, wait: steps[0] * 1.5 };
      if (step === 0) return { step: 0, wait: (steps[0] + steps[1]) / 2 };
      return { step: step, wait: steps[step] };
    }
    if (g === GOOD && step + 1 < steps.length) return { step: step + 1, wait: steps[step + 1] };
    return null;
  }

  // The state of `card` (null for a new card) after grade `g` (1 Again … 4 Easy) at `now`
  // (milliseconds since 1970).
  function review(card, g, now) {
    var next = { state: "learning", step: 0, stability: 0, difficulty: 0 };
    if (card) next.state = card.state, next.step = card.step;
    var last = card && card.last_review ? Date.parse(card.last_review) : null;
    var days = last === null ? null : Math.floor((now - last) / DAY);
    if (!card) {
      next.stability = initialStability(g);
      next.difficulty = clampD(initialDifficulty(g));
    } else {
      if (days !== null && days < 1) {
        next.stability = shortTermStability(card.stability, g);
      } else {
        var r = retrievability(card.stability, Math.max(0, days));
        next.stability = clampS(g === AGAIN
          ? forgetStability(card.difficulty, card.stability, r)
          : recallStability(card.difficulty, card.stability, r, g));
      }
      next.difficulty = nextDifficulty(card.difficulty, g);
    }
    var wait;
    if (next.state === "review") {
      if (g === AGAIN && RELEARNING.length > 0) {
        next.state = "relearning";
        next.step = 0;
        wait = RELEARNING[0];
      } else {
        wait = interval(next.stability) * DAY;
      }
    } else {
      var moved = stepAfter(next.state === "learning" ? LEARNING : RELEARNING, next.step, g);
      if (moved) {
        next.step = moved.step;
        wait = moved.wait;
      } else {
        next.state = "review";
        wait = interval(next.stability) * DAY;
      }
    }
    if (next.state === "review") next.step = null;
    next.due = new Date(now + wait).toISOString();
    next.last_review = new Date(now).toISOString();
    return next;
  }

  // A saved state read back from storage or a file: the state if it is whole, else null.
  function valid(card) {
    if (!card || typeof card !== "object") return null;
    var states = ["learning", "review", "relearning"];
    if (states.indexOf(card.state) < 0) return null;
    if (!(card.stability > 0) || !(card.difficulty >= 1 && card.difficulty <= 10)) return null;
    if (isNaN(Date.parse(card.due)) || isNaN(Date.parse(card.last_review))) return null;
    if (card.state === "review" ? card.step !== null : !(card.step >= 0 && card.step % 1 === 0)) return null;
    return {
      state: card.state, step: card.step, stability: card.stability,
      difficulty: card.difficulty, due: card.due, last_review: card.last_review
    };
  }

  return {
    AGAIN: AGAIN, HARD: HARD, GOOD: GOOD, EASY: EASY,
    parameters: W.slice(),
    review: review,
    valid: valid,
    retrievability: function (card, now) {
      if (!card) return 0;
      var days = Math.max(0, Math.floor((now - Date.parse(card.last_review)) / DAY));
      return retrievability(card.stability, days);
    }
  };
})();
