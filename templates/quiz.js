// The quiz page: check one question or all, feedback with the answer, the explanation and
// the source, a score in a live region, and "retry the ones I missed". The answers come
// from the JSON in #page-data, one entry per question in page order.
"use strict";
(function () {
  var data = JSON.parse(document.getElementById("page-data").textContent);
  var strings = data.strings;
  var sections = Array.prototype.slice.call(document.querySelectorAll("[data-question]"));
  var score = document.getElementById("score");
  var announcer = document.getElementById("announce");

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }
  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }
  function announce(text) {
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = text; }, 30);
  }

  // Typed answers are compared by their letters and digits only: case, spaces, punctuation
  // and diacritics do not count ("1st committee." matches "1st Committee", "Geneve" matches
  // "Genève", "ё" matches "е"). In an English quiz a leading article does not count either
  // ("the Sea of Tranquility" matches "Sea of Tranquility"), nor a plural ending on a word
  // of letters ("tensions" matches "tension"; "1990s" still does not match "1990").
  var english = /^en\b/i.test(document.documentElement.lang);
  function key(text) {
    if (english) text = text.trim().replace(/^(the|an?)\s+(?=\S)/i, "");
    return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  }
  function pluralOf(plural, one) {
    if (one.length < 4 || !/\p{L}$/u.test(one)) return false;
    return plural === one + "s" || plural === one + "es" ||
      (/[^aeiou]y$/.test(one) && plural === one.slice(0, -1) + "ies");
  }
  function same(typed, answer) {
    var a = key(typed), b = key(answer);
    return a === b || (english && (pluralOf(a, b) || pluralOf(b, a)));
  }
  function accepted(typed, answers) {
    if (key(typed) === "") {
      // An answer of symbols only ("%") is compared as typed, without case and spaces.
      var plain = typed.trim().toLowerCase();
      return plain !== "" && answers.some(function (a) { return a.trim().toLowerCase() === plain; });
    }
    return answers.some(function (a) { return same(typed, a); });
  }

  function checkedValue(section) {
    var input = section.querySelector("input[type=radio]:checked");
    return input ? input.value : null;
  }

  // What was answered, and whether it is right, for each kind. `answered` is false when
  // nothing at all was given.
  var kinds = {
    choice: function (section, q) {
      var value = checkedValue(section);
      all(section, "input[type=radio]").forEach(function (input) {
        var label = input.closest("label");
        label.classList.toggle("is-answer", Number(input.value) === q.answer);
        label.classList.toggle("is-wrong", input.checked && Number(input.value) !== q.answer);
      });
      return { answered: value !== null, right: value !== null && Number(value) === q.answer };
    },
    "true-false": function (section, q) {
      var value = checkedValue(section);
      all(section, "input[type=radio]").forEach(function (input) {
        var label = input.closest("label");
        label.classList.toggle("is-answer", (input.value === "true") === q.answer);
        label.classList.toggle("is-wrong", input.checked && (input.value === "true") !== q.answer);
      });
      return { answered: value !== null, right: value !== null && (value === "true") === q.answer };
    },
    cloze: function (section, q) {
      var blanks = all(section, "input.blank");
      var answered = false, right = true;
      blanks.forEach(function (input) {
        var answers = q.accept[Number(input.getAttribute("data-blank"))] || [];
        var ok = accepted(input.value, answers);
        if (input.value.trim() !== "") answered = true;
        right = right && ok;
        input.setAttribute("aria-invalid", String(!ok));
        input.classList.toggle("is-right", ok);
      });
      return { answered: answered, right: answered && right };
    },
    matching: function (section, q) {
      var answered = false, right = true;
      all(section, "select").forEach(function (select) {
        var i = Number(select.getAttribute("data-left"));
        var ok = select.value !== "" && Number(select.value) === q.pairs[i];
        if (select.value !== "") answered = true;
        right = right && ok;
        select.setAttribute("aria-invalid", String(!ok));
        select.classList.toggle("is-right", ok);
      });
      return { answered: answered, right: answered && right };
    },
    timeline: function (section, q) {
      var right = true;
      all(section, ".events > li").forEach(function (li, position) {
        var ok = Number(li.getAttribute("data-item")) === q.order[position];
        right = right && ok;
        li.classList.toggle("is-right", ok);
        li.classList.toggle("is-wrong", !ok);
      });
      return { answered: true, right: right };
    },
    flashcard: function (section) {
      var value = checkedValue(section);
      return { answered: value !== null, right: value === "true" };
    }
  };

  function dataOf(section) { return data.questions[sections.indexOf(section)]; }

  function clearMarks(section) {
    all(section, ".is-answer, .is-wrong, .is-right").forEach(function (el) {
      el.classList.remove("is-answer", "is-wrong", "is-right");
    });
    all(section, "[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
  }

  function showFeedback(section, verdict, good, withSolution) {
    var feedback = section.querySelector(".feedback");
    var line = feedback.querySelector(".verdict");
    line.textContent = verdict;
    line.className = "verdict " + (good ? "ok" : "bad");
    all(feedback, ".solution, .explanation, .source").forEach(function (el) { el.hidden = !withSolution; });
    feedback.hidden = false;
    var group = section.querySelector("fieldset, .prompt");
    if (group) group.setAttribute("aria-describedby", feedback.id);
  }

  // Checks one question. `all` is true for "check all", where no answer counts as missed.
  function check(section, everything) {
    var q = dataOf(section);
    var result = kinds[q.kind](section, q);
    if (!result.answered && !everything) {
      clearMarks(section);
      showFeedback(section, strings["ui.answer-first-please"], false, false);
      section.setAttribute("data-state", "unanswered");
      return strings["ui.answer-first-please"];
    }
    var state = !result.answered ? "missed" : result.right ? "correct" : "wrong";
    var verdict = strings[state === "correct" ? "ui.correct" : state === "wrong" ? "ui.wrong" : "ui.unanswered"];
    section.setAttribute("data-state", state);
    showFeedback(section, verdict, state === "correct", true);
    return verdict;
  }

  // Checks one question, updates the score and says the verdict.
  function checkOne(section) {
    var verdict = check(section, false);
    updateScore();
    announce(section.querySelector(".q-title .visually-hidden").textContent + ": " + verdict);
  }

  function updateScore() {
    var right = 0, checked = 0;
    sections.forEach(function (s) {
      var state = s.getAttribute("data-state");
      if (state === "correct") right++;
      if (state === "correct" || state === "wrong" || state === "missed") checked++;
    });
    score.textContent = fill(strings["ui.score"], { score: right, total: sections.length, checked: checked });
  }

  function reset(section) {
    clearMarks(section);
    all(section, "input[type=radio]").forEach(function (input) { input.checked = false; });
    all(section, "input.blank").forEach(function (input) { input.value = ""; });
    all(section, "select").forEach(function (select) { select.value = ""; });
    var events = section.querySelector(".events");
    if (events) {
      all(events, "li").sort(function (a, b) {
        return Number(a.getAttribute("data-item")) - Number(b.getAttribute("data-item"));
      }).forEach(function (li) { events.appendChild(li); });
    }
    var reveal = section.querySelector('[data-action="reveal"]');
    if (reveal) {
      reveal.setAttribute("aria-expanded", "false");
      section.querySelector(".recall-back").hidden = true;
    }
    section.querySelector(".feedback").hidden = true;
    var group = section.querySelector("[aria-describedby]");
    if (group && group.tagName !== "BUTTON") group.removeAttribute("aria-describedby");
    section.setAttribute("data-state", "unanswered");
  }

  function focusFirst(section) {
    var control = section.querySelector("input, select, button:not([hidden])");
    if (control) control.focus();
    section.scrollIntoView({ block: "nearest" });
  }

  function move(li, step) {
    var list = li.parentNode;
    var items = all(list, "li");
    var from = items.indexOf(li);
    var to = from + step;
    if (to < 0 || to >= items.length) return;
    if (step < 0) list.insertBefore(li, items[to]);
    else list.insertBefore(li, items[to].nextSibling);
    items.forEach(function (other) { other.classList.remove("moved"); });
    li.classList.add("moved");
    changed(li.closest("[data-question]"));
    announce(fill(strings["ui.moved"], {
      n: to + 1,
      total: items.length,
      item: li.querySelector(".event").textContent
    }));
  }

  // An answer changed after it was checked: its feedback no longer applies.
  function changed(section) {
    if (section.getAttribute("data-state") === "unanswered" && section.querySelector(".feedback").hidden) return;
    clearMarks(section);
    section.querySelector(".feedback").hidden = true;
    section.setAttribute("data-state", "unanswered");
    updateScore();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-action]");
    if (!button) return;
    var action = button.getAttribute("data-action");
    var section = button.closest("[data-question]");
    if (action === "check" && section) {
      checkOne(section);
    } else if (action === "check-all") {
      sections.forEach(function (s) { check(s, true); });
      updateScore();
    } else if (action === "retry") {
      var missed = sections.filter(function (s) {
        var state = s.getAttribute("data-state");
        return state === "wrong" || state === "missed";
      });
      if (missed.length === 0) {
        announce(strings["ui.nothing-to-retry"]);
        return;
      }
      missed.forEach(reset);
      updateScore();
      focusFirst(missed[0]);
      announce(fill(strings["ui.retrying"], { n: missed.length }));
    } else if (action === "start-over") {
      sections.forEach(reset);
      updateScore();
      focusFirst(sections[0]);
    } else if (action === "up" || action === "down") {
      var li = button.closest("li");
      move(li, action === "up" ? -1 : 1);
      button.focus();
    } else if (action === "reveal" && section) {
      var back = section.querySelector(".recall-back");
      back.hidden = !back.hidden;
      button.setAttribute("aria-expanded", String(!back.hidden));
    }
  });

  document.addEventListener("keydown", function (event) {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    var li = event.target.closest && event.target.closest(".events > li");
    if (!li) return;
    event.preventDefault();
    move(li, event.key === "ArrowUp" ? -1 : 1);
    event.target.focus();
  });

  document.addEventListener("input", function (event) {
    var section = event.target.closest && event.target.closest("[data-question]");
    if (section) changed(section);
  });
  document.addEventListener("change", function (event) {
    var section = event.target.closest && event.target.closest("[data-question]");
    if (!section) return;
    // Saying whether you knew a recall question is its check.
    if (section.getAttribute("data-kind") === "flashcard") {
      checkOne(section);
      return;
    }
    changed(section);
  });

  // Enter in a blank checks its question; the form itself is never sent.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !event.target.matches || !event.target.matches("input.blank")) return;
    event.preventDefault();
    event.target.closest("[data-question]").querySelector('[data-action="check"]').click();
  });
  document.getElementById("quiz").addEventListener("submit", function (event) {
    event.preventDefault();
  });

  document.documentElement.classList.add("js");
  all(document, ".q-actions, .quiz-bar").forEach(function (el) { el.hidden = false; });
  updateScore();
})();
