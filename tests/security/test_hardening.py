"""Hardening: production headers and cookies, rate limits, upload limits, documents."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from learning.settings import base as base_settings
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_PROBE = """
import json
import django
from django.conf import settings
django.setup()
from django.test import Client
client = Client()
HOST = "lernen.example.org"
plain = client.get("/en/certificates/issuer/jwks.json", HTTP_HOST=HOST)
secure = client.get(
    "/en/certificates/issuer/jwks.json", secure=True, HTTP_HOST=HOST
)
print(json.dumps({
    "session_cookie_secure": settings.SESSION_COOKIE_SECURE,
    "csrf_cookie_secure": settings.CSRF_COOKIE_SECURE,
    "session_cookie_httponly": settings.SESSION_COOKIE_HTTPONLY,
    "hsts_seconds": settings.SECURE_HSTS_SECONDS,
    "ssl_redirect": settings.SECURE_SSL_REDIRECT,
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location", ""),
    "headers": {k: v for k, v in secure.headers.items()},
    "status": secure.status_code,
}))
"""


def _rsa_key() -> str:
    """A fresh RSA key, as the base64 of its DER (what the setting accepts)."""
    return subprocess.run(
        [sys.executable, "scripts/new-rsa-key.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def _production_env(tmp_path) -> dict:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL")
    }
    return {
        **environment,
        "DJANGO_SETTINGS_MODULE": "learning.settings.production",
        "SECRET_KEY": "x" * 20 + "production-probe-secret-key-0123456789",
        "ALLOWED_HOSTS": "lernen.example.org",
        "BASE_URL": "https://lernen.example.org",
        "CONTENT_ORIGIN": "https://inhalte.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'probe.sqlite3'}",
        "CERTIFICATE_SIGNING_KEY": "A" * 43 + "=",
        "CERTIFICATE_RSA_SIGNING_KEY": _rsa_key(),
        "TRUSTED_PROXY_COUNT": "1",
        "LOG_FORMAT": "plain",
    }


def test_production_answers_with_hsts_secure_cookies_and_no_framing(tmp_path):
    """Run the real production settings in a subprocess and look at a response."""
    result = subprocess.run(
        [sys.executable, "-c", PRODUCTION_PROBE],
        cwd=ROOT,
        env=_production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    assert probe["session_cookie_secure"] and probe["csrf_cookie_secure"]
    assert probe["session_cookie_httponly"]
    assert probe["hsts_seconds"] >= 31_536_000
    # Plain HTTP is sent to HTTPS.
    assert probe["plain_status"] == 301
    assert probe["plain_location"].startswith("https://lernen.example.org/")
    headers = probe["headers"]
    assert probe["status"] == 200
    assert "max-age=31536000" in headers["Strict-Transport-Security"]
    assert "includeSubDomains" in headers["Strict-Transport-Security"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert "unsafe-inline" not in headers["Content-Security-Policy"]


def test_production_settings_pass_check_deploy_without_warnings(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        # check --deploy only reads the cache setting; it never connects to Redis.
        env={**_production_env(tmp_path), "REDIS_URL": "redis://127.0.0.1:6379/0"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


# --- Rate limits ------------------------------------------------------------------


@pytest.fixture
def production_rate_limits(settings):
    """Tests switch allauth's limits off; these tests use the real ones."""
    settings.ACCOUNT_RATE_LIMITS = base_settings.ACCOUNT_RATE_LIMITS
    return settings.ACCOUNT_RATE_LIMITS


def test_login_is_blocked_after_five_wrong_passwords_for_one_address(
    client, production_rate_limits
):
    user = UserFactory(role="learner")
    with translation.override("en"):
        url = reverse("account_login")
    blocked = "Too many failed login attempts"
    responses = [
        client.post(url, {"login": user.email, "password": "wrong-password"})
        for _ in range(6)
    ]
    assert not any(blocked in r.content.decode() for r in responses[:5])
    assert blocked in responses[5].content.decode()
    # Even the right password is refused while the limit holds.
    right = client.post(url, {"login": user.email, "password": PASSWORD})
    assert blocked in right.content.decode()
    assert "_auth_user_id" not in client.session


def test_registration_is_rate_limited_per_ip(client, production_rate_limits):
    url = reverse("account_signup")
    statuses = [
        client.post(
            url,
            {
                "email": f"new-{n}@example.org",
                "password1": "x",
                "password2": "y",
            },
        ).status_code
        for n in range(21)
    ]
    assert 429 not in statuses[:20]
    assert statuses[20] == 429


def test_password_reset_is_rate_limited_per_address(
    client, production_rate_limits, mailoutbox
):
    user = UserFactory(role="learner")
    url = reverse("account_reset_password")
    statuses = [client.post(url, {"email": user.email}).status_code for _ in range(6)]
    assert 429 not in statuses[:5]
    assert statuses[5] == 429
    assert len(mailoutbox) <= 5


def test_certificate_lookup_is_limited_to_thirty_per_ten_minutes(client):
    assert not hasattr(django_settings, "CERTIFICATE_VERIFY_RATE_LIMIT") or (
        django_settings.CERTIFICATE_VERIFY_RATE_LIMIT[0] <= 30
    )
    url = reverse("certificates:verify", args=["AAAA-BBBB-CCCC-DDDD"])
    statuses = [client.get(url).status_code for _ in range(31)]
    assert 429 not in statuses[:30]
    assert statuses[30] == 429


# --- Upload and request size limits --------------------------------------------------


def test_request_bodies_above_the_limit_are_refused(client, learner):
    assert django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 5 * 1024 * 1024
    client.force_login(learner)
    big = "x" * (django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = client.post(reverse("courses:enrol_with_code"), {"code": big})
    assert response.status_code == 400


def _png(size=(8, 8)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "red").save(buffer, "PNG")
    return buffer.getvalue()


def _upload_image(client, name: str, content: bytes, content_type: str):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "collection": "1",
        },
    )


def test_svg_upload_is_refused_with_a_message_and_nothing_stored(client, admin_user):
    assert "svg" not in django_settings.WAGTAILIMAGES_EXTENSIONS
    client.force_login(admin_user)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    before = Image.objects.count()
    response = _upload_image(client, "evil.svg", svg, "image/svg+xml")
    assert response.status_code == 200  # the form again, with its error
    assert response.context["form"].errors["file"]
    assert Image.objects.count() == before


def test_image_above_the_size_limit_is_refused(client, admin_user, settings):
    assert base_settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    client.force_login(admin_user)
    before = Image.objects.count()
    response = _upload_image(client, "big.png", _png((64, 64)), "image/png")
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert Image.objects.count() == before
    # The same image under the limit is stored: the limit is what refused it.
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
    response = _upload_image(client, "small.png", _png((64, 64)), "image/png")
    assert Image.objects.count() == before + 1


def test_documents_are_served_through_the_permission_checking_view(
    client, settings, tmp_path
):
    assert django_settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    settings.MEDIA_ROOT = tmp_path
    document = Document.objects.create(
        title="Handout",
        file=SimpleUploadedFile("handout.txt", b"Anerkennung"),
    )
    assert document.url.startswith("/documents/")
    response = client.get(document.url)
    assert response.status_code == 200  # streamed by Django, not a media redirect
    assert b"".join(response.streaming_content) == b"Anerkennung"
