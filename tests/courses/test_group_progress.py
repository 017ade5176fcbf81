"""A trainer sees, in the workshop group's page, where each member stands."""

import pytest
from django.urls import reverse

from courses import services
from courses.models import WorkshopGroup
from tests.factories import UserFactory, make_course, make_course_index
from tests.quizzes.conftest import publish_quiz, take_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def group_course(site_root, trainer):
    course = make_course(make_course_index(site_root), "Anerkennung", modules=2)
    lesson, final = (m.specific for m in course.get_modules())
    final.completion_viewed = False
    final.completion_quiz_passed = True
    final.completion_reflection = True
    final.save_revision().publish()
    quiz = publish_quiz(final)
    group = WorkshopGroup.objects.create(
        name="Köln Herbst", course=course, trainer=trainer, enrolment_code="KOELN234"
    )
    return group, lesson, final, quiz


def test_group_page_shows_each_members_conditions_per_module(
    client, trainer, group_course
):
    group, lesson, final, quiz = group_course
    ahead = UserFactory(first_name="Ada", last_name="Vorne")
    behind = UserFactory(first_name="Bert", last_name="Hinten")
    for user in (ahead, behind):
        services.enrol(user, group.course, group=group)
    services.complete_module(ahead, lesson)
    take_quiz(ahead, quiz)
    block_id = next(b.id for b in final.body if b.block_type == "reflection")
    services.save_reflection(ahead, final, block_id, "Nur für Ada sichtbar")
    client.force_login(trainer)

    response = client.get(reverse("certificates_admin:group", args=[group.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    rows = html.split("<tbody>", 2)[1].split("</tbody>")[0].split("<tr>")[1:]
    ada, bert = sorted(rows, key=lambda row: "Ada" not in row)
    assert "Ada Vorne" in ada and "Bert Hinten" in bert
    assert ada.count("✓ Erfüllt") == 3  # "Done", the quiz, the note
    assert "Offen" not in ada
    assert bert.count("Offen") == 3 and "Erfüllt" not in bert
    assert "Nur für Ada sichtbar" not in html  # whether a note exists, not its text


def test_another_trainer_cannot_open_the_groups_progress(client, group_course):
    group, *_rest = group_course
    other = UserFactory(role="trainer")
    client.force_login(other)
    response = client.get(reverse("certificates_admin:group", args=[group.pk]))
    assert response.status_code == 404
