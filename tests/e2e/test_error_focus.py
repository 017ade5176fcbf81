"""Errors take the focus; confirmations are announced where the action was.

After a failed submission the error summary has the focus (a screen reader
reads it first), the page title starts with "Fehler:", the summary's first link
moves the focus to the first field in error, and that field says it is invalid
and which error describes it. A saved note is confirmed beside its button,
through a live region that was on the page before the note was saved.
"""

import re

import pytest
from playwright.sync_api import expect

from courses.services import enrol
from quizzes.models import Attempt, AttemptStatus, QuizPage
from tests.e2e.conftest import PASSWORD, assert_focus_visible, sign_in, tab_to
from tests.e2e.keyboard import ALL_TYPES_CORRECT, answer_quiz_by_keyboard
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _first_link_reaches_first_invalid_field(page, summary) -> None:
    """Tab to the summary's first link, press Enter: the first field in error has
    the focus, is marked invalid and is described by its error message."""
    first_invalid = page.locator("main [aria-invalid=true]").first
    expected_id = first_invalid.get_attribute("id")
    link = summary.locator("a").first
    page.keyboard.press("Tab")
    expect(link).to_be_focused()
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    focused = page.evaluate("document.activeElement.id")
    assert focused == expected_id, f"focus on #{focused}, not #{expected_id}"
    described = first_invalid.get_attribute("aria-describedby") or ""
    messages = [page.locator(f"[id='{ref}']").inner_text() for ref in described.split()]
    assert any(text.strip() for text in messages), "the error describes the field"


def test_failed_sign_up_focuses_the_summary_whose_link_reaches_the_field(
    page, live_server, e2e_site
):
    page.goto(live_server.url + "/accounts/signup/")
    form = page.locator("main form").filter(has=page.locator("[name=password1]"))
    tab_to(page, "main form [name=email]")
    page.keyboard.type("keine-adresse")
    tab_to(page, "main form button[type=submit]")
    page.keyboard.press("Enter")
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible(timeout=20_000)
    expect(summary).to_be_focused()
    assert_focus_visible(page)
    expect(summary.get_by_role("heading", level=2)).to_have_text("Es gibt ein Problem")
    expect(page).to_have_title(re.compile("^Fehler: "))
    expect(form.locator("[name=email]")).to_have_attribute("aria-invalid", "true")
    _first_link_reaches_first_invalid_field(page, summary)
    expect(form.locator("[name=email]")).to_be_focused()


def test_failed_quiz_submission_focuses_the_summary_whose_link_reaches_the_input(
    page, live_server, journey_course
):
    learner = UserFactory(role="learner")
    enrol(learner, journey_course)
    quiz = QuizPage.objects.descendant_of(journey_course).get(
        locale=journey_course.locale
    )
    sign_in(page, live_server.url, learner.email, PASSWORD)
    page.goto(f"{live_server.url}/en{quiz.url}")
    tab_to(page, "form.quiz__start button")
    page.keyboard.press("Enter")
    # Every question answered, but two steps of the ordering share position 1.
    answers = dict(ALL_TYPES_CORRECT)
    answers["Prompt q-order"] = {f"Step {i}": "1" for i in range(4)}
    answer_quiz_by_keyboard(page, answers)
    tab_to(page, "button[name=action][value=submit]")
    page.keyboard.press("Enter")
    summary = page.locator("#quiz-errors")
    # The answer page comes back with the summary (slow under a loaded CI).
    expect(summary).to_be_visible(timeout=20_000)
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile("^Error: "))
    order = page.locator(".quiz-question--ordering")
    expect(order.locator("select").first).to_have_attribute("aria-invalid", "true")
    _first_link_reaches_first_invalid_field(page, summary)
    expect(order.locator("select").first).to_be_focused()
    assert Attempt.objects.get(user=learner).status == AttemptStatus.IN_PROGRESS


def test_saved_note_is_announced_beside_the_button(page, live_server, journey_course):
    learner = UserFactory(role="learner")
    enrol(learner, journey_course)
    lesson = journey_course.get_modules()[0]
    sign_in(page, live_server.url, learner.email, PASSWORD, lang="de")
    page.goto(live_server.url + lesson.url)

    reflection = page.locator("section.reflection")
    status = reflection.get_by_role("status")
    expect(status).to_have_text("")  # present, and silent, from page load
    status.evaluate("el => { el.dataset.fromPageLoad = 'yes'; }")
    reflection.get_by_label("Ihre Notiz").fill("Mehr zuhören, weniger deuten.")
    reflection.get_by_role("button", name="Notiz speichern").click()

    expect(status).to_have_text(re.compile("Ihre Notiz wurde gespeichert"))
    # The same live region, not a new page: so a screen reader announces it.
    assert status.get_attribute("data-from-page-load") == "yes"
    # Next to the button that saved it, in view.
    expect(status).to_be_in_viewport()
    page.reload()
    expect(reflection.get_by_label("Ihre Notiz")).to_have_value(
        "Mehr zuhören, weniger deuten."
    )
