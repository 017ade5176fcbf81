"""Fill in the blank: a short text compared with the accepted variants."""

from __future__ import annotations

import re
from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from ..grading import GradeResult, graded, list_items
from .base import (
    PROMPT_FEATURES,
    InvalidAnswers,
    QuestionBlock,
    QuestionType,
    non_block_error,
    single_value,
)

MAX_TEXT_ANSWER_LENGTH = 500
_WHITESPACE = re.compile(r"\s+")


class FillInBlankQuestionBlock(QuestionBlock):
    """A short text answer compared with the accepted variants."""

    prompt = blocks.RichTextBlock(
        label=_("Question"),
        features=PROMPT_FEATURES,
        help_text=_("Mark the gap with ___ (three underscores)."),
    )
    accepted_answers = blocks.ListBlock(
        blocks.CharBlock(label=_("Accepted answer"), max_length=200, required=False),
        label=_("Accepted answers"),
        help_text=_("Every spelling that counts as correct."),
    )
    case_sensitive = blocks.BooleanBlock(label=_("Case-sensitive"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:  # saving a draft: finish it later
            return value
        if not any((answer or "").strip() for answer in value["accepted_answers"]):
            raise non_block_error(_("Enter at least one accepted answer."))
        return value

    class Meta:
        icon = "edit"
        label = _("Fill in the blank")


def normalise_text(text: str, case_sensitive: bool) -> str:
    """Trim and collapse whitespace; fold case unless the question is case-sensitive."""
    text = _WHITESPACE.sub(" ", text or "").strip()
    return text if case_sensitive else text.casefold()


class FillInBlank(QuestionType):
    name = "fill_in_blank"
    order = 60
    block = FillInBlankQuestionBlock
    template = "quizzes/question_types/fill_in_blank.html"
    free_text = True

    def resolve(self, question, value, *, strict):
        value = single_value(value)
        if value is None:
            return None
        if not isinstance(value, str):
            raise InvalidAnswers(_("The answer must be text."))
        if len(value) > MAX_TEXT_ANSWER_LENGTH:
            raise InvalidAnswers(
                _("The answer may be at most %(max)s characters long.")
                % {"max": MAX_TEXT_ANSWER_LENGTH}
            )
        return value

    def grade(self, data: dict, text: str | None) -> GradeResult:
        """Full points if the text equals an accepted variant after normalising.

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
        return graded(data, Decimal(1 if given and given in accepted else 0), [])

    def form_fields(self, entry, value):
        return {
            "text_value": value if isinstance(value, str) else "",
            "max_length": MAX_TEXT_ANSWER_LENGTH,
        }

    def correct_texts(self, data):
        return [a for _i, a in list_items(data.get("accepted_answers") or []) if a]


QUESTION_TYPE = FillInBlank()
