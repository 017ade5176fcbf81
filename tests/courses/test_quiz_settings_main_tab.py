"""Pass mark, attempts and review sit on the quiz's main tab; attempts are limited."""

import pytest
from django.urls import reverse

from courses.models import CourseIndexPage, CoursePage, ModulePage
from quizzes.models import QuizPage
from tests.quizzes.conftest import QUIZ_MODULE, single_choice

pytestmark = pytest.mark.django_db


@pytest.fixture
def module(site_root) -> ModulePage:
    index = site_root.add_child(instance=CourseIndexPage(title="Kurse", slug="kurse"))
    course = index.add_child(
        instance=CoursePage(title="Kurs", slug="kurs", summary="Ein Kurs.")
    )
    return course.add_child(
        instance=ModulePage(
            title="Modul", slug="modul", body=[("text", "<p>x</p>")], **QUIZ_MODULE
        )
    )


def test_a_new_quiz_allows_three_attempts_unless_the_trainer_says_otherwise(module):
    quiz = module.add_child(
        instance=QuizPage(title="Quiz", slug="quiz", questions=[single_choice()])
    )
    quiz.refresh_from_db()
    assert quiz.max_attempts == 3


def test_the_main_tab_of_the_add_form_shows_pass_mark_attempts_and_review(
    client, admin_user, module
):
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:add", args=["quizzes", "quizpage", module.pk])
    response = client.get(url)
    assert response.status_code == 200
    # The first tab panel of the page editor is the main ("content") tab.
    content_tab = response.content.decode().split('role="tabpanel"')[1]
    for name in ("pass_mark_percent", "max_attempts", "review_mode"):
        assert f'name="{name}"' in content_tab, name
    assert 'name="max_attempts" value="3"' in content_tab or (
        'value="3"' in content_tab.split('name="max_attempts"')[1][:200]
    )
    assert 'name="wait_minutes_between_attempts"' not in content_tab
