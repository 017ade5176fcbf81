"""The peer's URLs: wagtail-lms as its README mounts it, Wagtail's pages at /."""

from django.contrib.auth.views import LogoutView
from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls


def healthz(request: HttpRequest) -> HttpResponse:
    """bench/run.py waits for this before it sends load."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [
    path("healthz", healthz),
    path("admin/", include(wagtailadmin_urls)),
    path("logout/", LogoutView.as_view(), name="logout"),
    path("lms/", include("wagtail_lms.urls")),
    path("", include(wagtail_urls)),
]
