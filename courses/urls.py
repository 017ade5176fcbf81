from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("", views.course_index, name="index"),
    path("<int:course_id>/enrol/", views.enrol, name="enrol"),
    path("<int:course_id>/unenrol/", views.unenrol, name="unenrol"),
    path("join/", views.enrol_with_code, name="enrol_with_code"),
    path(
        "modules/<int:module_id>/complete/",
        views.complete_module,
        name="complete_module",
    ),
    path("modules/<int:module_id>/seen/", views.module_seen, name="module_seen"),
    path(
        "modules/<int:module_id>/reflections/<str:block_id>/",
        views.save_reflection,
        name="save_reflection",
    ),
]
