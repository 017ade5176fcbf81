"""Administrators and personal-data staff reach nothing without a second factor.

These tests sign in through allauth's real login form (not the force_login helper
of tests/two_factor.py), so they see exactly what a person sees: the setup step,
the recovery codes, the code prompt at the next login, and the reset.
"""

from __future__ import annotations

import time

import pytest
from allauth.mfa.models import Authenticator
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from accounts.models import AuditAction, AuditEntry
from tests.factories import PASSWORD, UserFactory
from tests.reports.conftest import grant_personal_data
from tests.two_factor import activate_totp, plain_force_login, totp_code

pytestmark = pytest.mark.django_db

SETUP_EXPLANATION = "Für Ihr Konto ist die Zwei-Faktor-Authentifizierung vorgeschrieben"


@pytest.fixture(autouse=True)
def _german():
    """The default language, whatever an earlier test left active."""
    with translation.override("de"):
        yield


def _sign_in(client, user) -> None:
    """Email and password in the login form, as a person types them."""
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302, response.content.decode()[:500]


def _people_export() -> str:
    return reverse("reports_admin:export_people", args=["csv"])


def _current_code(secret: str) -> str:
    """A code that stays valid for the next few seconds (not at a step's very end)."""
    if 30 - time.time() % 30 < 2:
        time.sleep(2)
    return totp_code(secret)


def test_administrator_without_totp_is_sent_to_the_setup_step_for_every_admin_url(
    client, admin_user
):
    _sign_in(client, admin_user)
    setup = reverse("mfa_activate_totp")
    for url in ("/admin/", _people_export(), reverse("wagtailadmin_explore_root")):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url == setup, url
    # Not even a POST gets through, and nothing personal was exported.
    assert client.post(_people_export()).url == setup
    assert not AuditEntry.objects.filter(
        action=AuditAction.PERSONAL_DATA_EXPORTED
    ).exists()


@pytest.mark.django_db(transaction=True)
def test_setup_explains_itself_then_offers_recovery_codes_and_opens_the_admin(
    client, admin_user, site_root
):
    """Real commits: allauth announces the new factor once its transaction commits,
    inside the activation request, as in production."""
    _sign_in(client, admin_user)
    client.get(_people_export())  # where the administrator was going

    # allauth asks for the password once more before adding a factor.
    setup = client.get(reverse("mfa_activate_totp"))
    assert setup.status_code == 302
    assert setup.url.startswith(reverse("account_reauthenticate"))
    confirmed = client.post(setup.url, {"password": PASSWORD})
    assert confirmed.status_code == 302

    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    assert SETUP_EXPLANATION in page.content.decode()
    secret = page.context["form"].secret

    wrong = client.post(reverse("mfa_activate_totp"), {"code": "000000"})
    assert wrong.status_code == 200
    assert not Authenticator.objects.filter(user=admin_user).exists()

    activated = client.post(
        reverse("mfa_activate_totp"), {"code": _current_code(secret)}
    )
    assert activated.status_code == 302
    assert activated.url == reverse("mfa_view_recovery_codes")
    codes = client.get(activated.url)
    assert codes.status_code == 200
    text = codes.content.decode()
    unused = Authenticator.objects.get(
        user=admin_user, type=Authenticator.Type.RECOVERY_CODES
    )
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    assert all(code in text for code in RecoveryCodes(unused).get_unused_codes())
    # "Continue" leads where the administrator was going.
    assert f'href="{_people_export()}"' in text

    assert client.get("/admin/").status_code == 200
    assert client.get(reverse("wagtailadmin_explore_root")).status_code == 200


def test_the_next_login_asks_for_the_code_and_then_opens_the_admin(client):
    admin = UserFactory(role="administrator")
    secret = activate_totp(admin)
    response = client.post(
        reverse("account_login"), {"login": admin.email, "password": PASSWORD}
    )
    assert response.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    client.post(reverse("mfa_authenticate"), {"code": _current_code(secret)})
    assert client.session["_auth_user_id"] == str(admin.pk)
    assert client.get("/admin/").status_code == 200


def test_coordinator_with_personal_data_is_forced_but_others_and_trainers_are_not(
    client,
):
    with_personal_data = UserFactory(role="coordinator")
    grant_personal_data(with_personal_data)
    aggregates_only = UserFactory(role="coordinator")
    trainer = UserFactory(role="trainer")

    _sign_in(client, with_personal_data)
    response = client.get("/admin/reports/")
    assert response.url == reverse("mfa_activate_totp")

    for user in (aggregates_only, trainer):
        client.logout()
        _sign_in(client, user)
        assert client.get("/admin/").status_code == 200
        assert not Authenticator.objects.filter(user=user).exists()


def test_a_session_that_never_used_the_existing_factor_must_confirm_it(client):
    """Signed in before TOTP was set up elsewhere: the code is asked for, once."""
    admin = UserFactory(role="administrator")
    secret = activate_totp(admin)
    plain_force_login(client, admin)
    response = client.get("/admin/pages/")
    confirm = reverse("mfa_reauthenticate")
    assert response.url == f"{confirm}?next=%2Fadmin%2Fpages%2F"
    confirmed = client.post(response.url, {"code": _current_code(secret)})
    assert confirmed.url == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_reset_mfa_removes_the_factors_signs_out_and_is_audited(client):
    admin = UserFactory(role="administrator")
    resetter = UserFactory(role="administrator")
    client.force_login(admin)  # with TOTP, as after a real two-factor login
    assert client.get("/admin/").status_code == 200
    assert Authenticator.objects.filter(user=admin).count() == 2  # TOTP, codes

    call_command("reset_mfa", admin.email.upper(), "--by", resetter.email)

    assert not Authenticator.objects.filter(user=admin).exists()
    entry = AuditEntry.objects.get(action=AuditAction.TWO_FACTOR_RESET)
    assert (entry.actor, entry.subject) == (resetter, admin)
    assert entry.detail["removed"] == ["recovery_codes", "totp"]
    # Signed out everywhere; the password alone leads to the setup step again.
    assert client.get("/admin/").url.startswith(reverse("wagtailadmin_login"))
    _sign_in(client, admin)
    assert client.get("/admin/").url == reverse("mfa_activate_totp")


def test_reset_mfa_refuses_an_unknown_address():
    with pytest.raises(CommandError, match="nobody@example.org"):
        call_command("reset_mfa", "nobody@example.org")
