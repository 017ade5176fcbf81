"""What the import formats share: parsed questions, the report, limits, sanitising.

Imported files are untrusted: they are size-limited, rich text keeps only the
prompt's features (Wagtail's whitelister) and text carrying a script is refused.
Parsers return ``ParsedQuestion`` values in the type registry's block format,
plus one line per question they could not take.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

from ..question_types.base import PROMPT_FEATURES

MAX_IMPORT_BYTES = 2 * 1024 * 1024
MAX_IMPORT_QUESTIONS = 1000
_DANGEROUS = ("script", "style", "iframe", "object", "embed", "form", "svg", "math")
_SCRIPTED = re.compile(r"<\s*script|javascript:|\son\w+\s*=", re.IGNORECASE)


class ImportRefused(ValidationError):
    """The file cannot be imported at all; nothing was stored."""


@dataclass
class ParsedQuestion:
    title: str
    type: str
    value: dict[str, Any]
    tags: list[str] = field(default_factory=list)


@dataclass
class ParseResult:
    questions: list[ParsedQuestion] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def check_size(data: bytes | str) -> bytes:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) > MAX_IMPORT_BYTES:
        raise ImportRefused(
            _("The file is larger than %(limit)s MB; nothing was imported.")
            % {"limit": MAX_IMPORT_BYTES // (1024 * 1024)},
            code="too_large",
        )
    return raw


def refuse_scripts(text: str, where: str) -> None:
    if _SCRIPTED.search(text or ""):
        raise ImportRefused(
            _("%(where)s contains a script; nothing was imported.") % {"where": where},
            code="script",
        )


def rich_text(html: str, where: str) -> str:
    """Safe prompt HTML: scripts refused, anything but the prompt's features removed."""
    refuse_scripts(html, where)
    soup = BeautifulSoup(html or "", "html.parser")
    for tag in soup.find_all(_DANGEROUS):
        tag.decompose()
    cleaned = EditorHTMLConverter(features=PROMPT_FEATURES).to_database_format(
        str(soup)
    )
    if cleaned and not cleaned.lstrip().startswith("<"):
        cleaned = f"<p>{cleaned}</p>"
    return cleaned


def plain_text(html: str, where: str) -> str:
    refuse_scripts(html, where)
    return strip_tags(html or "").strip()


def item(value: Any) -> dict:
    """A ListBlock item with a fresh id, as the block stores it."""
    return {"type": "item", "value": value, "id": str(uuid.uuid4())}
