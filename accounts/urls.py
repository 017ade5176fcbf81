from django.urls import path

from . import privacy_views, views

app_name = "accounts"

urlpatterns = [
    path("my-learning/", views.my_learning, name="my_learning"),
    path("profile/", views.profile, name="profile"),
    path("profile/my-data/", privacy_views.my_data, name="my_data"),
    path("profile/my-data.json", privacy_views.my_data_json, name="my_data_json"),
    path(
        "profile/my-data/summary/",
        privacy_views.my_data_summary,
        name="my_data_summary",
    ),
    path("profile/delete/", privacy_views.delete_account, name="delete_account"),
]
