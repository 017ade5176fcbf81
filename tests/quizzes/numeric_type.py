"""A seventh question type that lives only in the tests: a number within a tolerance.

It exists to show that a type is one module: block, presentation, answer
parsing, grading and template name, and nothing anywhere else.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from wagtail import blocks

from quizzes.grading import graded
from quizzes.question_types.base import (
    InvalidAnswers,
    QuestionBlock,
    QuestionType,
    single_value,
)


class NumericQuestionBlock(QuestionBlock):
    answer = blocks.DecimalBlock(label="Correct number")
    tolerance = blocks.DecimalBlock(label="Tolerance", default=Decimal(0))

    class Meta:
        label = "Number"


class Numeric(QuestionType):
    name = "numeric"
    order = 70
    block = NumericQuestionBlock
    template = "quizzes/question_types/fill_in_blank.html"  # a text field will do

    def resolve(self, question, value, *, strict):
        value = single_value(value)
        if value in (None, ""):
            return None
        try:
            number = Decimal(str(value).replace(",", "."))
        except InvalidOperation:
            raise InvalidAnswers("Enter a number.") from None
        return str(number)

    def grade(self, data, response):
        if response is None:
            return graded(data, Decimal(0), [])
        distance = abs(Decimal(response) - Decimal(str(data["answer"])))
        right = distance <= Decimal(str(data.get("tolerance") or 0))
        return graded(data, Decimal(1 if right else 0), [])

    def form_fields(self, entry, value):
        return {"text_value": value if isinstance(value, str) else "", "max_length": 20}

    def correct_texts(self, data):
        return [str(data["answer"])]


QUESTION_TYPE = Numeric()
