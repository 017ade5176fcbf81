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
test_hardening.py (rate limits). A new project URL without a row in matrix.py fails
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
from tests.security.matrix import ADMIN_SAMPLE, GENERIC_OBJECTS, MATRIX, L, R
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
        .exact_type(apps.get_model("pages.StandardPage"))
        .first(),
        **{
            f"pages.{name}": world.home.get_descendants()
            .exact_type(apps.get_model("pages", name))
            .first()
            for name in (
                "AccessibilityStatementPage",
                "EasyLanguagePage",
                "SignLanguagePage",
            )
        },
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
