"""Resources a package loads from other servers, found at upload.

The content origin's policy (content_views.package_policy) lets a package load
only its own files, plus the origins the operator allows in
`CONTENT_PACKAGES_ALLOWED_ORIGINS`. A package that pulls a script from a CDN or a
video from another server is not refused for it: the trainer is told what will
not load (and what will, where the origin is allowed), so nobody is surprised by
content that silently fails to play.

Scanned: HTML (the attributes that load something, inline styles), CSS (url()
and @import), JavaScript (URLs where code loads or fetches them), H5P's
content.json (media `path`s) and imsmanifest.xml (resource and file hrefs). Links
a learner may follow (<a href>) load nothing and are not reported.
"""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from defusedxml import ElementTree as SafeET
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from . import conf

MAX_SCANNED_BYTES = 5 * 1024 * 1024
MAX_REPORTED = 100
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
# The attributes that make a browser fetch something, per element.
LOADING_ATTRIBUTES = {
    "script": {"src": "script"},
    "link": {"href": "style"},
    "img": {"src": "image", "srcset": "image"},
    "source": {"src": "media", "srcset": "image"},
    "video": {"src": "media", "poster": "image"},
    "audio": {"src": "media"},
    "track": {"src": "media"},
    "iframe": {"src": "frame"},
    "frame": {"src": "frame"},
    "embed": {"src": "object"},
    "object": {"data": "object"},
    "input": {"src": "image"},
}
CSS_URL = re.compile(
    r"""(?:url\(\s*["']?|@import\s+["'])((?:https?:)?//[^"')\s]+)""", re.IGNORECASE
)
# JavaScript: an absolute URL right where code loads it (`href` is left out: in
# scripts it is mostly a link being written or followed, which loads nothing).
JS_LOAD = re.compile(
    r"""(?:\bsrc\s*=\s*|\bfetch\(\s*|\bimportScripts\(\s*|"""
    r"""\bimport\s*\(\s*|\bimport\s+[^"';]*?\bfrom\s+|\bimport\s+|"""
    r"""\.open\(\s*["'][A-Za-z]+["']\s*,\s*|\bnew\s+(?:WebSocket|EventSource|Audio)\(\s*|"""
    r"""\.(?:getScript|ajax|get|post|load)\(\s*|setAttribute\(\s*["']src["']\s*,\s*)"""
    r"""["'`]((?:https?:|wss?:)?//[^"'`\s]+)""",
    re.IGNORECASE,
)
JS_KIND = "script"


@dataclass(frozen=True)
class ExternalResource:
    """One reference to another server: where it is and what it would load."""

    url: str
    origin: str
    kind: str  # script, style, font, image, media, frame, object, connect, other
    file: str

    @property
    def allowed(self) -> bool:
        return self.origin in conf.allowed_content_origins()


def origin_of(url: str) -> str | None:
    """The origin of an absolute or protocol-relative URL; None for local paths."""
    if url.startswith("//"):
        url = "https:" + url
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in {"http", "https", "ws", "wss"} or not parts.netloc:
        return None
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _resource(url: str, kind: str, file: str) -> ExternalResource | None:
    origin = origin_of(url)
    if origin is None:
        return None
    return ExternalResource(url=url.strip()[:500], origin=origin, kind=kind, file=file)


class _HtmlScanner(HTMLParser):
    def __init__(self, file: str):
        super().__init__(convert_charrefs=True)
        self.file = file
        self.found: list[ExternalResource] = []
        self.inside = ""

    def handle_endtag(self, tag):
        if tag == self.inside:
            self.inside = ""

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self.inside = tag
        values = dict(attrs)
        wanted = LOADING_ATTRIBUTES.get(tag, {})
        for attribute, kind in wanted.items():
            value = values.get(attribute) or ""
            if tag == "link":
                rel = (values.get("rel") or "").lower()
                if not any(
                    word in rel for word in ("stylesheet", "icon", "preload", "import")
                ):
                    continue
                kind = "style" if "stylesheet" in rel else "other"
            candidates = (
                [part.strip().split(" ")[0] for part in value.split(",")]
                if attribute == "srcset"
                else [value]
            )
            for candidate in candidates:
                found = _resource(candidate, kind, self.file)
                if found:
                    self.found.append(found)
        style = values.get("style")
        if style:
            self.found.extend(_scan_css(style, self.file))

    def handle_data(self, data):
        if self.inside == "style":
            self.found.extend(_scan_css(data, self.file))
        elif self.inside == "script":
            self.found.extend(_scan_js(data, self.file))


def _scan_css(text: str, file: str) -> list[ExternalResource]:
    found = []
    for match in CSS_URL.finditer(text):
        url = match.group(1)
        is_font = PurePosixPath(urlsplit(url).path).suffix.lower() in {
            ".woff",
            ".woff2",
            ".ttf",
            ".otf",
            ".eot",
        }
        if is_font:
            kind = "font"
        else:
            kind = "style" if "@import" in match.group(0) else "image"
        resource = _resource(url, kind, file)
        if resource:
            found.append(resource)
    return found


