"""Bank questions into attempts, and bank questions written (by hand or by import).

``present_bank_questions`` runs when an attempt starts: fixed questions and each
draw's random picks become snapshot entries like the quiz's own questions, with
the bank question and revision they came from, so grading and review read them
from the attempt and later edits change nothing.
"""

from __future__ import annotations

import json
import random
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from .models import BankQuestion, QuestionCategory


def question_id(question: BankQuestion) -> str:
    """The attempt's id of a bank question: the same in every attempt and quiz."""
    return f"bank-{question.pk}"


def snapshot(question: BankQuestion) -> dict[str, Any] | None:
    """The question's type and stored value as an attempt keeps them."""
    child = question.question
    if child is None:
        return None
    data = json.loads(
        json.dumps(child.block.get_prep_value(child.value), cls=DjangoJSONEncoder)
    )
    return {
        "question_id": question_id(question),
        "type": child.block_type,
        "data": data,
        "bank_question": question.pk,
        "bank_revision": question.latest_revision_id,
    }


def draw_from(
    category_id: int | None, count: int, rng: random.Random, exclude: set[int]
) -> list[BankQuestion]:
    """``count`` random questions of the category (fewer if it has fewer)."""
    pool = list(
        BankQuestion.objects.filter(category_id=category_id)
        .exclude(pk__in=exclude)
        .order_by("pk")
    )
    return rng.sample(pool, min(count, len(pool)))


def bank_questions_for(quiz, rng: random.Random) -> list[BankQuestion]:
    """The quiz's bank questions for one attempt: fixed ones, then the draws."""
    items = list(quiz.bank_questions or [])
    # Fixed questions read afresh: the stream may hold instances loaded earlier.
    wanted = [
        child.value["question"].pk
        for child in items
        if child.block_type == "bank_question" and child.value["question"] is not None
    ]
    current = BankQuestion.objects.in_bulk(wanted)
    chosen: list[BankQuestion] = []
    taken: set[int] = set()
    for pk in wanted:
        if pk in current and pk not in taken:
            chosen.append(current[pk])
            taken.add(pk)
    for child in items:
        if child.block_type != "bank_draw" or child.value["category"] is None:
            continue
        drawn = draw_from(
            child.value["category"].pk, child.value["count"] or 0, rng, taken
        )
        chosen.extend(drawn)
        taken.update(q.pk for q in drawn)
    return chosen


def bank_question_count(quiz) -> int:
    """How many bank questions one attempt gets at most (for the quiz's checks)."""
    total = 0
    for child in quiz.bank_questions or []:
        if child.block_type == "bank_question":
            total += child.value["question"] is not None
        elif child.value["category"] is not None:
            available = BankQuestion.objects.filter(
                category_id=child.value["category"].pk
            ).count()
            total += min(child.value["count"] or 0, available)
    return total


def short_draws(quiz) -> list[tuple[str, int, int]]:
    """(category, wanted, available) of each draw that asks for more than there is."""
    short = []
    for child in quiz.bank_questions or []:
        if child.block_type != "bank_draw" or child.value["category"] is None:
            continue
        category = child.value["category"]
        available = BankQuestion.objects.filter(category_id=category.pk).count()
        if (child.value["count"] or 0) > available:
            short.append((str(category), child.value["count"], available))
    return short


def save_questions(category: QuestionCategory, parsed: list, user=None) -> list:
    """Store parsed questions in the category, all or nothing, one revision each.

    ``parsed`` holds objects with ``title``, ``type``, ``value`` (the block's
    raw value) and ``tags``; every value is checked by its type's block first.
    """
    with transaction.atomic():
        saved = []
        for item in parsed:
            question = BankQuestion(
                title=item.title[:255],
                category=category,
                body=[{"type": item.type, "value": item.value}],
            )
            question.full_clean()
            question.save()
            if item.tags:
                question.tags.set(item.tags)
                question.save()
            question.save_revision(user=user)
            saved.append(question)
    return saved
