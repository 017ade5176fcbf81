"""Abuse of the learning logic: forged fields, replays and races change nothing.

tests/quizzes/ already proves the service rules one request at a time (second
submit, attempt limit, waiting time, someone else's attempt). These tests add
what a hostile client does over HTTP, and two requests at the same moment.
Quizzes have no deadline setting; the attempt limit and the waiting time are
the limits a submission must respect.
"""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.db import close_old_connections, connection
from django.urls import reverse
from django.utils import timezone

from quizzes.models import Attempt, AttemptAnswer, AttemptStatus
from quizzes.services import (
    AttemptNotAllowed,
    start_or_resume_attempt,
    submit_attempt,
)
from tests.quizzes.conftest import correct_answers, single_choice, wrong_answers

FORGED = {
    "score_percent": "100",
    "score_points": "999",
    "passed": "true",
    "is_correct": "true",
    "status": "submitted",
    "number": "0",
}


def _form(data: dict) -> dict:
    """Token-keyed answers as the attempt form posts them."""
    form = {}
    for token, value in data.items():
        if isinstance(value, dict):
            for inner, answer in value.items():
                form[f"q_{token}_{inner}"] = answer
        else:
            form[f"q_{token}"] = value
    return form


@pytest.mark.django_db
def test_score_pass_and_user_fields_sent_by_the_client_are_ignored(
    client, enrolled, other_learner, make_quiz
):
    strict = make_quiz([single_choice()], pass_mark_percent=100)
    attempt = start_or_resume_attempt(enrolled, strict)
    client.force_login(enrolled)
    response = client.post(
        reverse("quizzes:attempt", args=[attempt.public_id]),
        {
            **_form(wrong_answers(attempt)),
            **FORGED,
            "user": str(other_learner.pk),
            "user_id": str(other_learner.pk),
            "action": "submit",
        },
    )
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.SUBMITTED
    assert attempt.user == enrolled
    assert attempt.passed is False
    assert attempt.score_percent == 0
    assert not Attempt.objects.filter(user=other_learner).exists()


@pytest.mark.django_db
def test_replayed_submit_request_changes_nothing(client, enrolled, make_quiz):
    single = make_quiz([single_choice()])
    attempt = start_or_resume_attempt(enrolled, single)
    client.force_login(enrolled)
    url = reverse("quizzes:attempt", args=[attempt.public_id])
    client.post(url, {**_form(wrong_answers(attempt)), "action": "submit"})
    attempt.refresh_from_db()
    first = (attempt.submitted_at, attempt.score_percent, attempt.passed)
    # The same request again, now with the right answers: refused silently.
    replay = client.post(url, {**_form(correct_answers(attempt)), "action": "submit"})
    draft = client.post(
        reverse("quizzes:save_draft", args=[attempt.public_id]),
        _form(correct_answers(attempt)),
    )
    attempt.refresh_from_db()
    assert replay.status_code == 302
    assert replay["Location"].endswith(
        reverse("quizzes:result", args=[attempt.public_id])
    )
    assert draft.status_code == 409
    assert (attempt.submitted_at, attempt.score_percent, attempt.passed) == first
    assert AttemptAnswer.objects.filter(attempt=attempt).count() == 1


@pytest.mark.django_db
def test_no_new_attempt_beyond_the_limit_or_during_the_wait_over_http(
    client, enrolled, make_quiz
):
    once = make_quiz([single_choice()], max_attempts=1)
    attempt = start_or_resume_attempt(enrolled, once)
    submit_attempt(attempt, enrolled, wrong_answers(attempt))
    client.force_login(enrolled)
    response = client.post(reverse("quizzes:start", args=[once.pk]))
    assert response.status_code == 302
    assert Attempt.objects.filter(user=enrolled, quiz=once).count() == 1

    waiting = make_quiz([single_choice()], wait_minutes_between_attempts=60)
    attempt = start_or_resume_attempt(enrolled, waiting)
    submit_attempt(attempt, enrolled, wrong_answers(attempt))
    client.post(reverse("quizzes:start", args=[waiting.pk]))
    assert Attempt.objects.filter(user=enrolled, quiz=waiting).count() == 1
    # Moving the clock past the wait (as time passing would) allows the next one.
    Attempt.objects.filter(pk=attempt.pk).update(
        submitted_at=timezone.now() - timedelta(minutes=61)
    )
    client.post(reverse("quizzes:start", args=[waiting.pk]))
    assert Attempt.objects.filter(user=enrolled, quiz=waiting).count() == 2


