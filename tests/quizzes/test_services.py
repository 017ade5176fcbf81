"""Attempt rules: enrolment, limits, waiting time, drafts, submission and grading."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from courses.models import ModuleProgress, ModuleStatus
from quizzes.models import Attempt, AttemptAnswer, AttemptStatus
from quizzes.services import (
    AttemptNotAllowed,
    InvalidAnswers,
    save_draft,
    start_or_resume_attempt,
    submit_attempt,
)

from .conftest import (
    correct_answers,
    matching,
    ordering,
    single_choice,
    wrong_answers,
)

pytestmark = pytest.mark.django_db


def test_learner_not_enrolled_cannot_start(learner, quiz):
    with pytest.raises(AttemptNotAllowed) as error:
        start_or_resume_attempt(learner, quiz)
    assert error.value.code == "not_enrolled"
    assert not Attempt.objects.exists()


def test_start_snapshots_questions_with_revision_and_tokens(enrolled, quiz):
    attempt = start_or_resume_attempt(enrolled, quiz)
    assert attempt.number == 1
    assert attempt.status == AttemptStatus.IN_PROGRESS
    assert attempt.page_revision_id == quiz.live_revision_id
    assert [q["question_id"] for q in attempt.presented] == [
        child.id for child in quiz.questions
    ]
    tokens = [q["token"] for q in attempt.presented]
    for q in attempt.presented:
        for key in ("choices", "lefts", "rights", "items"):
            tokens += [entry["token"] for entry in q.get(key, [])]
    assert len(tokens) == len(set(tokens))
    block_ids = {child.id for child in quiz.questions} | {
        item["id"]
        for q in attempt.presented
        for key in ("options", "pairs", "items")
        for item in q["data"].get(key, [])
    }
    assert not set(tokens) & block_ids


def test_open_attempt_is_resumed_with_its_saved_draft(enrolled, quiz):
    attempt = start_or_resume_attempt(enrolled, quiz)
    draft = correct_answers(attempt)
    save_draft(attempt, enrolled, draft)

    resumed = start_or_resume_attempt(enrolled, quiz)

    assert resumed.pk == attempt.pk
    assert resumed.draft_answers == draft
    assert resumed.draft_saved_at is not None
    assert Attempt.objects.count() == 1


def test_correct_submission_passes_and_stores_answers_per_question(enrolled, quiz):
    attempt = start_or_resume_attempt(enrolled, quiz)
    result = submit_attempt(attempt, enrolled, correct_answers(attempt))

    assert result.status == AttemptStatus.SUBMITTED
    assert result.passed is True
    assert result.score_percent == Decimal("100.00")
    assert result.max_points == Decimal("11.00")
    assert result.score_points == Decimal("11.00")
    answers = AttemptAnswer.objects.filter(attempt=result)
    assert answers.count() == 6
    assert all(answer.is_correct for answer in answers)


def test_wrong_submission_fails(enrolled, quiz):
    attempt = start_or_resume_attempt(enrolled, quiz)
    result = submit_attempt(attempt, enrolled, wrong_answers(attempt))
    assert result.score_points == Decimal("0.00")
    assert result.passed is False


def test_unanswered_questions_score_zero_but_submission_is_accepted(enrolled, quiz):
    attempt = start_or_resume_attempt(enrolled, quiz)
    result = submit_attempt(attempt, enrolled, {})
    assert result.is_submitted
    assert result.score_percent == Decimal("0.00")
    assert AttemptAnswer.objects.filter(attempt=result).count() == 6


def test_second_submit_of_same_attempt_changes_nothing(enrolled, quiz):
    attempt = start_or_resume_attempt(enrolled, quiz)
    first = submit_attempt(attempt, enrolled, correct_answers(attempt))
    submitted_at = first.submitted_at

    second = submit_attempt(attempt, enrolled, wrong_answers(attempt))

    assert second.pk == first.pk
    assert second.score_percent == Decimal("100.00")
    assert second.submitted_at == submitted_at
    assert AttemptAnswer.objects.filter(attempt=attempt).count() == 6
    assert all(a.is_correct for a in AttemptAnswer.objects.filter(attempt=attempt))


def test_other_learner_cannot_submit_or_draft_an_attempt(
    enrolled, other_enrolled, quiz
):
    attempt = start_or_resume_attempt(enrolled, quiz)
    with pytest.raises(PermissionDenied):
        submit_attempt(attempt, other_enrolled, correct_answers(attempt))
    with pytest.raises(PermissionDenied):
        save_draft(attempt, other_enrolled, {})
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.IN_PROGRESS
    assert attempt.draft_answers == {}


def test_unknown_tokens_and_too_many_answers_are_rejected_and_nothing_saved(
    enrolled, make_quiz
):
    quiz = make_quiz([single_choice(), matching(), ordering()])
    attempt = start_or_resume_attempt(enrolled, quiz)
    single, match, order = attempt.presented
    data = correct_answers(attempt)
    data[single["token"]] = [c["token"] for c in single["choices"][:2]]
    data[match["token"]] = {match["lefts"][0]["token"]: "IDPAIR-q-match-0"}
    data["not-a-question"] = "x"

    with pytest.raises(InvalidAnswers) as error:
        submit_attempt(attempt, enrolled, data)

    messages = " ".join(error.value.messages)
    assert "Question 1" in messages or "Frage 1" in messages
    assert len(error.value.messages) == 3
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.IN_PROGRESS
    assert not AttemptAnswer.objects.exists()
    assert not ModuleProgress.objects.exists()


def test_duplicate_ordering_positions_are_rejected_on_submit(enrolled, make_quiz):
    quiz = make_quiz([ordering()])
    attempt = start_or_resume_attempt(enrolled, quiz)
    (question,) = attempt.presented
    data = {question["token"]: {item["token"]: 1 for item in question["items"]}}
    with pytest.raises(InvalidAnswers):
        submit_attempt(attempt, enrolled, data)
    # A draft may still hold the unfinished order.
    save_draft(attempt, enrolled, data)
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.IN_PROGRESS


@pytest.mark.parametrize(
    "data",
    [
        "not a dict",
        {"__placeholder__": {"nested": "dict for a choice"}},
        {"__placeholder__": 7},
    ],
)
def test_malformed_data_is_rejected_with_a_clear_error(enrolled, make_quiz, data):
    quiz = make_quiz([single_choice()])
    attempt = start_or_resume_attempt(enrolled, quiz)
    if isinstance(data, dict):
        data = {attempt.presented[0]["token"]: data["__placeholder__"]}
    with pytest.raises(InvalidAnswers) as error:
        submit_attempt(attempt, enrolled, data)
    assert error.value.messages
    attempt.refresh_from_db()
    assert not attempt.is_submitted


def test_attempt_limit_blocks_further_attempts(enrolled, make_quiz):
    quiz = make_quiz([single_choice()], max_attempts=2)
    for _number in range(2):
        attempt = start_or_resume_attempt(enrolled, quiz)
        submit_attempt(attempt, enrolled, {})
    with pytest.raises(AttemptNotAllowed) as error:
        start_or_resume_attempt(enrolled, quiz)
    assert error.value.code == "attempt_limit"
    assert Attempt.objects.filter(user=enrolled).count() == 2


def test_waiting_time_blocks_a_new_attempt_until_it_has_passed(enrolled, make_quiz):
    quiz = make_quiz([single_choice()], wait_minutes_between_attempts=30)
    attempt = start_or_resume_attempt(enrolled, quiz)
    submit_attempt(attempt, enrolled, {})

    with pytest.raises(AttemptNotAllowed) as error:
        start_or_resume_attempt(enrolled, quiz)
    assert error.value.code == "waiting_time"
    assert "30" in error.value.messages[0]

    Attempt.objects.filter(pk=attempt.pk).update(
        submitted_at=timezone.now() - timedelta(minutes=31)
    )
    second = start_or_resume_attempt(enrolled, quiz)
    assert second.number == 2


def test_draw_count_draws_that_many_distinct_questions(enrolled, make_quiz):
    pool = [single_choice(qid=f"q{i}") for i in range(10)]
    quiz = make_quiz(pool, draw_count=3, shuffle_questions=True)
    attempt = start_or_resume_attempt(enrolled, quiz)
    ids = [q["question_id"] for q in attempt.presented]
    assert len(ids) == 3
    assert len(set(ids)) == 3
    assert set(ids) <= {f"q{i}" for i in range(10)}


def test_grading_uses_the_snapshot_even_after_the_quiz_changes(enrolled, make_quiz):
    quiz = make_quiz([single_choice(correct_index=0)])
    attempt = start_or_resume_attempt(enrolled, quiz)
    data = correct_answers(attempt)

    quiz.questions = [single_choice(correct_index=2)]
    quiz.save_revision().publish()

    result = submit_attempt(attempt, enrolled, data)
    assert result.passed


def test_passing_completes_the_module_through_the_course(enrolled, quiz, module):
    attempt = start_or_resume_attempt(enrolled, quiz)
    submit_attempt(attempt, enrolled, correct_answers(attempt))
    progress = ModuleProgress.objects.get(enrollment__user=enrolled)
    assert progress.module_key == module.translation_key
    assert progress.status == ModuleStatus.COMPLETED
    assert progress.best_quiz_score_percent == Decimal("100.00")


def test_failing_records_the_score_but_does_not_complete_the_module(enrolled, quiz):
    attempt = start_or_resume_attempt(enrolled, quiz)
    submit_attempt(attempt, enrolled, wrong_answers(attempt))
    progress = ModuleProgress.objects.get(enrollment__user=enrolled)
    assert progress.status != ModuleStatus.COMPLETED
    assert progress.best_quiz_score_percent == Decimal("0.00")


def test_attempt_limit_counts_attempts_in_every_language(enrolled, make_quiz):
    from wagtail.models import Locale

    quiz = make_quiz([single_choice()], max_attempts=1)
    english = quiz.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    english.save_revision().publish()
    attempt = start_or_resume_attempt(enrolled, quiz)
    submit_attempt(attempt, enrolled, {})

    with pytest.raises(AttemptNotAllowed) as error:
        start_or_resume_attempt(enrolled, english.specific)
    assert error.value.code == "attempt_limit"
