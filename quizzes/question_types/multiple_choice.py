"""Multiple choice: any number of correct options, partial credit."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from ..grading import GradeResult, graded, list_items
from .base import QuestionBlock, by_token, non_block_error, not_an_option
from .single_choice import ChoiceOptionBlock, SingleChoice, option_feedback


class MultipleChoiceQuestionBlock(QuestionBlock):
    """Any number of correct options (at least one); partial credit."""

    options = blocks.ListBlock(ChoiceOptionBlock(), label=_("Options"), min_num=2)

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:  # saving a draft: finish it later
            return value
        if not any(option["is_correct"] for option in value["options"]):
            raise non_block_error(_("Mark at least one option as correct."))
        return value

    class Meta:
        icon = "tasks"
        label = _("Multiple choice")


class MultipleChoice(SingleChoice):
    """Presented, shown and counted like single choice; answered with a list."""

    name = "multiple_choice"
    order = 20
    block = MultipleChoiceQuestionBlock
    template = "quizzes/question_types/multiple_choice.html"
    multiple = True

    def resolve(self, question, value, *, strict):
        values = value if isinstance(value, list) else [value]
        choices = by_token(question["choices"])
        if not all(isinstance(v, str) and v in choices for v in values):
            raise not_an_option()
        return [choices[v]["id"] for v in dict.fromkeys(values)]

    def empty_response(self):
        return []

    def grade(self, data: dict, chosen_ids: list[str]) -> GradeResult:
        """Partial credit: points × max(0, (correct chosen − wrong chosen) / correct).

        Choosing every option therefore scores nothing, and each wrong tick cancels
        a right one.
        """
        options = dict(list_items(data["options"]))
        chosen = [
            option_id for option_id in dict.fromkeys(chosen_ids) if option_id in options
        ]
        correct_ids = {oid for oid, opt in options.items() if opt.get("is_correct")}
        if not correct_ids:
            return graded(data, Decimal(0), option_feedback(options, chosen))
        right = sum(1 for oid in chosen if oid in correct_ids)
        wrong = len(chosen) - right
        share = Decimal(max(0, right - wrong)) / Decimal(len(correct_ids))
        return graded(data, share, option_feedback(options, chosen))


QUESTION_TYPE = MultipleChoice()
