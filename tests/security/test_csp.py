"""Content-Security-Policy: strict on the platform's pages, its own on the player."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
# Inline code a strict policy would block: script blocks without src, style
# blocks, style attributes, event-handler attributes and javascript: links.
INLINE = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)[^>]*>"
    r"|<style[\s>]"
    r"|\sstyle=\""
    r"|\son[a-z]+=\""
    r"|javascript:",
    re.IGNORECASE,
)
# Not served to a browser under the site policy: the certificate PDF template is
# rendered by WeasyPrint only.
# Rendered to PDF by WeasyPrint, never served to a browser.
NOT_BROWSER_PAGES = {"certificates/pdf/certificate.html", "live/sign_in_sheet.html"}


def _directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {words[0]: words[1:] for words in parts}


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _learner_urls(world) -> dict[str, str]:
    return {
        "home": "/en/",
        "course list": world.course.get_parent().url,
        "course": world.course.url,
        "module": world.lesson.url,
        "quiz": world.quiz.url,
        "attempt": reverse("quizzes:attempt", args=[world.open_attempt.public_id]),
        "result": reverse("quizzes:result", args=[world.submitted_attempt.public_id]),
        "my learning": reverse("accounts:my_learning"),
        "my certificates": reverse("certificates:mine"),
        "verification": reverse(
            "certificates:verify", args=[world.certificate.display_code]
        ),
        "login": reverse("account_login"),
    }


def test_learner_pages_send_a_strict_policy_without_unsafe_inline(world_db):
    client = _client(world_db.users["learner"])
    for name, url in _learner_urls(world_db).items():
        if name == "login":
            client = _client()
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        header = response.get("Content-Security-Policy")
        assert header, f"{name}: no Content-Security-Policy header"
        directives = _directives(header)
        for directive in ("script-src", "style-src", "default-src"):
            assert "'unsafe-inline'" not in directives[directive], (name, header)
            assert "'unsafe-eval'" not in directives[directive], (name, header)
        assert directives["frame-ancestors"] == ["'none'"], name
        assert directives["object-src"] == ["'none'"], name
        assert directives["default-src"] == ["'self'"], name


def test_package_player_keeps_its_own_looser_policy_framed_by_this_site(world_db):
    from content_packages import conf
    from content_packages.content_views import content_path
    from tests.content_packages.content_client import ContentClient, launch

    client = _client(world_db.users["learner"])
    token = launch(client, world_db.lesson, world_db.h5p_block_id)
    response = ContentClient().get(content_path("player", token))
    assert response.status_code == 200
    directives = _directives(response["Content-Security-Policy"])
    # Framed by the platform's lesson page only (another origin: frame-ancestors,
    # which browsers apply instead of X-Frame-Options, names it exactly).
    assert directives["frame-ancestors"] == [conf.platform_origin()]
    assert conf.platform_origin() == "https://lernen.example.org"
    assert "X-Frame-Options" not in response
    assert "'unsafe-inline'" in directives["script-src"]  # third-party content
    assert directives["connect-src"] == ["'self'"]  # ... that reports home only
    # The lesson page that frames it stays strict and may frame the content
    # origin besides itself.
    lesson = client.get(world_db.lesson.url)
    lesson_directives = _directives(lesson["Content-Security-Policy"])
    assert "'unsafe-inline'" not in lesson["Content-Security-Policy"]
    assert lesson_directives["frame-src"] == ["'self'", conf.content_origin()]
    # A platform page without a package frames nothing of the content origin.
    course = _directives(client.get(world_db.course.url)["Content-Security-Policy"])
    assert course["frame-src"] == ["'self'"]


def test_wagtail_admin_is_excluded_but_still_refuses_framing(world_db):
    response = _client(world_db.users["admin"]).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert response["X-Frame-Options"] == "DENY"


def test_a_nonce_is_added_only_when_a_page_uses_one(rf, settings):
    """Inline code needs nonce="{{ request.csp_nonce }}"; unused, none is sent."""
    from csp.middleware import CSPMiddleware
    from django.http import HttpResponse

    def view(request):
        body = f'<script nonce="{request.csp_nonce}">1</script>'
        return HttpResponse(body)

    request = rf.get("/en/")
    middleware = CSPMiddleware(view)
    response = middleware(request)
    nonce = re.search(r'nonce="([^"]+)"', response.content.decode()).group(1)
    assert (
        f"'nonce-{nonce}'"
        in _directives(response["Content-Security-Policy"])["script-src"]
    )
    plain = CSPMiddleware(lambda request: HttpResponse("x"))(rf.get("/en/"))
    assert "nonce-" not in plain["Content-Security-Policy"]


def test_templates_contain_no_inline_script_style_or_event_handlers():
    offenders = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        relative = path.relative_to(TEMPLATES).as_posix()
        if relative in NOT_BROWSER_PAGES or relative.startswith("emails/"):
            continue  # PDFs and emails (mail clients need inline styles)
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if INLINE.search(line) and "csp_nonce" not in line:
                offenders.append(f"{relative}:{number}: {line.strip()[:100]}")
    assert not offenders, "Inline code blocked by the CSP:\n" + "\n".join(offenders)
