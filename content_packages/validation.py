"""Inspecting an uploaded H5P or SCORM zip before anything is written to disk.

Every check runs on the archive as uploaded: member names, types, extensions,
and sizes counted on the bytes really inflated (a header may lie about them).
The manifest is parsed with defusedxml. Only a package that passes every check
is extracted by ``services.store_package``.
"""

from __future__ import annotations

import json
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import IO

from defusedxml import ElementTree as SafeET
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import conf
from .external import ExternalResource, find_external_resources

KIND_H5P = "h5p"
KIND_SCORM12 = "scorm12"
KIND_SCORM2004 = "scorm2004"

# Refused in any package: code a web server might run, programs, server config.
# Everything else is served as static content (unknown types as
# application/octet-stream, never sniffed), so an unusual but inert file is kept.
SERVER_SIDE_EXTENSIONS = frozenset(
    "php php3 php4 php5 php7 php8 phtml pht phar phps asp aspx ascx ashx asmx asa "  # noqa: SIM905
    "cer axd jsp jspx jsf cfm cfc cgi fcgi pl pm py pyc pyo rb erb sh bash zsh csh "
    "ksh ps1 psm1 bat cmd com exe dll msi scr vbs vbe wsf wsh jar war ear class so "
    "dylib shtml shtm stm".split()
)
SERVER_CONFIG_NAMES = frozenset({".htaccess", ".htpasswd", "web.config", ".user.ini"})
# H5P packages hold no pages of their own (H5P core's whitelist has none): a page
# in one is active content where only data and library code belong.
H5P_ACTIVE_EXTENSIONS = frozenset("html htm xhtml xht mht mhtml".split())  # noqa: SIM905

LOCAL_HEADER = struct.Struct("<4sHHHHHLLLHH")
LOCAL_HEADER_SIGNATURE = b"PK\x03\x04"
READ_CHUNK = 64 * 1024


@dataclass
class Sco:
    """One launchable item of a SCORM package's default organisation."""

    identifier: str
    title: str
    launch_path: str
    parameters: str = ""

    def as_dict(self) -> dict:
        return {
            "identifier": self.identifier,
            "title": self.title,
            "launch_path": self.launch_path,
            "parameters": self.parameters,
        }


@dataclass
class Inspection:
    """What a valid package contains; the input to storing it."""

    kind: str
    title: str
    identifier: str = ""
    schema_version: str = ""
    launch_path: str = ""
    scos: list[Sco] = field(default_factory=list)
    has_sequencing: bool = False
    h5p_metadata: dict = field(default_factory=dict)
    file_count: int = 0
    total_size: int = 0
    # What the package loads from other servers (the upload report names them).
    external_resources: list[ExternalResource] = field(default_factory=list)


def _error(message, code: str, **params) -> ValidationError:
    return ValidationError(message, code=code, params=params or None)


def _check_name(info: zipfile.ZipInfo, *, is_h5p: bool) -> None:
    name = info.filename
    if "\\" in name or "\x00" in name:
        raise _error(
            _("The file name “%(name)s” contains characters that are not allowed."),
            "bad_name",
            name=name,
        )
    path = PurePosixPath(name)
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise _error(
            _("The package contains an absolute path: “%(name)s”."),
            "absolute_path",
            name=name,
        )
    if ".." in path.parts:
        raise _error(
            _("The package contains a path leading outside it: “%(name)s”."),
            "path_traversal",
            name=name,
        )
    mode = info.external_attr >> 16
    if info.create_system == 3 and stat.S_ISLNK(mode):
        raise _error(
            _("The package contains a symbolic link: “%(name)s”."),
            "symlink",
            name=name,
        )
    if info.flag_bits & 0x1:
        raise _error(
            _("The package contains an encrypted file: “%(name)s”."),
            "encrypted",
            name=name,
        )
    if info.is_dir():
        return
    suffix = path.suffix.lower().lstrip(".")
    if (
        suffix in SERVER_SIDE_EXTENSIONS
        or path.name.lower() in SERVER_CONFIG_NAMES
        or (is_h5p and suffix in H5P_ACTIVE_EXTENSIONS)
    ):
        raise _error(
            _("The file type of “%(name)s” is not allowed in this kind of package."),
            "forbidden_extension",
            name=name,
        )


