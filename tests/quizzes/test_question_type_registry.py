"""Question types are plug-ins: a seventh, defined in the tests, works end to end."""

from decimal import Decimal

import pytest
from django.urls import reverse

from quizzes import question_types
from quizzes.models import AttemptAnswer, QuizPage
from quizzes.services import InvalidAnswers, start_or_resume_attempt, submit_attempt

from .numeric_type import QUESTION_TYPE as NUMERIC
from .test_views import to_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def numeric_type():
    """Register the test type as a module of the package would be at start-up.

    The quiz's StreamField was built before the test registered the type, so
    its block is added to the field's stream too; both are undone afterwards.
    """
    question_types.register(NUMERIC)
    stream = QuizPage._meta.get_field("questions").stream_block
    block = NUMERIC.block()
    block.set_name(NUMERIC.name)
    stream.child_blocks[NUMERIC.name] = block
    yield NUMERIC
    del stream.child_blocks[NUMERIC.name]
    question_types.unregister(NUMERIC.name)


def numeric(qid="q-number", answer="42", tolerance="0.5") -> dict:
    return {
        "type": "numeric",
        "id": qid,
        "value": {
            "prompt": "<p>How many?</p>",
            "points": "2",
            "general_feedback": "",
            "answer": answer,
            "tolerance": tolerance,
        },
    }


def _token(attempt) -> str:
    return next(q["token"] for q in attempt.presented if q["type"] == "numeric")


def test_the_six_built_in_types_are_listed_in_editor_order():
    assert question_types.names() == (
        "single_choice",
        "multiple_choice",
        "true_false",
        "matching",
        "ordering",
        "fill_in_blank",
    )
    stream = QuizPage._meta.get_field("questions").stream_block
    assert list(stream.child_blocks) == list(question_types.names())


def test_a_seventh_type_from_one_module_is_graded_by_the_normal_services(
    numeric_type, enrolled, make_quiz
):
    assert question_types.names()[-1] == "numeric"
    quiz = make_quiz(questions=[numeric()])
    attempt = start_or_resume_attempt(enrolled, quiz)
    with pytest.raises(InvalidAnswers):
        submit_attempt(attempt, enrolled, {_token(attempt): "viele"})

    attempt = submit_attempt(attempt, enrolled, {_token(attempt): "42,4"})

    assert attempt.passed
    assert attempt.score_points == Decimal("2.00")
    assert attempt.score_percent == Decimal("100.00")
    answer = AttemptAnswer.objects.get(attempt=attempt)
    assert answer.response == "42.4"
    assert answer.is_correct


def test_the_seventh_type_is_answered_and_reviewed_through_the_pages(
    numeric_type, client, enrolled, make_quiz
):
    quiz = make_quiz(questions=[numeric(answer="7", tolerance="0")])
    client.force_login(enrolled)
    attempt = start_or_resume_attempt(enrolled, quiz)
    url = reverse("quizzes:attempt", args=[attempt.public_id])
    form = client.get(url)
    assert f'name="q_{_token(attempt)}"'.encode() in form.content

    response = client.post(url, to_post({_token(attempt): "8"}))
    result = client.get(response.url)

    attempt.refresh_from_db()
    assert attempt.score_percent == Decimal("0.00")
    assert not attempt.passed
    # The review shows the learner's answer and the solution the type states.
    assert b"<li>8</li>" in result.content
    assert b"<li>7</li>" in result.content
