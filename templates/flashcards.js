// Study mode of a flashcards page: one card at a time, flipped with a click, a tap, Space or
// Enter, moved with the arrow keys or a swipe, graded Again / Hard / Good / Easy (keys 1–4)
// and scheduled with FSRS-6 (DecksmithFSRS, fsrs.js, put before this script). "Due today"
// shows the cards due and up to the day's number of new cards; "All cards" goes through the
// deck. Progress is kept in localStorage for this course and deck, per card by its GUID (the
// GUID of its note in deck.apkg), and can be exported and imported as a JSON file. Without
// this script the page still shows every card with both sides.
"use strict";
(function () {
  var FSRS = DecksmithFSRS;
  var data = JSON.parse(document.getElementById("page-data").textContent);
  var strings = data.strings;
  var cards = Array.prototype.slice.call(document.querySelectorAll("[data-card]"));
  if (cards.length === 0) return;
  var guids = cards.map(function (c) { return c.getAttribute("data-guid"); });
  var byGuid = {};
  guids.forEach(function (g, i) { byGuid[g] = i; });
  var tools = document.querySelector(".tools");
  var controls = document.querySelector(".study-controls");
  var status = document.getElementById("status");
  var progress = document.getElementById("progress");
  var progressText = document.getElementById("progress-text");
  var done = document.getElementById("session-done");
  var importFile = document.getElementById("import-file");
  var button = function (action) { return document.querySelector('[data-action="' + action + '"]'); };
  var GRADES = { again: 1, hard: 2, good: 3, easy: 4 };
  var GRADE_NAMES = { again: "ui.again", hard: "ui.hard", good: "ui.good", easy: "ui.easy" };
  var MINUTE = 60000, DAY = 86400000;
  // A learning card due within this time is shown when nothing else is left (as Anki does).
  var LEARN_AHEAD = 20 * MINUTE;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }
  function now() { return Date.now(); }
  function localDay(ms) {
    var d = new Date(ms);
    return d.getFullYear() + "-" + (d.getMonth() + 1) + "-" + d.getDate();
  }
  function endOfToday(ms) {
    var d = new Date(ms);
    return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
  }

  // Saved state: { cards: {guid: {FSRS state…, log: [{rating, review}]}}, newDay: {day, count},
  // mode: "due"|"all", round: null|n, answerFirst, at }. Storage may be unavailable (private
  // modes, strict settings); study works without it.
  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(data.store) || "null");
      if (saved && typeof saved === "object") return saved;
    } catch (e) { /* no storage: start afresh */ }
    return {};
  }
  var state = load();
  state.cards = readCards(state.cards).cards;
  if (!state.newDay || typeof state.newDay !== "object") state.newDay = { day: "", count: 0 };
  if (state.mode !== "all") state.mode = "due";
  if (typeof state.round !== "number") state.round = null;
  state.answerFirst = state.answerFirst === true;
  delete state.grades;
  function save() {
    try { window.localStorage.setItem(data.store, JSON.stringify(state)); } catch (e) { /* ignore */ }
  }

  // The cards of a saved or imported object that are whole, by GUID; with the number that
  // were not.
  function readCards(object) {
    var out = {}, broken = 0;
    if (!object || typeof object !== "object") return { cards: out, broken: 0 };
    Object.keys(object).forEach(function (guid) {
      var entry = object[guid];
      var card = FSRS.valid(entry);
      if (!card) { broken++; return; }
      card.log = (Array.isArray(entry.log) ? entry.log : []).filter(function (l) {
        return l && l.rating >= 1 && l.rating <= 4 && !isNaN(Date.parse(l.review));
      }).map(function (l) { return { rating: l.rating, review: l.review }; });
      out[guid] = card;
    });
    return { cards: out, broken: broken };
  }
  function cardState(i) { return state.cards[guids[i]] || null; }

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
  function deckOrder(round) {
    var order = cards.map(function (_, i) { return i; });
    if (round === null) return order;
    var next = random((data.seed % 4294967296) + round * 2654435761);
    for (var i = order.length - 1; i > 0; i--) {
      var j = Math.floor(next() * (i + 1));
      var t = order[i]; order[i] = order[j]; order[j] = t;
    }
    return order;
  }

  // Today's session: cards due now (earliest first), then new cards up to the day's limit,
  // then learning cards due within LEARN_AHEAD.
  function newLeftToday(t) {
    var count = state.newDay.day === localDay(t) ? state.newDay.count : 0;
    return Math.max(0, data.new_per_day - count);
  }
  function session(t) {
    var base = deckOrder(state.round);
    var due = [], fresh = [], soon = [];
    var end = endOfToday(t);
    var left = newLeftToday(t);
    base.forEach(function (i) {
      var c = cardState(i);
      if (!c) { if (fresh.length < left) fresh.push(i); return; }
      var at = Date.parse(c.due);
      if (c.state === "review" ? at < end : at <= t) due.push(i);
      else if (c.state !== "review" && at <= t + LEARN_AHEAD) soon.push(i);
    });
    var byDue = function (a, b) { return Date.parse(cardState(a).due) - Date.parse(cardState(b).due); };
    return due.sort(byDue).concat(fresh, soon.sort(byDue));
  }
  function orderFor(t) { return state.mode === "all" ? deckOrder(state.round) : session(t); }

  // "10 min", "3 h", "5 d", "2.1 mo", "1.4 y": how long until a time.
  function span(ms) {
    var n, key;
    if (ms < 60 * MINUTE) { n = Math.max(1, Math.round(ms / MINUTE)); key = "ui.ivl-min"; }
    else if (ms < DAY) { n = Math.round(ms / (60 * MINUTE)); key = "ui.ivl-hour"; }
    else if (ms < 30 * DAY) { n = Math.round(ms / DAY); key = "ui.ivl-day"; }
    else if (ms < 365 * DAY) { n = (ms / (30 * DAY)).toFixed(1); key = "ui.ivl-month"; }
    else { n = (ms / (365 * DAY)).toFixed(1); key = "ui.ivl-year"; }
    return fill(strings[key], { n: n });
  }
  function dueText(c, t) {
    if (!c) return strings["ui.card-new"];
    var at = Date.parse(c.due);
    return at <= t ? strings["ui.due-now"] : fill(strings["ui.due-in"], { when: span(at - t) });
  }

  var order = orderFor(now());
  // "All cards" comes back where it was; a session starts with what is due first.
  var at = state.mode === "all" ? Math.min(Math.max(0, state.at | 0), Math.max(0, order.length - 1)) : 0;
  var flipped = false;
  var current = null;

  function announce(text) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 30);
  }

  function nextDue(t) {
    var soonest = null;
    guids.forEach(function (g) {
      var c = state.cards[g];
      if (c && (soonest === null || Date.parse(c.due) < soonest)) soonest = Date.parse(c.due);
    });
    return soonest !== null && soonest > t ? soonest : null;
  }

  function render(focusCard) {
    var t = now();
    var none = order.length === 0;
    if (current && (none || current !== cards[order[at]])) {
      current.hidden = true;
      current.removeAttribute("tabindex");
      current = null;
    }
    done.hidden = !none;
    if (none) {
      var soonest = nextDue(t);
      done.textContent = soonest === null ? strings["ui.done-today"]
        : fill(strings["ui.done-next"], { when: span(soonest - t) });
    }
    ["flip", "previous", "next", "again", "hard", "good", "easy"].forEach(function (a) { button(a).disabled = none; });
    button("due").setAttribute("aria-pressed", String(state.mode === "due"));
    button("all").setAttribute("aria-pressed", String(state.mode === "all"));
    button("shuffle").setAttribute("aria-pressed", String(state.round !== null));
    button("answer-first").setAttribute("aria-pressed", String(state.answerFirst));
    button("flip").setAttribute("aria-pressed", String(flipped));
    var studied = guids.filter(function (g) { return state.cards[g]; }).length;
    progress.value = studied;
    var dueNow = session(t).filter(function (i) { return cardState(i); }).length;
    var fresh = Math.min(newLeftToday(t), cards.length - studied);
    progressText.textContent = fill(strings["ui.progress"], {
      due: dueNow, fresh: fresh, studied: studied, total: cards.length
    });
    state.at = at;
    save();
    if (none) return;
    var index = order[at];
    var card = cards[index];
    // A card shown anew starts at the top of each side.
    if (card.hidden) faces(card).forEach(function (face) { face.scrollTop = 0; });
    card.hidden = false;
    card.setAttribute("tabindex", "0");
    current = card;
    card.setAttribute("data-side", flipped !== state.answerFirst ? "back" : "front");
    card.setAttribute("aria-label", fill(strings["ui.card-of"], { n: at + 1, total: order.length }));
    var c = cardState(index);
    card.setAttribute("data-state", c ? c.state : "new");
    card.querySelector(".due").textContent = dueText(c, t);
    Object.keys(GRADES).forEach(function (name) {
      var after = FSRS.review(c, GRADES[name], t);
      var wait = span(Date.parse(after.due) - t);
      button(name).querySelector(".ivl").textContent = wait;
    });
    markMore();
    if (focusCard) card.focus();
  }

  function faces(card) { return Array.prototype.slice.call(card.querySelectorAll(".face")); }
  // A side longer than its card (on a small screen, where the card's height is fixed) scrolls
  // inside it; while more of it is below, it is marked, and the stylesheet fades its foot.
  function markMore() {
    if (!current) return;
    faces(current).forEach(function (face) {
      var more = face.scrollHeight - face.scrollTop - face.clientHeight > 1;
      if (more !== face.hasAttribute("data-more")) face.toggleAttribute("data-more", more);
    });
  }

  function go(step, focusCard) {
    if (order.length > 0) at = (at + step + order.length) % order.length;
    flipped = false;
    render(focusCard);
    if (order.length > 0) announce(fill(strings["ui.card-of"], { n: at + 1, total: order.length }));
  }
  function flip() {
    if (order.length === 0) return;
    flipped = !flipped;
    render(false);
    announce(strings[flipped !== state.answerFirst ? "ui.flipped" : "ui.unflipped"]);
  }
  function grade(name) {
    if (order.length === 0) return;
    var t = now();
    var index = order[at];
    var guid = guids[index];
    var before = state.cards[guid];
    var after = FSRS.review(before || null, GRADES[name], t);
    after.log = (before ? before.log : []).concat([{ rating: GRADES[name], review: after.last_review }]);
    state.cards[guid] = after;
    if (!before) {
      if (state.newDay.day !== localDay(t)) state.newDay = { day: localDay(t), count: 0 };
      state.newDay.count++;
    }
    if (state.mode === "due") {
      order = session(t);
      // The next card is the first one of the session other than this one, if there is one.
      var other = order.filter(function (i) { return i !== index; })[0];
      at = other === undefined ? 0 : order.indexOf(other);
    } else {
      at = (at + 1) % order.length;
    }
    flipped = false;
    render(false);
    announce(fill(strings["ui.graded"], { grade: strings[GRADE_NAMES[name]], when: span(Date.parse(after.due) - t) }));
  }
  function restart(message) {
    order = orderFor(now());
    at = 0;
    flipped = false;
    render(false);
    if (message) announce(message);
  }

  // The progress file: see "Progress files" in content/README.md.
  function exportProgress() {
    var out = {
      format: "decksmith-progress",
      version: 1,
      course: data.course,
      deck: data.deck,
      exported: new Date(now()).toISOString(),
      scheduler: "FSRS-6",
      cards: state.cards
    };
    var blob = new Blob([JSON.stringify(out, null, 2) + "\n"], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = data.file_name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    announce(fill(strings["ui.exported"], { n: Object.keys(state.cards).length }));
  }
  function importProgress(text) {
    var parsed;
    try { parsed = JSON.parse(text); } catch (e) { parsed = null; }
    if (!parsed || parsed.format !== "decksmith-progress" || typeof parsed.cards !== "object" || !parsed.cards) {
      return report(strings["ui.import-failed"]);
    }
    var read = readCards(parsed.cards);
    var taken = 0, older = 0, elsewhere = 0;
    Object.keys(read.cards).forEach(function (guid) {
      if (!Object.prototype.hasOwnProperty.call(byGuid, guid)) { elsewhere++; return; }
      var mine = state.cards[guid];
      if (mine && Date.parse(mine.last_review) > Date.parse(read.cards[guid].last_review)) { older++; return; }
      state.cards[guid] = read.cards[guid];
      taken++;
    });
    var parts = [fill(strings["ui.imported"], { n: taken })];
    if (elsewhere) parts.push(fill(strings["ui.import-elsewhere"], { n: elsewhere }));
    if (older) parts.push(fill(strings["ui.import-older"], { n: older }));
    if (read.broken) parts.push(fill(strings["ui.import-broken"], { n: read.broken }));
    restart(null);
    report(parts.join(" "));
  }
  function report(text) {
    var out = document.getElementById("import-report");
    out.textContent = text;
    out.hidden = false;
  }

  var actions = {
    flip: flip,
    previous: function () { go(-1, false); },
    next: function () { go(1, false); },
    again: function () { grade("again"); },
    hard: function () { grade("hard"); },
    good: function () { grade("good"); },
    easy: function () { grade("easy"); },
    due: function () { state.mode = "due"; restart(strings["ui.due-today"]); },
    all: function () { state.mode = "all"; restart(strings["ui.all-cards"]); },
    shuffle: function () {
      state.round = state.round === null ? (state.lastRound || 0) + 1 : null;
      if (state.round !== null) state.lastRound = state.round;
      restart(strings[state.round === null ? "ui.ordered" : "ui.shuffled"]);
    },
    "answer-first": function () {
      state.answerFirst = !state.answerFirst;
      flipped = false;
      render(false);
    },
    export: exportProgress,
    import: function () { importFile.click(); },
    reset: function () {
      state.cards = {};
      state.newDay = { day: "", count: 0 };
      restart(strings["ui.reset-done"]);
    }
  };

  importFile.addEventListener("change", function () {
    var file = importFile.files && importFile.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () { importProgress(String(reader.result)); importFile.value = ""; };
    reader.onerror = function () { report(strings["ui.import-failed"]); };
    reader.readAsText(file);
  });

  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-action]");
    if (target && actions[target.getAttribute("data-action")]) {
      actions[target.getAttribute("data-action")]();
      return;
    }
    var card = event.target.closest("[data-card]");
    // A click on a link inside the card follows the link; one anywhere else flips.
    if (card && card === current && !event.target.closest("a") && !swiped) flip();
  });

  // A horizontal swipe on the card moves to the next (left) or previous (right) card; a tap
  // flips it (the click that follows a tap).
  var touch = null, swiped = false;
  document.addEventListener("touchstart", function (event) {
    swiped = false;
    touch = event.touches.length === 1 && event.target.closest("[data-card]") ? event.touches[0] : null;
    if (touch) touch = { x: touch.clientX, y: touch.clientY };
  }, { passive: true });
  document.addEventListener("touchend", function (event) {
    if (!touch || event.changedTouches.length !== 1) return;
    var dx = event.changedTouches[0].clientX - touch.x;
    var dy = event.changedTouches[0].clientY - touch.y;
    touch = null;
    if (Math.abs(dx) >= 50 && Math.abs(dx) > 2 * Math.abs(dy)) {
      swiped = true;
      go(dx < 0 ? 1 : -1, false);
    }
  }, { passive: true });

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    var target = event.target;
    var onCard = target === current;
    var typing = target.closest && target.closest("input, select, textarea, [contenteditable]");
    var inControl = target.closest && target.closest("button, a, summary, input, select, textarea, [contenteditable]");
    if (typing) return;
    if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      event.preventDefault();
      go(event.key === "ArrowRight" ? 1 : -1, onCard);
    } else if ((event.key === " " || event.key === "Enter") && (onCard || !inControl)) {
      event.preventDefault();
      flip();
    } else if (/^[1-4]$/.test(event.key)) {
      event.preventDefault();
      grade(["again", "hard", "good", "easy"][Number(event.key) - 1]);
    }
  });

  // Scrolling a side, or a new size of the window, changes what is left below.
  document.addEventListener("scroll", function (event) {
    if (event.target.classList && event.target.classList.contains("face")) markMore();
  }, true);
  window.addEventListener("resize", markMore);

  document.documentElement.classList.add("js");
  cards.forEach(function (card) { card.hidden = true; });
  tools.hidden = false;
  controls.hidden = false;
  render(false);
})();
