"""Uploads that tell the truth: what loads from other servers, and what is refused."""

import json

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from content_packages.models import ContentPackage
from content_packages.services import store_package
from content_packages.validation import inspect_package
from tests.content_packages.conftest import (
    place_package,
    sample_upload,
    upload,
    zip_bytes,
)
from tests.content_packages.content_client import ContentClient, launch
from tests.content_packages.test_validation import H5P_JSON, MANIFEST_12
from tests.content_packages.tracking import file_url

pytestmark = pytest.mark.django_db
BLOCKED = (
    "This package refers to resources on other servers that will not load for "
    "learners (the content's security policy allows only the package's own "
    "files): %(resources)s."
)
ALLOWED = (
    "These resources on other servers will load, because the operator allows "
    "their servers: %(resources)s."
)

CDN_SCRIPT = "https://cdn.jsdelivr.net/npm/jquery@3.7.1/dist/jquery.min.js"
REMOTE_VIDEO = "https://videos.example.org/einfuehrung.mp4"
PAGE = f"""<!DOCTYPE html><html lang="de"><head><title>Kurs</title>
<script src="{CDN_SCRIPT}"></script>
<link rel="stylesheet" href="css/local.css">
<style>@import url("https://fonts.googleapis.com/css2?family=Inter");</style>
</head><body>
<video controls poster="img/poster.png">
  <source src="{REMOTE_VIDEO}" type="video/mp4">
</video>
<a href="https://www.example.org/mehr">Mehr erfahren</a>
<img src="img/local.png" alt="">
</body></html>"""
SCRIPT = 'fetch("https://api.example.net/score", {method: "POST"});\n'
SCRIPT += 'var ns = "http://www.w3.org/2000/svg";\n'  # a namespace, loads nothing
SCRIPT += "document.write('<a href=\"http://www.scorm.com\">Rustici</a>');\n"
SCRIPT += "document.write('<img src=\"https://track.example.com/p.gif\">');\n"


def external_package(**extra) -> bytes:
    return zip_bytes(
        {
            "imsmanifest.xml": MANIFEST_12,
            "index.html": PAGE,
            "js/app.js": SCRIPT,
            "css/local.css": "body{background:url(../img/bg.png)}",
            **extra,
        }
    )


def test_inspection_names_the_cdn_script_and_the_remote_video(package_root):
    inspection = inspect_package(upload(external_package(), "kurs.zip"), "kurs.zip")
    found = {(r.url, r.kind, r.file) for r in inspection.external_resources}

    assert (CDN_SCRIPT, "script", "index.html") in found
    assert (REMOTE_VIDEO, "media", "index.html") in found
    assert ("https://api.example.net/score", "connect", "js/app.js") in found
    assert ("https://track.example.com/p.gif", "other", "js/app.js") in found
    assert any(url.startswith("https://fonts.googleapis.com/") for url, *_ in found)
    urls = {url for url, *_ in found}
    # A link loads nothing; local files and namespaces are not "other servers".
    assert "https://www.example.org/mehr" not in urls
    assert "http://www.scorm.com" not in urls  # a link written by a script
    assert not any("w3.org" in url or "local" in url for url in urls)
    assert not any(r.allowed for r in inspection.external_resources)


