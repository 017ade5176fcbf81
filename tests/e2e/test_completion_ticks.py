"""A module with a reflection and a quiz: the ticks follow what the learner does.

The learner sees each condition as "Offen", writes the note, passes the quiz,
and watches each turn into "Erfüllt"; "Fertig" appears only when nothing else
is missing, and the course outline shows the same. (Package conditions are
covered by service tests: the package player is moving to its own origin.)
"""

import re

import pytest
from playwright.sync_api import expect

from courses.services import enrol
from tests.e2e.conftest import PASSWORD, assert_accessible, sign_in
from tests.factories import UserFactory, lesson_body, make_course_index
from tests.quizzes.conftest import publish_quiz

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def course_with_conditions(e2e_site, e2e_media):
    from courses.models import CoursePage, ModulePage

    course = CoursePage(
        title="Beratung mit Bedingungen", slug="bedingungen", summary="."
    )
    make_course_index(e2e_site).add_child(instance=course)
    course.save_revision().publish()
    module = ModulePage(
        title="Gespräche führen",
        slug="gespraeche",
        body=lesson_body(n_reflections=1),
        completion_reflection=True,
        completion_quiz_passed=True,
    )
    course.add_child(instance=module)
    module.save_revision().publish()
    publish_quiz(module)
    return course, module


def conditions(page):
    return page.locator(".module__end .condition")


def test_ticks_appear_as_the_learner_writes_the_note_and_passes_the_quiz(
    page, live_server, course_with_conditions
):
    course, module = course_with_conditions
    learner = UserFactory(role="learner")
    enrol(learner, course)
    base = live_server.url
    sign_in(page, base, learner.email, PASSWORD, lang="de")
    page.goto(base + module.url)

    expect(conditions(page)).to_have_count(3)
    expect(conditions(page).filter(has_text="Offen:")).to_have_count(3)
    expect(page.get_by_role("button", name=re.compile("^Fertig"))).to_have_count(0)
    assert_accessible(page, "module-conditions-open")

    page.get_by_label("Ihre Notiz").fill("Ich frage künftig nach.")
    page.get_by_role("button", name="Notiz speichern").click()
    note = conditions(page).filter(has_text="Reflexionsfrage")
    expect(note).to_contain_text("Erfüllt:")
    expect(conditions(page).filter(has_text="Offen:")).to_have_count(2)

    page.get_by_role("link", name="Bestehen Sie das Quiz „Abschlusstest“").click()
    page.locator("form.quiz__start button").click()
    page.get_by_label("Option 0 of q-single").check()
    page.locator("button[name=action][value=submit]").click()
    expect(page.locator(".quiz-summary__outcome")).to_contain_text("Bestanden")

    page.goto(base + module.url)
    quiz = conditions(page).filter(has_text="Abschlusstest")
    expect(quiz).to_contain_text("Erfüllt:")
    expect(conditions(page).filter(has_text="Offen:")).to_have_count(1)
    done = page.get_by_role("button", name="Fertig – Modul abschließen")
    expect(done).to_be_visible()
    assert_accessible(page, "module-conditions-done-offered")
    done.click()

    # The course is complete: its outline shows every condition met.
    expect(page.locator(".course__status")).to_contain_text("Abgeschlossen am")
    outline = page.locator(".module-list .condition")
    expect(outline).to_have_count(3)
    expect(outline.filter(has_text="Erfüllt:")).to_have_count(3)
