"""Secondary suppression holds: hidden counts cannot be solved for.

The attacker model: everything published (visible cells and totals) and the
table's linear relations (each column of a breakdown adds up to its total). A
hidden cell is "recoverable" when some relation has it as its only unknown;
substituting it and repeating (Gaussian elimination on sums of 0/1 terms) finds
every cell that follows. We also use non-negativity: when the unknowns of a
relation must add up to 0, each of them is 0 and so known. The property test
asserts that over hundreds of random tables no hidden cell is ever determined.
"""

import random

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from reports.disclosure import Relation, relation_if_exact, suppress

THRESHOLD = 5


def recoverable(values: dict, relations: list[Relation], hidden: set) -> set:
    """Hidden cells an attacker can compute from the published ones."""
    known = {name: v for name, v in values.items() if name not in hidden}
    found = True
    while found:
        found = False
        for relation in relations:
            members = [*relation.parts]
            unknown = [m for m in (*members, relation.total) if m not in known]
            if not unknown:
                continue
            if relation.total in known:
                rest = known[relation.total] - sum(
                    known[p] for p in members if p in known
                )
                if len(unknown) == 1 or rest == 0:
                    for name in unknown:  # one unknown, or all forced to zero
                        known[name] = rest if len(unknown) == 1 else 0
                    found = True
            elif len(unknown) == 1:
                known[relation.total] = sum(known[p] for p in members)
                found = True
    return {name for name in hidden if name in known}


def random_report(rng: random.Random):
    """Two breakdowns (rows x columns) of one population, sharing the totals."""
    columns = rng.randint(1, 4)
    values: dict = {}
    relations = []
    base = [rng.choice([0, 1, 2, 3, 4, 6, 9, 15, 40]) for _ in range(rng.randint(2, 7))]
    for column in range(columns):
        groups = [max(0, b + rng.randint(-3, 3)) for b in base]
        values[("total", column)] = sum(groups)
        for table, split in (("a", groups), ("b", _regroup(rng, groups))):
            parts = []
            for row, value in enumerate(split):
                values[(table, row, column)] = value
                parts.append((table, row, column))
            relations.append(relation_if_exact(values, parts, ("total", column)))
    return values, relations


def _regroup(rng: random.Random, groups: list[int]) -> list[int]:
    """The same people split another way (like by course vs. by organisation)."""
    total = sum(groups)
    cuts = sorted(rng.randint(0, total) for _ in range(rng.randint(0, 4)))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def test_no_hidden_cell_can_be_recomputed_in_random_tables():
    rng = random.Random(20261202)
    checked = 0
    for _ in range(600):
        values, relations = random_report(rng)
        hidden = suppress(values, relations, THRESHOLD)
        primary = {n for n, v in values.items() if 0 < v < THRESHOLD}
        assert primary <= hidden
        assert not recoverable(values, relations, hidden), values
        checked += len(primary)
    assert checked > 500  # the tables really had small cells to protect


def test_primary_suppression_alone_would_be_recomputable():
    """The checker is not toothless: without step 2 the tables give values back."""
    rng = random.Random(7)
    leaks = 0
    for _ in range(200):
        values, relations = random_report(rng)
        primary = {n for n, v in values.items() if 0 < v < THRESHOLD}
        leaks += bool(recoverable(values, relations, primary))
    assert leaks > 50


def test_a_lone_hidden_row_hides_the_smallest_other_and_the_total_when_alone():
    values = {"a": 2, "b": 9, "c": 30, "t": 41, "x": 3, "u": 3}
    hidden = suppress(
        values, [Relation(("a", "b", "c"), "t"), Relation(("x",), "u")], THRESHOLD
    )
    assert hidden == {"a", "b", "x", "u"}


@pytest.mark.django_db
def test_overlapping_filters_do_not_reveal_a_count_by_difference(data, as_user):
    """Network A: course Y has 2 learners, hidden on the wide dashboard.

    "Course Y" on its own would show 2; "all" minus "course X" would give the
    same 2 by difference, so both narrower views are withheld with a message.
    """
    client = as_user(data.coordinator_a)
    url = reverse("reports_admin:dashboard")
    everything = client.get(url)
    narrowed = client.get(url, {"course": data.course_y.translation_key})
    # In the wide view, course Y's 2 learners are hidden ...
    soup = BeautifulSoup(everything.content, "html.parser")
    assert "< 5" in soup.get_text()
    # ... and the narrow view says why it shows nothing instead of "2".
    text = BeautifulSoup(narrowed.content, "html.parser").get_text(" ")
    assert "fewer than 5 people" in text
    assert "Summary" not in text.split("Please widen the filters.")[1]
    # Course X alone differs from the wide view by course Y's 2: withheld too.
    text = BeautifulSoup(
        client.get(url, {"course": data.course_x.translation_key}).content,
        "html.parser",
    ).get_text(" ")
    assert "fewer than 5 people" in text
    # Exports of a withheld view are refused, not written.
    export = client.get(
        reverse("reports_admin:export_table", args=["dashboard", "summary", "csv"]),
        {"course": data.course_y.translation_key},
    )
    assert export.status_code == 302
