"""The content origin's URLconf (see `origin.py`); the platform never serves these.

Everything sits below the launch token, so a package's relative URLs stay
inside its own launch.
"""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from . import content_views

content_patterns = (
    [
        path("player/", content_views.player, name="player"),
        path("files/<path:path>", content_views.package_file, name="file"),
        path("h5p/statements/", content_views.h5p_statement, name="h5p_statement"),
        path("h5p/state/", content_views.h5p_state, name="h5p_state"),
        path("h5p/attempts/", content_views.h5p_new_attempt, name="h5p_new_attempt"),
        path(
            "scorm/<int:sco_index>/attempts/",
            content_views.scorm_new_attempt,
            name="scorm_new_attempt",
        ),
        path(
            "scorm/<int:sco_index>/<int:attempt>/commit/",
            content_views.scorm_commit,
            name="scorm_commit",
        ),
    ],
    "content",
)

urlpatterns = i18n_patterns(
    path("c/<str:token>/", include(content_patterns)),
    prefix_default_language=False,
)

handler400 = content_views.bad_request
handler403 = content_views.forbidden
handler404 = content_views.not_found
handler500 = content_views.server_error
