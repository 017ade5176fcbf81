"""`check --deploy` refuses a content origin that is not really another origin."""

import subprocess
import sys

import pytest

from content_packages.checks import check_content_origin
from tests.security.test_hardening import ROOT, _production_env

GOOD = {
    "CONTENT_ORIGIN": "https://inhalte.example.org",
    "ALLOWED_HOSTS": ["lernen.example.org"],
    "WAGTAILADMIN_BASE_URL": "https://lernen.example.org",
    "SESSION_COOKIE_DOMAIN": None,
    "CSRF_COOKIE_DOMAIN": None,
}


def errors_with(settings, **changes) -> set[str]:
    for name, value in {**GOOD, **changes}.items():
        setattr(settings, name, value)
    return {error.id for error in check_content_origin()}


def test_a_separate_https_host_passes(settings):
    assert errors_with(settings) == set()


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"CONTENT_ORIGIN": ""}, "content_packages.E001"),
        (
            {"CONTENT_ORIGIN": "https://inhalte.example.org/pakete"},
            "content_packages.E002",
        ),
        ({"CONTENT_ORIGIN": "inhalte.example.org"}, "content_packages.E002"),
        ({"CONTENT_ORIGIN": "http://inhalte.example.org"}, "content_packages.E003"),
        (
            {"CONTENT_ORIGIN": "https://lernen.example.org:8443"},
            "content_packages.E004",
        ),
        (
            {"ALLOWED_HOSTS": ["lernen.example.org", "inhalte.example.org"]},
            "content_packages.E004",
        ),
        ({"ALLOWED_HOSTS": [".example.org"]}, "content_packages.E004"),
        ({"ALLOWED_HOSTS": ["*"]}, "content_packages.E004"),
        (
            {"WAGTAILADMIN_BASE_URL": "https://inhalte.example.org"},
            "content_packages.E004",
        ),
        ({"SESSION_COOKIE_DOMAIN": ".example.org"}, "content_packages.E005"),
        ({"CSRF_COOKIE_DOMAIN": "example.org"}, "content_packages.E005"),
        ({"SESSION_COOKIE_DOMAIN": "INHALTE.example.org"}, "content_packages.E005"),
    ],
)
def test_each_unsafe_content_origin_is_an_error(settings, changes, error):
    assert error in errors_with(settings, **changes)


def test_a_cookie_domain_of_another_branch_is_fine(settings):
    assert errors_with(settings, SESSION_COOKIE_DOMAIN="lernen.example.org") == set()


def test_production_check_deploy_fails_without_a_content_origin(tmp_path):
    """The real production settings, as `make test` checks them."""
    environment = _production_env(tmp_path)
    del environment["CONTENT_ORIGIN"]
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "content_packages.E001" in result.stderr + result.stdout
