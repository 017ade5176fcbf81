"""The course page's sessions, booking by POST, the online link, "My learning"."""

from __future__ import annotations

import pytest
from django.urls import reverse

from live import services
from live.models import Booking, BookingStatus, CalendarFeed
from tests.factories import UserFactory

from .conftest import make_session

pytestmark = pytest.mark.django_db

LINK = "https://meet.example.org/iq-mini-geheim"


def test_course_page_offers_booking_and_hides_the_link_until_booked(
    client, course, learner
):
    session = make_session(course, format="online", online_url=LINK)
    client.force_login(learner)

    page = client.get(course.url).content.decode()
    assert session.title in page
    assert reverse("live:book", args=[session.pk]) in page
    assert LINK not in page

    response = client.post(reverse("live:book", args=[session.pk]), follow=True)
    assert Booking.objects.get(user=learner).status == BookingStatus.BOOKED
    page = response.content.decode()
    assert LINK in page
    assert reverse("live:cancel", args=[session.pk]) in page


def test_the_link_is_never_shown_to_the_waiting_or_the_anonymous(client, course):
    session = make_session(course, format="online", online_url=LINK, capacity=1)
    services.book(UserFactory(), session)
    waiting = UserFactory()
    client.force_login(waiting)

    client.post(reverse("live:book", args=[session.pk]))

    assert Booking.objects.get(user=waiting).status == BookingStatus.WAITING
    page = client.get(course.url).content.decode()
    assert "Sie stehen auf Platz 1 der Warteliste." in page
    assert LINK not in page
    assert client.get(reverse("live:calendar", args=[session.pk])).status_code == 404
    client.logout()
    assert LINK not in client.get(course.url).content.decode()


def test_booking_needs_post_and_a_login(client, session):
    url = reverse("live:book", args=[session.pk])
    assert client.post(url).status_code == 302
    assert not Booking.objects.exists()
    client.force_login(UserFactory())
    assert client.get(url).status_code == 405
    assert not Booking.objects.exists()


def test_a_closed_session_says_so_and_books_nothing(client, course, learner):
    from datetime import timedelta

    from django.utils import timezone

    session = make_session(
        course, booking_closes_at=timezone.now() - timedelta(minutes=1)
    )
    client.force_login(learner)

    response = client.post(reverse("live:book", args=[session.pk]), follow=True)

    assert not Booking.objects.exists()
    messages = [str(m) for m in response.context["messages"]]
    assert messages == ["Die Buchung für diesen Termin ist geschlossen."]


def test_cancel_on_the_course_page(client, session, learner):
    services.book(learner, session)
    client.force_login(learner)

    client.post(reverse("live:cancel", args=[session.pk]))

    assert Booking.objects.get(user=learner).status == BookingStatus.CANCELLED


def test_my_learning_lists_sessions_and_the_feed_can_be_replaced(
    client, session, learner
):
    services.book(learner, session)
    client.force_login(learner)
    my_learning = reverse("accounts:my_learning")

    page = client.get(my_learning).content.decode()
    assert session.title in page
    assert not CalendarFeed.objects.exists()

    client.post(reverse("live:new_feed"))
    old = CalendarFeed.objects.get(user=learner).token
    assert old in client.get(my_learning).content.decode()
    client.logout()
    feed = client.get(reverse("live:feed", args=[old]))
    assert feed.status_code == 200
    assert session.title.encode() in feed.content

    client.force_login(learner)
    client.post(reverse("live:new_feed"))
    new = CalendarFeed.objects.get(user=learner).token
    assert new != old
    client.logout()
    assert client.get(reverse("live:feed", args=[old])).status_code == 404
    assert client.get(reverse("live:feed", args=[new])).status_code == 200
