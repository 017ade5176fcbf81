"""The item analysis's quiz picker names each quiz's course and module."""

import pytest
from django.urls import reverse

from reports.queries import grouped_quizzes

pytestmark = pytest.mark.django_db


def test_picker_groups_quizzes_by_course_with_their_module(data, as_user, admin_user):
    module = data.quiz.get_parent()
    page = as_user(admin_user).get(reverse("reports_admin:quizzes")).content.decode()

    assert '<optgroup label="Course X (DE)">' in page
    assert (
        f'<option value="{data.quiz.pk}">Final quiz X – {module.title}</option>' in page
    )
    assert f"(#{data.quiz.pk})" not in page


def test_picker_lists_only_quizzes_in_scope(data):
    # Course X is network A's; coordinator B sees no quiz to pick.
    assert grouped_quizzes(data.coordinator_b) == []
    assert grouped_quizzes(data.coordinator_a) == [
        (
            "Course X (DE)",
            [(data.quiz.pk, f"Final quiz X – {data.quiz.get_parent().title}")],
        )
    ]
