"""A site-wide content version: cached navigation is keyed by it.

Publishing, unpublishing, moving or deleting any page bumps the version, so
cached links and routes never outlive the pages they point to; so does saving
or deleting an image, document or content package, which cached lesson blocks
show, or a site, which the cached site of a host is.
"""

from django.core.cache import cache

VERSION_KEY = "pages:content-version"


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump_content_version(**kwargs) -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


_ABSENT = object()


def cached(key: str, compute):
    """Cache `compute()` under `key` for the current content version.

    Any result is kept, None and empty ones too ("no such page" is an answer).
    """
    full_key = f"{key}:v{content_version()}"
    value = cache.get(full_key, _ABSENT)
    if value is _ABSENT:
        value = compute()
        cache.set(full_key, value, timeout=24 * 3600)
    return value


# --- Rendered fragments of pages ----------------------------------------------------

FRAGMENT_TIMEOUT = 6 * 3600


def fragment_key(page, name: str, language: str) -> str | None:
    """The cache key of a learner-independent fragment of `page`, or None.

    Keyed by the page's published revision (a new one on every publish), the
    language and the content version (other pages' titles and URLs in links).
    Previews and unsaved pages are never cached: they are not the live revision.
    """
    revision = getattr(page, "live_revision_id", None)
    if page.pk is None or revision is None:
        return None
    return f"fragment:{name}:{page.pk}:r{revision}:{language}:v{content_version()}"
