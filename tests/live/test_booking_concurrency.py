"""Capacity holds when many people book or cancel at the same moment (PostgreSQL)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from live import services
from live.models import Booking, BookingStatus, LiveSession
from tests.factories import UserFactory

from .conftest import make_session

pytestmark = pytest.mark.django_db(transaction=True)


def needs_postgresql() -> None:
    if connection.vendor != "postgresql":
        pytest.skip(
            "SQLite serialises all writers, so there is no real concurrency to test; "
            "this runs on PostgreSQL (DATABASE_URL=postgres://...)."
        )


def at_once(action, people, session: LiveSession) -> list[Exception]:
    """``action(person, session)`` in one thread per person, all released at once."""
    barrier = threading.Barrier(len(people))
    errors: list[Exception] = []

    def run(person):
        try:
            barrier.wait()
            action(person, LiveSession.objects.get(pk=session.pk))
        except Exception as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_fifty_learners_booking_twenty_seats_at_once(course):
    needs_postgresql()
    session = make_session(course, capacity=20)
    people = [UserFactory() for _ in range(50)]

    assert at_once(services.book, people, session) == []

    booked = Booking.objects.filter(session=session, status=BookingStatus.BOOKED)
    waiting = Booking.objects.filter(
        session=session, status=BookingStatus.WAITING
    ).order_by("position")
    assert booked.count() == 20
    assert waiting.count() == 30
    assert list(waiting.values_list("position", flat=True)) == list(range(1, 31))
    # In order: each took its place after whoever held the lock before.
    times = list(waiting.values_list("created_at", flat=True))
    assert times == sorted(times)
    assert max(booked.values_list("created_at", flat=True)) <= times[0]


def test_ten_cancellations_at_once_move_exactly_ten_up(course):
    needs_postgresql()
    session = make_session(course, capacity=20)
    people = [UserFactory() for _ in range(35)]
    for person in people:
        services.book(person, session)
    first_waiting = list(
        Booking.objects.filter(session=session, status=BookingStatus.WAITING)
        .order_by("position")
        .values_list("user", flat=True)
    )
    leaving = people[:10]

    assert at_once(services.cancel, leaving, session) == []

    booked = set(
        Booking.objects.filter(
            session=session, status=BookingStatus.BOOKED
        ).values_list("user", flat=True)
    )
    assert len(booked) == 20
    assert set(first_waiting[:10]) <= booked
    still_waiting = Booking.objects.filter(
        session=session, status=BookingStatus.WAITING
    ).order_by("position")
    assert list(still_waiting.values_list("user", flat=True)) == first_waiting[10:]
    assert (
        Booking.objects.filter(session=session, status=BookingStatus.CANCELLED).count()
        == 10
    )
