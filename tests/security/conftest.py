"""A module-scoped world built once inside a transaction that is rolled back.

Each test runs in its own savepoint inside it (pytest-django's `db`), so what one
request changes never reaches the next test, and the world costs one build per
module instead of one per test (the same idea as Django's setUpTestData).
"""

import pytest
from django.db import transaction
from django.test import override_settings

# Shared fixtures of other test packages, used by name in this one.
from tests.e2e.conftest import (  # noqa: F401
    browser_context_args,
    browser_type_launch_args,
    e2e_media,
    e2e_site,
    journey_course,
)
from tests.quizzes.conftest import enrolled, make_quiz, module  # noqa: F401
from tests.security.world import World, build_world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory) -> World:
    root = tmp_path_factory.mktemp("security")
    overrides = override_settings(
        PRIVATE_MEDIA_ROOT=str(root / "private"),
        CONTENT_PACKAGES_ROOT=str(root / "packages"),
        MEDIA_ROOT=str(root / "media"),
        WAGTAILADMIN_BASE_URL="https://lernen.example.org",
    )
    overrides.enable()
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
    overrides.disable()


@pytest.fixture
def world_db(world, db) -> World:
    """The world, for a test that runs in a savepoint inside its transaction."""
    return world
