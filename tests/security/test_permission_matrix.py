"""Permission matrix: every project URL, seven kinds of visitor, the answer each gets.

The URL list is not typed by hand: `project_url_names()` walks the whole URL
resolver and collects every pattern that belongs to the project, which is

- a view defined in one of the project's apps (or in learning/urls.py itself),
- a Wagtail admin view generated for one of the project's models (snippets,
  model viewsets, the user admin for accounts.User),
- every page type of the project, served by Wagtail's catch-all `wagtail_serve`,
- every URL of the content origin (content_packages/content_urls.py), called with
  the token of the visitor's own launch (tests/security/requests.py).

Third-party URLs (the rest of the Wagtail admin, allauth's pages, Wagtail's
documents and images) are not listed one by one: the admin is staff-only as a
whole, which `ADMIN_SAMPLE` checks on a few representative URLs per role, and
allauth's login, signup and reset pages are covered by tests/security/
test_hardening.py (rate limits). A new project URL without a row here fails
`test_every_project_url_is_in_the_matrix` with its name.

Answers: an int is the status code; "login" is a redirect to a sign-in page;
"redirect" is any other redirect (for example a learner who is not enrolled is
sent back to the course page).
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db.models import Model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.models import Page

from content_packages.origin import CONTENT_URLCONF
from tests.security.requests import (
    CALLS,
    CONTENT_CALLS,
    Call,
    content_request,
    generic_call,
)
from tests.security.world import ROLES, World

pytestmark = pytest.mark.django_db

PROJECT_APPS = (
    "accounts",
    "courses",
    "quizzes",
    "certificates",
    "reports",
    "content_packages",
    "pages",
    "learning",
)
L = "login"
R = "redirect"
# Namespaces of the generic snippet views and choosers, to keep the rows short.
CHOOSE_TEMPLATE = "wagtailsnippetchoosers_certificates_certificatetemplate"
CHOOSE_PACKAGE = "wagtailsnippetchoosers_content_packages_contentpackage"
CHOOSE_NETWORK = "wagtailsnippetchoosers_accounts_network"
CHOOSE_ORGANISATION = "wagtailsnippetchoosers_accounts_organisation"
TEMPLATES = "wagtailsnippets_certificates_certificatetemplate"
PACKAGES = "wagtailsnippets_content_packages_contentpackage"
NETWORKS = "wagtailsnippets_accounts_network"
ORGANISATIONS = "wagtailsnippets_accounts_organisation"

# (anonymous, learner, other_learner, trainer_other_course,
#  coordinator_other_network, coordinator, admin)
# Reviewed row by row: a learner reaches only their own attempts and
# certificates (404 for anyone else's); staff reach certificates, groups and
# exports only within their courses and networks; the admin is staff-only.
# "Trainer of another course" is in team B: team A's pages, package, template
# and team answer a refusal (404 where the object is outside their scope). What
# each listing, export and chooser shows is asserted row by row in
# test_listing_rows.py.
MATRIX: dict[str, tuple] = {
    "accounts:delete_account": (L, 200, 200, 200, 200, 200, 200),
    "accounts:my_data": (L, 200, 200, 200, 200, 200, 200),
    "accounts:my_data_json": (L, 200, 200, 200, 200, 200, 200),
    "accounts:my_data_summary": (L, 200, 200, 200, 200, 200, 200),
    "accounts:my_learning": (L, 200, 200, 200, 200, 200, 200),
    "accounts:profile": (L, 200, 200, 200, 200, 200, 200),
    "admin_login": (200, R, R, R, R, R, R),
    "audit_log:add": (L, L, L, R, R, R, R),
    "audit_log:delete": (L, L, L, 404, 404, R, R),
    "audit_log:edit": (L, L, L, R, R, R, R),
    "audit_log:history": (L, L, L, 404, 404, R, R),
    "audit_log:history_results": (L, L, L, 404, 404, R, R),
    "audit_log:index": (L, L, L, R, R, R, 200),
    "audit_log:index_results": (L, L, L, R, R, R, 200),
    "audit_log:inspect": (L, L, L, 404, 404, R, 200),
    "audit_log:usage": (L, L, L, 404, 404, R, R),
    "certificates:badge_json": (L, 200, 404, 404, 404, 200, 200),
    "certificates:badge_jwt": (L, 200, 404, 404, 404, 200, 200),
    "certificates:badge_jwt_eddsa": (L, 200, 404, 404, 404, 200, 200),
    "certificates:key": (200, 200, 200, 200, 200, 200, 200),
    "certificates:achievement": (200, 200, 200, 200, 200, 200, 200),
    "certificates:issuer": (200, 200, 200, 200, 200, 200, 200),
    "certificates:jwks": (200, 200, 200, 200, 200, 200, 200),
    "certificates:mine": (L, 200, 200, 200, 200, 200, 200),
    "certificates:pdf": (L, 200, 404, 404, 404, 200, 200),
    "certificates:revocation_list": (200, 200, 200, 200, 200, 200, 200),
    "certificates:verify": (200, 200, 200, 200, 200, 200, 200),
    "certificates:verify_form": (200, 200, 200, 200, 200, 200, 200),
    "certificates:verify_pdf": (200, 200, 200, 200, 200, 200, 200),
    "certificates_admin:add": (L, L, L, R, R, R, R),
    "certificates_admin:archive_download": (L, L, L, 404, R, R, 200),
    "certificates_admin:delete": (L, L, L, 404, 404, R, R),
    "certificates_admin:edit": (L, L, L, R, R, R, R),
    "certificates_admin:group": (L, L, L, 404, R, R, 200),
    "certificates_admin:groups": (L, L, L, 200, R, R, 200),
    "certificates_admin:history": (L, L, L, 404, 404, R, R),
    "certificates_admin:history_results": (L, L, L, 404, 404, R, R),
    "certificates_admin:index": (L, L, L, 200, 200, 200, 200),
    "certificates_admin:index_results": (L, L, L, 200, 200, 200, 200),
    "certificates_admin:inspect": (L, L, L, 404, 404, 200, 200),
    "certificates_admin:issue": (L, L, L, 200, R, R, 200),
    "certificates_admin:reissue": (L, L, L, 404, R, R, 200),
    "certificates_admin:revoke": (L, L, L, 404, R, R, 200),
    "certificates_admin:usage": (L, L, L, 404, 404, R, R),
    "course_teams:delete": (L, L, L, 404, 404, 404, R),
    "course_teams:edit": (L, L, L, R, R, R, 200),
    "course_teams:history": (L, L, L, 404, 404, 404, 200),
    "course_teams:history_results": (L, L, L, 404, 404, 404, 200),
    "course_teams:index": (L, L, L, 200, R, R, 200),
    "course_teams:index_results": (L, L, L, 200, R, R, 200),
    "course_teams:inspect": (L, L, L, 404, 404, 404, 200),
    "course_teams:usage": (L, L, L, 404, 404, 404, 200),
    # The platform launches a package (enrolled learners and staff previews) ...
    "content_packages:launch": (404, R, R, R, R, R, R),
    # The xAPI forwarding backlog: staff who see packages (rows scoped to them).
    "content_packages_xapi_backlog": (L, L, L, 200, R, R, 200),
    # ... and the content origin serves it for the token of that launch only; the
    # visitor's platform session is sent along and counts for nothing.
    "content:file": (404, 200, 200, 200, 200, 200, 200),
    "content:h5p_state": (404, 200, 200, 403, 403, 403, 403),
    "content:h5p_statement": (404, 200, 200, 403, 403, 403, 403),
    "content:player": (404, 200, 200, 200, 200, 200, 200),
    "content:scorm_commit": (404, 200, 404, 403, 403, 403, 403),
    "courses:complete_module": (L, R, R, R, R, R, R),
    "courses:enrol": (L, R, R, R, R, R, R),
    "courses:index": (R, R, R, R, R, R, R),
    "courses:enrol_with_code": (L, 200, 200, 200, 200, 200, 200),
    "courses:save_reflection": (L, R, R, 404, 404, 404, 404),
    "courses:unenrol": (L, R, R, R, R, R, R),
    "courses_enrol_learners:enrol": (L, L, L, 200, R, R, 200),
    "esf_organisations:add": (L, L, L, R, R, R, 200),
    "esf_organisations:copy": (L, L, L, R, R, R, 200),
    "esf_organisations:delete": (L, L, L, R, R, R, 200),
    "esf_organisations:edit": (L, L, L, R, R, R, 200),
    "esf_organisations:history": (L, L, L, R, R, R, 200),
    "esf_organisations:history_results": (L, L, L, R, R, R, 200),
    "esf_organisations:index": (L, L, L, R, R, R, 200),
    "esf_organisations:index_results": (L, L, L, R, R, R, 200),
    "esf_organisations:usage": (L, L, L, R, R, R, 200),
    "healthz": (200, 200, 200, 200, 200, 200, 200),
    "quiz_attempts:add": (L, L, L, R, R, R, R),
    "quiz_attempts:delete": (L, L, L, 404, 404, R, R),
    "quiz_attempts:edit": (L, L, L, R, R, R, R),
    "quiz_attempts:history": (L, L, L, 404, 404, R, R),
    "quiz_attempts:history_results": (L, L, L, 404, 404, R, R),
    "quiz_attempts:index": (L, L, L, R, R, R, 200),
    "quiz_attempts:index_results": (L, L, L, R, R, R, 200),
    "quiz_attempts:inspect": (L, L, L, 404, 404, R, 200),
    "quiz_attempts:usage": (L, L, L, 404, 404, R, R),
    "quizzes:attempt": (L, 200, 404, 404, 404, 404, 404),
    "quizzes:result": (L, 200, 404, 404, 404, 404, 404),
    "quizzes:save_draft": (L, 200, 404, 404, 404, 404, 404),
    "quizzes:start": (L, R, R, R, R, R, R),
    "reports:my_indicators": (L, 200, 200, 200, 200, 200, 200),
    "reports_admin:dashboard": (L, L, L, 200, 200, 200, 200),
    "reports_admin:esf": (L, L, L, 200, 200, 200, 200),
    "reports_admin:export_people": (L, L, L, R, R, R, 200),
    "reports_admin:export_table": (L, L, L, 200, 200, 200, 200),
    "reports_admin:job": (L, L, L, 404, 404, 200, 404),
    "reports_admin:job_download": (L, L, L, 404, 404, 200, 404),
    "reports_admin:job_status": (L, L, L, 404, 404, 200, 404),
    "reports_admin:jobs": (L, L, L, 200, 200, 200, 200),
    "reports_admin:people": (L, L, L, 200, R, R, 200),
    "reports_admin:quizzes": (L, L, L, 200, 200, 200, 200),
    "wagtail_serve:courses.CourseIndexPage": (200, 200, 200, 200, 200, 200, 200),
    "wagtail_serve:courses.CoursePage": (200, 200, 200, 200, 200, 200, 200),
    "wagtail_serve:courses.ModulePage": (L, 200, 200, 200, 200, 200, 200),
    "wagtail_serve:pages.HomePage": (200, 200, 200, 200, 200, 200, 200),
    "wagtail_serve:pages.StandardPage": (200, 200, 200, 200, 200, 200, 200),
    "wagtail_serve:quizzes.QuizPage": (200, 200, 200, 200, 200, 200, 200),
    "wagtailadmin_explore": (L, L, L, R, R, R, 200),
    "wagtailadmin_home": (L, L, L, 200, 200, 200, 200),
    "wagtailadmin_pages:edit": (L, L, L, R, R, R, 200),
    "wagtaildocs:index": (L, L, L, 200, R, R, 200),
    "wagtailimages:index": (L, L, L, 200, R, R, 200),
    "wagtailsites:index": (L, L, L, R, R, R, 200),
    f"{CHOOSE_NETWORK}:choose": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_NETWORK}:choose_results": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_NETWORK}:chosen": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_NETWORK}:chosen_multiple": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_NETWORK}:create": (L, L, L, R, R, R, 200),
    f"{CHOOSE_ORGANISATION}:choose": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_ORGANISATION}:choose_results": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_ORGANISATION}:chosen": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_ORGANISATION}:chosen_multiple": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_ORGANISATION}:create": (L, L, L, R, R, R, 200),
    f"{CHOOSE_TEMPLATE}:choose": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_TEMPLATE}:choose_results": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_TEMPLATE}:chosen": (L, L, L, 404, 404, 404, 200),
    f"{CHOOSE_TEMPLATE}:chosen_multiple": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_TEMPLATE}:create": (L, L, L, 200, R, R, 200),
    f"{CHOOSE_PACKAGE}:choose": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_PACKAGE}:choose_results": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_PACKAGE}:chosen": (L, L, L, 404, 404, 404, 200),
    f"{CHOOSE_PACKAGE}:chosen_multiple": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_PACKAGE}:create": (L, L, L, 200, R, R, 200),
    f"{NETWORKS}:add": (L, L, L, R, R, R, 200),
    f"{NETWORKS}:copy": (L, L, L, R, R, R, 200),
    f"{NETWORKS}:delete": (L, L, L, R, R, R, 200),
    f"{NETWORKS}:edit": (L, L, L, R, R, R, 200),
    f"{NETWORKS}:history": (L, L, L, R, R, R, 200),
    f"{NETWORKS}:history_results": (L, L, L, R, R, R, 200),
    f"{NETWORKS}:list": (L, L, L, R, R, R, 200),
    f"{NETWORKS}:list_results": (L, L, L, R, R, R, 200),
    f"{NETWORKS}:usage": (L, L, L, R, R, R, 200),
    f"{ORGANISATIONS}:add": (L, L, L, R, R, R, 200),
    f"{ORGANISATIONS}:copy": (L, L, L, R, R, R, 200),
    f"{ORGANISATIONS}:delete": (L, L, L, R, R, R, 200),
    f"{ORGANISATIONS}:edit": (L, L, L, R, R, R, 200),
    f"{ORGANISATIONS}:history": (L, L, L, R, R, R, 200),
    f"{ORGANISATIONS}:history_results": (L, L, L, R, R, R, 200),
    f"{ORGANISATIONS}:list": (L, L, L, R, R, R, 200),
    f"{ORGANISATIONS}:list_results": (L, L, L, R, R, R, 200),
    f"{ORGANISATIONS}:usage": (L, L, L, R, R, R, 200),
    f"{TEMPLATES}:add": (L, L, L, 200, R, R, 200),
    f"{TEMPLATES}:copy": (L, L, L, R, R, R, 200),
    f"{TEMPLATES}:delete": (L, L, L, 404, 404, 404, 200),
    f"{TEMPLATES}:edit": (L, L, L, 404, 404, 404, 200),
    f"{TEMPLATES}:history": (L, L, L, 404, 404, 404, 200),
    f"{TEMPLATES}:history_results": (L, L, L, 404, 404, 404, 200),
    f"{TEMPLATES}:list": (L, L, L, 200, R, R, 200),
    f"{TEMPLATES}:list_results": (L, L, L, 200, R, R, 200),
    f"{TEMPLATES}:revisions_compare": (L, L, L, 404, 404, 404, 200),
    f"{TEMPLATES}:revisions_revert": (L, L, L, 404, 404, 404, 200),
    f"{TEMPLATES}:usage": (L, L, L, 404, 404, 404, 200),
    f"{PACKAGES}:add": (L, L, L, 200, R, R, 200),
    f"{PACKAGES}:delete": (L, L, L, 404, 404, 404, 200),
    f"{PACKAGES}:edit": (L, L, L, 404, 404, 404, 200),
    f"{PACKAGES}:history": (L, L, L, 404, 404, 404, 200),
    f"{PACKAGES}:history_results": (L, L, L, 404, 404, 404, 200),
    f"{PACKAGES}:inspect": (L, L, L, 404, 404, 404, 200),
    f"{PACKAGES}:list": (L, L, L, 200, R, R, 200),
    f"{PACKAGES}:list_results": (L, L, L, 200, R, R, 200),
    f"{PACKAGES}:usage": (L, L, L, 404, 404, 404, 200),
    "wagtailusers_groups:index": (L, L, L, R, R, R, 200),
    "wagtailusers_users:add": (L, L, L, R, R, R, 200),
    "wagtailusers_users:copy": (L, L, L, R, R, R, 200),
    "wagtailusers_users:delete": (L, L, L, R, R, R, 200),
    "wagtailusers_users:edit": (L, L, L, R, R, R, 200),
    "wagtailusers_users:history": (L, L, L, R, R, R, 200),
    "wagtailusers_users:history_results": (L, L, L, R, R, R, 200),
    "wagtailusers_users:index": (L, L, L, R, R, R, 200),
    "wagtailusers_users:index_results": (L, L, L, R, R, R, 200),
    "wagtailusers_users:usage": (L, L, L, R, R, R, 200),
    "workshop_groups:add": (L, L, L, 200, R, R, 200),
    "workshop_groups:delete": (L, L, L, 404, 404, 404, 200),
    "workshop_groups:edit": (L, L, L, 404, R, R, 200),
    "workshop_groups:history": (L, L, L, 404, 404, 404, 200),
    "workshop_groups:history_results": (L, L, L, 404, 404, 404, 200),
    "workshop_groups:index": (L, L, L, 200, R, R, 200),
    "workshop_groups:index_results": (L, L, L, 200, R, R, 200),
    "workshop_groups:inspect": (L, L, L, 404, 404, 404, 200),
    "workshop_groups:usage": (L, L, L, 404, 404, 404, 200),
}

# namespace of a generic admin viewset -> the world's object its views open
GENERIC_OBJECTS = {
    "wagtailsnippets_accounts_network": lambda w: w.network.pk,
    "wagtailsnippetchoosers_accounts_network": lambda w: w.network.pk,
    "wagtailsnippets_accounts_organisation": lambda w: w.organisation.pk,
    "wagtailsnippetchoosers_accounts_organisation": lambda w: w.organisation.pk,
    "wagtailsnippets_content_packages_contentpackage": lambda w: w.h5p_package.pk,
    "wagtailsnippetchoosers_content_packages_contentpackage": (
        lambda w: w.h5p_package.pk
    ),
    "wagtailsnippets_certificates_certificatetemplate": lambda w: w.template.pk,
    "wagtailsnippetchoosers_certificates_certificatetemplate": (
        lambda w: w.template.pk
    ),
    "audit_log": lambda w: w.audit_entry.pk,
    "workshop_groups": lambda w: w.group.pk,
    "quiz_attempts": lambda w: w.submitted_attempt.pk,
    "certificates_admin": lambda w: w.certificate.pk,
    "course_teams": lambda w: w.team.pk,
    "esf_organisations": lambda w: w.indicators.pk,
    "wagtailusers_users": lambda w: w.users["learner"].pk,
}

# Third-party admin pages: the admin as a whole is for staff; a sample per role.
ADMIN_SAMPLE: dict[str, Call] = {
    "wagtailadmin_home": Call(),
    "wagtailadmin_explore": Call(kwargs=lambda w: {"parent_page_id": w.course.pk}),
    "wagtailadmin_pages:edit": Call(kwargs=lambda w: {"page_id": w.course.pk}),
    "wagtailimages:index": Call(),
    "wagtaildocs:index": Call(),
    "wagtailusers_groups:index": Call(),
    "wagtailsites:index": Call(),
}
CALLS.update(ADMIN_SAMPLE)


def project_url_names() -> dict[str, str]:
    """Every project URL name (and page type) found in the resolver, with its route."""
    found: dict[str, str] = {}

    def belongs_to_project(pattern: URLPattern) -> bool:
        callback = pattern.callback
        view_class = getattr(callback, "view_class", None)
        module = (view_class or callback).__module__
        if module.split(".")[0] in PROJECT_APPS:
            return True
        model = (getattr(callback, "view_initkwargs", None) or {}).get("model")
        return (
            isinstance(model, type)
            and issubclass(model, Model)
            and model._meta.app_label in PROJECT_APPS
        )

    def walk(resolver: URLResolver, prefix: str, namespace: str | None, top: bool):
        for pattern in resolver.url_patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = (
                        f"{namespace}:{pattern.namespace}"
                        if namespace
                        else pattern.namespace
                    )
                walk(pattern, route, inner, top=False)
                continue
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            if name == "wagtail_serve":
                continue
            # Top-level patterns are those of learning/urls.py itself.
            if top or belongs_to_project(pattern):
                found[name or route] = route

    walk(get_resolver(), "", None, top=True)
    # The content origin's own URLconf (content_packages/origin.py).
    walk(get_resolver(CONTENT_URLCONF), "<content origin>/", None, top=False)
    for model in apps.get_models():
        if issubclass(model, Page) and model._meta.app_label in PROJECT_APPS:
            found[f"wagtail_serve:{model._meta.label}"] = "<page path>"
    return found


# --- Helpers -------------------------------------------------------------------------


def _client_for(world: World, role: str) -> Client:
    client = Client()
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    return client


def _page_url(world: World, label: str) -> str:
    pages = {
        "pages.HomePage": world.home,
        "pages.StandardPage": world.home.get_children()
        .type(apps.get_model("pages.StandardPage"))
        .first(),
        "courses.CourseIndexPage": world.course.get_parent(),
        "courses.CoursePage": world.course,
        "courses.ModulePage": world.lesson,
        "quizzes.QuizPage": world.quiz,
    }
    return pages[label].url


def _call_for(name: str) -> Call:
    if name in CALLS:
        return CALLS[name]
    namespace, action = name.rsplit(":", 1)
    return generic_call(action, GENERIC_OBJECTS[namespace])


def _request(client: Client, world: World, name: str):
    if name in CONTENT_CALLS:
        return content_request(world, client, name)
    if name.startswith("wagtail_serve:"):
        return client.get(_page_url(world, name.split(":", 1)[1]))
    call: Call = _call_for(name)
    url = reverse(name, kwargs=call.kwargs(world)) + call.query
    send = getattr(client, call.method)
    data = call.data(world) if call.data else None
    if call.content_type:
        return send(url, data=data, content_type=call.content_type)
    return send(url, data=data) if data is not None else send(url)


def outcome(response) -> int | str:
    if response.status_code in (301, 302):
        location = response["Location"]
        if "/login/" in location:
            return L
        return R
    return response.status_code


def observe(world: World, name: str) -> tuple:
    return tuple(
        outcome(_request(_client_for(world, role), world, name)) for role in ROLES
    )


# --- Tests ---------------------------------------------------------------------------


def test_every_project_url_is_in_the_matrix():
    from tests.live.test_permission_matrix import MATRIX as LIVE  # own world

    missing = sorted(set(project_url_names()) - set(MATRIX) - set(LIVE))
    assert not missing, (
        "Project URLs without a row in the permission matrix (add the expected "
        f"answer per role to MATRIX in {__name__}): {missing}"
    )


# Views that list objects or offer them to choose: each needs row assertions in
# test_listing_rows.py (what appears, per visitor), not only a status code.
LISTING_ACTIONS = {
    "index",
    "index_results",
    "list",
    "list_results",
    "choose",
    "choose_results",
    "chosen_multiple",
}
LISTING_VIEWS = {
    "certificates_admin:group",
    "certificates_admin:groups",
    "certificates_admin:issue",
    "courses_enrol_learners:enrol",
    "reports_admin:dashboard",
    "reports_admin:jobs",
    "reports_admin:people",
    "reports_admin:quizzes",
    "wagtailadmin_explore",
    "wagtailimages:index",
    "wagtaildocs:index",
}


def test_every_listing_export_and_chooser_has_row_assertions():
    from wagtail.admin.viewsets import viewsets

    from tests.security.listings import LISTINGS

    # courses:index only redirects to the public course list (live courses).
    checked = {name.split("#")[0] for name in LISTINGS} | {"courses:index"}
    listings = {
        name for name in MATRIX if name.rsplit(":", 1)[-1] in LISTING_ACTIONS
    } | LISTING_VIEWS
    assert not sorted(listings - checked), (
        f"listings without row assertions: {sorted(listings - checked)}"
    )
    exported = set()
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        columns = getattr(viewset, "list_export", None)
        if not isinstance(columns, list | tuple) or not columns:
            continue
        if getattr(model, "_meta", None) and model._meta.app_label in PROJECT_APPS:
            namespace = viewset.get_url_name("index").rsplit(":", 1)[0]
            action = "list" if namespace.startswith("wagtailsnippets_") else "index"
            exported.add(f"{namespace}:{action}")
    unchecked = sorted(
        name for name in exported if not getattr(LISTINGS.get(name), "exports", False)
    )
    assert exported and not unchecked, f"CSV/XLSX exports without rows: {unchecked}"


def test_matrix_lists_no_url_that_no_longer_exists():
    stale = sorted(set(MATRIX) - set(project_url_names()) - set(ADMIN_SAMPLE))
    assert not stale, f"Rows for URLs the project no longer has: {stale}"


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_role_gets_the_expected_answer(world_db, name):
    expected = dict(zip(ROLES, MATRIX[name], strict=True))
    actual = dict(zip(ROLES, observe(world_db, name), strict=True))
    wrong = {
        role: f"expected {expected[role]!r}, got {actual[role]!r}"
        for role in ROLES
        if expected[role] != actual[role]
    }
    assert not wrong, f"{name}: {wrong}"
