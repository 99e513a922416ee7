"""The reference FSRS scheduler (the `fsrs` package) run over review histories.

Reads JSON from standard input: a list of histories, each a list of [rating, time] with
rating 1 (Again) to 4 (Easy) and time an ISO 8601 UTC instant. Writes JSON: for each history,
the card's state after each review, as the flashcards page keeps it. The scheduler has its
default FSRS-6 parameters, learning steps and retention, without fuzz (the page has none).
"""

import json
import sys
from datetime import datetime, timezone

from fsrs import Card, Rating, Scheduler, State

STATES = {State.Learning: "learning", State.Review: "review", State.Relearning: "relearning"}


def when(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc)


def iso(moment):
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def run(history):
    scheduler = Scheduler(enable_fuzzing=False)
    card = Card()
    states = []
    for rating, time in history:
        card, _ = scheduler.review_card(card, Rating(rating), when(time))
        states.append(
            {
                "state": STATES[card.state],
                "step": card.step,
                "stability": card.stability,
                "difficulty": card.difficulty,
                "due": iso(card.due),
                "last_review": iso(card.last_review),
            }
        )
    return states


json.dump([run(h) for h in json.load(sys.stdin)], sys.stdout)
