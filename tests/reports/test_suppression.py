"""Small groups: counts from 1 to threshold-1 show as "< n" on pages and in files."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from reports.queries import participation_dashboard, quiz_item_analysis

pytestmark = pytest.mark.django_db


def table_rows(soup, caption: str) -> dict[str, list[str]]:
    table = next(
        t for t in soup.select("table") if t.caption.get_text(strip=True) == caption
    )
    return {
        tr.th.get_text(strip=True): [td.get_text(strip=True) for td in tr("td")]
        for tr in table.select("tbody tr")
    }


def test_dashboard_hides_small_groups_in_tables_and_charts(data, as_user):
    response = as_user(data.coordinator_a).get(reverse("reports_admin:dashboard"))
    soup = BeautifulSoup(response.content, "html.parser")

    # Two people of network A are in course Y: the row must not say "2".
    assert table_rows(soup, "By course")["Course Y"] == ["< 5", "0", "0", "0", "< 5"]
    assert table_rows(soup, "By organisation type")["Jobcenter"][1] == "< 5"
    chart = soup.select_one('svg[aria-labelledby="chart-course-title"]')
    values = [t.get_text() for t in chart.select(".reports-svg__value")]
    # Course X is hidden as well: the total minus X would reveal Y.
    assert values == ["< 5", "< 5"]
    bars = [int(r["width"]) for r in chart.select("rect.reports-bar")]
    assert bars == [0, 0]  # no bar length that would give the number away


def test_aggregated_export_hides_small_groups(data, as_user):
    url = reverse(
        "reports_admin:export_table", args=["dashboard", "by_organisation_type", "csv"]
    )
    content = as_user(data.coordinator_a).get(url).content.decode("utf-8-sig")

    rows = {row[0]: row[1:] for row in csv.reader(io.StringIO(content)) if row}
    assert rows["Jobcenter"] == ["8", "< 5", "0", "0", "0.0"]
    assert rows["Employer"] == ["8", "< 5", "6", "7", "75.0"]


def test_esf_export_hides_small_groups(data, as_user):
    url = reverse("reports_admin:export_table", args=["esf", "esf_core", "csv"])
    content = as_user(data.coordinator_b).get(url).content.decode("utf-8-sig")

    rows = {row[0]: row[1:] for row in csv.reader(io.StringIO(content)) if row}
    assert rows["Without complete core data (not counted)"] == ["7"]
    assert rows["Participants with complete core data"] == ["0"]


def test_threshold_is_configurable(data, admin_user, settings):
    settings.REPORTS_MIN_CELL_SIZE = 3

    tables = participation_dashboard(admin_user, {}).tables

    by_type = {
        row[0]: [str(c) for c in row[1:]] for row in tables["by_organisation_type"].rows
    }
    assert by_type["Jobcenter"][1] == "3"
    assert by_type["No organisation"][0] == "< 3"


def test_figures_derived_from_a_hidden_count_are_hidden_too(data, admin_user, settings):
    settings.REPORTS_MIN_CELL_SIZE = 6  # network B: 7 enrolled, 5 completed

    dashboard = participation_dashboard(admin_user, {"network": data.network_b})

    assert str(dashboard.totals["enrolled"]) == "7"
    assert str(dashboard.totals["completed"]) == "< 6"
    # Rate and median would reveal the completions: hidden as well.
    assert str(dashboard.completion_rate) == "< 6"
    assert str(dashboard.median_days) == "< 6"


def test_quiz_analysis_is_hidden_for_fewer_learners_than_the_threshold(
    data, admin_user, as_user, settings
):
    settings.REPORTS_MIN_CELL_SIZE = 9  # eight learners took the quiz

    analysis = quiz_item_analysis(admin_user, data.quiz, {})
    response = as_user(admin_user).get(
        reverse("reports_admin:quizzes"), {"quiz": data.quiz.pk}
    )

    assert analysis.hidden
    assert analysis.questions == []
    assert str(analysis.learners) == "< 9"
    assert b"Too few learners have taken this quiz" in response.content
    assert b"Which office decides" not in response.content
