"""Permission matrix of the live trainings: every URL of the app (its views and
its two admin viewsets), seven kinds of visitor, the answer each gets.

A new URL of the app without a row fails `test_every_live_url_is_in_the_matrix`.
The trainer of another team must never reach team A's session, list or rule;
the online link and the calendar file are for the booked learner only.
"""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from live import checkin, services
from live.models import AttendanceRule
from tests.factories import UserFactory, make_course, make_team

from .conftest import make_session

pytestmark = pytest.mark.django_db

ROLES = (
    "anonymous",
    "learner",  # booked in team A's session
    "other_learner",  # not booked
    "trainer",  # team A
    "trainer_other",  # team B
    "coordinator",
    "admin",
)
L, R = "login", "redirect"
LINK = "https://meet.example.org/geheim-a"

# Reviewed row by row. Admin views: learners are sent to the login, a
# coordinator (no trainer role) back to the dashboard or 404 for an object,
# team B gets 404 for team A's objects (the copy view sends them back, copying
# nothing). Booking forms answer with a redirect to the course page.
MATRIX: dict[str, tuple] = {
    "live:book": (L, R, R, R, R, R, R),
    "live:cancel": (L, R, R, R, R, R, R),
    "live:calendar": (L, 200, 404, 404, 404, 404, 404),
    "live:feed": (200, 200, 200, 200, 200, 200, 200),
    "live:new_feed": (L, R, R, R, R, R, R),
    "live:attendance": (L, 404, 404, 200, 404, 404, 200),
    "live:sign_in_sheet": (L, 404, 404, 200, 404, 404, 200),
    "live:book_for": (L, 404, 404, R, 404, 404, R),
    "live:room_code": (L, 404, 404, 200, 404, 404, 200),
    "live:check_in": (L, 200, 403, 403, 403, 403, 403),
    "live_sessions:index": (L, 403, 403, 200, 200, R, 200),
    "live_sessions:index_results": (L, 403, 403, 200, 200, R, 200),
    "live_sessions:add": (L, 403, 403, 200, 200, R, 200),
    "live_sessions:edit": (L, 403, 403, 200, 404, R, 200),
    "live_sessions:copy": (L, 403, 403, 200, R, R, 200),
    "live_sessions:delete": (L, 403, 403, 200, 404, 404, 200),
    "live_sessions:inspect": (L, 403, 403, 200, 404, 404, 200),
    "live_sessions:history": (L, 403, 403, 200, 404, 404, 200),
    "live_sessions:history_results": (L, 403, 403, 200, 404, 404, 200),
    "live_sessions:usage": (L, 403, 403, 200, 404, 404, 200),
    "live_attendance_rules:index": (L, 403, 403, 200, 200, R, 200),
    "live_attendance_rules:index_results": (L, 403, 403, 200, 200, R, 200),
    "live_attendance_rules:add": (L, 403, 403, 200, 200, R, 200),
    "live_attendance_rules:edit": (L, 403, 403, 200, 404, R, 200),
    "live_attendance_rules:delete": (L, 403, 403, 200, 404, 404, 200),
    "live_attendance_rules:history": (L, 403, 403, 200, 404, 404, 200),
    "live_attendance_rules:history_results": (L, 403, 403, 200, 404, 404, 200),
    "live_attendance_rules:usage": (L, 403, 403, 200, 404, 404, 200),
}
POSTS = {"live:book", "live:cancel", "live:new_feed", "live:book_for"}


def live_url_names() -> set[str]:
    found = set()

    def walk(resolver, namespace):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or namespace
                if namespace and pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}"
                walk(pattern, inner)
            elif namespace and namespace.split(":")[-1].startswith("live"):
                found.add(f"{namespace.split(':')[-1]}:{pattern.name}")

    walk(get_resolver(), None)
    return found


@pytest.fixture
def world(site_root):
    from tests.factories import make_course_index

    index = make_course_index(site_root)
    course = make_course(index, "Kurs A", modules=1)
    other_course = make_course(index, "Kurs B", modules=1)
    users = {
        "anonymous": None,
        "learner": UserFactory(),
        "other_learner": UserFactory(),
        "trainer": UserFactory(role="trainer"),
        "trainer_other": UserFactory(role="trainer"),
        "coordinator": UserFactory(role="coordinator"),
        "admin": UserFactory(role="administrator", is_superuser=True),
    }
    make_team(course, users["trainer"])
    make_team(other_course, users["trainer_other"])
    start = timezone.now() - timedelta(minutes=5)
    session = make_session(
        course,
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        format="online",
        online_url=LINK,
    )
    services.book(users["learner"], session, by=users["trainer"])
    rule = AttendanceRule.objects.create(module=course.get_modules().get())
    feed = services.feed_for(users["learner"])
    return SimpleNamespace(users=users, session=session, rule=rule, feed=feed)


def url_of(world, name: str) -> str:
    namespace, action = name.split(":")
    session = world.session
    if name == "live:feed":
        return reverse(name, args=[world.feed.token])
    if name == "live:check_in":
        return reverse(name, args=[session.pk, checkin.current_code(session)])
    if name == "live:new_feed" or action in {"index", "index_results", "add"}:
        return reverse(name)
    if namespace == "live_attendance_rules":
        return reverse(name, args=[world.rule.pk])
    return reverse(name, args=[session.pk])


def observe(world, name: str) -> tuple:
    answers = []
    for role in ROLES:
        client = Client()
        if world.users[role] is not None:
            client.force_login(world.users[role])
        url = url_of(world, name)
        response = client.post(url) if name in POSTS else client.get(url)
        if response.status_code in (301, 302):
            answers.append(L if "/login/" in response["Location"] else R)
        else:
            answers.append(response.status_code)
    return tuple(answers)


def test_every_live_url_is_in_the_matrix():
    assert sorted(live_url_names() ^ set(MATRIX)) == []


def test_each_visitor_gets_the_reviewed_answer(world):
    observed = {name: observe(world, name) for name in MATRIX}
    wrong = {name: got for name, got in observed.items() if got != MATRIX[name]}
    for name, got in wrong.items():
        print(name, got, "expected", MATRIX[name])
    assert wrong == {}


def test_the_online_link_is_shown_only_to_the_booked(world):
    course_url = world.session.course.url
    for role in ROLES:
        client = Client()
        if world.users[role] is not None:
            client.force_login(world.users[role])
        page = client.get(course_url).content.decode()
        assert (LINK in page) == (role == "learner"), role
