"""Report URLs inside the Wagtail admin (admin access is checked by Wagtail)."""

from django.urls import path

from . import views

app_name = "reports_admin"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("esf/", views.esf, name="esf"),
    path("quizzes/", views.quizzes, name="quizzes"),
    path("people/", views.people, name="people"),
    path(
        "people/export/<str:export_format>/", views.export_people, name="export_people"
    ),
    path(
        "export/<str:report>/<str:table>/<str:export_format>/",
        views.export_table,
        name="export_table",
    ),
    path("exports/", views.jobs, name="jobs"),
    path("exports/<int:job_id>/", views.job, name="job"),
    path("exports/<int:job_id>/status/", views.job_status, name="job_status"),
    path("exports/<int:job_id>/download/", views.job_download, name="job_download"),
]
