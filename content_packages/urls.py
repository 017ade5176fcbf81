from django.urls import path

from . import views

app_name = "content_packages"

urlpatterns = [
    path("play/<int:module_id>/<str:block_id>/", views.player, name="player"),
    path(
        "files/<int:module_id>/<str:block_id>/<str:token>/<path:path>",
        views.package_file,
        name="file",
    ),
    path(
        "track/<int:module_id>/<str:block_id>/h5p/statements/",
        views.h5p_statement,
        name="h5p_statement",
    ),
    path(
        "track/<int:module_id>/<str:block_id>/h5p/state/",
        views.h5p_state,
        name="h5p_state",
    ),
    path(
        "track/<int:module_id>/<str:block_id>/scorm/<int:sco_index>/<int:attempt>/commit/",
        views.scorm_commit,
        name="scorm_commit",
    ),
]
