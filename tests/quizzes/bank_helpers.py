"""Builders for the question bank tests: teams, categories and bank questions."""

from __future__ import annotations

from quizzes.bank.models import BankQuestion, QuestionCategory
from tests.quizzes.conftest import single_choice


def make_category(collection, name: str = "Grundlagen") -> QuestionCategory:
    return QuestionCategory.objects.create(name=name, collection=collection)


def make_bank_question(category, block: dict | None = None, title=None):
    """A bank question holding one block (a conftest builder's dict), one revision."""
    block = block or single_choice(qid=f"bq-{BankQuestion.objects.count()}")
    question = BankQuestion(
        title=title or f"Frage {BankQuestion.objects.count() + 1}",
        category=category,
        body=[{"type": block["type"], "value": block["value"]}],
    )
    question.full_clean()
    question.save()
    question.save_revision()
    return question


def draw(category, count: int) -> list[dict]:
    return [{"type": "bank_draw", "value": {"category": category.pk, "count": count}}]


def fixed(question) -> list[dict]:
    return [{"type": "bank_question", "value": {"question": question.pk}}]