def _real_size(archive: IO[bytes], info: zipfile.ZipInfo, budget: int) -> int:
    """Inflate one member from its raw bytes and count what really comes out.

    Reading raw data (not through ZipFile.open, which stops at the declared size)
    catches headers that understate the size. Stops as soon as `budget` is passed.
    """
    archive.seek(info.header_offset)
    header = archive.read(LOCAL_HEADER.size)
    if len(header) != LOCAL_HEADER.size:
        raise _error(_("The zip file is damaged."), "corrupt")
    fields = LOCAL_HEADER.unpack(header)
    if fields[0] != LOCAL_HEADER_SIGNATURE:
        raise _error(_("The zip file is damaged."), "corrupt")
    archive.seek(fields[9] + fields[10], 1)
    if info.compress_type == zipfile.ZIP_STORED:
        size = info.compress_size
        if size > budget:
            raise _too_large()
        return size
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise _error(
            _("“%(name)s” uses a compression method that is not supported."),
            "compression",
            name=info.filename,
        )
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    size = 0
    remaining = info.compress_size
    try:
        while not inflater.eof:
            chunk = archive.read(min(READ_CHUNK, remaining)) if remaining else b""
            remaining -= len(chunk)
            if not chunk:
                break
            # max_length bounds memory; leftover input waits in unconsumed_tail.
            data = inflater.decompress(chunk, READ_CHUNK)
            size += len(data)
            while inflater.unconsumed_tail and size <= budget:
                data = inflater.decompress(inflater.unconsumed_tail, READ_CHUNK)
                size += len(data)
            if size > budget:
                raise _too_large()
    except zlib.error as exc:
        raise _error(_("The zip file is damaged."), "corrupt") from exc
    return size


def _too_large() -> ValidationError:
    return _error(
        _(
            "The package is too large when unpacked (more than %(limit)s MB); "
            "it may be a zip bomb."
        ),
        "too_large",
        limit=conf.max_uncompressed_bytes() // (1024 * 1024),
    )


def _check_sizes(upload: IO[bytes], infos: list[zipfile.ZipInfo]) -> int:
    limit = conf.max_uncompressed_bytes()
    ratio_limit = conf.max_compression_ratio()
    total = 0
    for info in infos:
        if info.is_dir():
            continue
        real = _real_size(upload, info, limit - total)
        if real != info.file_size:
            raise _error(
                _(
                    "The size recorded for “%(name)s” does not match its content; "
                    "the zip file is damaged or forged."
                ),
                "forged_size",
                name=info.filename,
            )
        if real > conf.RATIO_CHECK_MIN_BYTES and real > ratio_limit * max(
            info.compress_size, 1
        ):
            raise _error(
                _(
                    "“%(name)s” is compressed suspiciously well (more than "
                    "%(ratio)s to 1); the package may be a zip bomb."
                ),
                "ratio",
                name=info.filename,
                ratio=ratio_limit,
            )
        total += real
    return total


def _read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    return archive.read(name)


