"""Demo live sessions of the intercultural course: one held (Lea attended),
one coming in person that Lea booked, one coming online. Idempotent: each
session has a fixed calendar identity; dates are set relative to the first run."""

import uuid
from datetime import datetime, time, timedelta

from django.utils import timezone

from accounts.models import User
from courses.models import CoursePage
from live import services
from live.models import LiveSession, SessionFormat

NAMESPACE = uuid.UUID("0b7d3c1e-5a2f-4e8b-9f61-7c2d4a9e3b15")
COURSE_SLUG = "interkulturelle-kompetenz"
SESSIONS = [
    # (key, title, format, days from today, start hour, hours)
    (
        "held",
        "Präsenz-Workshop: Vielfalt im Betrieb",
        SessionFormat.IN_PERSON,
        -7,
        9,
        6,
    ),
    (
        "coming",
        "Präsenz-Workshop: Vielfalt im Betrieb",
        SessionFormat.IN_PERSON,
        14,
        9,
        6,
    ),
    (
        "mini",
        "IQ Mini online: Kommunikation im Team",
        SessionFormat.ONLINE,
        21,
        14,
        1.5,
    ),
]


def _at(days: int, hour: int) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour)))


def create_demo_live_sessions() -> None:
    course = CoursePage.objects.filter(
        slug=COURSE_SLUG, locale__language_code="de"
    ).first()
    trainer = User.objects.filter(email="trainer@example.org").first()
    learner = User.objects.filter(email="lernende@example.org").first()
    if course is None or trainer is None or learner is None:
        return
    for key, title, session_format, days, hour, hours in SESSIONS:
        uid = uuid.uuid5(NAMESPACE, key)
        if LiveSession.objects.filter(uid=uid).exists():
            continue
        starts = _at(days, hour)
        online = session_format == SessionFormat.ONLINE
        session = LiveSession.objects.create(
            uid=uid,
            course=course,
            title=title,
            format=session_format,
            series="" if online else "vielfalt-im-betrieb",
            starts_at=starts,
            ends_at=starts + timedelta(hours=hours),
            place="" if online else "IQ Netzwerk NRW, Seminarraum 2",
            address="" if online else "Musterstraße 1\n50667 Köln",
            accessibility_notes="" if online else "Stufenloser Zugang, Aufzug.",
            online_url="https://meet.example.org/iq-mini-demo" if online else "",
            capacity=12 if not online else 30,
        )
        session.trainers.add(trainer)
        if key in ("held", "coming"):
            services.book(learner, session, by=trainer)
        if key == "held":
            services.record_attendance(session, learner, "present", by=trainer)
