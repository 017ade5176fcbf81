"""Placeholder text of certificate templates (the PDF itself is in pdf.py)."""

import string

from .models import PLACEHOLDERS


def unknown_placeholders(body: str) -> set[str]:
    """Names in braces that are not placeholders; a stray brace counts as one."""
    names = set()
    try:
        for _literal, field, spec, conversion in string.Formatter().parse(body):
            if field is not None:
                names.add(
                    field
                    + (f"!{conversion}" if conversion else "")
                    + (f":{spec}" if spec else "")
                )
    except ValueError:
        return {"{"}
    return {f"{{{name}}}" for name in names - set(PLACEHOLDERS)}
