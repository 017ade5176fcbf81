"""Routing a URL to its page in one lookup instead of one per path segment.

Wagtail walks the tree from the site root, two queries per segment (the child by
slug, then its specific object). A lesson sits four levels down, so routing cost
more queries than the lesson itself. The page's `url_path` names the same page;
where it is known (cached for the content version, which every publish, move,
unpublish or deletion bumps), one query fetches the specific page.
"""

from __future__ import annotations

from django.apps import apps
from django.core.cache import cache
from wagtail.models import Page

from .cache import content_version

ROUTE_TIMEOUT = 24 * 3600


def _page_at(url_path: str) -> str | None:
    """`app_label.model:pk` of the page at `url_path`, if there is one."""
    row = (
        Page.objects.filter(url_path=url_path)
        .values_list("pk", "content_type__app_label", "content_type__model")
        .first()
    )
    if row is None:
        return None
    pk, app_label, model = row
    return f"{app_label}.{model}:{pk}"


def page_for_path(root: Page, path_components: list[str]) -> Page | None:
    """The specific page at `path_components` below `root`, or None if unknown.

    None means "route the usual way": the path may end in a sub-route of a page
    or name no page at all, which Wagtail's own routing answers. Only found
    routes are cached, so made-up URLs cannot fill the cache.
    """
    url_path = root.url_path + "".join(f"{part}/" for part in path_components)
    key = f"route:{url_path}:v{content_version()}"
    target = cache.get(key)
    if target is None:
        target = _page_at(url_path)
        if target is None:
            return None
        cache.set(key, target, timeout=ROUTE_TIMEOUT)
    label, pk = target.split(":")
    model = apps.get_model(label)
    return model.objects.filter(pk=int(pk)).first()
