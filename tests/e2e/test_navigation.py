"""Issue 18: find the certificate from the menu, no dead ends, a menu for phones.

Two runs cover both languages and both widths: German at 375 px, English on a
desktop. Each learner completes a short course and reaches the certificate from
the main menu in one click.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import (
    assert_accessible,
    certificate_template,
    sign_in,
    tab_to,
)
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}

TEXT = {
    "de": {
        "prefix": "",
        "menu": "Menü",
        "certificates": "Meine Zertifikate",
        "verify": "Öffentliche Verifizierungsseite",
        "denied": "Zugriff verweigert",
        "not_found": "Seite nicht gefunden",
    },
    "en": {
        "prefix": "/en",
        "menu": "Menu",
        "certificates": "My certificates",
        "verify": "Public verification page",
        "denied": "Access denied",
        "not_found": "Page not found",
    },
}


@pytest.fixture
def short_course(e2e_site, e2e_media):
    """One module, confirmed with "Done"; completing it issues a certificate."""
    from courses.models import CoursePage, ModulePage, PackageRequirement
    from tests.factories import make_course_index, translate_tree

    template = certificate_template()
    index = make_course_index(e2e_site)
    course = CoursePage(
        title="Kurz und gut",
        slug="kurz",
        summary="Ein kurzer Kurs.",
        certificate_template=template,
    )
    index.add_child(instance=course)
    course.save_revision().publish()
    module = ModulePage(
        title="Einziges Modul",
        slug="modul",
        body=[{"type": "text", "value": "<p>Kurz gelesen.</p>"}],
        completion_packages=PackageRequirement.NONE,
    )
    course.add_child(instance=module)
    module.save_revision().publish()
    translate_tree(index, "en")
    return course


def _open_menu_if_collapsed(page, text: dict, phone: bool) -> None:
    toggle = page.get_by_role("button", name=text["menu"])
    if not phone:
        expect(toggle).to_be_hidden()
        return
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#site-nav-list")).to_be_hidden()
    tab_to(page, ".site-nav__toggle")
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#site-nav-list")).to_be_visible()


@pytest.mark.parametrize(
    ("lang", "viewport"), [("de", PHONE), ("en", DESKTOP)], ids=["de-375", "en-desk"]
)
def test_learner_completes_course_and_reaches_certificate_from_the_menu(
    page, live_server, short_course, lang, viewport
):
    text, phone = TEXT[lang], viewport is PHONE
    page.set_viewport_size(viewport)
    base = live_server.url + text["prefix"]
    learner = UserFactory(role="learner")
    sign_in(page, live_server.url, learner.email, lang=lang)

    page.goto(f"{base}/kurse/kurz/")
    page.locator(".course__status button[type=submit]").click()
    page.locator("form[data-done-form] button").click()
    page.wait_for_load_state()

    # The completed course page names the next step: the certificate.
    page.goto(f"{base}/kurse/kurz/")
    status = page.locator(".course__status")
    expect(status.get_by_role("link", name=re.compile(text["verify"]))).to_be_visible()
    assert_accessible(page, f"nav-course-completed-{lang}")

    # One click from the menu (after opening it by keyboard on a phone).
    _open_menu_if_collapsed(page, text, phone)
    page.locator("#site-nav-list").get_by_role(
        "link", name=text["certificates"]
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(text["certificates"])
    expect(page.locator(".certificate-card")).to_contain_text(short_course.title[:5])
    assert_accessible(page, f"nav-my-certificates-{lang}")

    if phone:
        # Escape closes the open menu and returns focus to its button.
        _open_menu_if_collapsed(page, text, phone)
        page.keyboard.press("Tab")
        page.keyboard.press("Escape")
        toggle = page.get_by_role("button", name=text["menu"])
        expect(toggle).to_have_attribute("aria-expanded", "false")
        expect(toggle).to_be_focused()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_learner_at_admin_gets_403_and_unknown_address_gets_404(
    page, live_server, e2e_site, settings, lang
):
    settings.DEBUG = False
    text = TEXT[lang]
    learner = UserFactory(role="learner", preferred_language=lang)
    sign_in(page, live_server.url, learner.email, lang=lang)

    response = page.goto(f"{live_server.url}/admin/")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text(text["denied"])
    assert_accessible(page, f"error-403-{lang}")

    response = page.goto(f"{live_server.url}{text['prefix']}/gibt-es-nicht/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text(text["not_found"])
    expect(page.locator(".site-header")).to_be_visible()
    assert_accessible(page, f"error-404-{lang}")


def test_menu_stays_open_without_javascript(browser, live_server, e2e_site):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    expect(page.locator("#site-nav-list")).to_be_visible()
    expect(page.locator(".site-nav__toggle")).to_be_hidden()
    context.close()
