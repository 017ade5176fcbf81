from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Locale

from .cache import cached
from .models import StandardPage


def _footer_links(language: str) -> list[tuple[str, str]]:
    try:
        locale = Locale.objects.get(language_code=language)
    except Locale.DoesNotExist:
        return []
    pages = (
        StandardPage.objects.live()
        .filter(show_in_footer=True, locale=locale)
        .order_by("path")
    )
    return [(page.title, page.url) for page in pages]


def site_navigation(request: HttpRequest) -> dict:
    """Footer links for the active language, cached until content changes."""
    language = get_language()

    def footer_links():
        return cached(f"footer:{language}", lambda: _footer_links(language))

    return {"footer_links": footer_links}
