"""Editors cannot publish a quiz that could not be graded or passed."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from quizzes.models import QuizPage
from tests.factories import make_team

from .conftest import all_types, fill_in_blank, matching, ordering, single_choice

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer(trainer, module):
    """The trainer, in the team of the module's course."""
    make_team(module.get_parent().specific, trainer)
    return trainer


def _errors(**kwargs) -> dict:
    kwargs.setdefault("questions", all_types())
    page = QuizPage(title="Quiz", slug="quiz", **kwargs)
    with pytest.raises(ValidationError) as error:
        page.full_clean(exclude=["path", "depth"])
    return error.value.message_dict


def test_complete_quiz_passes_validation():
    QuizPage(title="Quiz", slug="quiz", questions=all_types()).full_clean(
        exclude=["path", "depth"]
    )


def test_single_choice_without_correct_option_is_rejected():
    question = single_choice(correct_index=99)
    assert "questions" in _errors(questions=[question])


def test_multiple_choice_without_correct_option_is_rejected():
    question = all_types()[1]
    for option in question["value"]["options"]:
        option["value"]["is_correct"] = False
    assert "questions" in _errors(questions=[question])


def test_pass_mark_over_100_is_rejected():
    assert "pass_mark_percent" in _errors(pass_mark_percent=101)


def test_draw_count_larger_than_the_pool_is_rejected():
    assert "draw_count" in _errors(questions=[single_choice()], draw_count=2)


def test_matching_with_one_pair_is_rejected():
    assert "questions" in _errors(questions=[matching(n=1)])


def test_ordering_with_one_item_is_rejected():
    assert "questions" in _errors(questions=[ordering(n=1)])


def test_fill_in_blank_without_accepted_answer_is_rejected():
    assert "questions" in _errors(questions=[fill_in_blank(answers=("  ",))])


def _admin_post_data(
    *, correct: bool, pass_mark: int = 70, publish: bool = True
) -> dict:
    option_true = {"text": "Richtig", "feedback": ""}
    if correct:
        option_true["is_correct"] = "on"
    options = {
        "count": "2",
        "0": {"value": option_true, "id": "", "deleted": "", "order": "0"},
        "1": {
            "value": {"text": "Falsch", "feedback": ""},
            "id": "",
            "deleted": "",
            "order": "1",
        },
    }
    data = nested_form_data(
        {
            "title": "Neues Quiz",
            "slug": "neues-quiz",
            "intro": rich_text("<p>Intro</p>"),
            "general_feedback": rich_text(""),
            "questions": streamfield(
                [
                    (
                        "single_choice",
                        {
                            "prompt": rich_text("<p>Welche Antwort?</p>"),
                            "points": "1",
                            "general_feedback": "",
                            "options": options,
                        },
                    )
                ]
            ),
            "bank_questions": streamfield([]),
            "pass_mark_percent": str(pass_mark),
            "wait_minutes_between_attempts": "0",
            "shuffle_options": "on",
            "review_mode": "show_correct",
        }
    )
    if publish:
        data["action-publish"] = "action-publish"
    return data


def _add_url(module) -> str:
    return reverse("wagtailadmin_pages:add", args=("quizzes", "quizpage", module.pk))


def test_trainer_can_publish_a_valid_quiz(client, trainer, module):
    client.force_login(trainer)
    response = client.post(_add_url(module), _admin_post_data(correct=True))
    assert response.status_code == 302, response.content[:2000]
    quiz = QuizPage.objects.get(slug="neues-quiz")
    assert quiz.live
    assert len(quiz.questions) == 1


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"correct": False}, "questions"),
        ({"correct": True, "pass_mark": 101}, "pass_mark_percent"),
    ],
)
def test_trainer_cannot_publish_an_invalid_quiz(client, trainer, module, kwargs, field):
    client.force_login(trainer)
    response = client.post(_add_url(module), _admin_post_data(**kwargs))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not QuizPage.objects.filter(slug="neues-quiz").exists()


def test_trainer_can_save_an_unfinished_quiz_as_draft_but_not_publish_it(
    client, trainer, module
):
    client.force_login(trainer)
    response = client.post(
        _add_url(module), _admin_post_data(correct=False, publish=False)
    )
    assert response.status_code == 302
    quiz = QuizPage.objects.get(slug="neues-quiz")
    assert not quiz.live

    edit_url = reverse("wagtailadmin_pages:edit", args=[quiz.pk])
    response = client.post(edit_url, _admin_post_data(correct=False))
    assert response.status_code == 200
    assert "questions" in response.context["form"].errors
    quiz.refresh_from_db()
    assert not quiz.live