# --- Two requests at the same moment (PostgreSQL) ------------------------------------


def _at_once(*calls) -> list:
    """Run the calls in parallel threads released together; results or errors."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - reported to the test
            results[index] = error
        finally:
            close_old_connections()
            connection.close()

    threads = [
        threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.fixture
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip(
            "Concurrency needs PostgreSQL: SQLite locks the whole database file, so "
            "two requests can never overlap there (run with DATABASE_URL=postgres…)."
        )


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_submits_grade_the_attempt_once(
    postgresql_only, site_root, learner
):
    _quiz, attempt = _quiz_with_open_attempt(learner)
    right, wrong = correct_answers(attempt), wrong_answers(attempt)
    results = _at_once(
        lambda: submit_attempt(Attempt.objects.get(pk=attempt.pk), learner, right),
        lambda: submit_attempt(Attempt.objects.get(pk=attempt.pk), learner, wrong),
    )
    assert not [r for r in results if isinstance(r, Exception)], results
    attempt.refresh_from_db()
    assert AttemptAnswer.objects.filter(attempt=attempt).count() == len(
        attempt.presented
    )
    # Both callers see the one stored result, whichever came first.
    assert {(r.score_percent, r.passed) for r in results} == {
        (attempt.score_percent, attempt.passed)
    }


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_starts_open_one_attempt_within_the_limit(
    postgresql_only, site_root, learner
):
    limited, first = _quiz_with_open_attempt(learner, max_attempts=2)
    submit_attempt(first, learner, wrong_answers(first))
    results = _at_once(
        lambda: start_or_resume_attempt(learner, limited),
        lambda: start_or_resume_attempt(learner, limited),
    )
    assert not [r for r in results if isinstance(r, Exception)], results
    assert results[0].pk == results[1].pk
    assert Attempt.objects.filter(user=learner, quiz=limited).count() == 2
    # The limit is reached now: two more simultaneous starts are both refused.
    submit_attempt(results[0], learner, wrong_answers(results[0]))
    refused = _at_once(
        lambda: start_or_resume_attempt(learner, limited),
        lambda: start_or_resume_attempt(learner, limited),
    )
    assert all(isinstance(r, AttemptNotAllowed) for r in refused), refused
    assert Attempt.objects.filter(user=learner, quiz=limited).count() == 2


def _quiz_with_open_attempt(learner, **settings):
    from courses.models import CourseIndexPage, CoursePage, ModulePage
    from courses.services import enrol
    from quizzes.models import QuizPage

    root = site_root_page()
    index = root.add_child(instance=CourseIndexPage(title="Kurse", slug="kurse"))
    course = index.add_child(
        instance=CoursePage(title="Kurs", slug="kurs", summary="Ein Kurs.")
    )
    lesson = course.add_child(
        instance=ModulePage(title="Modul", slug="modul", body=[("text", "<p>x</p>")])
    )
    new_quiz = lesson.add_child(
        instance=QuizPage(
            title="Quiz",
            slug="quiz",
            questions=[single_choice()],
            pass_mark_percent=50,
            **settings,
        )
    )
    new_quiz.save_revision().publish()
    new_quiz.refresh_from_db()
    enrol(learner, course)
    return new_quiz, start_or_resume_attempt(learner, new_quiz)


def site_root_page():
    from pages.models import HomePage

    return HomePage.objects.first()
