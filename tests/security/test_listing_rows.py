"""Rows, not status codes: what every admin listing, export and chooser shows.

The permission matrix says who gets an answer; this module reads the answer.
For every listing, its results view, its CSV and XLSX export, every chooser and
every form or filter that offers objects to pick, it parses the rows (HTML
table rows, list items, chooser results, CSV lines, XLSX rows, select options)
and asserts which of the world's objects appear for each visitor: exactly those
in the visitor's scope, and never one of another team, network or trainer.

Each listing names the world's objects it could show (``kinds``) and, per
visitor who may open it, the ones that must appear; a visitor not named must be
refused (no 200). Every listing has at least one visitor who sees something,
and "trainer of another course" sees their own team's objects where a trainer
may look, so no check passes because a listing is empty.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from tests.security.world import ROLES, World

pytestmark = pytest.mark.django_db

TB = "trainer_other_course"
CO = "coordinator_other_network"
C = "coordinator"
A = "admin"
STAFF = (TB, CO, C, A)

# The world's objects a listing may show: label -> the texts that identify it in
# a row (any one of them; exports write certificate codes without dashes).
KINDS: dict[str, Callable[[World], dict[str, tuple[str, ...]]]] = {
    "certificates": lambda w: {
        "cert A": (w.certificate.display_code, w.certificate.code),
        "cert B": (w.other_certificate.display_code, w.other_certificate.code),
    },
    "groups": lambda w: {
        "group A": ("Workshop Köln",),
        "group B": ("Workshop Hamburg",),
    },
    "packages": lambda w: {
        "h5p A": ("H5P Team A",),
        "scorm A": ("SCORM Team A",),
        "h5p B": ("H5P Team B",),
    },
    "templates": lambda w: {
        "template A": ("Vorlage Team A",),
        "template B": ("Vorlage Team B",),
    },
    "images": lambda w: {"image A": ("Bild Team A",), "image B": ("Bild Team B",)},
    "documents": lambda w: {"doc A": ("Handout Team A",), "doc B": ("Handout Team B",)},
    "courses": lambda w: {
        "course A": (w.course.title,),
        "course B": (w.other_course.title,),
    },
    "drafts": lambda w: {
        "draft A": ("Entwurf Team A",),
        "draft B": ("Entwurf Team B",),
    },
    "networks": lambda w: {
        "network A": (w.network.name,),
        "network B": (w.other_network.name,),
    },
    "organisations": lambda w: {
        "org A": (w.organisation.name,),
        "org B": (w.other_learner_far.organisation.name,),
    },
    "trainers": lambda w: {
        "trainer A": (str(w.trainer),),
        "trainer B": (str(w.users[TB]),),
    },
    "learners": lambda w: {
        "learner A": (w.users["learner"].email, str(w.users["learner"])),
        "learner B": (w.other_learner_far.email, str(w.other_learner_far)),
    },
    "attempts": lambda w: {"attempt A": (str(w.users["learner"]),)},
    "audit": lambda w: {"audit A": (str(w.users[C]),)},
    "indicators": lambda w: {"indicators A": (w.organisation.name,)},
    "jobs": lambda w: {"job A": (f"/exports/{w.export_job.pk}/",)},
    "quizzes": lambda w: {"quiz A": (w.quiz.title,)},
    "team groups": lambda w: {
        "group of team A": (w.team.group.name,),
        "group of team B": (w.other_team.group.name,),
    },
    "sites": lambda w: {"site": (w.home.get_site().hostname,)},
}


@dataclass(frozen=True)
class Listing:
    url: Callable[[World], str]
    kind: str
    seen: dict[str, set[str]]
    parse: str = "table"  # table | chooser | list | options:<name> | links
    exports: bool = False  # also check ?export=csv and ?export=xlsx
    extra: dict = field(default_factory=dict)


def url(name: str, **kwargs) -> Callable[[World], str]:
    def build(w: World) -> str:
        values = {k: v(w) if callable(v) else v for k, v in kwargs.items()}
        query = values.pop("query", "")
        return reverse(name, kwargs=values or None) + query

    return build


ALL_CERTS = {"cert A", "cert B"}
LISTINGS: dict[str, Listing] = {
    # --- Issued certificates: listing, results, exports, filter choices -----------
    "certificates_admin:index": Listing(
        url("certificates_admin:index"),
        "certificates",
        {TB: {"cert B"}, CO: {"cert B"}, C: {"cert A"}, A: ALL_CERTS},
        exports=True,
    ),
    "certificates_admin:index_results": Listing(
        url("certificates_admin:index_results"),
        "certificates",
        {TB: {"cert B"}, CO: {"cert B"}, C: {"cert A"}, A: ALL_CERTS},
    ),
    "certificates_admin:index#course": Listing(
        url("certificates_admin:index"),
        "courses",
        {
            TB: {"course B"},
            CO: {"course B"},
            C: {"course A"},
            A: {"course A", "course B"},
        },
        parse="options:course",
    ),
    "certificates_admin:index#network": Listing(
        url("certificates_admin:index"),
        "networks",
        {
            TB: {"network B"},
            CO: {"network B"},
            C: {"network A"},
            A: {"network A", "network B"},
        },
        parse="options:network",
    ),
    "certificates_admin:index#organisation": Listing(
        url("certificates_admin:index"),
        "organisations",
        {TB: {"org B"}, CO: {"org B"}, C: {"org A"}, A: {"org A", "org B"}},
        parse="options:organisation",
    ),
    "certificates_admin:groups": Listing(
        url("certificates_admin:groups"),
        "groups",
        {TB: {"group B"}, A: {"group A", "group B"}},
        parse="list",
    ),
    "certificates_admin:group": Listing(
        url("certificates_admin:group", pk=lambda w: w.other_group.pk),
        "certificates",
        {TB: {"cert B"}, A: {"cert B"}},
    ),
    "certificates_admin:issue": Listing(
        url("certificates_admin:issue"),
        "courses",
        {TB: {"course B"}, A: {"course A", "course B"}},
        parse="options:course",
    ),
    # --- Workshop groups and learners ---------------------------------------------
    "workshop_groups:index": Listing(
        url("workshop_groups:index"),
        "groups",
        {TB: {"group B"}, A: {"group A", "group B"}},
        exports=True,
    ),
    "workshop_groups:index_results": Listing(
        url("workshop_groups:index_results"),
        "groups",
        {TB: {"group B"}, A: {"group A", "group B"}},
    ),
    "workshop_groups:index#trainer": Listing(
        url("workshop_groups:index"),
        "trainers",
        {TB: {"trainer B"}, A: {"trainer A", "trainer B"}},
        parse="options:trainer",
    ),
    "workshop_groups:index#course": Listing(
        url("workshop_groups:index"),
        "courses",
        {TB: {"course B"}, A: {"course A", "course B"}},
        parse="options:course",
    ),
    "workshop_groups:add#course": Listing(
        url("workshop_groups:add"),
        "courses",
        {TB: {"course B"}, A: {"course A", "course B"}},
        parse="options:course",
    ),
    "workshop_groups:add#trainer": Listing(
        url("workshop_groups:add"),
        "trainers",
        {TB: {"trainer B"}, A: {"trainer A", "trainer B"}},
        parse="options:trainer",
    ),
    "courses_enrol_learners:enrol": Listing(
        url("courses_enrol_learners:enrol"),
        "courses",
        {TB: {"course B"}, A: {"course A", "course B"}},
        parse="options:course",
    ),
    # --- Course teams -------------------------------------------------------------
    "course_teams:index": Listing(
        url("course_teams:index"),
        "courses",
        {TB: {"course B"}, A: {"course A", "course B"}},
    ),
    "course_teams:index#network": Listing(
        url("course_teams:index"),
        "networks",
        {TB: set(), A: {"network A"}},  # team B belongs to no network
        parse="options:network",
    ),
    "course_teams:index_results": Listing(
        url("course_teams:index_results"),
        "courses",
        {TB: {"course B"}, A: {"course A", "course B"}},
    ),
    # --- Content packages: listing, export, chooser -------------------------------
    "wagtailsnippets_content_packages_contentpackage:list": Listing(
        url("wagtailsnippets_content_packages_contentpackage:list"),
        "packages",
        {TB: {"h5p B"}, A: {"h5p A", "scorm A", "h5p B"}},
        exports=True,
    ),
    "wagtailsnippets_content_packages_contentpackage:list_results": Listing(
        url("wagtailsnippets_content_packages_contentpackage:list_results"),
        "packages",
        {TB: {"h5p B"}, A: {"h5p A", "scorm A", "h5p B"}},
    ),
    "wagtailsnippetchoosers_content_packages_contentpackage:choose": Listing(
        url("wagtailsnippetchoosers_content_packages_contentpackage:choose"),
        "packages",
        {TB: {"h5p B"}, CO: set(), C: set(), A: {"h5p A", "scorm A", "h5p B"}},
        parse="chooser",
    ),
    "wagtailsnippetchoosers_content_packages_contentpackage:choose_results": Listing(
        url("wagtailsnippetchoosers_content_packages_contentpackage:choose_results"),
        "packages",
        {TB: {"h5p B"}, CO: set(), C: set(), A: {"h5p A", "scorm A", "h5p B"}},
    ),
    "wagtailsnippetchoosers_content_packages_contentpackage:chosen_multiple": Listing(
        lambda w: (
            reverse(
                "wagtailsnippetchoosers_content_packages_contentpackage:chosen_multiple"
            )
            + f"?id={w.h5p_package.pk}&id={w.other_package.pk}"
        ),
        "packages",
        {TB: {"h5p B"}, CO: set(), C: set(), A: {"h5p A", "h5p B"}},
        parse="json",
    ),
    # --- Certificate templates: listing, chooser ----------------------------------
    "wagtailsnippets_certificates_certificatetemplate:list": Listing(
        url("wagtailsnippets_certificates_certificatetemplate:list"),
        "templates",
        {TB: {"template B"}, A: {"template A", "template B"}},
    ),
    "wagtailsnippets_certificates_certificatetemplate:list_results": Listing(
        url("wagtailsnippets_certificates_certificatetemplate:list_results"),
        "templates",
        {TB: {"template B"}, A: {"template A", "template B"}},
    ),
    "wagtailsnippetchoosers_certificates_certificatetemplate:choose": Listing(
        url("wagtailsnippetchoosers_certificates_certificatetemplate:choose"),
        "templates",
        {TB: {"template B"}, CO: set(), C: set(), A: {"template A", "template B"}},
        parse="chooser",
    ),
    "wagtailsnippetchoosers_certificates_certificatetemplate:choose_results": Listing(
        url("wagtailsnippetchoosers_certificates_certificatetemplate:choose_results"),
        "templates",
        {TB: {"template B"}, CO: set(), C: set(), A: {"template A", "template B"}},
    ),
    "wagtailsnippetchoosers_certificates_certificatetemplate:chosen_multiple": Listing(
        lambda w: (
            reverse(
                "wagtailsnippetchoosers_certificates_certificatetemplate:chosen_multiple"
            )
            + f"?id={w.template.pk}&id={w.other_template.pk}"
        ),
        "templates",
        {TB: {"template B"}, CO: set(), C: set(), A: {"template A", "template B"}},
        parse="json",
    ),
    # --- Networks and organisations: reference data every staff member picks from --
    "wagtailsnippetchoosers_accounts_network:choose": Listing(
        url("wagtailsnippetchoosers_accounts_network:choose"),
        "networks",
        dict.fromkeys(STAFF, {"network A", "network B"}),
        parse="chooser",
    ),
    "wagtailsnippetchoosers_accounts_network:choose_results": Listing(
        url("wagtailsnippetchoosers_accounts_network:choose_results"),
        "networks",
        dict.fromkeys(STAFF, {"network A", "network B"}),
    ),
    "wagtailsnippetchoosers_accounts_network:chosen_multiple": Listing(
        lambda w: (
            reverse("wagtailsnippetchoosers_accounts_network:chosen_multiple")
            + f"?id={w.network.pk}&id={w.other_network.pk}"
        ),
        "networks",
        dict.fromkeys(STAFF, {"network A", "network B"}),
        parse="json",
    ),
    "wagtailsnippetchoosers_accounts_organisation:choose": Listing(
        url("wagtailsnippetchoosers_accounts_organisation:choose"),
        "organisations",
        dict.fromkeys(STAFF, {"org A", "org B"}),
        parse="chooser",
    ),
    "wagtailsnippetchoosers_accounts_organisation:choose_results": Listing(
        url("wagtailsnippetchoosers_accounts_organisation:choose_results"),
        "organisations",
        dict.fromkeys(STAFF, {"org A", "org B"}),
    ),
    "wagtailsnippetchoosers_accounts_organisation:chosen_multiple": Listing(
        lambda w: (
            reverse("wagtailsnippetchoosers_accounts_organisation:chosen_multiple")
            + f"?id={w.organisation.pk}&id={w.other_learner_far.organisation.pk}"
        ),
        "organisations",
        dict.fromkeys(STAFF, {"org A", "org B"}),
        parse="json",
    ),
    "wagtailsnippets_accounts_network:list": Listing(
        url("wagtailsnippets_accounts_network:list"),
        "networks",
        {A: {"network A", "network B"}},
    ),
    "wagtailsnippets_accounts_network:list_results": Listing(
        url("wagtailsnippets_accounts_network:list_results"),
        "networks",
        {A: {"network A", "network B"}},
    ),
    "wagtailsnippets_accounts_organisation:list": Listing(
        url("wagtailsnippets_accounts_organisation:list"),
        "organisations",
        {A: {"org A", "org B"}},
    ),
    "wagtailsnippets_accounts_organisation:list_results": Listing(
        url("wagtailsnippets_accounts_organisation:list_results"),
        "organisations",
        {A: {"org A", "org B"}},
    ),
    # --- Records only administrators read ------------------------------------------
    "quiz_attempts:index": Listing(
        url("quiz_attempts:index"), "attempts", {A: {"attempt A"}}, exports=True
    ),
    "quiz_attempts:index_results": Listing(
        url("quiz_attempts:index_results"), "attempts", {A: {"attempt A"}}
    ),
    "audit_log:index": Listing(url("audit_log:index"), "audit", {A: {"audit A"}}),
    "audit_log:index_results": Listing(
        url("audit_log:index_results"), "audit", {A: {"audit A"}}
    ),
    "esf_organisations:index": Listing(
        url("esf_organisations:index"),
        "indicators",
        {A: {"indicators A"}},
    ),
    "esf_organisations:index_results": Listing(
        url("esf_organisations:index_results"), "indicators", {A: {"indicators A"}}
    ),
    "wagtailusers_groups:index": Listing(
        url("wagtailusers_groups:index"),
        "team groups",
        {A: {"group of team A", "group of team B"}},
    ),
    "wagtailsites:index": Listing(url("wagtailsites:index"), "sites", {A: {"site"}}),
    "wagtailusers_users:index": Listing(
        url("wagtailusers_users:index"), "learners", {A: {"learner A", "learner B"}}
    ),
    "wagtailusers_users:index_results": Listing(
        url("wagtailusers_users:index_results"),
        "learners",
        {A: {"learner A", "learner B"}},
    ),
    # --- Reports: filter choices, lists ---------------------------------------------
    "reports_admin:dashboard#course": Listing(
        url("reports_admin:dashboard"),
        "courses",
        {
            TB: {"course B"},
            CO: {"course B"},
            C: {"course A"},
            A: {"course A", "course B"},
        },
        parse="options:course",
    ),
    "reports_admin:dashboard#group": Listing(
        url("reports_admin:dashboard"),
        "groups",
        {TB: {"group B"}, CO: {"group B"}, C: {"group A"}, A: {"group A", "group B"}},
        parse="options:group",
    ),
    "reports_admin:dashboard#network": Listing(
        url("reports_admin:dashboard"),
        "networks",
        {
            TB: {"network B"},
            CO: {"network B"},
            C: {"network A"},
            A: {"network A", "network B"},
        },
        parse="options:network",
    ),
    "reports_admin:dashboard#organisation": Listing(
        url("reports_admin:dashboard"),
        "organisations",
        {TB: {"org B"}, CO: {"org B"}, C: {"org A"}, A: {"org A", "org B"}},
        parse="options:organisation",
    ),
    "reports_admin:quizzes": Listing(
        url("reports_admin:quizzes"),
        "quizzes",
        {TB: set(), CO: set(), C: {"quiz A"}, A: {"quiz A"}},
        parse="options:quiz",
    ),
    "reports_admin:people": Listing(
        url("reports_admin:people", query=lambda w: f"?group={w.other_group.pk}"),
        "learners",
        {TB: {"learner B"}, A: {"learner B"}},
    ),
    "reports_admin:jobs": Listing(
        url("reports_admin:jobs"),
        "jobs",
        dict.fromkeys(STAFF, set()) | {C: {"job A"}},
        parse="links",
    ),
    # --- Wagtail's own: explorer, search, choosers, media listings ------------------
    "wagtailadmin_explore": Listing(
        url("wagtailadmin_explore", parent_page_id=lambda w: w.course.pk),
        "drafts",
        {A: {"draft A"}},
    ),
    "wagtailadmin_explore#own": Listing(
        url("wagtailadmin_explore", parent_page_id=lambda w: w.other_course.pk),
        "drafts",
        {TB: {"draft B"}, A: {"draft B"}},
    ),
    "wagtailadmin_pages:search": Listing(
        url("wagtailadmin_pages:search", query="?q=Entwurf"),
        "drafts",
        {TB: {"draft B"}, A: {"draft A", "draft B"}},
    ),
    "wagtailadmin_choose_page_child": Listing(
        url("wagtailadmin_choose_page_child", parent_page_id=lambda w: w.course.pk),
        "drafts",
        dict.fromkeys(STAFF, set()) | {A: {"draft A"}},
        parse="chooser",
    ),
    "wagtailadmin_choose_page_child#own": Listing(
        url(
            "wagtailadmin_choose_page_child", parent_page_id=lambda w: w.other_course.pk
        ),
        "drafts",
        {TB: {"draft B"}, CO: set(), C: set(), A: {"draft B"}},
        parse="chooser",
    ),
    "wagtailadmin_choose_page_search": Listing(
        url("wagtailadmin_choose_page_search", query="?q=Entwurf"),
        "drafts",
        {TB: {"draft B"}, CO: set(), C: set(), A: {"draft A", "draft B"}},
        parse="chooser",
    ),
    "wagtailimages:index": Listing(
        url("wagtailimages:index"),
        "images",
        {TB: {"image B"}, A: {"image A", "image B"}},
        parse="images",
    ),
    "wagtailimages_chooser:choose": Listing(
        url("wagtailimages_chooser:choose"),
        "images",
        {TB: {"image B"}, CO: set(), C: set(), A: {"image A", "image B"}},
        parse="chooser",
    ),
    "wagtaildocs:index": Listing(
        url("wagtaildocs:index"),
        "documents",
        {TB: {"doc B"}, A: {"doc A", "doc B"}},
    ),
    "wagtaildocs_chooser:choose": Listing(
        url("wagtaildocs_chooser:choose"),
        "documents",
        {TB: {"doc B"}, CO: set(), C: set(), A: {"doc A", "doc B"}},
        parse="chooser",
    ),
}


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
