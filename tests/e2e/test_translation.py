"""A translated course: the learner switches languages and keeps one progress."""

import pytest
from playwright.sync_api import expect

from courses.services import enrol
from tests.e2e.conftest import PASSWORD, sign_in
from tests.factories import UserFactory, make_course, make_course_index, translate_tree

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def courses(e2e_site):
    """A course in German and English, and one that exists in German only."""
    index = make_course_index(e2e_site)
    translated = make_course(
        index, "Anerkennung im Betrieb", slug="anerkennung", modules=2
    )
    translate_tree(index, "en")
    german_only = make_course(index, "Nur auf Deutsch", slug="nur-deutsch", modules=1)
    return translated, german_only


def _module_states(page) -> list[str]:
    items = page.locator("section[aria-labelledby=modules-heading] .module-list__item")
    return [item.get_attribute("class").rsplit("--", 1)[1] for item in items.all()]


def test_progress_is_shared_when_the_learner_switches_language(
    page, live_server, courses
):
    course, _german_only = courses
    learner = UserFactory(role="learner")
    enrol(learner, course)
    sign_in(page, live_server.url, learner.email, PASSWORD, lang="de")

    # Finish the first module in German.
    page.goto(live_server.url + course.url)
    page.locator(".module-list a").first.click()
    # "Done" leads on to the next module, whose page posts the visit on load
    # (the first module's own visit may still be answered meanwhile).
    second = course.get_modules().last()
    seen_second = f"/modules/{second.pk}/seen/"
    with page.expect_response(lambda r: r.url.endswith(seen_second) and r.ok):
        page.locator(".module__end form button[type=submit]").click()
    page.goto(live_server.url + course.url)
    expect(page.locator("html")).to_have_attribute("lang", "de")
    assert _module_states(page) == ["completed", "in_progress"]

    # English: the translated course, with the progress made in German.
    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Anerkennung im Betrieb (en)"
    )
    assert _module_states(page) == ["completed", "in_progress"]
    expect(page.locator(".course-progress__text")).to_contain_text(
        "50 % – 1 of 2 modules completed"
    )

    # Finish the second module in English ...
    page.get_by_role("link", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Modul 2 (en)")
    page.get_by_role("button", name="Done – finish the module").click()
    expect(page.locator(".course__status")).to_contain_text("Completed on")

    # ... and back in German the course is complete as well.
    page.get_by_role("link", name="Deutsch").click()
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_role("heading", level=1)).to_have_text("Anerkennung im Betrieb")
    assert _module_states(page) == ["completed", "completed"]
    expect(page.locator(".course__status progress")).to_have_attribute("value", "100")


def test_english_course_list_falls_back_to_german_courses_without_translation(
    page, live_server, courses
):
    course, german_only = courses

    # "Courses" in the main navigation leads to the list in the active language.
    page.goto(live_server.url + "/en/")
    nav = page.get_by_role("navigation", name="Main navigation")
    nav.get_by_role("link", name="Courses").click()
    assert page.url == live_server.url + "/en/kurse/"

    titles = page.locator(".course-card__title").all_inner_texts()
    assert [t.strip() for t in titles] == [
        "Anerkennung im Betrieb (en)",
        "Nur auf Deutsch",
    ]
    page.get_by_role("link", name="Nur auf Deutsch").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nur auf Deutsch")
    assert page.url == live_server.url + german_only.url

    page.goto(live_server.url + "/kurse/")
    titles = page.locator(".course-card__title").all_inner_texts()
    assert [t.strip() for t in titles] == ["Anerkennung im Betrieb", "Nur auf Deutsch"]
