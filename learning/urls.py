from allauth.account.views import LoginView
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from learning.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # The admin signs in through allauth too, so staff two-factor login applies.
    path("admin/login/", LoginView.as_view(), name="admin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("", include("accounts.urls")),
    path("courses/", include("courses.urls")),
    path("quizzes/", include("quizzes.urls")),
    path("", include("certificates.urls")),
    path("content-packages/", include("content_packages.urls")),
    path("reports/", include("reports.urls")),
    path("live/", include("live.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.BENCHMARK_ENDPOINTS:
    urlpatterns.insert(0, path("bench/", include("bench.urls")))

if settings.DEBUG:
    urlpatterns = (
        static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
    )
