"""A course with a team trainer and sessions to book."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from live.models import LiveSession
from tests.factories import UserFactory, make_course, make_course_index, make_team

BERLIN = ZoneInfo("Europe/Berlin")


def make_session(course, **fields) -> LiveSession:
    start = fields.pop("starts_at", timezone.now() + timedelta(days=7))
    values = {
        "title": "Workshop Interkulturelle Kompetenz",
        "starts_at": start,
        "ends_at": fields.pop("ends_at", start + timedelta(hours=3)),
        "place": "IQ Netzwerk, Raum 2",
        "address": "Musterstraße 1\n50667 Köln",
        "capacity": 20,
    }
    return LiveSession.objects.create(course=course, **(values | fields))


def berlin(*args) -> datetime:
    return datetime(*args, tzinfo=BERLIN)


@pytest.fixture
def course(site_root):
    index = make_course_index(site_root)
    return make_course(index, "Kurs Live", modules=1)


@pytest.fixture
def trainer(course):
    person = UserFactory(role="trainer", last_name="Trainerin")
    make_team(course, person)
    return person


@pytest.fixture
def session(course):
    return make_session(course)


@pytest.fixture
def learner(db):
    return UserFactory(role="learner")