def test_trainer_is_told_at_upload_which_resources_will_not_load(
    client, team_trainer, package_root
):
    client.force_login(team_trainer)
    response = client.post(
        reverse("wagtailsnippets_content_packages_contentpackage:add"),
        {
            "title": "Kurs mit CDN",
            "package_file": SimpleUploadedFile("kurs.zip", external_package()),
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 302
    (message,) = [str(m) for m in get_messages(response.wsgi_request)]
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        will_not_load = _(BLOCKED).split("(")[0].strip()
        script, media = _("script"), _("video or audio")
    assert will_not_load in message
    assert f"{CDN_SCRIPT} ({script}, index.html)" in message
    assert f"{REMOTE_VIDEO} ({media}, index.html)" in message
    assert "www.example.org/mehr" not in message
    assert ContentPackage.objects.count() == 1  # warned, not refused


def test_an_allowed_origin_is_reported_as_loading_and_reaches_the_content_csp(
    settings, client, enrolled, module, team_trainer, package_root
):
    settings.CONTENT_PACKAGES_ALLOWED_ORIGINS = ["https://videos.example.org"]
    client.force_login(team_trainer)
    response = client.post(
        reverse("wagtailsnippets_content_packages_contentpackage:add"),
        {"title": "", "package_file": SimpleUploadedFile("k.zip", external_package())},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    (message,) = [str(m) for m in get_messages(response.wsgi_request)]
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        will_load = _(ALLOWED).split(":")[0]
    blocked, allowed = message.split(will_load)
    assert CDN_SCRIPT in blocked and REMOTE_VIDEO not in blocked
    assert REMOTE_VIDEO in allowed

    package = ContentPackage.objects.get()
    client.force_login(enrolled)
    token = launch(client, module, place_package(module, package))
    page = ContentClient().get(file_url(token, "index.html"))
    policy = dict(
        part.strip().split(" ", 1)
        for part in page["Content-Security-Policy"].split(";")
        if " " in part.strip()
    )
    assert "https://videos.example.org" in policy["media-src"]
    assert "cdn.jsdelivr.net" not in page["Content-Security-Policy"]


def test_h5p_content_with_a_remote_video_is_reported(package_root):
    content = {
        "interactiveVideo": {
            "video": {
                "files": [{"path": REMOTE_VIDEO, "mime": "video/mp4"}],
            }
        }
    }
    data = zip_bytes(
        {
            "h5p.json": H5P_JSON,
            "content/content.json": json.dumps(content),
            # Library code naming a server is generic, not this content's use.
            "H5P.Video-1.6/scripts/youtube.js": 'tag.src = "https://www.youtube.com/x";',
        }
    )
    inspection = inspect_package(upload(data, "video.h5p"), "video.h5p")
    assert [(r.url, r.kind) for r in inspection.external_resources] == [
        (REMOTE_VIDEO, "media")
    ]


@pytest.mark.parametrize(
    "name", ["schemas/custom_v2.xsd2", "data/notes.unknownext", "LICENSE", "a.mdx"]
)
def test_an_inert_file_of_an_unknown_type_does_not_refuse_the_package(
    name, package_root
):
    data = external_package(**{name: b"<schema>inert</schema>"})
    package = store_package(upload(data, "kurs.zip"), filename="kurs.zip")
    assert (package.storage_path / name).is_file()


@pytest.mark.parametrize(
    "name", ["api/upload.php", "cgi-bin/run.cgi", ".htaccess", "tools/setup.exe"]
)
def test_server_side_code_is_still_refused(name, package_root):
    with pytest.raises(ValidationError) as error:
        inspect_package(upload(external_package(**{name: b"x"}), "k.zip"), "k.zip")
    assert error.value.code == "forbidden_extension"


def test_real_samples_report_only_what_they_really_load(package_root):
    """The H5P course presentation plays a video from h5p.org; the SCORM golf
    samples write links to scorm.com but load everything from the package."""
    presentation = inspect_package(sample_upload("h5p_coursepresentation"), "c.h5p")
    assert [(r.origin, r.kind) for r in presentation.external_resources] == [
        ("https://h5p.org", "media")
    ]
    golf = inspect_package(sample_upload("scorm12"), "golf.zip")
    assert golf.external_resources == []


def test_the_platform_itself_or_a_plain_http_server_is_never_an_allowed_origin(
    settings,
):
    from content_packages import conf
    from content_packages.checks import check_allowed_content_origins

    settings.CONTENT_PACKAGES_ALLOWED_ORIGINS = [
        "https://cdn.example.org",
        settings.WAGTAILADMIN_BASE_URL,
        "http://videos.example.org",
        "https://fonts.example.org/css?x=1",
    ]
    assert "https://cdn.example.org" in conf.allowed_content_origins()
    assert not any(
        origin.startswith(settings.WAGTAILADMIN_BASE_URL.rstrip("/"))
        for origin in conf.allowed_content_origins()
    )
    refused = {error.msg.split("'")[1] for error in check_allowed_content_origins()}
    assert refused == {
        settings.WAGTAILADMIN_BASE_URL,
        "http://videos.example.org",
        "https://fonts.example.org/css?x=1",
    }


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "only “continue” and “previous”"), ("de", "nur „weiter“ und „zurück“")],
)
def test_trainer_is_told_at_upload_that_sequencing_is_not_supported(
    client, team_trainer, package_root, language, words
):
    from wagtail.users.models import UserProfile

    from tests.content_packages.manifests import package_2004

    profile = UserProfile.get_for_user(team_trainer)
    profile.preferred_language = language  # the admin speaks the trainer's language
    profile.save()
    client.force_login(team_trainer)
    response = client.post(
        reverse("wagtailsnippets_content_packages_contentpackage:add"),
        {
            "title": "Sequenziert",
            "package_file": SimpleUploadedFile("seq.zip", package_2004()),
        },
    )
    assert response.status_code == 302
    (message,) = [str(m) for m in get_messages(response.wsgi_request)]
    assert words in message
    assert ContentPackage.objects.get().has_sequencing  # accepted, with the notice
