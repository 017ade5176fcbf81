import pytest
from django.core.cache import cache

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: cached links never leak between tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def learner(db):
    return UserFactory(role="learner")


@pytest.fixture
def other_learner(db):
    return UserFactory(role="learner")


@pytest.fixture
def trainer(db):
    return UserFactory(role="trainer")


@pytest.fixture
def coordinator(db):
    return UserFactory(role="coordinator")


@pytest.fixture
def admin_user(db):
    return UserFactory(role="administrator", is_superuser=True)


@pytest.fixture
def site_root(db):
    """The demo start page as the default site's root (German and English)."""
    from pages.demo import create_site_pages

    return create_site_pages()
