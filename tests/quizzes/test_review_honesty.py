"""Learners learn what was right only as far as the quiz's review option says.

The result page, the attempt history and the personal data export (JSON and the
readable summary) follow the same rule: "score only" reveals no correctness per
question, "which were wrong" the outcome per question but no solution, "correct
answers" the solution and feedback too.
"""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from django.utils import translation

from quizzes.models import ReviewMode
from quizzes.services import start_or_resume_attempt, submit_attempt

from .conftest import correct_answers, wrong_answers

pytestmark = pytest.mark.django_db

OUTCOME_KEYS = {"result", "points_awarded", "is_correct"}
SOLUTION_KEYS = {"correct_answer", "feedback"}
# Feedback and accepted answers carry SECRET; raw responses would carry the
# option, pair and item ids (a matching response pairs an id with itself).
SOLUTION_MARKERS = ("SECRET", "IDOPT", "IDPAIR", "IDITEM", "IDANS")


def _half_right(attempt) -> dict:
    """Single choice and true/false right, everything else wrong."""
    right, wrong = correct_answers(attempt), wrong_answers(attempt)
    return {
        q["token"]: (right if q["type"] in ("single_choice", "true_false") else wrong)[
            q["token"]
        ]
        for q in attempt.presented
    }


@pytest.fixture
def submitted(enrolled, make_quiz):
    def submit(review_mode: str):
        quiz = make_quiz(review_mode=review_mode)
        attempt = start_or_resume_attempt(enrolled, quiz)
        return submit_attempt(attempt, enrolled, _half_right(attempt))

    return submit


def _export(client, user) -> dict:
    client.force_login(user)
    response = client.get(reverse("accounts:my_data_json"))
    assert response.status_code == 200
    return json.loads(response.content)["quizzes"]


def _keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def test_score_only_export_holds_the_score_and_own_answers_but_no_correctness(
    client, enrolled, submitted
):
    attempt = submitted(ReviewMode.SCORE_ONLY)
    data = _export(client, enrolled)
    (exported,) = data["attempts"]
    assert exported["score_percent"] == str(attempt.score_percent)
    assert exported["passed"] is attempt.passed
    assert exported["review"] == "score_only"
    answers = exported["answers"]
    assert len(answers) == 6
    single = next(a for a in answers if a["question"] == "Prompt q-single")
    assert single["your_answer"] == ["Option 0 of q-single"]
    assert not (_keys(data) & (OUTCOME_KEYS | SOLUTION_KEYS))
    text = json.dumps(data)
    for marker in SOLUTION_MARKERS:
        assert marker not in text, marker


def test_show_wrong_export_says_which_were_wrong_but_not_the_solution(
    client, enrolled, submitted
):
    submitted(ReviewMode.SHOW_WRONG)
    data = _export(client, enrolled)
    answers = data["attempts"][0]["answers"]
    outcome = {a["question"]: a["result"] for a in answers}
    assert outcome == {
        "Prompt q-single": "correct",
        "Statement q-tf": "correct",
        "Prompt q-multi": "wrong",
        "Prompt q-match": "wrong",
        "Prompt q-order": "wrong",
        "Prompt q-blank: ___": "wrong",
    }
    assert not (_keys(data) & SOLUTION_KEYS)
    text = json.dumps(data)
    for marker in SOLUTION_MARKERS:
        assert marker not in text, marker


def test_show_correct_export_holds_the_solution_and_feedback(
    client, enrolled, submitted
):
    submitted(ReviewMode.SHOW_CORRECT)
    answers = _export(client, enrolled)["attempts"][0]["answers"]
    blank = next(a for a in answers if a["question"].startswith("Prompt q-blank"))
    assert blank["result"] == "wrong"
    assert blank["correct_answer"] == ["SECRET-ANSWER-Anerkennung"]
    single = next(a for a in answers if a["question"] == "Prompt q-single")
    assert "SECRET-FEEDBACK-q-single-0" in single["feedback"]


@pytest.mark.parametrize(
    ("mode", "hidden"),
    [
        (ReviewMode.SCORE_ONLY, ("Correct answer", "Not correct", "SECRET")),
        (ReviewMode.SHOW_WRONG, ("Correct answer", "SECRET")),
    ],
)
def test_readable_summary_and_result_page_follow_the_review_option(
    client, enrolled, submitted, mode, hidden
):
    attempt = submitted(mode)
    client.force_login(enrolled)
    with translation.override("en"):
        summary = client.get(reverse("accounts:my_data_summary"))
        result = client.get(reverse("quizzes:result", args=[attempt.public_id]))
    history = client.get(attempt.quiz.url)
    assert "Result: " in result.content.decode()  # the English page
    if mode == ReviewMode.SHOW_WRONG:
        assert "Not correct" in result.content.decode()
    for response in (summary, result, history):
        assert response.status_code == 200
        text = response.content.decode()
        for marker in (*hidden, *SOLUTION_MARKERS):
            assert marker not in text, (response.request["PATH_INFO"], marker)
        assert "correct_answer" not in text
    if mode == ReviewMode.SCORE_ONLY:
        assert "&quot;points_awarded&quot;" not in summary.content.decode()


def test_an_open_attempt_exports_its_draft_as_text_without_any_grading(
    client, enrolled, make_quiz
):
    from quizzes.services import save_draft

    quiz = make_quiz(review_mode=ReviewMode.SHOW_CORRECT)
    attempt = start_or_resume_attempt(enrolled, quiz)
    save_draft(attempt, enrolled, correct_answers(attempt))
    (exported,) = _export(client, enrolled)["attempts"]
    assert exported["status"] == "in_progress"
    draft = {a["question"]: a["your_answer"] for a in exported["draft_answers"]}
    assert draft["Prompt q-single"] == ["Option 0 of q-single"]
    assert not (_keys(exported) & (OUTCOME_KEYS | SOLUTION_KEYS))
