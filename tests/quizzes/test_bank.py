"""The question bank: random draws per learner, versions kept, team scoping."""

from __future__ import annotations

import pytest
from django.urls import reverse

from courses.services import enrol
from quizzes.bank.models import BankQuestion
from quizzes.bank.scoping import visible_categories, visible_questions
from quizzes.services import start_or_resume_attempt, submit_attempt
from tests.factories import UserFactory, make_team
from tests.quizzes.bank_helpers import draw, fixed, make_bank_question, make_category
from tests.quizzes.conftest import correct_answers, single_choice, wrong_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(module):
    return module.get_parent().specific


@pytest.fixture
def team(course, trainer):
    return make_team(course, trainer)


@pytest.fixture
def category(team):
    category = make_category(team.collection)
    for n in range(8):
        make_bank_question(category, single_choice(qid=f"pool-{n}"), f"Pool {n}")
    return category


def _learners(module, count):
    users = [UserFactory(role="learner") for _ in range(count)]
    for user in users:
        enrol(user, module.get_parent().specific)
    return users


def test_a_random_draw_gives_each_learner_their_own_questions(
    module, make_quiz, category
):
    quiz = make_quiz(questions=[], bank_questions=draw(category, 3))
    attempts = [start_or_resume_attempt(u, quiz) for u in _learners(module, 6)]
    drawn = [frozenset(e["question_id"] for e in a.presented) for a in attempts]
    assert all(len(ids) == 3 for ids in drawn)
    assert len(set(drawn)) > 1, "six learners all got the same three questions"
    assert all(e["bank_question"] for a in attempts for e in a.presented)
    # Stable across reloads: resuming returns the same stored questions.
    again = start_or_resume_attempt(attempts[0].user, quiz)
    assert again.pk == attempts[0].pk and again.presented == attempts[0].presented


def test_drawn_questions_are_graded_on_the_server(module, make_quiz, category):
    quiz = make_quiz(questions=[], bank_questions=draw(category, 2))
    good, bad = _learners(module, 2)
    right = start_or_resume_attempt(good, quiz)
    wrong = start_or_resume_attempt(bad, quiz)
    right = submit_attempt(right, good, correct_answers(right))
    wrong = submit_attempt(wrong, bad, wrong_answers(wrong))
    assert (right.score_percent, right.passed) == (100, True)
    assert (wrong.score_percent, wrong.passed) == (0, False)
    ids = {a.question_id for a in right.answers.all()}
    assert ids == {e["question_id"] for e in right.presented}


def test_editing_a_bank_question_leaves_earlier_attempts_unchanged(
    module, make_quiz, team
):
    category = make_category(team.collection)
    question = make_bank_question(category, single_choice(qid="v1", correct_index=0))
    first_revision = question.latest_revision_id
    quiz = make_quiz(questions=[], bank_questions=fixed(question))
    (learner,) = _learners(module, 1)
    attempt = start_or_resume_attempt(learner, quiz)
    attempt = submit_attempt(attempt, learner, correct_answers(attempt))
    before = attempt.presented

    # A new version: another option is now the correct one.
    edited = single_choice(qid="v1", correct_index=2)
    question.body = [{"type": edited["type"], "value": edited["value"]}]
    question.save()
    question.save_revision()
    assert question.latest_revision_id != first_revision

    attempt.refresh_from_db()
    assert attempt.presented == before
    assert attempt.presented[0]["bank_revision"] == first_revision
    assert (attempt.score_percent, attempt.passed) == (100, True)
    # The result page still reads the version answered.
    from django.test import Client

    client = Client()
    client.force_login(learner)
    page = client.get(reverse("quizzes:result", args=[attempt.public_id]))
    assert page.status_code == 200
    # A new attempt gets the new version.
    other = _learners(module, 1)[0]
    fresh = start_or_resume_attempt(other, quiz)
    assert fresh.presented[0]["bank_revision"] == question.latest_revision_id
    correct = [o["value"]["is_correct"] for o in fresh.presented[0]["data"]["options"]]
    assert correct == [False, False, True]


