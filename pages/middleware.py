"""The request's Wagtail site from the cache instead of one query per request."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from wagtail.models import Site

from .cache import cached


class CachedSiteMiddleware:
    """Find the site once per host and content version (saving a site bumps it).

    Wagtail looks for `request._wagtail_site` before it asks the database.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()
        site = cached(
            f"site:{hostname}:{port}",
            lambda: Site._find_for_request(request) or "",
        )
        if site:
            request._wagtail_site = site
        return self.get_response(request)
