"""Question text as the name of its group and inputs: plain text for the legend,
the gap of a fill-in-the-blank question shown as a gap, not as "___"."""

import re

from django import template
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

register = template.Library()

GAP = re.compile(r"_{3,}")


@register.filter
def question_text(html: str) -> SafeString:
    """The prompt's text without markup; each gap a blank read out as "gap"."""
    text = " ".join(strip_tags(html or "").split())
    gap = format_html(
        '<span class="quiz-gap"><span class="visually-hidden">{}</span></span>',
        gettext("gap"),
    )
    return mark_safe(gap.join(escape(part) for part in GAP.split(text)))  # noqa: S308
