"""Template helpers for course pages and the start page's course list."""

from django import template
from wagtail.models import Page

from courses.models import CoursePage

register = template.Library()


@register.filter
def get_item(mapping, key):
    """`mapping|get_item:key`: a dict lookup with a variable key."""
    if not mapping:
        return None
    return mapping.get(key)


@register.inclusion_tag("courses/includes/course_list.html", takes_context=True)
def course_list(context, root: Page, heading_level: int = 2):
    """The live courses below `root` (e.g. the start page) in its language."""
    courses = (
        CoursePage.objects.live()
        .public()
        .descendant_of(root)
        .filter(locale_id=root.locale_id)
        .select_related("cover_image")
        .order_by("path")
    )
    return {
        "courses": courses,
        "request": context.get("request"),
        "heading_level": heading_level,
    }
