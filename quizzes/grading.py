"""Server-side grading: pure functions over a question's stored data.

``data`` is a question block's JSON value as snapshotted in the attempt (list items
are ``{"type": "item", "value": ..., "id": ...}``); responses are already translated
from per-attempt tokens into block ids by ``quizzes.services``. Nothing here touches
the database, so every rule is unit-tested directly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

CENT = Decimal("0.01")


@dataclass(frozen=True)
class GradeResult:
    points_awarded: Decimal
    max_points: Decimal
    is_correct: bool
    feedback: list[str] = field(default_factory=list)


def list_items(items: list) -> list[tuple[str, Any]]:
    """(id, value) pairs of a stored ListBlock value."""
    return [(item["id"], item["value"]) for item in items]


def question_points(data: dict) -> Decimal:
    return Decimal(str(data.get("points") or 0)).quantize(CENT)


def _result(data: dict, share: Decimal, feedback: list[str]) -> GradeResult:
    max_points = question_points(data)
    share = min(max(share, Decimal(0)), Decimal(1))
    awarded = (max_points * share).quantize(CENT, rounding=ROUND_HALF_UP)
    general = (data.get("general_feedback") or "").strip()
    if general:
        feedback = [*feedback, general]
    return GradeResult(awarded, max_points, share == 1, feedback)


def _option_feedback(options: dict[str, dict], chosen: list[str]) -> list[str]:
    return [
        options[option_id]["feedback"].strip()
        for option_id in chosen
        if (options[option_id].get("feedback") or "").strip()
    ]


def grade_single_choice(data: dict, chosen_id: str | None) -> GradeResult:
    """All or nothing: full points only for the one correct option."""
    options = dict(list_items(data["options"]))
    chosen = [chosen_id] if chosen_id in options else []
    right = bool(chosen) and bool(options[chosen_id].get("is_correct"))
    return _result(data, Decimal(1 if right else 0), _option_feedback(options, chosen))


def grade_multiple_choice(data: dict, chosen_ids: list[str]) -> GradeResult:
    """Partial credit: points × max(0, (correct chosen − wrong chosen) / correct).

    Choosing every option therefore scores nothing, and each wrong tick cancels a
    right one.
    """
    options = dict(list_items(data["options"]))
    chosen = [
        option_id for option_id in dict.fromkeys(chosen_ids) if option_id in options
    ]
    correct_ids = {oid for oid, option in options.items() if option.get("is_correct")}
    if not correct_ids:
        return _result(data, Decimal(0), _option_feedback(options, chosen))
    right = sum(1 for oid in chosen if oid in correct_ids)
    wrong = len(chosen) - right
    share = Decimal(max(0, right - wrong)) / Decimal(len(correct_ids))
    return _result(data, share, _option_feedback(options, chosen))


def grade_true_false(data: dict, answer: bool | None) -> GradeResult:
    """All or nothing; the feedback for the chosen side is shown."""
    if answer is None:
        return _result(data, Decimal(0), [])
    correct = bool(data.get("correct"))
    text = (data.get("feedback_true") if answer else data.get("feedback_false")) or ""
    return _result(
        data, Decimal(1 if answer == correct else 0), [text.strip()] if text else []
    )


def grade_matching(data: dict, matches: dict[str, str]) -> GradeResult:
    """Share of correctly matched pairs.

    ``matches`` maps a pair id (its left item) to the pair id whose right-hand text
    was chosen; identical right-hand texts count as the same answer.
    """
    pairs = dict(list_items(data["pairs"]))
    if not pairs:
        return _result(data, Decimal(0), [])
    right = 0
    for left_id, pair in pairs.items():
        chosen = matches.get(left_id)
        if chosen in pairs and pairs[chosen]["right"] == pair["right"]:
            right += 1
    return _result(data, Decimal(right) / Decimal(len(pairs)), [])


def grade_ordering(data: dict, positions: dict[str, int]) -> GradeResult:
    """Share of items placed at their correct (1-based) position."""
    items = list_items(data["items"])
    if not items:
        return _result(data, Decimal(0), [])
    right = sum(
        1
        for index, (item_id, _text) in enumerate(items, start=1)
        if positions.get(item_id) == index
    )
    return _result(data, Decimal(right) / Decimal(len(items)), [])


_WHITESPACE = re.compile(r"\s+")


def normalise_text(text: str, case_sensitive: bool) -> str:
    """Trim and collapse whitespace; fold case unless the question is case-sensitive."""
    text = _WHITESPACE.sub(" ", text or "").strip()
    return text if case_sensitive else text.casefold()


def grade_fill_in_blank(data: dict, text: str | None) -> GradeResult:
    """Full points if the text equals an accepted variant after normalising, else 0.

    Normalising trims, collapses inner whitespace and ignores case unless the
    question is case-sensitive.
    """
    case_sensitive = bool(data.get("case_sensitive"))
    given = normalise_text(text or "", case_sensitive)
    accepted = {
        normalise_text(answer, case_sensitive)
        for _id, answer in list_items(data.get("accepted_answers") or [])
        if (answer or "").strip()
    }
    return _result(data, Decimal(1 if given and given in accepted else 0), [])


GRADERS = {
    "single_choice": grade_single_choice,
    "multiple_choice": grade_multiple_choice,
    "true_false": grade_true_false,
    "matching": grade_matching,
    "ordering": grade_ordering,
    "fill_in_blank": grade_fill_in_blank,
}


def grade_question(question_type: str, data: dict, response: Any) -> GradeResult:
    """Grade one response; ``response`` is ``None`` for an unanswered question."""
    grader = GRADERS[question_type]
    if response is None:
        empty = {
            "multiple_choice": [],
            "matching": {},
            "ordering": {},
        }.get(question_type)
        return grader(data, empty)
    return grader(data, response)


def score_percent(points: Decimal, max_points: Decimal) -> Decimal:
    """Percentage rounded to two places; a quiz worth nothing counts as 100 %."""
    if max_points <= 0:
        return Decimal("100.00")
    return (points * 100 / max_points).quantize(CENT, rounding=ROUND_HALF_UP)
