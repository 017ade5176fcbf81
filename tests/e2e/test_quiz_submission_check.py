"""The check before submitting works with the keyboard alone and takes the focus.

Submitting with open questions brings up a summary that gets the focus (so a
screen reader reads it), links to each open question and offers "Submit anyway";
nothing is graded until that is pressed.
"""

import re

import pytest
from playwright.sync_api import expect

from courses.services import enrol
from quizzes.models import Attempt, AttemptStatus, QuizPage
from tests.e2e.conftest import (
    PASSWORD,
    assert_accessible,
    assert_focus_visible,
    sign_in,
    tab_to,
)
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_open_questions_are_listed_focused_and_confirmed_by_keyboard(
    page, live_server, journey_course
):
    learner = UserFactory(role="learner")
    enrol(learner, journey_course)
    quiz = QuizPage.objects.descendant_of(journey_course).get(
        locale=journey_course.locale
    )
    sign_in(page, live_server.url, learner.email, PASSWORD, lang="de")
    page.goto(live_server.url + quiz.url)

    tab_to(page, "form.quiz__start button")
    page.keyboard.press("Enter")
    expect(page.locator("form.quiz-form")).to_be_visible()
    # Answer only the first question, then submit with the keyboard.
    first = page.locator("#question-1 input").first
    tab_to(page, f"#{first.get_attribute('id')}")
    page.keyboard.press("Space")
    tab_to(page, "button[name=action][value=submit]")
    page.keyboard.press("Enter")

    summary = page.locator("#quiz-gaps")
    expect(summary).to_be_focused()
    assert_focus_visible(page)
    expect(summary.get_by_role("heading", level=2)).to_have_text(
        "5 Fragen sind nicht vollständig beantwortet"
    )
    expect(page).to_have_title(re.compile("^Nicht alle Fragen beantwortet"))
    expect(summary.locator("ul a")).to_have_count(5)
    assert_accessible(page, "quiz-submission-check-de")
    attempt = Attempt.objects.get(user=learner)
    assert attempt.status == AttemptStatus.IN_PROGRESS
    # The draft kept the one answer given.
    assert attempt.draft_answers[attempt.presented[0]["token"]]

    # The first link leads to question 2, which takes the focus.
    page.keyboard.press("Tab")
    expect(summary.locator("ul a").first).to_be_focused()
    expect(summary.locator("ul a").first).to_have_text("Frage 2: nicht beantwortet")
    page.keyboard.press("Enter")
    expect(page.locator("#question-2")).to_be_focused()
    # The answer given before is still chosen.
    expect(page.locator("#question-1 input").first).to_be_checked()

    # Back to the summary and "Submit anyway".
    tab_to(page, "#quiz-gaps button[value=submit_anyway]", backwards=True)
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ergebnis")
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.SUBMITTED
