"""The Wagtail site of a page request from the cache instead of one query."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from wagtail import views as wagtail_views
from wagtail.models import Site

from .cache import cached


class CachedSiteMiddleware:
    """Find the site once per host and content version (saving a site bumps it).

    Only for Wagtail's page view, the one that always needs the site (other
    views, such as the health check, must not depend on it); Wagtail looks for
    `request._wagtail_site` before it asks the database.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve:
            return None
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()
        request._wagtail_site = cached(
            f"site:{hostname}:{port}", lambda: Site._find_for_request(request)
        )
        return None