def _parse_h5p(archive: zipfile.ZipFile, names: set[str]) -> Inspection:
    if "h5p.json" not in names:
        raise _error(
            _("This is not an H5P package: h5p.json is missing at the top level."),
            "missing_manifest",
        )
    try:
        metadata = json.loads(_read_member(archive, "h5p.json"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise _error(
            _("h5p.json cannot be read: it is not valid JSON."), "bad_json"
        ) from exc
    if not isinstance(metadata, dict) or not metadata.get("mainLibrary"):
        raise _error(_("h5p.json does not name a main library."), "bad_manifest")
    if "content/content.json" not in names:
        raise _error(
            _("The H5P package has no content/content.json."), "missing_manifest"
        )
    try:
        json.loads(_read_member(archive, "content/content.json"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise _error(
            _("content/content.json cannot be read: it is not valid JSON."),
            "bad_json",
        ) from exc
    folders = {name.split("/", 1)[0] for name in names if "/" in name}
    for dependency in metadata.get("preloadedDependencies") or []:
        folder = "{}-{}.{}".format(
            dependency.get("machineName"),
            dependency.get("majorVersion"),
            dependency.get("minorVersion"),
        )
        if folder not in folders:
            raise _error(
                _(
                    "The H5P package lacks the library “%(library)s”; export it "
                    "again with its libraries included."
                ),
                "missing_library",
                library=folder,
            )
    return Inspection(
        kind=KIND_H5P,
        title=str(metadata.get("title") or "")[:255],
        identifier=str(metadata.get("mainLibrary")),
        h5p_metadata={
            key: metadata[key]
            for key in ("title", "mainLibrary", "language", "license")
            if key in metadata
        },
    )


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element, name: str) -> list:
    return [child for child in element if _local(child.tag) == name]


def _child_text(element, name: str) -> str:
    for child in element:
        if _local(child.tag) == name:
            return (child.text or "").strip()
    return ""


def _attribute(element, name: str) -> str:
    """An attribute whatever its namespace (adlcp:scormtype, adlcp:scormType)."""
    for key, value in element.attrib.items():
        if _local(key).lower() == name.lower():
            return value
    return ""


def _parse_scorm(archive: zipfile.ZipFile, names: set[str]) -> Inspection:
    if "imsmanifest.xml" not in names:
        raise _error(
            _(
                "This is neither an H5P nor a SCORM package: imsmanifest.xml is "
                "missing at the top level."
            ),
            "missing_manifest",
        )
    try:
        root = SafeET.fromstring(_read_member(archive, "imsmanifest.xml"))
    except SafeET.ParseError as exc:
        raise _error(
            _("imsmanifest.xml cannot be read: it is not well-formed XML."),
            "bad_xml",
        ) from exc
    except Exception as exc:  # defusedxml's entity and DTD refusals
        raise _error(
            _("imsmanifest.xml contains XML constructs that are not allowed."),
            "unsafe_xml",
        ) from exc
    if _local(root.tag) != "manifest":
        raise _error(_("imsmanifest.xml has no manifest element."), "bad_manifest")
    version = ""
    for metadata in _children(root, "metadata"):
        version = _child_text(metadata, "schemaversion") or version
    namespaces = " ".join([root.tag, *(str(v) for v in root.attrib.values())]).lower()
    is_2004 = (
        version.startswith("2004")
        or version.startswith("CAM 1.3")
        or (not version and "imscp_v1p1" in namespaces)
    )
    kind = KIND_SCORM2004 if is_2004 else KIND_SCORM12
    resources = {}
    for group in _children(root, "resources"):
        for resource in _children(group, "resource"):
            resources[resource.get("identifier", "")] = resource
    organisations = next(iter(_children(root, "organizations")), None)
    if organisations is None:
        raise _error(_("imsmanifest.xml has no organisations."), "no_organisation")
    candidates = _children(organisations, "organization")
    default_id = organisations.get("default", "")
    organisation = next(
        (org for org in candidates if org.get("identifier") == default_id),
        candidates[0] if candidates else None,
    )
    if organisation is None:
        raise _error(_("imsmanifest.xml has no organisation."), "no_organisation")
    scos: list[Sco] = []
    has_sequencing = any(
        _local(element.tag) in {"sequencing", "sequencingCollection"}
        for element in root.iter()
    )

    def walk(element) -> None:
        for item in _children(element, "item"):
            reference = item.get("identifierref")
            if reference:
                resource = resources.get(reference)
                href = resource.get("href", "") if resource is not None else ""
                if not href:
                    raise _error(
                        _("The item “%(item)s” points to no launchable file."),
                        "no_launch",
                        item=item.get("identifier", ""),
                    )
                base = (
                    resource.get("{http://www.w3.org/XML/1998/namespace}base", "") or ""
                )
                path = (base + href).split("?", 1)
                launch = path[0]
                if launch not in names:
                    raise _error(
                        _("The launch file “%(file)s” is not in the package."),
                        "no_launch",
                        file=launch,
                    )
                parameters = item.get("parameters", "") or (
                    path[1] if len(path) > 1 else ""
                )
                scos.append(
                    Sco(
                        identifier=item.get("identifier", ""),
                        title=_child_text(item, "title") or launch,
                        launch_path=launch,
                        parameters=parameters.lstrip("?"),
                    )
                )
            walk(item)

    walk(organisation)
    if not scos:
        raise _error(
            _("The default organisation of imsmanifest.xml has no launchable item."),
            "no_launch",
        )
    return Inspection(
        kind=kind,
        title=(_child_text(organisation, "title") or "")[:255],
        identifier=root.get("identifier", ""),
        schema_version=version,
        launch_path=scos[0].launch_path,
        scos=scos,
        has_sequencing=has_sequencing,
    )


def inspect_package(upload: IO[bytes], filename: str = "") -> Inspection:
    """Check a package completely; raise ValidationError naming the first problem."""
    if conf.max_upload_bytes() and getattr(upload, "size", 0) > conf.max_upload_bytes():
        raise _error(
            _("The file is larger than %(limit)s MB."),
            "upload_too_large",
            limit=conf.max_upload_bytes() // (1024 * 1024),
        )
    upload.seek(0)
    try:
        archive = zipfile.ZipFile(upload)
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise _error(
            _("The file is not a valid zip archive (.h5p or SCORM .zip)."),
            "not_zip",
        ) from exc
    with archive:
        names = {info.filename for info in infos if not info.is_dir()}
        if len(names) != len([info for info in infos if not info.is_dir()]):
            raise _error(_("The package lists a file twice."), "duplicate")
        if len(infos) > conf.max_files():
            raise _error(
                _("The package contains more than %(limit)s files."),
                "too_many_files",
                limit=conf.max_files(),
            )
        is_h5p = filename.lower().endswith(".h5p") or (
            "h5p.json" in names and "imsmanifest.xml" not in names
        )
        for info in infos:
            _check_name(info, is_h5p=is_h5p)
        total = _check_sizes(upload, infos)
        inspection = (
            _parse_h5p(archive, names) if is_h5p else _parse_scorm(archive, names)
        )
        if is_h5p:
            inspection.launch_path = "h5p.json"
        inspection.file_count = len(names)
        inspection.total_size = total
        inspection.external_resources = find_external_resources(
            archive, names, is_h5p=is_h5p
        )
        return inspection
