"""Rows, not status codes: what every admin listing, export and chooser shows.

The permission matrix says who gets an answer; this module reads the answer.
For every listing, its results view, its CSV and XLSX export, every chooser and
every form or filter that offers objects to pick, it parses the rows (HTML
table rows, list items, chooser results, CSV lines, XLSX rows, select options)
and asserts which of the world's objects appear for each visitor: exactly those
in the visitor's scope, and never one of another team, network or trainer.

Each listing (tests/security/listings.py) names the world's objects it could
show and, per visitor who may open it, the ones that must appear; a visitor
not named must be refused (no 200). Every listing has at least one visitor who
sees something, and "trainer of another course" sees their own team's objects
where a trainer may look, so no check passes because a listing is empty.
"""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.test import Client

from tests.security.bank_listings import BANK_KINDS, BANK_LISTINGS
from tests.security.listings import KINDS, LISTINGS
from tests.security.world import ROLES, World

KINDS.update(BANK_KINDS)
LISTINGS.update(BANK_LISTINGS)

pytestmark = pytest.mark.django_db

# --- Reading the rows -------------------------------------------------------------


def _html_rows(html: str, parse: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    if parse.startswith("options:"):
        name = parse.split(":", 1)[1]
        select = soup.find("select", attrs={"name": name})
        assert select is not None, f"no <select name={name}>"
        return [
            option.get_text(" ", strip=True) for option in select.find_all("option")
        ]
    if parse == "links":
        main = soup.find("main") or soup
        return [str(a) for a in main.find_all("a")]
    if parse == "images":
        return [_text(li) for li in soup.select("#listing-results li")]
    if parse == "list":
        main = soup.find("main") or soup
        return [li.get_text(" ", strip=True) for li in main.select("ul.listing > li")]
    return [tr.get_text(" ", strip=True) for tr in soup.select("tbody tr")]


def rows(response, parse: str) -> list[str]:
    content_type = response.get("Content-Type", "")
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    if "text/csv" in content_type:
        return [
            " ".join(row) for row in list(csv.reader(io.StringIO(body.decode())))[1:]
        ]
    if "spreadsheetml" in content_type:
        sheet = openpyxl.load_workbook(io.BytesIO(body), read_only=True).active
        values = list(sheet.iter_rows(values_only=True))[1:]
        return [" ".join("" if v is None else str(v) for v in row) for row in values]
    if parse == "json":
        data = json.loads(body)
        items = data.get("result", data)
        items = items if isinstance(items, list) else [items]
        return [json.dumps(item, ensure_ascii=False) for item in items]
    html = body.decode()
    if "application/json" in content_type:
        html = json.loads(body)["html"]
    if parse == "chooser":
        soup = BeautifulSoup(html, "html.parser")
        return [_text(item) for item in soup.select("tbody tr, li")]
    return _html_rows(html, parse)


def _text(item) -> str:
    """A row's text, with image titles (Wagtail shows images by their alt text)."""
    alts = [img.get("alt", "") for img in item.find_all("img")]
    return " ".join([item.get_text(" ", strip=True), *alts])


def _found(world: World, kind: str, texts: list[str]) -> set[str]:
    markers = KINDS[kind](world)
    return {
        label
        for label, alternatives in markers.items()
        if any(marker in text for text in texts for marker in alternatives)
    }


def _client(world: World, role: str) -> Client:
    client = Client()
    if world.users[role] is not None:
        client.force_login(world.users[role])
    return client


def _cases():
    for name, listing in sorted(LISTINGS.items()):
        yield pytest.param(name, "", id=name)
        if listing.exports:
            yield pytest.param(name, "csv", id=f"{name}?export=csv")
            yield pytest.param(name, "xlsx", id=f"{name}?export=xlsx")


def test_every_listing_shows_someone_something():
    empty = sorted(
        name for name, listing in LISTINGS.items() if not any(listing.seen.values())
    )
    assert not empty, f"listings whose rows no visitor would see: {empty}"


@pytest.mark.parametrize(("name", "export"), list(_cases()))
def test_each_visitor_sees_exactly_the_rows_in_scope(world_db, name, export):
    listing = LISTINGS[name]
    address = listing.url(world_db)
    if export:
        address += ("&" if "?" in address else "?") + f"export={export}"
    wrong = {}
    for role in ROLES:
        response = _client(world_db, role).get(address)
        if role not in listing.seen:
            if response.status_code == 200:
                wrong[role] = "expected a refusal, got 200"
            continue
        if response.status_code != 200:
            wrong[role] = f"expected 200, got {response.status_code}"
            continue
        seen = _found(world_db, listing.kind, rows(response, listing.parse))
        if seen != listing.seen[role]:
            wrong[role] = f"expected {sorted(listing.seen[role])}, saw {sorted(seen)}"
    assert not wrong, f"{name} {export}: {wrong}"
