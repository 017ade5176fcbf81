"""The admin's avatar comes from the platform, never from an external service."""

import pytest
from wagtail.admin.templatetags.wagtailadmin_tags import avatar_url

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_staff_avatar_is_the_local_default_image_not_gravatar():
    user = UserFactory(email="redaktion@example.org")

    url = avatar_url(user, 50)

    assert "gravatar" not in url
    assert url.startswith("/static/") and "default-user-avatar" in url