def test_a_draw_asking_more_than_the_category_has_is_refused(make_quiz, team):
    from django.core.exceptions import ValidationError

    category = make_category(team.collection)
    make_bank_question(category)
    with pytest.raises(ValidationError) as error:
        make_quiz(questions=[], bank_questions=draw(category, 2))
    assert "bank_questions" in error.value.message_dict


def test_a_quiz_without_any_question_is_refused(make_quiz):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        make_quiz(questions=[])
    assert "questions" in error.value.message_dict


def test_a_bank_question_of_every_type_is_stored_and_drawn(module, make_quiz, team):
    from tests.quizzes.conftest import all_types

    category = make_category(team.collection, "Alle Typen")
    for block in all_types():
        make_bank_question(category, block)
    quiz = make_quiz(questions=[], bank_questions=draw(category, 6))
    (learner,) = _learners(module, 1)
    attempt = start_or_resume_attempt(learner, quiz)
    assert sorted(e["type"] for e in attempt.presented) == sorted(
        b["type"] for b in all_types()
    )
    attempt = submit_attempt(attempt, learner, correct_answers(attempt))
    assert attempt.score_percent == 100


# --- scoping --------------------------------------------------------------------


@pytest.fixture
def other_team(site_root):
    from tests.factories import make_course, make_course_index

    index = make_course_index(site_root, "Andere", "andere")
    course = make_course(index, "Anderer Kurs", modules=0, slug="anderer-kurs")
    return make_team(course, UserFactory(role="trainer"))


def test_a_trainer_sees_only_their_teams_banks(trainer, category, other_team):
    other = make_category(other_team.collection, "Fremd")
    make_bank_question(other, title="Fremde Frage")
    assert list(visible_categories(trainer)) == [category]
    titles = set(visible_questions(trainer).values_list("title", flat=True))
    assert "Fremde Frage" not in titles and "Pool 0" in titles


def test_bank_listings_and_choosers_show_only_the_team(
    client, trainer, category, other_team
):
    other = make_category(other_team.collection, "Fremde Kategorie")
    stranger = make_bank_question(other, title="Fremde Frage")
    client.force_login(trainer)
    for name in (
        "wagtailsnippets_quizzes_questioncategory:list",
        "wagtailsnippetchoosers_quizzes_questioncategory:choose",
    ):
        page = client.get(reverse(name)).content.decode()
        assert "Grundlagen" in page and "Fremde Kategorie" not in page
    for name in (
        "wagtailsnippets_quizzes_bankquestion:list",
        "wagtailsnippetchoosers_quizzes_bankquestion:choose",
    ):
        page = client.get(reverse(name)).content.decode()
        assert "Pool 0" in page and "Fremde Frage" not in page
    edit = reverse("wagtailsnippets_quizzes_bankquestion:edit", args=[stranger.pk])
    assert client.get(edit).status_code == 404
    chosen = reverse(
        "wagtailsnippetchoosers_quizzes_bankquestion:chosen", args=[stranger.pk]
    )
    assert client.get(chosen).status_code == 404


def test_a_quiz_form_refuses_another_teams_category(trainer, category, other_team):
    from quizzes.models import QuizPage

    other = make_category(other_team.collection, "Fremd")
    form_class = QuizPage.get_edit_handler().get_form_class()
    field = QuizPage._meta.get_field("bank_questions")
    for chosen, refused in ((other, True), (category, False)):
        form = form_class(instance=QuizPage(), for_user=trainer)
        value = field.to_python(draw(chosen, 1))
        form.cleaned_data = {"bank_questions": value}
        form._errors = {}
        form.clean()
        assert ("bank_questions" in form._errors) is refused


def test_new_questions_go_into_their_categorys_collection(team, category):
    question = BankQuestion.objects.filter(category=category).first()
    assert question.collection_id == team.collection_id
