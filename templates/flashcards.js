// Study mode of a flashcards page: one card at a time, flipped with a click, Space or Enter,
// moved with the arrow keys; seeded shuffle; answer-first; "again" / "known" self-grading
// kept in localStorage for this course and deck. Without this script the page still shows
// every card with both sides.
"use strict";
(function () {
  var data = JSON.parse(document.getElementById("page-data").textContent);
  var strings = data.strings;
  var cards = Array.prototype.slice.call(document.querySelectorAll("[data-card]"));
  if (cards.length === 0) return;
  var ids = cards.map(function (c) { return c.getAttribute("data-card"); });
  var tools = document.querySelector(".tools");
  var controls = document.querySelector(".study-controls");
  var status = document.getElementById("status");
  var progress = document.getElementById("progress");
  var progressText = document.getElementById("progress-text");
  var allKnown = document.getElementById("all-known");
  var button = function (action) { return document.querySelector('[data-action="' + action + '"]'); };

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  // Saved state: { grades: {id: "known"|"again"}, round: null|n, answerFirst, skipKnown, at }.
  // Storage may be unavailable (private modes, strict settings); study works without it.
  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(data.store) || "null");
      if (saved && typeof saved === "object") return saved;
    } catch (e) { /* no storage: start afresh */ }
    return {};
  }
  var state = load();
  if (!state.grades || typeof state.grades !== "object") state.grades = {};
  if (typeof state.round !== "number") state.round = null;
  state.answerFirst = state.answerFirst === true;
  state.skipKnown = state.skipKnown === true;
  function save() {
    try { window.localStorage.setItem(data.store, JSON.stringify(state)); } catch (e) { /* ignore */ }
  }

  // A small seeded generator (mulberry32) and Fisher–Yates: the same round of the same course
  // always gives the same order, on every browser.
  function random(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      var t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  function orderFor(round) {
    var order = cards.map(function (_, i) { return i; });
    if (round === null) return order;
    var next = random((data.seed % 4294967296) + round * 2654435761);
    for (var i = order.length - 1; i > 0; i--) {
      var j = Math.floor(next() * (i + 1));
      var t = order[i]; order[i] = order[j]; order[j] = t;
    }
    return order;
  }

  var order = orderFor(state.round);
  var at = Math.min(Math.max(0, state.at | 0), cards.length - 1);
  var flipped = false;
  var current = null;

  function grade(i) { return state.grades[ids[i]]; }
  function studiable(i) { return !(state.skipKnown && grade(i) === "known"); }
  function anyStudiable() { return order.some(studiable); }

  // The nearest position from `from` in direction `step` whose card may be studied.
  function seek(from, step) {
    for (var k = 0; k < order.length; k++) {
      var p = (from + step * k + order.length * (k + 1)) % order.length;
      if (studiable(order[p])) return p;
    }
    return from;
  }

  function announce(text) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 30);
  }

  function render(focusCard) {
    var none = !anyStudiable();
    allKnown.hidden = !none;
    var index = order[at];
    var card = cards[index];
    if (current && current !== card) {
      current.hidden = true;
      current.removeAttribute("tabindex");
    }
    card.hidden = none;
    card.setAttribute("tabindex", "0");
    current = card;
    var showBack = flipped !== state.answerFirst;
    card.setAttribute("data-side", showBack ? "back" : "front");
    card.setAttribute("aria-label", fill(strings["ui.card-of"], { n: at + 1, total: cards.length }));
    var g = grade(index);
    card.classList.toggle("known", g === "known");
    card.classList.toggle("again", g === "again");
    button("flip").setAttribute("aria-pressed", String(flipped));
    button("known").setAttribute("aria-pressed", String(g === "known"));
    button("again").setAttribute("aria-pressed", String(g === "again"));
    button("answer-first").setAttribute("aria-pressed", String(state.answerFirst));
    button("skip-known").setAttribute("aria-pressed", String(state.skipKnown));
    ["flip", "previous", "next", "known", "again"].forEach(function (a) { button(a).disabled = none; });
    var known = 0, again = 0;
    ids.forEach(function (id) {
      if (state.grades[id] === "known") known++;
      else if (state.grades[id] === "again") again++;
    });
    progress.value = known;
    progressText.textContent = fill(strings["ui.progress"], { known: known, total: cards.length, again: again });
    state.at = at;
    save();
    if (focusCard && !none) card.focus();
  }

  function go(step, focusCard) {
    at = seek((at + step + order.length) % order.length, step || 1);
    flipped = false;
    render(focusCard);
    announce(fill(strings["ui.card-of"], { n: at + 1, total: cards.length }));
  }
  function flip() {
    if (!anyStudiable()) return;
    flipped = !flipped;
    render(false);
    announce(strings[flipped !== state.answerFirst ? "ui.flipped" : "ui.unflipped"]);
  }
  function mark(value) {
    if (!anyStudiable()) return;
    state.grades[ids[order[at]]] = value;
    save();
    go(1, false);
  }

  var actions = {
    flip: flip,
    previous: function () { go(-1, false); },
    next: function () { go(1, false); },
    known: function () { mark("known"); },
    again: function () { mark("again"); },
    shuffle: function () {
      state.round = state.round === null ? 1 : state.round + 1;
      order = orderFor(state.round);
      at = seek(0, 1);
      flipped = false;
      render(false);
      announce(strings["ui.shuffled"]);
    },
    "in-order": function () {
      state.round = null;
      order = orderFor(null);
      at = seek(0, 1);
      flipped = false;
      render(false);
      announce(strings["ui.ordered"]);
    },
    "answer-first": function () {
      state.answerFirst = !state.answerFirst;
      flipped = false;
      render(false);
    },
    "skip-known": function () {
      state.skipKnown = !state.skipKnown;
      if (!studiable(order[at])) at = seek(at, 1);
      flipped = false;
      render(false);
    },
    reset: function () {
      state.grades = {};
      flipped = false;
      render(false);
      announce(strings["ui.reset-done"]);
    }
  };

  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-action]");
    if (target && actions[target.getAttribute("data-action")]) {
      actions[target.getAttribute("data-action")]();
      return;
    }
    var card = event.target.closest("[data-card]");
    // A click on a link inside the card follows the link; one anywhere else flips.
    if (card && card === current && !event.target.closest("a")) flip();
  });

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    var target = event.target;
    var onCard = target === current;
    var inControl = target.closest && target.closest("button, a, input, select, textarea, [contenteditable]");
    if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      if (target.closest && target.closest("input, select, textarea, [contenteditable]")) return;
      event.preventDefault();
      go(event.key === "ArrowRight" ? 1 : -1, onCard);
    } else if ((event.key === " " || event.key === "Enter") && (onCard || !inControl)) {
      event.preventDefault();
      flip();
    }
  });

  document.documentElement.classList.add("js");
  cards.forEach(function (card) { card.hidden = true; });
  tools.hidden = false;
  controls.hidden = false;
  at = studiable(order[at]) ? at : seek(at, 1);
  render(false);
})();
