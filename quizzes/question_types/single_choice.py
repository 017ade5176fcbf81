"""Single choice: one correct option, all or nothing."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from ..grading import GradeResult, graded, list_items
from .base import (
    QuestionBlock,
    QuestionType,
    by_token,
    non_block_error,
    not_an_option,
    single_value,
    texts,
)


class ChoiceOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer option"), max_length=500)
    is_correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    feedback = blocks.TextBlock(
        label=_("Feedback"),
        required=False,
        help_text=_("Shown after submission when this option was chosen."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Option")


class SingleChoiceQuestionBlock(QuestionBlock):
    """One correct option; all or nothing."""

    options = blocks.ListBlock(ChoiceOptionBlock(), label=_("Options"), min_num=2)

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:  # saving a draft: finish it later
            return value
        correct = sum(1 for option in value["options"] if option["is_correct"])
        if correct == 0:
            raise non_block_error(_("Mark one option as correct."))
        if correct > 1:
            raise non_block_error(
                _(
                    "A single-choice question has exactly one correct option; "
                    "use a multiple-choice question for several."
                )
            )
        return value

    class Meta:
        icon = "radio-full"
        label = _("Single choice")


def option_feedback(options: dict[str, dict], chosen: list[str]) -> list[str]:
    return [
        options[option_id]["feedback"].strip()
        for option_id in chosen
        if (options[option_id].get("feedback") or "").strip()
    ]


class SingleChoice(QuestionType):
    name = "single_choice"
    order = 10
    block = SingleChoiceQuestionBlock
    template = "quizzes/question_types/single_choice.html"

    def present(self, data, draw):
        ids = [item["id"] for item in data["options"]]
        if draw.shuffle_options:
            ids = draw.shuffled(ids)
        return {"choices": draw.tokens_for(ids)}

    def resolve(self, question, value, *, strict):
        value = single_value(value)
        if value in (None, ""):
            return None
        choices = by_token(question["choices"])
        if not isinstance(value, str) or value not in choices:
            raise not_an_option()
        return choices[value]["id"]

    def grade(self, data: dict, chosen_id: str | None) -> GradeResult:
        """All or nothing: full points only for the one correct option."""
        options = dict(list_items(data["options"]))
        chosen = [chosen_id] if chosen_id in options else []
        right = bool(chosen) and bool(options[chosen_id].get("is_correct"))
        return graded(
            data, Decimal(1 if right else 0), option_feedback(options, chosen)
        )

    def first_input_id(self, question):
        return f"{question['name']}-1"

    def form_fields(self, entry, value):
        options = texts(entry["data"], "options")
        chosen = value if isinstance(value, list) else [value]
        return {
            "choices": [
                {
                    "token": c["token"],
                    "text": options[c["id"]]["text"],
                    "checked": c["token"] in chosen,
                }
                for c in entry["choices"]
            ]
        }

    def response_texts(self, data, response: Any) -> list[str]:
        options = texts(data, "options")
        ids = response if isinstance(response, list) else [response]
        return [options[i]["text"] for i in ids if i in options]

    def correct_texts(self, data):
        return [o["text"] for _i, o in list_items(data["options"]) if o["is_correct"]]

    def option_labels(self, value):
        return [(item.id, item.value["text"]) for item in value["options"].bound_blocks]


QUESTION_TYPE = SingleChoice()
