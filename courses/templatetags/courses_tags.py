"""Template helpers for course pages and the start page's course list."""

from django import template
from django.core.cache import cache
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page

from courses.models import CoursePage
from courses.progress import CourseProgress
from courses.progress import learning_overview as overview_of
from pages.cache import FRAGMENT_TIMEOUT, fragment_key

register = template.Library()


@register.simple_tag
def learning_overview(user) -> list[CourseProgress]:
    """``{% learning_overview user as course_progress %}`` on "My learning"."""
    return overview_of(user)


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


# --- Fragment caching -----------------------------------------------------------------
#
# Only learner-independent output is cached. Blocks that show or record something of
# the learner (reflections, case-study feedback, content packages) always render
# fresh; a block type not listed here is never cached, so new types are safe.
CACHEABLE_BLOCK_TYPES = frozenset(
    {"text", "image", "video", "callout", "document", "accordion"}
)


def _fragment_key(context, page, name: str) -> str | None:
    request = context.get("request")
    if request is not None and getattr(request, "is_preview", False):
        return None
    return fragment_key(page, name, get_language())


def _render_block(block, context) -> str:
    values = context.flatten()
    values["block_id"] = block.id
    inner = block.render_as_block(context=values)
    return format_html(
        '<div class="lesson-block lesson-block--{}" id="block-{}">{}</div>',
        block.block_type,
        block.id,
        inner,
    )


@register.simple_tag(takes_context=True)
def lesson_body(context, page) -> str:
    """The module's lesson blocks; learner-independent ones come from the cache.

    One cache round trip for all blocks, and a block found in the cache is not
    even converted from its stored JSON (no image or document queries).
    """
    raw = page.body.raw_data
    keys: dict[int, str] = {}
    for index, item in enumerate(raw):
        if item["type"] in CACHEABLE_BLOCK_TYPES and item.get("id"):
            key = _fragment_key(context, page, f"block:{item['id']}")
            if key is not None:
                keys[index] = key
    cached = cache.get_many(list(keys.values())) if keys else {}
    rendered, fresh = [], {}
    for index in range(len(raw)):
        key = keys.get(index)
        html = cached.get(key) if key else None
        if html is None:
            html = str(_render_block(page.body[index], context))
            if key:
                fresh[key] = html
        rendered.append(html)
    if fresh:
        cache.set_many(fresh, FRAGMENT_TIMEOUT)
    return mark_safe("".join(rendered))  # noqa: S308


class PageFragmentNode(template.Node):
    def __init__(self, nodelist, name: str, page_var):
        self.nodelist = nodelist
        self.name = name
        self.page_var = page_var

    def render(self, context) -> str:
        key = _fragment_key(context, self.page_var.resolve(context), self.name)
        if key is not None:
            html = cache.get(key)
            if html is not None:
                return html
        html = self.nodelist.render(context)
        if key is not None:
            cache.set(key, html, FRAGMENT_TIMEOUT)
        return html


@register.tag
def pagefragment(parser, token):
    """`{% pagefragment "name" page %}…{% endpagefragment %}`: cache a part of a page.

    Only for parts that are the same for every visitor: the key is the page's
    published revision and the language, never the user.
    """
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError(
            'Usage: {% pagefragment "name" page %}…{% endpagefragment %}'
        )
    name = bits[1].strip("\"'")
    nodelist = parser.parse(("endpagefragment",))
    parser.delete_first_token()
    return PageFragmentNode(nodelist, name, parser.compile_filter(bits[2]))
