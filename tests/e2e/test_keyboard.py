"""The case-study block works without a mouse and shows where the focus is."""

import pytest
from playwright.sync_api import expect

from courses.services import enrol
from tests.e2e.conftest import PASSWORD, assert_focus_visible, sign_in, tab_to
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_case_study_is_answered_by_keyboard_and_its_feedback_gets_the_focus(
    page, live_server, journey_course
):
    learner = UserFactory(role="learner")
    enrol(learner, journey_course)
    lesson = journey_course.get_modules()[0].specific
    block = next(b for b in lesson.body if b.block_type == "case_study")
    sign_in(page, live_server.url, learner.email, PASSWORD, lang="de")
    page.goto(live_server.url + lesson.url)

    page.locator("body").focus()
    tab_to(page, f"#case-{block.id}-1")
    assert_focus_visible(page)
    page.keyboard.press("ArrowDown")
    expect(page.locator(f"#case-{block.id}-2")).to_be_checked()
    assert_focus_visible(page)
    page.keyboard.press("Tab")
    expect(page.locator(".case-study__form button")).to_be_focused()
    assert_focus_visible(page)
    page.keyboard.press("Enter")

    feedback = page.locator(f"#case-{block.id}-feedback")
    expect(feedback).to_contain_text("Die Situation verunsichert ihn.")
    expect(feedback).to_contain_text("Die Prüfungssituation erklärt viel.")
    expect(feedback).to_be_focused()
    expect(page.locator(f"#case-{block.id}-2")).to_be_checked()

    # The feedback on every option opens with the keyboard too.
    summary = page.locator(".case-study__all summary")
    tab_to(page, ".case-study__all summary")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    expect(page.locator(".case-study__all dl")).to_contain_text(
        "Diese Deutung greift zu kurz."
    )
    expect(summary).to_be_focused()

    # No keyboard trap: the focus moves on to the next block and back.
    tab_to(page, "textarea")
    assert_focus_visible(page)
    tab_to(page, f"#case-{block.id}-2", backwards=True)
