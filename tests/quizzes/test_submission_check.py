"""Before a submission is final the learner sees the open questions and confirms.

Plain form posts, no JavaScript: the first "Submit answers" with gaps saves the
draft and shows the form again with the list of open questions and "Submit
anyway"; only that second press grades the attempt and uses it up.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from courses.models import ModuleProgress
from quizzes.models import Attempt, AttemptAnswer, AttemptStatus
from quizzes.services import start_or_resume_attempt

from .conftest import correct_answers, fill_in_blank, matching, single_choice
from .test_views import to_post

pytestmark = pytest.mark.django_db


def _url(attempt, name="quizzes:attempt") -> str:
    return reverse(name, args=[attempt.public_id])


def _only(attempt, answers: dict, *kinds: str) -> dict:
    return {
        q["token"]: answers[q["token"]] for q in attempt.presented if q["type"] in kinds
    }


def test_first_submit_with_open_questions_lists_them_and_uses_no_attempt(
    client, enrolled, make_quiz
):
    quiz = make_quiz(max_attempts=1)
    client.force_login(enrolled)
    attempt = start_or_resume_attempt(enrolled, quiz)
    answers = _only(attempt, correct_answers(attempt), "single_choice", "true_false")

    response = client.post(_url(attempt), to_post(answers, "submit"))

    assert response.status_code == 200
    html = response.content.decode()
    numbers = [
        n for n, q in enumerate(attempt.presented, 1) if q["token"] not in answers
    ]
    assert [gap["number"] for gap in response.context["gaps"]] == numbers
    for number in numbers:
        assert f'href="#question-{number}"' in html
    assert (
        'id="quiz-gaps" tabindex="-1" autofocus aria-labelledby="quiz-gaps-title"'
        in (html)
    )
    assert 'name="action" value="submit_anyway" form="quiz-form"' in html
    # Nothing graded, no attempt used, the answers kept as a draft.
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.IN_PROGRESS
    assert not AttemptAnswer.objects.filter(attempt=attempt).exists()
    assert attempt.draft_answers == answers
    assert not ModuleProgress.objects.filter(
        best_quiz_score_percent__isnull=False
    ).exists()
    assert client.get(quiz.url).context["attempts_left"] == 1
    # The form is refilled with what was answered.
    single = next(q for q in attempt.presented if q["type"] == "single_choice")
    assert f'value="{answers[single["token"]]}" checked' in html


def test_submit_anyway_grades_the_attempt_with_its_gaps(client, enrolled, make_quiz):
    quiz = make_quiz(max_attempts=1)
    client.force_login(enrolled)
    attempt = start_or_resume_attempt(enrolled, quiz)
    answers = _only(attempt, correct_answers(attempt), "single_choice")
    client.post(_url(attempt), to_post(answers, "submit"))

    response = client.post(_url(attempt), to_post(answers, "submit_anyway"))

    assert response.status_code == 302
    assert response.url == _url(attempt, "quizzes:result")
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.SUBMITTED
    assert AttemptAnswer.objects.filter(attempt=attempt).count() == 6
    assert client.get(quiz.url).context["attempts_left"] == 0


def test_a_fully_answered_attempt_is_submitted_at_the_first_press(
    client, enrolled, quiz
):
    client.force_login(enrolled)
    attempt = start_or_resume_attempt(enrolled, quiz)
    response = client.post(_url(attempt), to_post(correct_answers(attempt)))
    assert response.status_code == 302
    assert Attempt.objects.get(pk=attempt.pk).status == AttemptStatus.SUBMITTED


def test_partly_matched_pairs_and_blank_text_count_as_open(client, enrolled, make_quiz):
    quiz = make_quiz([single_choice(), matching(), fill_in_blank()])
    client.force_login(enrolled)
    attempt = start_or_resume_attempt(enrolled, quiz)
    right = correct_answers(attempt)
    single, match, blank = attempt.presented
    first_left = match["lefts"][0]["token"]
    answers = {
        single["token"]: right[single["token"]],
        match["token"]: {first_left: right[match["token"]][first_left]},
        blank["token"]: "   ",
    }
    with translation.override("en"):
        url = _url(attempt)
    response = client.post(url, to_post(answers, "submit"))
    assert response.context["gaps"] == [
        {"number": 2, "partial": True},
        {"number": 3, "partial": False},
    ]
    html = response.content.decode()
    assert "Question 2: partly answered" in html
    assert "Question 3: not answered" in html
    assert "2 questions are not fully answered" in html
    assert not Attempt.objects.get(pk=attempt.pk).is_submitted


def test_the_check_is_in_german_for_german_learners(client, enrolled, make_quiz):
    quiz = make_quiz([single_choice(), single_choice(qid="q-two")])
    client.force_login(enrolled)
    attempt = start_or_resume_attempt(enrolled, quiz)
    with translation.override("de"):
        url = _url(attempt)
    response = client.post(url, to_post({}, "submit"))
    html = response.content.decode()
    assert "2 Fragen sind nicht vollständig beantwortet" in html
    assert "Frage 1: nicht beantwortet" in html
    assert "Trotzdem absenden" in html


def test_invalid_answers_show_their_errors_rather_than_the_check(
    client, enrolled, quiz
):
    client.force_login(enrolled)
    attempt = start_or_resume_attempt(enrolled, quiz)
    response = client.post(_url(attempt), {"action": "submit", "q_unknown": "x"})
    assert response.status_code == 400
    assert response.context["gaps"] == []
    attempt.refresh_from_db()
    assert attempt.draft_answers == {}
    assert not attempt.is_submitted


def test_submit_anyway_on_a_submitted_attempt_changes_nothing(client, enrolled, quiz):
    client.force_login(enrolled)
    attempt = start_or_resume_attempt(enrolled, quiz)
    client.post(_url(attempt), to_post(correct_answers(attempt)))
    score = Attempt.objects.get(pk=attempt.pk).score_percent
    response = client.post(_url(attempt), to_post({}, "submit_anyway"))
    assert response.url == _url(attempt, "quizzes:result")
    assert Attempt.objects.get(pk=attempt.pk).score_percent == score
