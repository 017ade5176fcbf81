"""State changes for quizzes: starting, drafting and submitting attempts.

Learners only ever see per-attempt opaque tokens; this module maps them back to
block ids, grades on the server and reports the result to the course.
"""

from __future__ import annotations

import json
import math
import random
from contextlib import suppress
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from pages.cache import cached

from . import question_types
from .bank.services import bank_question_count, bank_questions_for, snapshot
from .grading import score_percent
from .models import Attempt, AttemptAnswer, AttemptStatus, QuizPage
from .question_types import Draw, InvalidAnswers


class AttemptNotAllowed(ValidationError):
    """The learner may not start (or change) an attempt right now."""


# --- starting -------------------------------------------------------------------


def _json(value: Any) -> Any:
    """Round-trip through JSON so Decimals and lazy values become plain data."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def present_questions(quiz: QuizPage, rng: random.Random) -> list[dict]:
    """Draw, shuffle and tokenise the quiz's questions for one attempt.

    Each type adds its options' tokens (``QuestionType.present``); every
    shuffle is uniform, so the order shown says nothing about the solution.
    """
    draw = Draw(rng, shuffle_options=quiz.shuffle_options)
    children = list(quiz.questions)
    if quiz.draw_count and quiz.draw_count < len(children):
        drawn = set(rng.sample(range(len(children)), quiz.draw_count))
        children = [child for i, child in enumerate(children) if i in drawn]
    entries: list[dict[str, Any]] = [
        {
            "question_id": child.id,
            "type": child.block_type,
            "data": _json(child.block.get_prep_value(child.value)),
        }
        for child in children
    ]
    # The bank's fixed questions and each learner's own random draws.
    entries += [entry for q in bank_questions_for(quiz, rng) if (entry := snapshot(q))]
    if quiz.shuffle_questions:
        entries = draw.shuffled(entries)
    presented = []
    for entry in entries:
        entry["token"] = draw.token()
        entry.update(question_types.get(entry["type"]).present(entry["data"], draw))
        presented.append(entry)
    return presented


def _check_may_start(user, quiz: QuizPage, submitted: list[Attempt]) -> None:
    from courses.models import CoursePage
    from courses.services import course_of, get_active_enrollment

    try:
        course = course_of(quiz)
    except CoursePage.DoesNotExist:
        course = None
    if course is None or get_active_enrollment(user, course) is None:
        raise AttemptNotAllowed(
            _("Please enrol in the course before starting this quiz."),
            code="not_enrolled",
        )
    if not len(quiz.questions) and not bank_question_count(quiz):
        raise AttemptNotAllowed(_("This quiz has no questions yet."), code="empty")
    if quiz.max_attempts and len(submitted) >= quiz.max_attempts:
        raise AttemptNotAllowed(
            _("You have used all %(count)s attempts for this quiz.")
            % {"count": quiz.max_attempts},
            code="attempt_limit",
        )
    next_start = next_attempt_allowed_at(quiz, submitted)
    if next_start is not None:
        minutes = math.ceil((next_start - timezone.now()).total_seconds() / 60)
        raise AttemptNotAllowed(
            ngettext(
                "You can start the next attempt in %(minutes)s minute.",
                "You can start the next attempt in %(minutes)s minutes.",
                minutes,
            )
            % {"minutes": minutes},
            code="waiting_time",
        )


def next_attempt_allowed_at(quiz: QuizPage, submitted: list[Attempt]):
    """When the waiting time after the latest submission ends, or None if over."""
    if not quiz.wait_minutes_between_attempts or not submitted:
        return None
    latest = max(a.submitted_at for a in submitted if a.submitted_at)
    allowed_at = latest + timedelta(minutes=quiz.wait_minutes_between_attempts)
    return allowed_at if allowed_at > timezone.now() else None


def attempts_in_any_language(user, quiz: QuizPage):
    """A learner's attempts at this quiz and its translations.

    Limits count across languages, so switching language gives no extra tries.
    """
    return Attempt.objects.filter(
        user=user, quiz__translation_key=quiz.translation_key
    ).order_by("number")


def start_or_resume_attempt(user, quiz: QuizPage) -> Attempt:
    """Return the learner's open attempt, or start a new one if they may.

    Raises ``AttemptNotAllowed`` (a ValidationError) with a translatable message
    when the learner is not enrolled, has no attempts left or must wait.
    """
    with transaction.atomic():
        # Serialise starts per learner so a double click cannot open two attempts.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        attempts = list(attempts_in_any_language(user, quiz))
        submitted = [a for a in attempts if a.status == AttemptStatus.SUBMITTED]
        _check_may_start(user, quiz, submitted)
        for attempt in attempts:
            if attempt.status == AttemptStatus.IN_PROGRESS:
                return attempt
        number = max((a.number for a in attempts), default=0) + 1
        try:
            with transaction.atomic():
                return Attempt.objects.create(
                    user=user,
                    quiz=quiz,
                    number=number,
                    page_revision_id=quiz.live_revision_id,
                    presented=present_questions(quiz, random.SystemRandom()),
                )
        except IntegrityError:
            return Attempt.objects.get(
                user=user, quiz=quiz, status=AttemptStatus.IN_PROGRESS
            )


# --- answers --------------------------------------------------------------------


def resolve_responses(
    presented: list[dict], data: Any, *, strict: bool
) -> dict[str, Any]:
    """Translate token-keyed form data into block-id responses for grading.

    ``data`` maps question tokens to: an option token (single choice, true/false),
    a list of option tokens (multiple choice), ``{left token: right token}``
    (matching), ``{item token: position}`` (ordering) or text (fill in the blank).
    Any unknown token or malformed value raises ``InvalidAnswers`` listing every
    problem; each error about a question carries its number in ``params``.
    ``strict`` (on submission) also rejects a position used twice.
    """
    if not isinstance(data, dict):
        raise InvalidAnswers([_("The answers could not be read.")], code="malformed")
    questions = {entry["token"]: entry for entry in presented}
    numbers = {entry["token"]: n for n, entry in enumerate(presented, start=1)}
    errors: list = []
    resolved: dict[str, Any] = {}

    for token, value in data.items():
        question = questions.get(token)
        if question is None:
            errors.append(
                _("The answers refer to a question that is not in this attempt.")
            )
            continue
        number = numbers[token]
        try:
            response = _resolve_one(question, value, strict=strict)
        except InvalidAnswers as error:
            errors.extend(
                ValidationError(
                    _("Question %(number)s: %(error)s"),
                    code="invalid_answer",
                    params={"number": number, "error": message},
                )
                for message in error.messages
            )
            continue
        if response is not None:
            resolved[question["question_id"]] = response
    if errors:
        raise InvalidAnswers(errors, code="invalid")
    return resolved


def _resolve_one(question: dict, value: Any, *, strict: bool) -> Any:
    question_type = question_types.find(question["type"])
    if question_type is None:
        raise InvalidAnswers(_("This question type is not supported."))
    return question_type.resolve(question, value, strict=strict)


def _clean_draft(presented: list[dict], data: dict) -> dict:
    """Keep only the parts of ``data`` that resolve, in token form, for refilling."""
    resolve_responses(presented, data, strict=False)
    return _json(data)


def _owned_open_attempt(attempt: Attempt, user) -> Attempt:
    locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
    if locked.user_id != user.pk:
        raise PermissionDenied
    return locked


def save_draft(attempt: Attempt, user, data: dict) -> Attempt:
    """Store unfinished answers so the learner can resume; grades nothing."""
    with transaction.atomic():
        locked = _owned_open_attempt(attempt, user)
        if locked.is_submitted:
            raise AttemptNotAllowed(
                _("This attempt has already been submitted."), code="submitted"
            )
        locked.draft_answers = _clean_draft(locked.presented, data)
        locked.draft_saved_at = timezone.now()
        locked.save(update_fields=["draft_answers", "draft_saved_at"])
    return locked


def _module_of(quiz: QuizPage):
    """The module a quiz ends: its parent by tree path, cached under the content
    version (which moving or publishing pages bumps)."""
    from courses.models import ModulePage

    def lookup():
        parent_path = quiz.path[: -quiz.steplen]
        return (
            ModulePage.objects.filter(path=parent_path).select_related("locale").first()
            or quiz.get_parent().specific
        )

    return cached(f"module-of-quiz:{quiz.pk}", lookup)


SUBMITTED_FIELDS = (
    "score_points",
    "max_points",
    "score_percent",
    "passed",
    "status",
    "submitted_at",
    "draft_answers",
)


def submit_attempt(attempt: Attempt, user, data: dict) -> Attempt:
    """Grade and close the attempt, then report the result to the course.

    Submitting an already submitted attempt returns the stored result unchanged;
    invalid data raises ``InvalidAnswers`` before anything is written.
    """
    with transaction.atomic():
        locked = _owned_open_attempt(attempt, user)
        if locked.is_submitted:
            return locked
        responses = resolve_responses(locked.presented, data, strict=True)

        answers = []
        total = Decimal(0)
        maximum = Decimal(0)
        for question in locked.presented:
            response = responses.get(question["question_id"])
            result = question_types.grade(question["type"], question["data"], response)
            total += result.points_awarded
            maximum += result.max_points
            answers.append(
                AttemptAnswer(
                    attempt=locked,
                    question_id=question["question_id"],
                    response=response,
                    points_awarded=result.points_awarded,
                    max_points=result.max_points,
                    is_correct=result.is_correct,
                    feedback=result.feedback,
                )
            )
        AttemptAnswer.objects.bulk_create(answers)

        quiz = locked.quiz = attempt.quiz  # the same row, already loaded
        locked.score_points = total
        locked.max_points = maximum
        locked.score_percent = score_percent(total, maximum)
        locked.passed = locked.score_percent >= quiz.pass_mark_percent
        locked.status = AttemptStatus.SUBMITTED
        locked.submitted_at = timezone.now()
        locked.draft_answers = _json(data)
        # Exactly the fields that change, on the row this transaction locked.
        Attempt.objects.filter(pk=locked.pk).update(
            **{field: getattr(locked, field) for field in SUBMITTED_FIELDS}
        )

        from courses.services import NotEnrolled, record_quiz_result

        # Withdrawn while answering: the attempt still counts, progress does not.
        with suppress(NotEnrolled):
            record_quiz_result(
                user,
                _module_of(quiz),
                passed=locked.passed,
                score_percent=locked.score_percent,
            )
    return locked
