"""What every platform email must satisfy, in both parts and both languages."""

import re

INFORMAL = re.compile(r"\b(du|dich|dir|dein\w*|Du|Dich|Dir|Dein\w*)\b")


def parts(message) -> tuple[str, str]:
    """The plain text and the HTML part of a sent message."""
    html = [body for body, mimetype in message.alternatives if mimetype == "text/html"]
    assert len(html) == 1, f"no single HTML part in {message.subject!r}"
    return message.body, html[0]


def assert_email_is_complete(message, *, language: str, site_name: str) -> None:
    """No gap from an empty variable, no template syntax, the site named, "Sie"."""
    text, html = parts(message)
    assert html.lstrip().startswith("<!DOCTYPE html>")
    assert f'lang="{language}"' in html
    for name, part in (("subject", message.subject), ("text", text), ("html", html)):
        assert "{{" not in part and "{%" not in part and "%(" not in part, name
        assert "None" not in part, name
        for line in part.splitlines():
            assert "  " not in line.strip(), f"gap in {name}: {line!r}"
            assert not re.search(r"\s[!,.:]", line.strip()), f"{name}: {line!r}"
        if language == "de":
            assert not INFORMAL.search(part), f"informal in {name}: {part}"
    assert site_name in text and site_name in html
