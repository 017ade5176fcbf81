"""Both checkers really run and really fail: a page with known WCAG errors is
reported by axe-core and by HTML_CodeSniffer, a clean one by neither."""

import pytest

from tests.e2e.checkers import axe_violations, failures, htmlcs_errors

pytestmark = pytest.mark.browser

BROKEN = (
    "<!DOCTYPE html><html><head><title>x</title></head><body>"
    '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
    '<form><input type="text" name="q"></form></body></html>'
)
CLEAN = (
    '<!DOCTYPE html><html lang="de"><head><title>Gut</title></head><body>'
    '<main><h1>Gut</h1><form><label for="q">Suche</label>'
    '<input id="q" type="text" name="q"><button type="submit">Suchen</button>'
    "</form></main></body></html>"
)


def test_checkers_report_missing_alt_text_and_label(page):
    page.set_content(BROKEN)
    assert {"image-alt", "label"} <= {v["id"] for v in axe_violations(page)}
    codes = " ".join(e["code"] for e in htmlcs_errors(page))
    assert "H37" in codes  # img without alt
    assert "F68" in codes or "H44" in codes  # input without a label


def test_checkers_pass_a_clean_page(page):
    page.set_content(CLEAN)
    assert failures(page) == []
