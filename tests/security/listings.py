"""What each admin listing, export and chooser may show, per visitor.

The data of tests/security/test_listing_rows.py, like requests.py for the
permission matrix: ``KINDS`` names the world's objects a listing may show and
the texts that identify them in a row; ``LISTINGS`` gives, per listing, the
objects each visitor who may open it must see (a visitor not named must be
refused).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse

from tests.security.world import World

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
    "feedback": lambda w: {"feedback": ("Das Video im Modul hat keine Untertitel.",)},
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
    "accessibility_feedback:index": Listing(
        url("accessibility_feedback:index"), "feedback", {A: {"feedback"}}
    ),
    "accessibility_feedback:index_results": Listing(
        url("accessibility_feedback:index_results"), "feedback", {A: {"feedback"}}
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
