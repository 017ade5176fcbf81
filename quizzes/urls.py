from django.urls import path

from . import views

app_name = "quizzes"

urlpatterns = [
    path("<int:quiz_id>/start/", views.start_attempt, name="start"),
    path("attempt/<uuid:public_id>/", views.attempt_view, name="attempt"),
    path("attempt/<uuid:public_id>/draft/", views.save_draft_view, name="save_draft"),
    path("attempt/<uuid:public_id>/result/", views.result_view, name="result"),
]
