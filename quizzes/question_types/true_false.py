"""True or false: a statement the learner judges, all or nothing."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from ..grading import GradeResult, graded
from .base import (
    PROMPT_FEATURES,
    QuestionBlock,
    QuestionType,
    by_token,
    not_an_option,
    single_value,
)


class TrueFalseQuestionBlock(QuestionBlock):
    """A statement the learner judges as true or false."""

    prompt = blocks.RichTextBlock(
        label=_("Introduction"),
        features=PROMPT_FEATURES,
        required=False,
        help_text=_("Optional text shown above the statement."),
    )
    statement = blocks.RichTextBlock(label=_("Statement"), features=PROMPT_FEATURES)
    correct = blocks.BooleanBlock(
        label=_("The statement is true"),
        required=False,
        help_text=_("Tick if “true” is the correct answer; leave empty for “false”."),
    )
    feedback_true = blocks.TextBlock(label=_("Feedback for “true”"), required=False)
    feedback_false = blocks.TextBlock(label=_("Feedback for “false”"), required=False)

    class Meta:
        icon = "tick"
        label = _("True or false")


def _label(value: bool) -> str:
    return gettext("True") if value else gettext("False")


class TrueFalse(QuestionType):
    name = "true_false"
    order = 30
    block = TrueFalseQuestionBlock
    template = "quizzes/question_types/single_choice.html"

    def present(self, data, draw):
        return {
            "choices": [
                {"token": draw.token(), "value": True},
                {"token": draw.token(), "value": False},
            ]
        }

    def resolve(self, question, value, *, strict):
        value = single_value(value)
        if value in (None, ""):
            return None
        choices = by_token(question["choices"])
        if not isinstance(value, str) or value not in choices:
            raise not_an_option()
        return choices[value]["value"]

    def grade(self, data: dict, answer: bool | None) -> GradeResult:
        """All or nothing; the feedback for the chosen side is shown."""
        if answer is None:
            return graded(data, Decimal(0), [])
        correct = bool(data.get("correct"))
        side = data.get("feedback_true") if answer else data.get("feedback_false")
        text = side or ""
        return graded(
            data, Decimal(1 if answer == correct else 0), [text.strip()] if text else []
        )

    def first_input_id(self, question):
        return f"{question['name']}-1"

    def form_fields(self, entry, value):
        return {
            "choices": [
                {
                    "token": c["token"],
                    "text": _label(c["value"]),
                    "checked": c["token"] == value,
                }
                for c in entry["choices"]
            ]
        }

    def response_texts(self, data, response):
        return [_label(response)]

    def correct_texts(self, data):
        return [_label(bool(data.get("correct")))]

    def option_labels(self, value):
        return [(True, _label(True)), (False, _label(False))]


QUESTION_TYPE = TrueFalse()
