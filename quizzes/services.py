"""State changes for quizzes: starting, drafting and submitting attempts.

Learners only ever see per-attempt opaque tokens; this module maps them back to
block ids, grades on the server and reports the result to the course.
"""

from __future__ import annotations

import json
import math
import random
import secrets
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

from .grading import grade_question, score_percent
from .models import Attempt, AttemptAnswer, AttemptStatus, QuizPage

MAX_TEXT_ANSWER_LENGTH = 500
LIST_SECTIONS = {
    "single_choice": "options",
    "multiple_choice": "options",
    "matching": "pairs",
    "ordering": "items",
}


class AttemptNotAllowed(ValidationError):
    """The learner may not start (or change) an attempt right now."""


class InvalidAnswers(ValidationError):
    """Submitted data does not fit the attempt; nothing was saved."""


# --- starting -------------------------------------------------------------------


def _new_token(used: set[str]) -> str:
    while True:
        token = secrets.token_hex(6)
        if token not in used:
            used.add(token)
            return token


def _shuffled(rng: random.Random, items: list) -> list:
    """A shuffled copy, every order equally likely, the original one included.

    Excluding the original order would give the answer away: with two items the
    only order left is the reverse of the solution.
    """
    result = list(items)
    rng.shuffle(result)
    return result


def _json(value: Any) -> Any:
    """Round-trip through JSON so Decimals and lazy values become plain data."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def present_questions(quiz: QuizPage, rng: random.Random) -> list[dict]:
    """Draw, shuffle and tokenise the quiz's questions for one attempt.

    Matching answers and ordering items are always shuffled (their stored order
    is the solution), uniformly, so the order shown says nothing about it;
    options follow ``shuffle_options``.
    """
    children = list(quiz.questions)
    if quiz.draw_count and quiz.draw_count < len(children):
        drawn = set(rng.sample(range(len(children)), quiz.draw_count))
        children = [child for i, child in enumerate(children) if i in drawn]
    if quiz.shuffle_questions:
        children = _shuffled(rng, children)

    used: set[str] = set()
    presented = []
    for child in children:
        data = _json(child.block.get_prep_value(child.value))
        entry: dict[str, Any] = {
            "question_id": child.id,
            "token": _new_token(used),
            "type": child.block_type,
            "data": data,
        }
        kind = child.block_type
        if kind in ("single_choice", "multiple_choice"):
            ids = [item["id"] for item in data["options"]]
            if quiz.shuffle_options:
                ids = _shuffled(rng, ids)
            entry["choices"] = [{"token": _new_token(used), "id": i} for i in ids]
        elif kind == "true_false":
            entry["choices"] = [
                {"token": _new_token(used), "value": True},
                {"token": _new_token(used), "value": False},
            ]
        elif kind == "matching":
            ids = [item["id"] for item in data["pairs"]]
            lefts = _shuffled(rng, ids) if quiz.shuffle_options else ids
            entry["lefts"] = [{"token": _new_token(used), "id": i} for i in lefts]
            rights = _shuffled(rng, lefts)
            entry["rights"] = [{"token": _new_token(used), "id": i} for i in rights]
        elif kind == "ordering":
            ids = [item["id"] for item in data["items"]]
            entry["items"] = [
                {"token": _new_token(used), "id": i} for i in _shuffled(rng, ids)
            ]
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
    if not len(quiz.questions):
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


def _by_token(entries: list[dict]) -> dict[str, dict]:
    return {entry["token"]: entry for entry in entries}


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
    questions = _by_token(presented)
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


def _single(value: Any) -> Any:
    if isinstance(value, list):
        if len(value) > 1:
            raise InvalidAnswers(_("Choose only one answer."), code="too_many")
        return value[0] if value else None
    return value


def _resolve_one(question: dict, value: Any, *, strict: bool) -> Any:
    kind = question["type"]
    unknown = InvalidAnswers(_("This answer is not one of the options."))
    if kind in ("single_choice", "true_false"):
        value = _single(value)
        if value in (None, ""):
            return None
        choices = _by_token(question["choices"])
        if not isinstance(value, str) or value not in choices:
            raise unknown
        choice = choices[value]
        return choice["value"] if kind == "true_false" else choice["id"]
    if kind == "multiple_choice":
        values = value if isinstance(value, list) else [value]
        choices = _by_token(question["choices"])
        if not all(isinstance(v, str) and v in choices for v in values):
            raise unknown
        return [choices[v]["id"] for v in dict.fromkeys(values)]
    if kind == "matching":
        return _resolve_mapping(question, value, _resolve_match)
    if kind == "ordering":
        return _resolve_mapping(question, value, _resolve_position, strict=strict)
    if kind == "fill_in_blank":
        value = _single(value)
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
    raise InvalidAnswers(_("This question type is not supported."))


def _resolve_mapping(question: dict, value: Any, resolve_item, strict=False) -> dict:
    if not isinstance(value, dict):
        raise InvalidAnswers(_("The answer could not be read."))
    keys = _by_token(
        question["lefts"] if question["type"] == "matching" else question["items"]
    )
    result = {}
    for key, item_value in value.items():
        if key not in keys:
            raise InvalidAnswers(_("This answer is not one of the options."))
        item_value = _single(item_value)
        if item_value in (None, ""):
            continue
        result[keys[key]["id"]] = resolve_item(question, item_value)
    if strict and question["type"] == "ordering":
        positions = list(result.values())
        if len(set(positions)) != len(positions):
            raise InvalidAnswers(_("Each position may be used only once."))
    return result


def _resolve_match(question: dict, value: Any) -> str:
    rights = _by_token(question["rights"])
    if not isinstance(value, str) or value not in rights:
        raise InvalidAnswers(_("This answer is not one of the options."))
    return rights[value]["id"]


def _resolve_position(question: dict, value: Any) -> int:
    try:
        position = int(value)
    except (TypeError, ValueError):
        position = 0
    if isinstance(value, bool) or not 1 <= position <= len(question["items"]):
        raise InvalidAnswers(_("Choose a position from the list."))
    return position


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
    """The module a quiz ends, in one query (its parent by tree path)."""
    from courses.models import ModulePage

    parent_path = quiz.path[: -quiz.steplen]
    return (
        ModulePage.objects.filter(path=parent_path).first()
        or quiz.get_parent().specific
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
            result = grade_question(question["type"], question["data"], response)
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
        locked.save()

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
