"""A coordinator opens the participation dashboard in Chromium: WCAG 2.1 AA holds."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible
from tests.reports.conftest import build_report_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, user) -> None:
    """Reuse a Django session instead of typing credentials (not under test here)."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def test_coordinator_dashboard_is_accessible(page, live_server, e2e_site):
    data = build_report_data(e2e_site)
    sign_in(page, live_server, data.coordinator_a)

    page.goto(live_server.url + "/admin/reports/")

    expect(page.locator(".reports-figures dd").first).to_have_text("16")
    expect(page.locator("svg.reports-svg")).to_have_count(3)
    assert_accessible(page, "reports-dashboard-coordinator")

    page.goto(live_server.url + f"/admin/reports/quizzes/?quiz={data.quiz.pk}")
    expect(page.locator(".reports-table table")).to_have_count(2)
    assert_accessible(page, "reports-quiz-analysis-coordinator")
