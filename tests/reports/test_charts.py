"""Charts: every chart is labelled and has a table with the same figures beside it."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def soup(data, as_user):
    response = as_user(data.coordinator_a).get(reverse("reports_admin:dashboard"))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_every_chart_has_a_name_a_caption_and_a_table_alternative(soup):
    charts = soup.select("svg.reports-svg")
    assert len(charts) == 3
    for svg in charts:
        assert svg["role"] == "img"
        title = soup.find(id=svg["aria-labelledby"])
        assert title is not None and title.name == "title"
        assert title.get_text(strip=True)
        figure = svg.find_parent("figure")
        assert figure.figcaption.get_text(strip=True)
        table = figure.find_next_sibling("div", class_="reports-table").table
        assert table.caption.get_text(strip=True)


def test_bar_charts_show_the_rows_of_their_table(soup):
    for chart_id, caption in (
        ("chart-course", "By course"),
        ("chart-type", "By organisation type"),
    ):
        svg = soup.select_one(f'svg[aria-labelledby="{chart_id}-title"]')
        labels = [t.get_text() for t in svg.select(".reports-svg__label")]
        values = [t.get_text() for t in svg.select(".reports-svg__value")]
        table = next(
            t for t in soup.select("table") if t.caption.get_text(strip=True) == caption
        )
        rows = [
            (tr.th.get_text(strip=True), tr.td.get_text(strip=True))
            for tr in table.select("tbody tr")
        ]
        assert list(zip(labels, values, strict=True)) == rows


def test_trend_chart_draws_both_series_over_the_months_of_its_table(soup):
    svg = soup.select_one('svg[aria-labelledby="chart-trend-title"]')
    months = [
        t.get_text()
        for t in svg.select(".reports-svg__label")
        if t.get_text().startswith("20")
    ]
    lines = svg.select("polyline")
    legend = [i.get_text() for i in soup.select(".reports-legend__item")]

    assert months == ["2026-01", "2026-02", "2026-03"]
    assert len(lines) == 2
    assert all(len(line["points"].split()) == 3 for line in lines)
    assert legend == ["Enrolled", "Completed"]
