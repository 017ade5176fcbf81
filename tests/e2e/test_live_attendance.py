"""In real Chromium: a trainer takes attendance on a 375 px screen with the
keyboard only; a learner checks in with the room's current code, an old code
is refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from live import checkin, services
from live.models import Attendance, AttendanceStatus
from tests.e2e.conftest import (
    PASSWORD,
    assert_accessible,
    assert_focus_visible,
    sign_in,
    tab_to,
)
from tests.factories import UserFactory, make_course, make_course_index, make_team
from tests.live.conftest import make_session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def running(e2e_site):
    course = make_course(make_course_index(e2e_site), "Workshop Live", modules=1)
    trainer = UserFactory(role="trainer", first_name="Tina", last_name="Trainerin")
    make_team(course, trainer)
    start = timezone.now() - timedelta(minutes=5)
    session = make_session(course, starts_at=start, ends_at=start + timedelta(hours=3))
    people = [
        UserFactory(first_name="Ada", last_name="Arslan"),
        UserFactory(first_name="Ben", last_name="Berg"),
    ]
    for person in people:
        services.book(person, session, by=trainer)
    return session, trainer, people


def test_trainer_takes_attendance_by_keyboard_on_a_phone(page, live_server, running):
    session, trainer, (ada, ben) = running
    page.set_viewport_size({"width": 375, "height": 740})
    sign_in(page, live_server.url, trainer.email, PASSWORD, lang="de")
    page.goto(f"{live_server.url}/live/sessions/{session.pk}/attendance/")
    expect(page.locator("h1")).to_contain_text(session.title)

    page.locator("body").focus()
    tab_to(page, f"input[name='status-{ada.pk}'][value='present']")
    assert_focus_visible(page)
    page.keyboard.press("Space")
    tab_to(page, f"input[name='status-{ben.pk}']")
    # Tab lands on the group's first choice ("present"), the arrow moves on.
    expect(
        page.locator(f"input[name='status-{ben.pk}'][value='present']")
    ).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(page.locator(f"input[name='status-{ben.pk}'][value='late']")).to_be_checked()
    tab_to(page, f"#note-{ben.pk}")
    page.keyboard.type("Zug verspätet")
    tab_to(page, "form.attendance button[type=submit]")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_load_state()

    expect(page.locator("body")).to_contain_text(
        "Die Anwesenheitsliste ist gespeichert."
    )
    rows = dict(Attendance.objects.values_list("user", "status"))
    assert rows == {ada.pk: AttendanceStatus.PRESENT, ben.pk: AttendanceStatus.LATE}
    assert Attendance.objects.get(user=ben).note == "Zug verspätet"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the list scrolls sideways on a phone ({width} px)"
    assert_accessible(page, "live-attendance-phone")


def test_learner_checks_in_with_the_current_code_and_not_an_old_one(
    page, live_server, running
):
    session, _trainer, (ada, _ben) = running
    page.set_viewport_size({"width": 375, "height": 740})
    sign_in(page, live_server.url, ada.email, PASSWORD, lang="de")

    minute = int(timezone.now().timestamp() // 60)
    old = checkin.code_for(session, minute - 2)
    page.goto(f"{live_server.url}/live/check-in/{session.pk}/{old}/")
    expect(page.locator("[role=alert]")).to_contain_text("nicht mehr gültig")
    assert not Attendance.objects.exists()

    code = checkin.current_code(session)
    page.goto(f"{live_server.url}/live/check-in/{session.pk}/{code}/")
    page.get_by_role("button", name="Jetzt einchecken").click()

    expect(page.locator("[role=status]")).to_contain_text("Sie sind angemeldet")
    assert Attendance.objects.get(user=ada).status == AttendanceStatus.PRESENT
