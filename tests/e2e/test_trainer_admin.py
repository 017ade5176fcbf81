"""A lead trainer builds a course with a module and a quiz in the Wagtail admin.

Lead trainers start courses from "Course teams"; the new course's team (with
them in it) then grants the editing and publishing of its pages.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PASSWORD
from tests.factories import NetworkFactory, UserFactory, make_course_index

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def trainer(e2e_site):
    """A lead trainer of a network, who uses the admin in English."""
    from wagtail.users.models import UserProfile

    from accounts.roles import sync_role_groups

    sync_role_groups()  # a flushed database lost the role groups' permissions
    user = UserFactory(role="trainer")
    NetworkFactory().lead_trainers.add(user)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def _textbox(scope, label: str):
    return scope.get_by_role("textbox", name=re.compile(rf"^{label}\b")).first


def _add_child(page, base: str, parent) -> None:
    """Open the parent in the page explorer and add a child page (one type only)."""
    page.goto(f"{base}/admin/pages/{parent.pk}/")
    page.get_by_role("link", name=re.compile("Add child page")).first.click()
    expect(page.locator("#id_title")).to_be_visible()


def _title(page, title: str) -> None:
    """Fill the title and wait for Wagtail's script to fill the slug from it
    (publishing before that fails validation on a slow machine)."""
    _textbox(page, "Title").fill(title)
    _textbox(page, "Title").blur()
    expect(page.locator("#id_slug")).not_to_have_value("")


def _publish(page) -> None:
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("published")


def _add_block(page, stream_label: str, block_label: str) -> None:
    field = page.locator(f"[data-contentpath='{stream_label}']").first
    field.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name=block_label).or_(
        page.get_by_role("button", name=block_label)
    ).first.click()


def _rich_text(locator, text: str) -> None:
    """Type into a Draftail editor and wait until it has stored the text."""
    editor = locator.locator("[contenteditable=true]").first
    editor.click()
    editor.type(text)
    # Draftail stores its content in a hidden input a moment after typing.
    expect(locator.locator(f'input[type=hidden][value*="{text}"]')).to_have_count(1)


def test_trainer_creates_and_publishes_course_module_and_quiz(
    page, live_server, trainer
):
    from pages.models import HomePage

    base = live_server.url
    index = make_course_index(HomePage.objects.get(locale__language_code="de"))

    page.goto(f"{base}/admin/login/?next=/admin/")
    page.locator("[name=login]").fill(trainer.email)
    page.locator("[name=password]").fill(PASSWORD)
    page.locator("main form [type=submit]").first.click()
    expect(page.get_by_role("heading", level=1).first).to_be_visible()

    # A new course, started from the course teams, saved, then published.
    page.goto(f"{base}/admin/course_teams/")
    page.get_by_role("link", name=re.compile(f"New course in “{index.title}”")).click()
    expect(page.locator("#id_title")).to_be_visible()
    _textbox(page, "Title").fill("Diskriminierungsfreie Personalauswahl")
    _textbox(page, "Summary").fill("Wie Stellenanzeigen alle erreichen.")
    # Wagtail's script fills the slug in from the title once the title is left.
    expect(page.locator("#id_slug")).to_have_value(
        "diskriminierungsfreie-personalauswahl"
    )
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("created")
    _publish(page)
    from courses.models import CoursePage, ModulePage
    from quizzes.models import QuizPage

    course = CoursePage.objects.get(title="Diskriminierungsfreie Personalauswahl")
    assert course.live

    # Module under the course, with a text block.
    _add_child(page, base, course)
    _title(page, "Stellenanzeigen prüfen")
    _add_block(page, "body", "Text")
    _rich_text(page.locator("[data-contentpath=body]"), "Anzeigen ohne Altersgrenzen.")
    page.screenshot(path="tests/artifacts/admin-module.png", full_page=True)
    _publish(page)
    module = ModulePage.objects.get(title="Stellenanzeigen prüfen")
    assert module.live

    # Quiz under the module: one single-choice question with two options.
    _add_child(page, base, module)
    _title(page, "Kurzquiz Stellenanzeigen")
    _add_block(page, "questions", "Single choice")
    question = page.locator("[data-contentpath=questions] [data-contentpath]").first
    _rich_text(
        question.locator("[data-contentpath=prompt]"),
        "Welche Formulierung schließt niemanden aus?",
    )
    options = question.locator("[data-contentpath=options]")
    answers = options.get_by_role("textbox", name=re.compile(r"^Answer option\b"))
    texts = ["Junges, dynamisches Team", "Team mit Erfahrung aller Generationen"]
    while answers.count() < len(texts):
        options.get_by_role("button", name=re.compile("Insert|Add")).last.click()
    for number, text in enumerate(texts):
        answers.nth(number).fill(text)
    options.get_by_role("checkbox", name="Correct").nth(1).check()
    _publish(page)
    quiz = QuizPage.objects.get(title="Kurzquiz Stellenanzeigen")
    assert quiz.live
    assert [o["text"] for o in quiz.questions[0].value["options"]] == texts

    # The public site shows the course, its module and the quiz.
    page.goto(base + course.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(course.title)
    page.locator(".module-list").get_by_role("link", name=module.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(module.title)
    expect(page.locator(".lesson")).to_contain_text("Anzeigen ohne Altersgrenzen.")
    page.locator(f".module__end a[href='{quiz.url}']").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(quiz.title)
    expect(page.locator(".quiz__facts dd").first).to_have_text("1")
