"""Rate limits count per client behind the configured proxy, never per forged header.

The test client plays nginx: requests arrive from the proxy's address (REMOTE_ADDR)
with the client's address in X-Forwarded-For, or straight from a client that
writes the header itself.
"""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from learning import checks
from learning.ratelimit import client_address
from learning.settings import base as base_settings
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"
CLIENT_A = "198.51.100.10"
CLIENT_B = "198.51.100.20"
OUTSIDER = "203.0.113.7"
BLOCKED_LOGIN = "Too many failed login attempts"


@pytest.fixture
def behind_nginx(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    settings.TRUSTED_PROXY_ADDRESSES = [PROXY, "::1"]
    return settings


def _request(remote: str, forwarded: str | None = None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


# --- Reading the address --------------------------------------------------------------


def test_without_a_configured_proxy_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(_request(PROXY, CLIENT_A)) == PROXY


def test_behind_one_proxy_the_entry_the_proxy_wrote_is_the_client(behind_nginx):
    assert client_address(_request(PROXY, CLIENT_A)) == CLIENT_A
    # Whatever a client put in front of the proxy's entry is ignored.
    assert client_address(_request(PROXY, f"{OUTSIDER}, {CLIENT_A}")) == CLIENT_A


def test_behind_two_proxies_the_second_entry_from_the_right_is_the_client(
    behind_nginx,
):
    behind_nginx.TRUSTED_PROXY_COUNT = 2
    forwarded = f"{OUTSIDER}, {CLIENT_A}, 10.0.0.5"
    assert client_address(_request(PROXY, forwarded)) == CLIENT_A


def test_a_header_from_an_address_that_is_not_the_proxy_is_ignored(behind_nginx):
    assert client_address(_request(OUTSIDER, CLIENT_A)) == OUTSIDER


def test_a_missing_or_malformed_header_falls_back_to_the_proxy_address(behind_nginx):
    assert client_address(_request(PROXY)) == PROXY
    assert client_address(_request(PROXY, "not-an-address")) == PROXY
    behind_nginx.TRUSTED_PROXY_COUNT = 2
    assert client_address(_request(PROXY, CLIENT_A)) == PROXY


def test_a_custom_header_and_ipv6_proxies_are_read_alike(behind_nginx):
    behind_nginx.TRUSTED_PROXY_HEADER = "X-Real-IP"
    request = RequestFactory().get("/", REMOTE_ADDR="::1", HTTP_X_REAL_IP="2001:db8::7")
    assert client_address(request) == "2001:db8::7"


# --- Certificate lookups --------------------------------------------------------------


def _lookup(client, remote: str, forwarded: str | None = None) -> int:
    url = reverse("certificates:verify", args=["AAAA-BBBB-CCCC-DDDD"])
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return client.get(url, REMOTE_ADDR=remote, **headers).status_code


def test_two_clients_behind_the_proxy_keep_separate_certificate_lookup_limits(
    client, behind_nginx
):
    behind_nginx.CERTIFICATE_VERIFY_RATE_LIMIT = (3, 600)
    first = [_lookup(client, PROXY, CLIENT_A) for _ in range(4)]
    assert 429 not in first[:3] and first[3] == 429
    # Client B, through the same proxy, still has all its lookups.
    assert [_lookup(client, PROXY, CLIENT_B) for _ in range(3)] == [302] * 3
    # Client A cannot escape by writing another address in front of its own.
    assert _lookup(client, PROXY, f"{CLIENT_B}, {CLIENT_A}") == 429


def test_a_forged_header_from_outside_the_proxy_shares_the_real_address_limit(
    client, behind_nginx
):
    behind_nginx.CERTIFICATE_VERIFY_RATE_LIMIT = (3, 600)
    statuses = [_lookup(client, OUTSIDER, f"198.51.100.{n}") for n in range(1, 5)]
    assert 429 not in statuses[:3] and statuses[3] == 429
    # The limit belongs to the real address, not to a header it can vary.
    assert _lookup(client, OUTSIDER, CLIENT_B) == 429
    assert _lookup(client, PROXY, CLIENT_B) == 302


# --- allauth's login limit ----------------------------------------------------------


@pytest.fixture
def login_limits(settings, behind_nginx):
    """Tests switch allauth's limits off; these use the real ones (10/m per address)."""
    settings.ACCOUNT_RATE_LIMITS = base_settings.ACCOUNT_RATE_LIMITS
    assert "10/m/ip" in settings.ACCOUNT_RATE_LIMITS["login_failed"]
    return settings


def _failed_login(client, n: int, remote: str, forwarded: str | None) -> bool:
    """A wrong password for a different account each time; True if it was blocked."""
    with translation.override("en"):
        url = reverse("account_login")
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    response = client.post(
        url,
        {"login": f"nobody-{n}@example.org", "password": "wrong-password"},
        REMOTE_ADDR=remote,
        **headers,
    )
    return BLOCKED_LOGIN in response.content.decode()


def test_two_clients_behind_the_proxy_keep_separate_login_limits(client, login_limits):
    blocked = [_failed_login(client, n, PROXY, CLIENT_A) for n in range(11)]
    assert not any(blocked[:10]) and blocked[10]
    assert not _failed_login(client, 100, PROXY, CLIENT_B)
    # Client B signs in with the right password although A is blocked.
    user = UserFactory(role="learner")
    with translation.override("en"):
        url = reverse("account_login")
    client.post(
        url,
        {"login": user.email, "password": "Test-Passwort-123"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=CLIENT_B,
    )
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_forged_header_from_outside_the_proxy_shares_the_login_limit(
    client, login_limits
):
    blocked = [
        _failed_login(client, n, OUTSIDER, f"198.51.100.{n + 1}") for n in range(11)
    ]
    assert not any(blocked[:10]) and blocked[10]
    assert _failed_login(client, 200, OUTSIDER, CLIENT_B)
    # The proxy's clients are not affected by the outsider's attempts.
    assert not _failed_login(client, 201, PROXY, CLIENT_B)


# --- Deployment checks ----------------------------------------------------------------


def test_deploy_check_warns_about_per_process_counters_and_a_missing_proxy_count(
    settings,
):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.TRUSTED_PROXY_COUNT = 0
    ids = {warning.id for warning in checks.shared_limits(None)}
    assert ids == {"learning.W001", "learning.W002"}

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
        }
    }
    settings.TRUSTED_PROXY_COUNT = 1
    assert checks.shared_limits(None) == []


def test_unreadable_proxy_addresses_are_an_error(settings):
    settings.TRUSTED_PROXY_ADDRESSES = ["127.0.0.1", "nginx.internal"]
    assert [e.id for e in checks.trusted_proxies_readable(None)] == ["learning.E001"]
    settings.TRUSTED_PROXY_ADDRESSES = []
    settings.TRUSTED_PROXY_COUNT = 1
    assert [e.id for e in checks.trusted_proxies_readable(None)] == ["learning.E002"]
