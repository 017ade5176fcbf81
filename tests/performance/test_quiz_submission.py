"""A quiz submission: one short transaction, one row lock, at most ten queries.

The attempt row is the one lock; progress and completion change by conditional
UPDATEs; a module already completed is not settled again; the xAPI statement is
recorded after commit, and the result page is right at once.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from certificates.models import Certificate
from content_packages.models import Statement, StatementSource
from courses import services
from courses.models import Enrollment, EnrollmentStatus, ModuleProgress, ModuleStatus
from quizzes.models import Attempt, AttemptStatus
from quizzes.services import start_or_resume_attempt, submit_attempt
from tests.factories import make_certificate_template, make_course
from tests.quizzes.conftest import correct_answers, publish_quiz, wrong_answers

pytestmark = pytest.mark.django_db

SUBMIT_QUERIES = 10
# The test's own transaction turns the submission's into a savepoint: two
# statements (SAVEPOINT, RELEASE) a server does not run; counted apart.
SAVEPOINTS = 2
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")


@pytest.fixture
def quiz_course(course_index):
    course = make_course(
        course_index, modules=2, certificate_template=make_certificate_template()
    )
    first, last = (m.specific for m in course.get_modules())
    last.completion_viewed = False
    last.completion_quiz_passed = True
    last.save_revision().publish()
    return course, first, last, publish_quiz(last)


def _ready(learner, course, first, last, *, first_done=True):
    """Enrolled, the first module done, the quiz's module opened (its visit post)."""
    services.enrol(learner, course)
    if first_done:
        services.complete_module(learner, first)
    services.record_module_viewed(learner, last)


def _warm_up(someone, course, first, last, quiz) -> None:
    """Another learner's submission fills the caches a running server has warm
    (the quiz's module, its completion plan)."""
    _ready(someone, course, first, last, first_done=False)
    attempt = start_or_resume_attempt(someone, quiz)
    submit_attempt(attempt, someone, wrong_answers(attempt))


def _statements(queries) -> list[str]:
    """The queries a server runs: without the test transaction's savepoints."""
    savepoint = re.compile(r"^\s*(SAVEPOINT|RELEASE SAVEPOINT)\b", re.IGNORECASE)
    return [q["sql"] for q in queries if not savepoint.match(q["sql"])]


def _locks(queries) -> int:
    return sum(1 for q in queries if "FOR UPDATE" in q["sql"].upper())


@pytest.mark.parametrize("outcome", ["passed", "failed"])
def test_a_submission_runs_at_most_ten_queries_and_one_lock(
    learner,
    other_learner,
    quiz_course,
    django_assert_max_num_queries,
    outcome,
):
    """Passing completes the module (the course stays open: its first module is
    not done); failing records the score. Both in one transaction."""
    course, first, last, quiz = quiz_course
    _warm_up(other_learner, course, first, last, quiz)
    _ready(learner, course, first, last, first_done=False)
    attempt = start_or_resume_attempt(learner, quiz)
    answers = (correct_answers if outcome == "passed" else wrong_answers)(attempt)
    with django_assert_max_num_queries(SUBMIT_QUERIES + SAVEPOINTS) as captured:
        submitted = submit_attempt(attempt, learner, answers)
    assert len(_statements(captured.captured_queries)) <= SUBMIT_QUERIES
    assert submitted.passed is (outcome == "passed")
    if connection.features.has_select_for_update:
        assert _locks(captured.captured_queries) == 1
    progress = ModuleProgress.objects.get(
        enrollment__user=learner, module_key=last.translation_key
    )
    expected = (
        ModuleStatus.COMPLETED if outcome == "passed" else ModuleStatus.IN_PROGRESS
    )
    assert progress.status == expected


def test_submitting_again_after_completion_does_not_complete_again(
    learner, other_learner, quiz_course, django_assert_max_num_queries
):
    course, first, last, quiz = quiz_course
    _warm_up(other_learner, course, first, last, quiz)
    _ready(learner, course, first, last)
    submit_attempt(
        start_or_resume_attempt(learner, quiz),
        learner,
        correct_answers(start_or_resume_attempt(learner, quiz)),
    )
    progress = ModuleProgress.objects.get(
        enrollment__user=learner, module_key=last.translation_key
    )
    enrollment = Enrollment.objects.get(user=learner)
    assert enrollment.status == EnrollmentStatus.COMPLETED
    assert Certificate.objects.count() == 1

    second = start_or_resume_attempt(learner, quiz)
    with django_assert_max_num_queries(SUBMIT_QUERIES + SAVEPOINTS) as captured:
        submit_attempt(second, learner, wrong_answers(second))
    assert len(_statements(captured.captured_queries)) <= SUBMIT_QUERIES
    updates = [q["sql"] for q in captured.captured_queries if WRITE.match(q["sql"])]
    assert not any("courses_enrollment" in sql for sql in updates)
    assert not any('"status"' in sql for sql in updates if "moduleprogress" in sql)
    again = ModuleProgress.objects.get(pk=progress.pk)
    assert again.completed_at == progress.completed_at  # not re-completed
    assert again.best_quiz_score_percent == 100  # the failed attempt keeps the best
    assert Enrollment.objects.get(user=learner).completed_at == enrollment.completed_at
    assert Certificate.objects.count() == 1


def test_resubmitting_the_same_attempt_writes_nothing(learner, quiz_course):
    course, first, last, quiz = quiz_course
    _ready(learner, course, first, last)
    attempt = start_or_resume_attempt(learner, quiz)
    answers = correct_answers(attempt)
    stored = submit_attempt(attempt, learner, answers)
    progress = ModuleProgress.objects.get(module_key=last.translation_key)
    statements = Statement.objects.count()

    with CaptureQueriesContext(connection) as captured:
        again = submit_attempt(attempt, learner, wrong_answers(attempt))
    assert [q["sql"] for q in captured.captured_queries if WRITE.match(q["sql"])] == []
    assert again.pk == stored.pk and again.passed and again.score_percent == 100
    assert Attempt.objects.get().answers.count() == len(attempt.presented)
    assert ModuleProgress.objects.get(pk=progress.pk).last_seen_at == (
        progress.last_seen_at
    )
    assert Statement.objects.count() == statements


def test_the_xapi_statement_is_recorded_after_commit(
    learner, quiz_course, django_capture_on_commit_callbacks
):
    course, first, last, quiz = quiz_course
    _ready(learner, course, first, last)
    attempt = start_or_resume_attempt(learner, quiz)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submit_attempt(attempt, learner, correct_answers(attempt))
    assert not Statement.objects.filter(source=StatementSource.QUIZ).exists()
    for callback in callbacks:
        callback()
    statement = Statement.objects.get(source=StatementSource.QUIZ)
    assert statement.success is True


def test_the_result_page_is_right_at_once(client, learner, quiz_course):
    course, first, last, quiz = quiz_course
    _ready(learner, course, first, last)
    attempt = start_or_resume_attempt(learner, quiz)
    submit_attempt(attempt, learner, correct_answers(attempt))
    client.force_login(learner)
    html = client.get(reverse("quizzes:result", args=[attempt.public_id]))
    assert html.status_code == 200
    assert "100" in html.content.decode()
    assert Attempt.objects.get().status == AttemptStatus.SUBMITTED
