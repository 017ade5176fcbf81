"""An administrator's first sign-in in Chromium: the TOTP setup step, then the admin.

The page explains why, the code comes from the secret the page shows (as an
authenticator app would compute it), the recovery codes follow, and "Continue"
opens the admin. Both new pages pass axe.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PASSWORD, assert_accessible, sign_in
from tests.factories import UserFactory
from tests.two_factor import totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_administrator_sets_up_totp_on_first_sign_in_and_reaches_the_admin(
    page, live_server, e2e_site
):
    admin = UserFactory(role="administrator")
    base = live_server.url
    sign_in(page, base, admin.email, PASSWORD, lang="de")
    page.goto(f"{base}/admin/")

    # allauth confirms the password before a factor is added.
    expect(page).to_have_url(re.compile("/accounts/reauthenticate/"))
    page.locator("main form [name=password]").fill(PASSWORD)
    page.locator("main form [type=submit]").first.click()

    expect(page).to_have_url(re.compile("/accounts/2fa/totp/activate/"))
    notice = page.locator("section.notice")
    expect(notice.get_by_role("heading", level=2)).to_have_text(
        "Für Ihr Konto ist die Zwei-Faktor-Authentifizierung vorgeschrieben"
    )
    assert_accessible(page, "two-factor-setup-de")
    secret = page.locator("#authenticator_secret").input_value()
    page.locator("main form [name=code]").fill(totp_code(secret))
    page.locator("main form [type=submit]").first.click()

    expect(page).to_have_url(re.compile("/accounts/2fa/recovery-codes/"))
    codes = page.locator("#recovery_codes").input_value().split()
    assert len(codes) >= 10
    assert_accessible(page, "two-factor-recovery-codes-de")
    page.get_by_role("link", name="Fortsetzen").click()
    expect(page).to_have_url(re.compile("/admin/$"))
    # The Wagtail dashboard, with the account link of the signed-in administrator.
    expect(page.get_by_role("link", name="Konto", exact=True)).to_be_visible()
