"""Learner-facing URLs of the reports app (the reports themselves are in the admin)."""

from django.urls import path

from . import esf_views

app_name = "reports"

urlpatterns = [
    path("esf-indicators/", esf_views.my_indicators, name="my_indicators"),
    path(
        "esf-exit/<int:enrollment_id>/",
        esf_views.exit_questionnaire,
        name="exit_questionnaire",
    ),
]
