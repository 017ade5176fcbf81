"""The trainer's attendance list: scope, saving, refusing bad input."""

from __future__ import annotations

import pytest
from django.urls import reverse

from live import services
from live.models import Attendance, AttendanceStatus
from tests.factories import UserFactory, make_course, make_team

from .conftest import make_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def booked(session):
    people = [UserFactory(last_name=f"Teilnehmende {n}") for n in range(3)]
    for person in people:
        services.book(person, session)
    return people


def test_trainer_records_attendance_with_a_note(client, session, trainer, booked):
    client.force_login(trainer)
    url = reverse("live:attendance", args=[session.pk])
    page = client.get(url).content.decode()
    for person in booked:
        assert f'name="status-{person.pk}"' in page

    first, second, third = booked
    response = client.post(
        url,
        {
            f"status-{first.pk}": "present",
            f"status-{second.pk}": "late",
            f"note-{second.pk}": "Zug verspätet",
            f"status-{third.pk}": "excused",
        },
    )

    assert response.status_code == 302
    recorded = dict(Attendance.objects.values_list("user", "status"))
    assert recorded == {
        first.pk: AttendanceStatus.PRESENT,
        second.pk: AttendanceStatus.LATE,
        third.pk: AttendanceStatus.EXCUSED,
    }
    assert Attendance.objects.get(user=second).note == "Zug verspätet"
    assert 'value="late" checked' in client.get(url).content.decode()


def test_an_unknown_status_changes_nothing_and_says_why(
    client, session, trainer, booked
):
    client.force_login(trainer)
    first, second, _third = booked

    response = client.post(
        reverse("live:attendance", args=[session.pk]),
        {f"status-{first.pk}": "present", f"status-{second.pk}": "asleep"},
    )

    assert response.status_code == 200
    assert not Attendance.objects.exists()
    assert second.get_full_name() in response.content.decode()


def test_another_teams_trainer_and_a_learner_get_nothing(
    client, course, session, booked
):
    other_course = make_course(course.get_parent(), "Anderer Kurs", modules=1)
    other = UserFactory(role="trainer")
    make_team(other_course, other)
    url = reverse("live:attendance", args=[session.pk])

    for person in (other, booked[0]):
        client.force_login(person)
        assert client.get(url).status_code == 404
        assert (
            client.post(url, {f"status-{booked[0].pk}": "present"}).status_code == 404
        )
    assert not Attendance.objects.exists()


def test_the_sessions_named_trainer_sees_the_list(client, course, booked, session):
    guest = UserFactory(role="trainer")
    session.trainers.add(guest)
    client.force_login(guest)

    assert client.get(reverse("live:attendance", args=[session.pk])).status_code == 200


def test_trainer_books_a_person_into_a_full_session_as_an_exception(
    client, course, trainer
):
    from live.models import Booking, BookingStatus

    session = make_session(course, capacity=1)
    services.book(UserFactory(), session)
    person = UserFactory()
    client.force_login(trainer)
    url = reverse("live:book_for", args=[session.pk])

    client.post(url, {"email": person.email.upper()})
    assert Booking.objects.get(user=person).status == BookingStatus.WAITING

    response = client.post(url, {"email": "niemand@example.org"}, follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert messages[-1] == "Mit dieser E-Mail-Adresse gibt es kein Konto."
    assert Booking.objects.count() == 2
