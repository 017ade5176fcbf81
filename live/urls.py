from django.urls import path

from . import attendance_views, checkin_views, sign_in_sheet, views

app_name = "live"

urlpatterns = [
    path("sessions/<int:pk>/book/", views.book, name="book"),
    path("sessions/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("sessions/<int:pk>/calendar.ics", views.session_calendar, name="calendar"),
    path("calendar/<str:token>.ics", views.feed, name="feed"),
    path("calendar/new/", views.new_feed, name="new_feed"),
    path(
        "sessions/<int:pk>/attendance/",
        attendance_views.attendance_list,
        name="attendance",
    ),
    path(
        "sessions/<int:pk>/sign-in-sheet.pdf",
        sign_in_sheet.sign_in_sheet,
        name="sign_in_sheet",
    ),
    path("sessions/<int:pk>/book-for/", attendance_views.book_for, name="book_for"),
    path("sessions/<int:pk>/room-code/", checkin_views.room_code, name="room_code"),
    path("check-in/<int:pk>/<str:code>/", checkin_views.check_in, name="check_in"),
]
