from django.urls import path

from . import views

app_name = "content_packages"

urlpatterns = [
    path(
        "launch/<int:module_id>/<str:block_id>/",
        views.launch_package,
        name="launch",
    ),
]