def _js_kind(code: str) -> str:
    code = code.lower()
    if code.startswith("src") or code.startswith("setattribute"):
        return "other"  # an element's source: a script, image or frame alike
    if "audio(" in code:
        return "media"
    if any(word in code for word in ("fetch(", ".open(", "socket(", "source(")) or (
        any(word in code for word in (".ajax(", ".get(", ".post(", ".load("))
    ):
        return "connect"
    return JS_KIND


def _scan_js(text: str, file: str) -> list[ExternalResource]:
    return [
        resource
        for match in JS_LOAD.finditer(text)
        if (resource := _resource(match.group(1), _js_kind(match.group(0)), file))
    ]


def _scan_h5p_content(data: bytes, file: str) -> list[ExternalResource]:
    """H5P media fields: {"path": "https://…"} (videos, audio, images)."""
    try:
        content = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return []
    found: list[ExternalResource] = []

    def walk(value, key=""):
        if isinstance(value, dict):
            mime = str(value.get("mime", ""))
            for child_key, child in value.items():
                if child_key == "path" and isinstance(child, str):
                    kind = "media" if mime.startswith(("video", "audio")) else "other"
                    resource = _resource(child, kind, file)
                    if resource:
                        found.append(resource)
                else:
                    walk(child, child_key)
        elif isinstance(value, list):
            for child in value:
                walk(child, key)

    walk(content)
    return found


def _scan_manifest(data: bytes, file: str) -> list[ExternalResource]:
    try:
        root = SafeET.fromstring(data)
    except Exception:  # noqa: BLE001 - validation reports a bad manifest itself
        return []
    found = []
    for element in root.iter():
        if element.tag.rsplit("}", 1)[-1] in {"resource", "file"}:
            resource = _resource(element.get("href", ""), "other", file)
            if resource:
                found.append(resource)
    return found


def scan_file(name: str, data: bytes) -> list[ExternalResource]:
    """The external resources one package file refers to."""
    suffix = PurePosixPath(name).suffix.lower()
    if name == "imsmanifest.xml":
        return _scan_manifest(data, name)
    if name == "content/content.json":
        return _scan_h5p_content(data, name)
    if suffix not in HTML_SUFFIXES | {".css", ".js", ".mjs"}:
        return []
    text = data.decode("utf-8", errors="replace")
    if suffix == ".css":
        return _scan_css(text, name)
    if suffix in {".js", ".mjs"}:
        return _scan_js(text, name)
    scanner = _HtmlScanner(name)
    scanner.feed(text)
    scanner.close()
    return scanner.found


def find_external_resources(
    archive: zipfile.ZipFile, names: set[str], *, is_h5p: bool = False
) -> list[ExternalResource]:
    """Every distinct external reference in the package (first MAX_REPORTED).

    In an H5P package only the content is scanned: the libraries are H5P's own
    generic code (a video library names YouTube whether or not this content
    uses it), and what the content uses is in content/.
    """
    seen: dict[tuple[str, str], ExternalResource] = {}
    for info in sorted(archive.infolist(), key=lambda i: i.filename):
        if info.filename not in names or info.file_size > MAX_SCANNED_BYTES:
            continue
        if is_h5p and not info.filename.startswith("content/"):
            continue
        for resource in scan_file(info.filename, archive.read(info.filename)):
            seen.setdefault((resource.url, resource.file), resource)
            if len(seen) >= MAX_REPORTED:
                return list(seen.values())
    return list(seen.values())


KIND_LABELS = {
    "script": gettext_lazy("script"),
    "style": gettext_lazy("style sheet"),
    "font": gettext_lazy("font"),
    "image": gettext_lazy("image"),
    "media": gettext_lazy("video or audio"),
    "frame": gettext_lazy("embedded page"),
    "object": gettext_lazy("plug-in content"),
    "connect": gettext_lazy("data request"),
    "other": gettext_lazy("file"),
}
REPORTED_IN_MESSAGE = 10


def _listing(resources: list[ExternalResource]) -> str:
    items = [
        f"{r.url} ({KIND_LABELS.get(r.kind, r.kind)}, {r.file})"
        for r in resources[:REPORTED_IN_MESSAGE]
    ]
    rest = len(resources) - REPORTED_IN_MESSAGE
    if rest > 0:
        items.append(
            ngettext("and %(count)s more", "and %(count)s more", rest) % {"count": rest}
        )
    return "; ".join(items)


def upload_report(resources: list[ExternalResource]) -> list[str]:
    """What the trainer is told at upload: what will not load, and what will."""
    blocked = [r for r in resources if not r.allowed]
    allowed = [r for r in resources if r.allowed]
    lines = []
    if blocked:
        lines.append(
            _(
                "This package refers to resources on other servers that will not "
                "load for learners (the content's security policy allows only the "
                "package's own files): %(resources)s."
            )
            % {"resources": _listing(blocked)}
        )
    if allowed:
        lines.append(
            _(
                "These resources on other servers will load, because the operator "
                "allows their servers: %(resources)s."
            )
            % {"resources": _listing(allowed)}
        )
    return lines
