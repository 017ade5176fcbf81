"""The admin lists quiz attempts read-only."""

import pytest
from django.urls import reverse

from quizzes.services import start_or_resume_attempt, submit_attempt

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(enrolled, quiz):
    attempt = start_or_resume_attempt(enrolled, quiz)
    return submit_attempt(attempt, enrolled, {})


def test_admin_sees_attempts_and_can_search_them(client, admin_user, submitted):
    client.force_login(admin_user)
    url = reverse("quiz_attempts:index")
    response = client.get(url)
    assert response.status_code == 200
    name = str(submitted.user).encode()
    assert name in response.content
    assert name in client.get(url, {"q": submitted.user.email}).content
    assert name not in client.get(url, {"q": "nobody-by-this-name"}).content
    inspect = client.get(reverse("quiz_attempts:inspect", args=[submitted.pk]))
    assert inspect.status_code == 200


def test_attempts_cannot_be_edited_or_deleted_in_the_admin(
    client, admin_user, submitted
):
    client.force_login(admin_user)
    for name in ("quiz_attempts:edit", "quiz_attempts:delete"):
        response = client.post(reverse(name, args=[submitted.pk]), {"status": "x"})
        assert response.status_code in (302, 403)
    submitted.refresh_from_db()
    assert submitted.is_submitted


def test_learner_cannot_open_the_attempt_list(client, enrolled, submitted):
    client.force_login(enrolled)
    response = client.get(reverse("quiz_attempts:index"))
    assert response.status_code in (302, 403)
