"""A new learner's whole way: register, verify, learn, pass, get the certificate."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.e2e.conftest import sign_in, tab_to
from tests.e2e.keyboard import ALL_TYPES_CORRECT, answer_quiz_by_keyboard

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "nora.neu@example.org"
PASSWORD = "Sicheres-Passwort-2026"


def _register_and_verify(page, base: str) -> None:
    page.goto(f"{base}/en/accounts/signup/")
    page.locator("[name=email]").fill(EMAIL)
    page.locator("[name=first_name]").fill("Nora")
    page.locator("[name=last_name]").fill("Neu")
    page.locator("[name=password1]").fill(PASSWORD)
    page.locator("[name=password2]").fill(PASSWORD)
    page.locator("[name=preferred_language]").select_option("en")
    page.get_by_label("I have read the privacy notice.").check()
    page.locator("main form").get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile("Verify Your Email Address", re.I)
    )

    confirmation = next(m for m in mail.outbox if EMAIL in m.to)
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", confirmation.body)
    assert link, confirmation.body
    path = "/" + link.group(0).split("://", 1)[1].split("/", 1)[1]
    page.goto(base + path)
    page.locator("main form").get_by_role("button", name="Confirm").click()
    page.wait_for_load_state()
    # Verified: signing out and in again works and lands on "My learning".
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    sign_in(page, base, EMAIL, PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("My learning")


def test_learner_registers_learns_passes_quiz_by_keyboard_and_gets_certificate(
    page, live_server, journey_course
):
    base = live_server.url
    course_title = f"{journey_course.title} (en)"
    _register_and_verify(page, base)

    # Course list -> course -> enrol: lands on the first module.
    page.goto(f"{base}/en/kurse/")
    page.get_by_role("link", name=course_title).click()
    page.get_by_role("button", name="Enrol in this course").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Alle Bausteine (en)")

    # Work through the lesson page to its end.
    page.get_by_role("button", name="Done – continue to the next module").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Abschluss (en)")
    page.get_by_role("link", name=re.compile("Go to the quiz")).click()

    # From here on the keyboard only.
    tab_to(page, "form.quiz__start button")
    page.keyboard.press("Enter")
    expect(page.locator("form.quiz-form")).to_be_visible()
    assert page.locator("li.quiz-question").count() == 6
    answer_quiz_by_keyboard(page, ALL_TYPES_CORRECT)
    tab_to(page, "button[name=action][value=submit]")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_contain_text("Result")
    expect(page.locator(".quiz-summary__score")).to_contain_text(
        "you scored 11 of 11 points (100 %)"
    )
    expect(page.locator(".quiz-summary__outcome")).to_contain_text("Passed")

    page.goto(f"{base}/en/kurse/{journey_course.slug}/")
    expect(page.locator(".course__status")).to_contain_text("Completed on")
    expect(page.locator(".course-progress__text")).to_contain_text(
        "2 of 2 modules completed"
    )
    page.get_by_role("link", name="My learning").click()
    expect(page.locator(".my-courses__item")).to_contain_text("Completed on")

    page.goto(f"{base}/en/certificates/")
    card = page.locator(".certificate-card")
    expect(card).to_contain_text("Valid")
    pdf_link = card.get_by_role("link", name=re.compile("Download PDF"))
    # Fetched by the page itself: the browser resolves the live server's host
    # name (tests/conftest.py), Playwright's request client would not.
    pdf = page.evaluate(
        """async (url) => {
          const response = await fetch(url);
          const head = new Uint8Array(await response.arrayBuffer()).slice(0, 5);
          return {ok: response.ok, type: response.headers.get("content-type"),
                  head: String.fromCharCode(...head)};
        }""",
        pdf_link.get_attribute("href"),
    )
    assert pdf["ok"]
    assert pdf["type"] == "application/pdf"
    assert pdf["head"] == "%PDF-"

    card.get_by_role("link", name=re.compile("Public verification page")).click()
    expect(page.locator("main")).to_contain_text("Nora Neu")
    expect(page.locator("main")).to_contain_text(journey_course.title[:20])
    expect(page.locator(".verification--valid .verification__status")).to_have_text(
        re.compile("This certificate is valid.")
    )
