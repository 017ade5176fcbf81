"""Booking and cancelling: seats, the waiting list, moving up, deadlines, emails."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from live import services
from live.models import Booking, BookingStatus
from tests.factories import UserFactory

from .conftest import make_session

pytestmark = pytest.mark.django_db


def calendar_of(message) -> Calendar:
    parts = [c for c, mimetype in message.alternatives if "text/calendar" in mimetype]
    assert len(parts) == 1
    return Calendar.from_ical(parts[0])


def test_booking_takes_a_seat_and_emails_the_event(
    session, learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        booking = services.book(learner, session)

    assert booking.status == BookingStatus.BOOKED
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [learner.email]
    calendar = calendar_of(mail.outbox[0])
    assert calendar["METHOD"] == "REQUEST"
    assert calendar.events[0]["SUMMARY"] == session.title


def test_booking_twice_changes_nothing(session, learner):
    first = services.book(learner, session)
    second = services.book(learner, session)

    assert first.pk == second.pk
    assert Booking.objects.filter(session=session).count() == 1
    assert second.revision == 0


def test_full_session_puts_learners_on_the_waiting_list_in_order(course):
    session = make_session(course, capacity=1)
    first, second, third = (UserFactory() for _ in range(3))

    assert services.book(first, session).status == BookingStatus.BOOKED
    waiting = [services.book(second, session), services.book(third, session)]

    assert [b.status for b in waiting] == [BookingStatus.WAITING] * 2
    assert [services.waiting_number(b) for b in waiting] == [1, 2]


def test_cancelling_moves_the_first_waiting_up_and_emails_them(
    course, django_capture_on_commit_callbacks
):
    session = make_session(course, capacity=1)
    first, second, third = (UserFactory() for _ in range(3))
    for person in (first, second, third):
        services.book(person, session)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(first, session)

    statuses = dict(
        Booking.objects.filter(session=session).values_list("user", "status")
    )
    assert statuses == {
        first.pk: BookingStatus.CANCELLED,
        second.pk: BookingStatus.BOOKED,
        third.pk: BookingStatus.WAITING,
    }
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert calendar_of(by_recipient[first.email])["METHOD"] == "CANCEL"
    assert calendar_of(by_recipient[second.email])["METHOD"] == "REQUEST"
    assert third.email not in by_recipient
    assert services.waiting_number(Booking.objects.get(user=third)) == 1


def test_leaving_the_waiting_list_moves_nobody_up(course):
    session = make_session(course, capacity=1)
    first, second = UserFactory(), UserFactory()
    services.book(first, session)
    services.book(second, session)

    services.cancel(second, session)

    assert Booking.objects.get(user=first).status == BookingStatus.BOOKED
    assert Booking.objects.get(user=second).status == BookingStatus.CANCELLED


def test_booking_again_after_cancelling_reuses_the_row(session, learner):
    services.book(learner, session)
    services.cancel(learner, session)
    again = services.book(learner, session)

    assert again.status == BookingStatus.BOOKED
    assert again.revision == 2
    assert Booking.objects.filter(session=session).count() == 1


def test_booking_outside_the_window_is_refused_with_a_message(course, learner):
    now = timezone.now()
    not_yet = make_session(course, booking_opens_at=now + timedelta(days=1))
    closed = make_session(course, booking_closes_at=now - timedelta(minutes=1))
    past = make_session(course, starts_at=now - timedelta(hours=1))

    for session in (not_yet, closed, past):
        with pytest.raises(services.BookingError, match="geschlossen"):
            services.book(learner, session)
    assert not Booking.objects.exists()


def test_after_the_deadline_only_staff_may_cancel(course, learner, trainer):
    session = make_session(
        course, cancellation_deadline=timezone.now() + timedelta(seconds=1)
    )
    services.book(learner, session)
    session.cancellation_deadline = timezone.now() - timedelta(minutes=1)
    session.save()

    with pytest.raises(services.BookingError, match="Stornierungsfrist"):
        services.cancel(learner, session)
    assert Booking.objects.get().status == BookingStatus.BOOKED

    services.cancel(learner, session, by=trainer)
    assert Booking.objects.get().status == BookingStatus.CANCELLED


def test_trainer_may_book_a_learner_into_a_closed_session(course, learner, trainer):
    session = make_session(
        course, booking_closes_at=timezone.now() - timedelta(minutes=1)
    )

    booking = services.book(learner, session, by=trainer)

    assert booking.status == BookingStatus.BOOKED
    assert booking.booked_by == trainer


def test_group_session_is_only_for_the_groups_members(course, learner, trainer):
    from courses.models import Enrollment, WorkshopGroup

    group = WorkshopGroup.objects.create(
        name="Gruppe Köln", course=course, trainer=trainer, enrolment_code="KOELN1"
    )
    session = make_session(course, group=group)

    with pytest.raises(services.BookingError):
        services.book(learner, session)

    Enrollment.objects.create(
        user=learner, course=course, course_key=course.translation_key, group=group
    )
    assert services.book(learner, session).status == BookingStatus.BOOKED


def test_a_larger_capacity_moves_the_waiting_up(course):
    session = make_session(course, capacity=1)
    people = [UserFactory() for _ in range(3)]
    for person in people:
        services.book(person, session)

    session.capacity = 3
    session.save()
    services.session_changed(session)

    assert Booking.objects.filter(status=BookingStatus.BOOKED).count() == 3
