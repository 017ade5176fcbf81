"""Shuffling is uniform over every order, the solution's own order included.

A shuffle that never returns the original order gives two-item ordering and
two-pair matching answers away (the only order left is the reverse). With a fixed
seed these tests are deterministic; the bounds are chi-square critical values at
p = 0.001, so a uniform shuffle passes and a biased one fails by a wide margin.
"""

from __future__ import annotations

import itertools
import random
from collections import Counter

import pytest

from quizzes.question_types import Draw
from quizzes.services import present_questions

from .conftest import matching, ordering

# Chi-square critical values at p = 0.001 by degrees of freedom (permutations - 1).
CHI_SQUARE_BOUND = {1: 10.828, 5: 20.515}
DRAWS = 6000


def chi_square(counts: Counter, outcomes: list) -> float:
    expected = sum(counts.values()) / len(outcomes)
    return sum((counts[o] - expected) ** 2 / expected for o in outcomes)


@pytest.mark.parametrize("n", [2, 3])
def test_every_order_of_n_items_appears_equally_often_including_the_original(n):
    rng = random.Random(1234)
    items = list(range(n))
    draw = Draw(rng, shuffle_options=True)
    counts = Counter(tuple(draw.shuffled(items)) for _ in range(DRAWS))
    orders = list(itertools.permutations(items))
    assert set(counts) == set(orders)
    assert counts[tuple(items)] > 0.8 * DRAWS / len(orders)
    assert chi_square(counts, orders) < CHI_SQUARE_BOUND[len(orders) - 1]
    assert items == list(range(n))  # the input is left as it was


@pytest.mark.django_db
def test_two_item_ordering_and_two_pair_matching_show_the_solution_order_half_the_time(
    make_quiz,
):
    quiz = make_quiz([matching(n=2), ordering(n=2)], shuffle_options=False)
    rng = random.Random(1234)
    draws = 2000
    matching_orders: Counter = Counter()
    ordering_orders: Counter = Counter()
    for _ in range(draws):
        match, order = present_questions(quiz, rng)
        lefts = [left["id"] for left in match["lefts"]]
        rights = [right["id"] for right in match["rights"]]
        matching_orders["as solved" if rights == lefts else "crossed"] += 1
        items = [item["id"] for item in order["items"]]
        solved = items == ["IDITEM-q-order-0", "IDITEM-q-order-1"]
        ordering_orders["as solved" if solved else "reversed"] += 1
    for counts, other in ((matching_orders, "crossed"), (ordering_orders, "reversed")):
        outcomes = ["as solved", other]
        assert chi_square(counts, outcomes) < CHI_SQUARE_BOUND[1], counts
