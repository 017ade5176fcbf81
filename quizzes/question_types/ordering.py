"""Ordering: items entered in the correct order, shown shuffled."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from ..grading import GradeResult, graded, list_items
from .base import (
    InvalidAnswers,
    QuestionBlock,
    QuestionType,
    field_name,
    non_block_error,
    resolve_parts,
    texts,
)


class OrderingQuestionBlock(QuestionBlock):
    """Items entered in the correct order; learners see them shuffled."""

    items = blocks.ListBlock(
        blocks.CharBlock(label=_("Item"), max_length=300),
        label=_("Items in the correct order"),
    )

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:  # saving a draft: finish it later
            return value
        if len(value["items"]) < 2:
            raise non_block_error(_("An ordering question needs at least two items."))
        return value

    class Meta:
        icon = "list-ol"
        label = _("Ordering")


class Ordering(QuestionType):
    """Items always shuffled (their stored order is the solution)."""

    name = "ordering"
    order = 50
    block = OrderingQuestionBlock
    template = "quizzes/question_types/ordering.html"
    parts = "items"

    def present(self, data, draw):
        ids = [item["id"] for item in data["items"]]
        return {"items": draw.tokens_for(draw.shuffled(ids))}

    def resolve(self, question, value, *, strict):
        count = len(question["items"])

        def position(raw) -> int:
            try:
                number = int(raw)
            except (TypeError, ValueError):
                number = 0
            if isinstance(raw, bool) or not 1 <= number <= count:
                raise InvalidAnswers(_("Choose a position from the list."))
            return number

        result = resolve_parts(question["items"], value, position)
        # On submission; a draft may still hold the same position twice.
        if strict and len(set(result.values())) != len(result):
            raise InvalidAnswers(_("Each position may be used only once."))
        return result

    def empty_response(self):
        return {}

    def grade(self, data: dict, positions: dict[str, int]) -> GradeResult:
        """Share of items placed at their correct (1-based) position."""
        items = list_items(data["items"])
        if not items:
            return graded(data, Decimal(0), [])
        right = sum(
            1
            for index, (item_id, _text) in enumerate(items, start=1)
            if positions.get(item_id) == index
        )
        return graded(data, Decimal(right) / Decimal(len(items)), [])

    def first_input_id(self, question):
        return question["items"][0]["name"]

    def form_fields(self, entry, value):
        items = texts(entry["data"], "items")
        chosen = value if isinstance(value, dict) else {}
        return {
            "positions": list(range(1, len(entry["items"]) + 1)),
            "items": [
                {
                    "name": field_name(entry["token"], item["token"]),
                    "text": items[item["id"]],
                    "selected": str(chosen.get(item["token"]) or ""),
                }
                for item in entry["items"]
            ],
        }

    def response_texts(self, data, response):
        items = texts(data, "items")
        placed = sorted((pos, items[i]) for i, pos in response.items() if i in items)
        return [f"{pos}. {text}" for pos, text in placed]

    def correct_texts(self, data):
        return [
            f"{n}. {text}"
            for n, (_i, text) in enumerate(list_items(data["items"]), start=1)
        ]


QUESTION_TYPE = Ordering()
