"""The reminder before a session: queued for its time, sent once, never outdated."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from live import services
from live.tasks import send_reminder

from .conftest import make_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.LIVE_REMINDER_HOURS = 24


def emails() -> list[str]:
    """Subjects of the messages queued (the database queue holds the send task)."""
    from accounts.models import OutgoingEmail

    return list(OutgoingEmail.objects.order_by("pk").values_list("subject", flat=True))


def queued_reminders():
    from django_tasks_db.models import DBTaskResult

    return list(
        DBTaskResult.objects.filter(task_path="live.tasks.send_reminder").order_by(
            "enqueued_at"
        )
    )


def test_booking_queues_a_reminder_a_day_before(
    queue, course, learner, django_capture_on_commit_callbacks
):
    start = timezone.now() + timedelta(days=3)
    session = make_session(course, starts_at=start)
    with django_capture_on_commit_callbacks(execute=True):
        booking = services.book(learner, session)

    (reminder,) = queued_reminders()
    assert reminder.run_after == start - timedelta(hours=24)
    assert reminder.args_kwargs["args"] == [booking.pk, 0]


def test_the_reminder_is_sent_once_and_not_after_a_change(
    queue, course, learner, django_capture_on_commit_callbacks
):
    session = make_session(course, starts_at=timezone.now() + timedelta(days=3))
    booking = services.book(learner, session)

    with django_capture_on_commit_callbacks(execute=True):
        send_reminder.call(booking.pk, 0)
        send_reminder.call(booking.pk, 0)
    assert emails() == [f"Erinnerung: {session.title}"]

    with django_capture_on_commit_callbacks(execute=True):
        services.session_changed(session)
        send_reminder.call(booking.pk, 0)  # queued before the change
    assert emails() == [
        f"Erinnerung: {session.title}",
        f"Termin geändert: {session.title}",
    ]


def test_no_reminder_for_a_cancelled_booking(queue, session, learner):
    booking = services.book(learner, session)
    services.cancel(learner, session)

    send_reminder.call(booking.pk, 0)
    send_reminder.call(booking.pk, 1)

    assert not any(subject.startswith("Erinnerung") for subject in emails())
