"""Who reaches a package's player, files and tracking, and through what.

Files, players and tracking live on the content origin and are addressed by the
launch token the platform's launch URL hands out; the platform itself serves
none of them.
"""

import json

import pytest
from django.conf import settings
from django.test import Client

from content_packages.content_views import content_path
from content_packages.models import ScormAttempt, Statement, StatementSource
from courses.services import enrol
from tests.content_packages.conftest import place_package, store_sample
from tests.content_packages.content_client import (
    ContentClient,
    launch,
    launch_url,
    tampered,
)
from tests.content_packages.tracking import (
    answered,
    file_url,
    post_json,
    says,
    urls,
)

pytestmark = pytest.mark.django_db


# --- Access ---------------------------------------------------------------------------


def test_learner_not_enrolled_gets_404_at_launch(client, learner, module, h5p):
    _package, block_id = h5p
    client.force_login(learner)
    assert client.get(launch_url(module, block_id)).status_code == 404
    assert Statement.objects.count() == 0


def test_learner_who_left_the_course_gets_404_for_player_files_and_tracking(
    client, content, enrolled, course, module, h5p
):
    """A token is checked against the enrolment on every request, not only once."""
    from courses.services import unenrol

    package, block_id = h5p
    token = launch(client, module, block_id)
    assert content.get(urls(token)["player"]).status_code == 200
    unenrol(enrolled, course)
    links = urls(token)
    assert content.get(links["player"]).status_code == 404
    assert content.get(file_url(token, "h5p.json")).status_code == 404
    status, _body = post_json(
        content, links["statement"], {"statement": answered(package, enrolled)}
    )
    assert status == 404
    status, _body = post_json(content, links["state"], {"state": "{}"})
    assert status == 404
    assert Statement.objects.count() == 0


def test_anonymous_visitor_gets_404_at_launch_and_for_package_files(
    client, content, module, h5p
):
    package, block_id = h5p
    assert client.get(launch_url(module, block_id)).status_code == 404
    assert content.get(file_url("no-token", "h5p.json")).status_code == 404
    # The former platform URL of the same file is gone.
    old = f"/content-packages/files/{module.pk}/{block_id}/{package.token}/h5p.json"
    assert client.get(old).status_code == 404


def test_learner_not_enrolled_cannot_commit_to_another_learners_attempt(
    client, content, learner, other_learner, course, module, package_root
):
    package = store_sample("scorm12")
    block_id = place_package(module, package)
    enrol(other_learner, course)
    other = Client()
    other.force_login(other_learner)
    other_token = launch(other, module, block_id)
    assert content.get(urls(other_token)["player"]).status_code == 200
    client.force_login(learner)
    assert client.get(launch_url(module, block_id)).status_code == 404
    # The other learner's token with the learner's session: the session counts for
    # nothing on the content origin, and the token's claims cannot be changed.
    content.cookies[settings.SESSION_COOKIE_NAME] = client.cookies[
        settings.SESSION_COOKIE_NAME
    ].value
    forged = tampered(other_token, user=learner.pk)
    commit = content_path("scorm_commit", forged, sco_index=0, attempt=1)
    status, _body = post_json(
        content, commit, {"cmi": {"core": {"lesson_status": "passed"}}}
    )
    assert status == 404
    attempt = ScormAttempt.objects.get()
    assert attempt.user == other_learner
    assert attempt.completion_status == ""


def test_enrolled_learner_gets_package_files_with_protective_headers(
    client, content, enrolled, module, h5p
):
    _package, block_id = h5p
    token = launch(client, module, block_id)
    response = content.get(file_url(token, "content/content.json"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "object-src 'none'" in csp
    # Framed by the player (this origin) inside the platform's lesson, nothing else.
    assert f"frame-ancestors 'self' {settings.WAGTAILADMIN_BASE_URL}" in csp
    assert "Set-Cookie" not in response
    assert not response.cookies
    assert json.loads(b"".join(response.streaming_content))


@pytest.mark.parametrize("path", ["../../../../etc/passwd", "missing.js", "content/"])
def test_paths_outside_or_absent_in_the_package_are_404(
    client, content, enrolled, module, h5p, path
):
    _package, block_id = h5p
    token = launch(client, module, block_id)
    url = file_url(token, "x")
    assert content.get(url[:-1] + path).status_code == 404


def test_files_are_not_reachable_with_another_packages_token_or_by_media_url(
    client, content, enrolled, module, h5p
):
    package, block_id = h5p
    other = store_sample("scorm12")
    token = launch(client, module, block_id)
    # The launch serves its own package's files only, whatever the path names.
    assert content.get(file_url(token, "imsmanifest.xml")).status_code == 404
    assert (
        content.get(file_url(token, f"../{other.token}/imsmanifest.xml")).status_code
        == 404
    )
    assert content.get(file_url(other.token, "imsmanifest.xml")).status_code == 404
    media_root = settings.MEDIA_ROOT.resolve()
    assert not package.storage_path.resolve().is_relative_to(media_root)
    assert (
        client.get(f"{settings.MEDIA_URL}content_packages/h5p.json").status_code == 404
    )


def test_staff_preview_plays_but_records_nothing(client, content, trainer, module, h5p):
    package, block_id = h5p
    client.force_login(trainer)
    trainer.is_staff = True
    trainer.save()
    links = urls(launch(client, module, block_id))
    response = content.get(links["player"])
    assert response.status_code == 200
    status, body = post_json(
        content, links["statement"], {"statement": answered(package, trainer)}
    )
    assert status == 403
    assert says(body, "You are not enrolled in this course.")
    assert Statement.objects.count() == 0


def test_tracking_accepts_no_platform_session_only_the_launch_token(
    client, enrolled, module, h5p
):
    """Where CSRF once protected the platform's tracking URLs, there is now no
    ambient authority at all: a session cookie without a token records nothing."""
    package, block_id = h5p
    token = launch(client, module, block_id)
    content = ContentClient()
    content.cookies[settings.SESSION_COOKIE_NAME] = client.cookies[
        settings.SESSION_COOKIE_NAME
    ].value
    body = {"statement": answered(package, enrolled)}
    for forged in ("x", token[:-2], tampered(token, enrollment=None)):
        response = content.post(
            urls(forged)["statement"], json.dumps(body), content_type="application/json"
        )
        assert response.status_code == 404
        assert not response.cookies
    assert Statement.objects.count() == 0
    status, _body = post_json(content, urls(token)["statement"], body)
    assert status == 200
    assert (
        Statement.objects.filter(user=enrolled, source=StatementSource.H5P).count() == 1
    )
