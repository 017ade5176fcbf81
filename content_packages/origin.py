"""The content origin: a second host name served by the same WSGI process.

`with_content_origin` wraps the platform's WSGI application and hands every
request for the CONTENT_ORIGIN host to `ContentWSGIHandler`: its own URLconf
(`content_packages.content_urls`), a short middleware list without sessions,
authentication, CSRF or messages, a request that accepts only that host, no
Cookie header in, no Set-Cookie out. What a package's script can reach there
is its own launch, nothing of the platform.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps

from django.core.exceptions import DisallowedHost
from django.core.handlers.exception import response_for_exception
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest
from django.http import HttpRequest, HttpResponseBase
from django.http.request import split_domain_port
from django.urls import get_resolver, get_urlconf, set_urlconf
from django.utils.module_loading import import_string

from . import conf

CONTENT_URLCONF = "content_packages.content_urls"
# Security headers and HTTPS, the content's own CSP, static files (the players),
# and the language from the URL prefix. Nothing that reads or writes a cookie.
CONTENT_MIDDLEWARE = (
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.locale.LocaleMiddleware",
)


def host_name(raw_host: str) -> str:
    """'Inhalte.Example.org:443' -> 'inhalte.example.org'."""
    return split_domain_port(raw_host.lower())[0]


def is_content_request(environ: dict) -> bool:
    """True if the request is for the content origin's host."""
    content_host = conf.content_host()
    raw_host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME") or ""
    return bool(content_host) and host_name(raw_host) == content_host


class ContentRequest(WSGIRequest):
    """A request on the content origin: no cookies at all, only its own host."""

    def __init__(self, environ: dict) -> None:
        super().__init__({k: v for k, v in environ.items() if k != "HTTP_COOKIE"})

    def get_host(self) -> str:
        raw_host = self._get_raw_host()
        if conf.content_host() and host_name(raw_host) == conf.content_host():
            return raw_host
        raise DisallowedHost(f"Invalid host for the content origin: {raw_host!r}")


def _content_errors(get_response: Callable) -> Callable:
    """Like Django's convert_exception_to_response, with the content URLconf's
    error views (its handler404 and so on) instead of the platform's."""

    @wraps(get_response)
    def inner(request: HttpRequest) -> HttpResponseBase:
        try:
            return get_response(request)
        except Exception as exc:
            previous = get_urlconf()
            set_urlconf(CONTENT_URLCONF)
            try:
                return response_for_exception(request, exc)
            finally:
                set_urlconf(previous)

    return inner


class ContentHandlerMixin:
    """Turns a Django handler into the content origin's (WSGI or test client).

    URLs are resolved in the content URLconf, but the thread's URLconf stays the
    platform's, so reverse() in platform code called from here (a completion's
    certificate email, say) still builds platform URLs; content URLs are always
    reversed with `urlconf=CONTENT_URLCONF` (content_views.content_path).
    """

    def load_middleware(self, is_async: bool = False) -> None:
        # Django's loader reads settings.MIDDLEWARE; the content origin has its
        # own list, all synchronous-capable.
        self._view_middleware = []
        self._template_response_middleware = []
        self._exception_middleware = []
        handler = _content_errors(self._get_response)
        for path in reversed(CONTENT_MIDDLEWARE):
            instance = import_string(path)(handler)
            if hasattr(instance, "process_view"):
                self._view_middleware.insert(0, instance.process_view)
            if hasattr(instance, "process_template_response"):
                self._template_response_middleware.append(
                    instance.process_template_response
                )
            if hasattr(instance, "process_exception"):
                self._exception_middleware.append(instance.process_exception)
            handler = _content_errors(instance)
        self._middleware_chain = handler

    def resolve_request(self, request: HttpRequest):
        match = get_resolver(CONTENT_URLCONF).resolve(request.path_info)
        request.resolver_match = match
        return match

    def get_response(self, request: HttpRequest) -> HttpResponseBase:
        if not isinstance(request, ContentRequest):
            request = ContentRequest(request.environ)
        request.urlconf = CONTENT_URLCONF
        response = super().get_response(request)
        response.cookies.clear()
        return response


class ContentWSGIHandler(ContentHandlerMixin, WSGIHandler):
    request_class = ContentRequest


WSGIApp = Callable[[dict, Callable], Iterable[bytes]]


def with_content_origin(platform: WSGIApp, content: WSGIApp | None = None) -> WSGIApp:
    """One WSGI application for both origins, chosen by the Host header."""
    content = content or ContentWSGIHandler()

    def application(environ: dict, start_response: Callable) -> Iterable[bytes]:
        if is_content_request(environ):
            return content(environ, start_response)
        return platform(environ, start_response)

    return application
