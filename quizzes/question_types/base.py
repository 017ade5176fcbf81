"""What every question type shares: its base block, the contract and small helpers.

A question type turns a block's stored data into what one attempt shows (tokens
only), reads the learner's answer back into block ids, grades it and says it in
words. ``quizzes.services``, ``quizzes.presentation`` and ``reports`` call these
methods through the registry and never ask for a type by name.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from ..grading import GradeResult, list_items

PROMPT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
BLOCK_TEMPLATE = "quizzes/blocks/question.html"


class InvalidAnswers(ValidationError):
    """Submitted data does not fit the attempt; nothing was saved."""


def non_block_error(message) -> StructBlockValidationError:
    return StructBlockValidationError(
        non_block_errors=ErrorList([ValidationError(message)])
    )


class QuestionBlock(blocks.StructBlock):
    """Fields every question type shares: prompt, points and general feedback."""

    prompt = blocks.RichTextBlock(
        label=_("Question"), features=PROMPT_FEATURES, help_text=_("The question.")
    )
    points = blocks.DecimalBlock(
        label=_("Points"),
        default=Decimal("1"),
        min_value=0,
        max_digits=6,
        decimal_places=2,
    )
    general_feedback = blocks.TextBlock(
        label=_("General feedback"),
        required=False,
        help_text=_("Shown after submission, if the quiz shows correct answers."),
    )

    class Meta:
        icon = "help"
        template = BLOCK_TEMPLATE


@dataclass
class Draw:
    """One attempt's randomness and its tokens, shared by all its questions.

    Shuffles are uniform over every order, the original one included: excluding
    it would give the answer away (with two items only the reverse is left).
    """

    rng: random.Random
    shuffle_options: bool
    used: set[str] = field(default_factory=set)

    def token(self) -> str:
        while True:
            token = secrets.token_hex(6)
            if token not in self.used:
                self.used.add(token)
                return token

    def shuffled(self, items: list) -> list:
        result = list(items)
        self.rng.shuffle(result)
        return result

    def tokens_for(self, ids: list) -> list[dict]:
        return [{"token": self.token(), "id": i} for i in ids]


class QuestionType:
    """The contract of one question type; subclasses live one per module here.

    ``parts`` names the presented list answered one field each (matching's
    left items, ordering's items); ``multiple`` marks an answer of several
    values (multiple choice); ``free_text`` an answer the learner typed.
    """

    name: ClassVar[str]
    order: ClassVar[int]
    block: ClassVar[type[QuestionBlock]]
    template: ClassVar[str]
    parts: ClassVar[str | None] = None
    multiple: ClassVar[bool] = False
    free_text: ClassVar[bool] = False

    def present(self, data: dict, draw: Draw) -> dict:
        """Extra keys of the attempt's snapshot entry (tokens for the options)."""
        return {}

    def resolve(self, question: dict, value: Any, *, strict: bool) -> Any:
        """The form value (tokens) as a response in block ids, or None if empty."""
        raise NotImplementedError

    def empty_response(self) -> Any:
        return None

    def grade(self, data: dict, response: Any) -> GradeResult:
        raise NotImplementedError

    def form_fields(self, entry: dict, value: Any) -> dict:
        """Template values of the field, prefilled from a draft's ``value``."""
        return {}

    def first_input_id(self, question: dict) -> str:
        """The id of the field's first input: where an error summary sends focus."""
        return question["name"]

    def response_texts(self, data: dict, response: Any) -> list[str]:
        """The learner's answer as readable lines, nothing about correctness."""
        return [str(response)]

    def correct_texts(self, data: dict) -> list[str]:
        raise NotImplementedError

    def option_labels(self, value) -> list[tuple[Any, str]]:
        """(response value, label) of each option, for counting choices in reports."""
        return []


# --- helpers for the types ---------------------------------------------------------


def field_name(question_token: str, sub_token: str | None = None) -> str:
    return f"q_{question_token}_{sub_token}" if sub_token else f"q_{question_token}"


def texts(data: dict, section: str) -> dict[str, Any]:
    """Block id -> value of one of the question's stored lists."""
    return dict(list_items(data.get(section) or []))


def by_token(entries: list[dict]) -> dict[str, dict]:
    return {entry["token"]: entry for entry in entries}


def single_value(value: Any) -> Any:
    if isinstance(value, list):
        if len(value) > 1:
            raise InvalidAnswers(_("Choose only one answer."), code="too_many")
        return value[0] if value else None
    return value


def not_an_option() -> InvalidAnswers:
    return InvalidAnswers(_("This answer is not one of the options."))


def resolve_parts(parts: list[dict], value: Any, resolve_item) -> dict:
    """``{part token: value}`` as ``{part id: resolve_item(value)}``; empty parts go."""
    if not isinstance(value, dict):
        raise InvalidAnswers(_("The answer could not be read."))
    keys = by_token(parts)
    result = {}
    for key, item_value in value.items():
        if key not in keys:
            raise not_an_option()
        item_value = single_value(item_value)
        if item_value in (None, ""):
            continue
        result[keys[key]["id"]] = resolve_item(item_value)
    return result
