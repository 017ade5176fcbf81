"""A site-wide content version: cached navigation is keyed by it.

Publishing, unpublishing, moving or deleting any page bumps the version, so
cached links and routes never outlive the pages they point to; so does saving
or deleting an image, document or content package, which cached lesson blocks
show, or a site, which the cached site of a host is.
"""

from contextvars import ContextVar

from django.core.cache import cache

VERSION_KEY = "pages:content-version"

# Within one request the version is read once (ContentVersionMiddleware): a page
# asks for it for every cached route, fragment and plan, each a round trip to Redis.
_per_request: ContextVar[dict | None] = ContextVar("content_version", default=None)


def content_version() -> int:
    memo = _per_request.get()
    if memo is not None and "version" in memo:
        return memo["version"]
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    if memo is not None:
        memo["version"] = version
    return version


def bump_content_version(**kwargs) -> None:
    memo = _per_request.get()
    if memo is not None:
        memo.pop("version", None)  # the rest of this request sees the change too
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


class ContentVersionMiddleware:
    """Read the content version at most once per request (lazily, on first use)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        token = _per_request.set({})
        try:
            return self.get_response(request)
        finally:
            _per_request.reset(token)


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
