import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_home_registration_and_login_pages_have_no_wcag_violations(
    page, live_server, e2e_site
):
    for path, name in [
        ("/", "home-de"),
        ("/en/", "home-en"),
        ("/accounts/signup/", "registration-de"),
        ("/en/accounts/signup/", "registration-en"),
        ("/accounts/login/", "login-de"),
        ("/en/accounts/login/", "login-en"),
        ("/barrierefreiheit/", "accessibility-statement-de"),
    ]:
        page.goto(live_server.url + path)
        assert_accessible(page, name)


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(
    page, live_server, e2e_site
):
    page.goto(live_server.url + "/")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Zum Hauptinhalt springen")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "main"


def test_language_switcher_changes_the_language_in_the_browser(
    page, live_server, e2e_site
):
    page.goto(live_server.url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "de")

    page.get_by_role("link", name="English").click()

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("IQ Learning Platform")
    page.get_by_role("link", name="Deutsch").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("IQ Lernplattform")


def test_accessibility_check_fails_on_a_page_with_a_violation(page):
    page.set_content(
        '<html lang="en"><head><title>Test</title></head>'
        '<body><main><img src="x.png"></main></body></html>'
    )

    with pytest.raises(pytest.fail.Exception, match="image-alt"):
        assert_accessible(page, "known-violation")
