"""Participant hours of live trainings, scoped and with small cells hidden."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from live import services
from reports.queries.live import live_participation
from tests.factories import (
    NetworkFactory,
    OrganisationFactory,
    UserFactory,
    make_course,
    make_course_index,
)
from tests.live.conftest import make_session

pytestmark = pytest.mark.django_db


def past(course, days: int, hours: int, **fields):
    start = timezone.now() - timedelta(days=days)
    return make_session(
        course, starts_at=start, ends_at=start + timedelta(hours=hours), **fields
    )


@pytest.fixture
def live_course(site_root):
    return make_course(make_course_index(site_root), "Live-Kurs", modules=1)


@pytest.fixture
def network():
    return NetworkFactory()


def learners(network, n: int) -> list:
    organisation = OrganisationFactory(network=network)
    return [UserFactory(organisation=organisation) for _ in range(n)]


def test_participant_hours_by_course_and_format(settings, live_course, network):
    settings.REPORTS_MIN_CELL_SIZE = 5
    admin = UserFactory(role="administrator", is_superuser=True)
    day_one = past(live_course, 3, 6, series="ttt-2027")
    day_two = past(live_course, 2, 4, series="ttt-2027")
    online = past(live_course, 1, 2, format="online", online_url="https://x.example/")
    people = learners(network, 6)
    for person in people:
        services.record_attendance(day_one, person, "present")
    for person in people[:5]:
        services.record_attendance(day_two, person, "late")
    services.record_attendance(online, people[0], "present")
    services.record_attendance(online, people[1], "excused")

    rows = {row.format: row for row in live_participation(admin)}

    in_person = rows["in_person"]
    assert in_person.trainings.value == 1  # a series is one training
    assert in_person.participants.value == 6
    assert in_person.participant_hours.value == 6 * 6 + 5 * 4
    # One person in the online row: hidden, and the hours derived from it too.
    assert str(rows["online"].participants) == "< 5"
    assert rows["online"].participant_hours.number is None


def test_a_coordinator_counts_only_their_networks_learners(live_course, network):
    coordinator = UserFactory(role="coordinator")
    coordinator.coordinated_networks.add(network)
    session = past(live_course, 1, 3)
    for person in learners(network, 5) + learners(NetworkFactory(), 4):
        services.record_attendance(session, person, "present")

    (row,) = live_participation(coordinator)

    assert row.participants.value == 5
    assert row.participant_hours.value == 15
    assert live_participation(UserFactory()) == []
