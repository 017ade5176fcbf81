from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info

from pages.cache import cached

register = template.Library()


def _translation_urls(page) -> dict[str, str]:
    return {
        translation.locale.language_code: translation.url
        for translation in page.get_translations(inclusive=True)
        .live()
        .select_related("locale")
    }


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context) -> dict:
    """Links to this page in every language: the translated page where one exists."""
    request = context["request"]
    page = context.get("page")
    translations = {}
    if page is not None and hasattr(page, "get_translations"):
        translations = cached(
            f"translations:{page.translation_key}", lambda: _translation_urls(page)
        )
    current = context.get("LANGUAGE_CODE", settings.LANGUAGE_CODE)
    links = []
    for code, _name in settings.LANGUAGES:
        url = translations.get(code) or translate_url(request.get_full_path(), code)
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "current": code == current,
            }
        )
    return {"links": links}
