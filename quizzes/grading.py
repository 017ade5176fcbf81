"""Server-side grading: pure arithmetic shared by the question types.

``data`` is a question block's JSON value as snapshotted in the attempt (list items
are ``{"type": "item", "value": ..., "id": ...}``); responses are already translated
from per-attempt tokens into block ids by ``quizzes.services``. Each type's rule is
in its module under ``quizzes.question_types``; nothing here touches the database,
so every rule is unit-tested directly.
"""

from __future__ import annotations

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


def graded(data: dict, share: Decimal, feedback: list[str]) -> GradeResult:
    """The question's points times ``share`` (0 to 1), plus its general feedback."""
    max_points = question_points(data)
    share = min(max(share, Decimal(0)), Decimal(1))
    awarded = (max_points * share).quantize(CENT, rounding=ROUND_HALF_UP)
    general = (data.get("general_feedback") or "").strip()
    if general:
        feedback = [*feedback, general]
    return GradeResult(awarded, max_points, share == 1, feedback)


def score_percent(points: Decimal, max_points: Decimal) -> Decimal:
    """Percentage rounded to two places; a quiz worth nothing counts as 100 %."""
    if max_points <= 0:
        return Decimal("100.00")
    return (points * 100 / max_points).quantize(CENT, rounding=ROUND_HALF_UP)
