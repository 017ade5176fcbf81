"""Uploads: real samples are accepted, hostile zips refused without a trace."""

import io
import stat
import struct
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from content_packages.models import ContentPackage, PackageKind
from content_packages.services import store_package
from content_packages.validation import inspect_package
from tests.content_packages.conftest import (
    files_under,
    sample_path,
    sample_upload,
    store_sample,
    upload,
    zip_bytes,
)

pytestmark = pytest.mark.django_db

MANIFEST_12 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="hostile" version="1.2"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org"><title>Test</title>
      <item identifier="item" identifierref="res"><title>Test</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res" type="webcontent" adlcp:scormtype="sco"
        href="index.html"><file href="index.html"/></resource>
  </resources>
</manifest>"""
INDEX = b"<!DOCTYPE html><html lang='de'><title>x</title><p>Hallo</p></html>"


def scorm_zip(**extra) -> bytes:
    return zip_bytes({"imsmanifest.xml": MANIFEST_12, "index.html": INDEX, **extra})


def with_info(info: zipfile.ZipInfo, content: bytes, base: dict | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, value in (base or {"imsmanifest.xml": MANIFEST_12}).items():
            archive.writestr(name, value)
        archive.writestr(info, content)
    return buffer.getvalue()


def symlink_zip() -> bytes:
    info = zipfile.ZipInfo("index.html")
    info.create_system = 3  # Unix, so the mode bits count
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return with_info(info, b"../../../../etc/passwd")


def forge_size(data: bytes, name: str, declared: int) -> bytes:
    """Rewrite the uncompressed size of `name` in its local and central headers."""
    data = bytearray(data)
    encoded = name.encode()
    local = data.find(b"PK\x03\x04")
    while local != -1:
        name_length = struct.unpack_from("<H", data, local + 26)[0]
        if bytes(data[local + 30 : local + 30 + name_length]) == encoded:
            struct.pack_into("<L", data, local + 22, declared)
            break
        local = data.find(b"PK\x03\x04", local + 4)
    else:
        raise AssertionError("local header not found")
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if bytes(data[central + 46 : central + 46 + name_length]) == encoded:
            struct.pack_into("<L", data, central + 24, declared)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    else:
        raise AssertionError("central header not found")
    return bytes(data)


def forged_header_zip() -> bytes:
    """A page whose headers claim 1 kB while 300 kB come out."""
    page = b"<p>" + b"Anerkennung " * 25_000 + b"</p>"
    return forge_size(scorm_zip(**{"index.html": page}), "index.html", 1000)


def forged_bomb_zip() -> bytes:
    """20 MB of zeros whose headers claim 1 kB: caught while inflating."""
    page = bytes(20 * 1024 * 1024)
    return forge_size(scorm_zip(**{"index.html": page}), "index.html", 1000)


def too_many_files_zip(limit: int) -> bytes:
    return scorm_zip(**{f"page-{i}.html": b"x" for i in range(limit + 1)})


H5P_JSON = (
    '{"title": "Hostile", "mainLibrary": "H5P.TrueFalse", "language": "de",'
    ' "preloadedDependencies": []}'
)

# name -> (zip bytes or factory, file name, error code, words the message contains)
HOSTILE = {
    "path traversal": (
        lambda: scorm_zip(**{"../outside.html": INDEX}),
        "traversal.zip",
        "path_traversal",
        "outside it",
    ),
    "nested traversal": (
        lambda: scorm_zip(**{"shared/../../outside.html": INDEX}),
        "traversal.zip",
        "path_traversal",
        "outside it",
    ),
    "absolute path": (
        lambda: scorm_zip(**{"/etc/cron.d/evil.txt": b"* * * * * root id"}),
        "absolute.zip",
        "absolute_path",
        "absolute path",
    ),
    "windows drive path": (
        lambda: scorm_zip(**{"C:/evil.txt": b"x"}),
        "absolute.zip",
        "absolute_path",
        "absolute path",
    ),
    "symlink": (symlink_zip, "symlink.zip", "symlink", "symbolic link"),
    "zip bomb by ratio": (
        lambda: scorm_zip(**{"index.html": bytes(4 * 1024 * 1024)}),
        "bomb.zip",
        "ratio",
        "zip bomb",
    ),
    "forged header size": (
        forged_header_zip,
        "forged.zip",
        "forged_size",
        "does not match",
    ),
    "forbidden extension": (
        lambda: scorm_zip(**{"shell.php": b"<?php system($_GET['c']);"}),
        "php.zip",
        "forbidden_extension",
        "not allowed",
    ),
    "html in an H5P package": (
        lambda: zip_bytes(
            {"h5p.json": H5P_JSON, "content/content.json": "{}", "x/evil.html": INDEX}
        ),
        "evil.h5p",
        "forbidden_extension",
        "not allowed",
    ),
    "missing manifest": (
        lambda: zip_bytes({"index.html": INDEX}),
        "nomanifest.zip",
        "missing_manifest",
        "imsmanifest.xml is missing",
    ),
    "missing h5p.json": (
        lambda: zip_bytes({"content/content.json": "{}"}),
        "nomanifest.h5p",
        "missing_manifest",
        "h5p.json is missing",
    ),
    "malformed XML": (
        lambda: zip_bytes(
            {"imsmanifest.xml": "<manifest><organizations>", "a.html": INDEX}
        ),
        "badxml.zip",
        "bad_xml",
        "not well-formed XML",
    ),
    "XML entity expansion": (
        lambda: zip_bytes(
            {
                "imsmanifest.xml": '<?xml version="1.0"?><!DOCTYPE m ['
                '<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                "<manifest>&b;</manifest>",
                "a.html": INDEX,
            }
        ),
        "entities.zip",
        "unsafe_xml",
        "not allowed",
    ),
    "malformed h5p.json": (
        lambda: zip_bytes({"h5p.json": "{not json", "content/content.json": "{}"}),
        "badjson.h5p",
        "bad_json",
        "not valid JSON",
    ),
    "not a zip": (lambda: b"MZ\x90\x00 this is an exe", "setup.zip", "not_zip", "zip"),
}


def _refuse(factory, filename: str) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        store_package(upload(factory(), filename), filename=filename)
    return caught.value


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_zip_is_refused_with_its_reason_and_leaves_nothing(case, package_root):
    factory, filename, code, words = HOSTILE[case]
    with translation.override("en"):
        error = _refuse(factory, filename)
        message = " ".join(error.messages)
    assert error.code == code, message
    assert words in message
    assert ContentPackage.objects.count() == 0
    assert files_under(package_root) == []


def test_forged_header_hiding_a_bomb_is_stopped_while_inflating(settings, package_root):
    settings.CONTENT_PACKAGES_MAX_UNCOMPRESSED_BYTES = 5 * 1024 * 1024
    with translation.override("en"):
        error = _refuse(forged_bomb_zip, "forged-bomb.zip")
        message = " ".join(error.messages)
    assert error.code == "too_large"
    assert "zip bomb" in message
    assert files_under(package_root) == []


def test_more_files_than_the_limit_are_refused(settings, package_root):
    settings.CONTENT_PACKAGES_MAX_FILES = 50
    with translation.override("en"):
        error = _refuse(lambda: too_many_files_zip(50), "many.zip")
        message = " ".join(error.messages)
    assert error.code == "too_many_files"
    assert "more than 50 files" in message
    assert ContentPackage.objects.count() == 0
    assert files_under(package_root) == []


def test_default_file_limit_counts_real_entries(package_root):
    from content_packages import conf

    error = _refuse(lambda: too_many_files_zip(conf.max_files()), "many.zip")
    assert error.code == "too_many_files"


def test_refusal_reasons_are_translated():
    with translation.override("de"):
        with pytest.raises(ValidationError) as caught:
            inspect_package(upload(symlink_zip(), "s.zip"), "s.zip")
        german = " ".join(caught.value.messages)
    with translation.override("en"):
        english = " ".join(caught.value.messages)
    assert "symbolic link" in english
    assert german != english
    assert "index.html" in german


def test_trainer_upload_of_hostile_zip_shows_reason_and_stores_nothing(
    client, team_trainer, package_root
):
    client.force_login(team_trainer)
    response = client.post(
        reverse("wagtailsnippets_content_packages_contentpackage:add"),
        {
            "title": "Böse",
            "package_file": SimpleUploadedFile(
                "evil.zip", scorm_zip(**{"../../evil.html": INDEX}), "application/zip"
            ),
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    from django.utils.translation import gettext as _

    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        reason = _("The package contains a path leading outside it: “%(name)s”.") % {
            "name": "../../evil.html"
        }
        expected = _("The package was not saved: %(reason)s") % {"reason": reason}
    assert expected in response.content.decode()
    assert ContentPackage.objects.count() == 0
    assert files_under(package_root) == []


def test_trainer_uploads_a_real_sample_in_the_admin(client, team_trainer, package_root):
    client.force_login(team_trainer)
    file = sample_upload("scorm2004")
    response = client.post(
        reverse("wagtailsnippets_content_packages_contentpackage:add"),
        {
            "title": "",
            "package_file": SimpleUploadedFile(file.name, file.getvalue()),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    package = ContentPackage.objects.get()
    assert package.kind == PackageKind.SCORM2004
    assert package.title == "Golf Explained - Run-time Basic Calls"
    assert package.uploaded_by == team_trainer
    # The team's only collection, without asking.
    assert (
        package.collection
        == team_trainer.groups.get(course_team__isnull=False).course_team.collection
    )
    assert (package.storage_path / "shared" / "launchpage.html").is_file()


@pytest.mark.parametrize(
    ("name", "kind", "launch", "scos", "sequencing"),
    [
        ("h5p", PackageKind.H5P, "h5p.json", 0, False),
        ("h5p_multichoice", PackageKind.H5P, "h5p.json", 0, False),
        ("h5p_questionset", PackageKind.H5P, "h5p.json", 0, False),
        ("h5p_coursepresentation", PackageKind.H5P, "h5p.json", 0, False),
        ("scorm12", PackageKind.SCORM12, "shared/launchpage.html", 1, False),
        ("scorm12_multi", PackageKind.SCORM12, "Playing/Playing.html", 18, False),
        ("scorm2004", PackageKind.SCORM2004, "shared/launchpage.html", 1, True),
        (
            "scorm2004_sequencing",
            PackageKind.SCORM2004,
            "shared/launchpage.html",
            8,
            True,
        ),
    ],
)
def test_real_sample_uploads_and_its_launch_file_is_found(
    name, kind, launch, scos, sequencing, package_root
):
    package = store_sample(name)
    assert package.kind == kind
    assert package.launch_path == launch
    assert (package.storage_path / launch).is_file()
    assert len(package.scos) == scos
    for sco in package.scos:
        assert (package.storage_path / sco["launch_path"]).is_file()
    assert package.has_sequencing is sequencing
    # Stored privately under an unguessable folder, never below MEDIA_ROOT.
    assert package.storage_path.parent == package_root
    assert len(package.token) >= 32
    assert package.file_count == len(
        [p for p in files_under(package.storage_path) if p.is_file()]
    )


def test_scorm_2004_manifest_is_read_in_its_own_namespace(package_root):
    """The 2004 sample uses imscp_v1p1 and adlcp_v1p3, not the 1.2 namespaces."""
    raw = sample_path("scorm2004").read_bytes()
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        manifest = archive.read("imsmanifest.xml").decode()
    assert "http://www.imsglobal.org/xsd/imscp_v1p1" in manifest
    assert "imscp_rootv1p1p2" not in manifest
    inspection = inspect_package(upload(raw, "x.zip"), "x.zip")
    assert inspection.kind == PackageKind.SCORM2004
    assert inspection.schema_version == "2004 3rd Edition"
    assert inspection.scos[0].title == "Golf Explained"


def test_multi_sco_2004_package_lists_each_sco_with_its_parameters(package_root):
    package = store_sample("scorm2004_sequencing")
    titles = [sco["title"] for sco in package.scos]
    assert len(set(titles)) == len(titles)
    assert all(sco["launch_path"] for sco in package.scos)
    assert any(sco["parameters"] for sco in package.scos)
