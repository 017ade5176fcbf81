"""Learner-facing URLs of the reports app (the reports themselves are in the admin)."""

from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("esf-indicators/", views.my_indicators, name="my_indicators"),
]
