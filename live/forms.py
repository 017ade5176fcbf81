"""The session form of the admin: choices limited to the trainer's courses,
groups and colleagues; dates checked against each other."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from courses.models import CoursePage
from courses.scoping import (
    assignable_trainers,
    group_courses,
    visible_workshop_groups,
)

from .models import LiveSession

# Changes participants are told about (an email with the updated event).
NOTIFIED_FIELDS = (
    "title",
    "format",
    "starts_at",
    "ends_at",
    "place",
    "address",
    "online_url",
    "is_cancelled",
)


class LiveSessionForm(WagtailAdminModelForm):
    class Meta:
        model = LiveSession
        fields = [
            "course",
            "group",
            "title",
            "format",
            "series",
            "starts_at",
            "ends_at",
            "place",
            "address",
            "accessibility_notes",
            "online_url",
            "trainers",
            "capacity",
            "booking_opens_at",
            "booking_closes_at",
            "cancellation_deadline",
            "is_cancelled",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None:
            return
        courses = group_courses(user)
        if self.instance.pk:
            courses = courses | CoursePage.objects.filter(pk=self.instance.course_id)
        self.fields["course"].queryset = courses.order_by("title")
        self.fields["group"].queryset = visible_workshop_groups(user)
        if "trainers" in self.fields:
            self.fields["trainers"].queryset = assignable_trainers(user).distinct()
            self.fields["trainers"].widget = forms.CheckboxSelectMultiple(
                choices=self.fields["trainers"].choices
            )

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The session must end after it starts."))
        opens, closes = (
            cleaned.get("booking_opens_at"),
            cleaned.get("booking_closes_at"),
        )
        if opens and closes and closes <= opens:
            self.add_error("booking_closes_at", _("Booking must close after it opens."))
        group, course = cleaned.get("group"), cleaned.get("course")
        if group and course and group.course.translation_key != course.translation_key:
            self.add_error("group", _("This workshop group belongs to another course."))
        if cleaned.get("format") in ("online", "hybrid") and not cleaned.get(
            "online_url"
        ):
            self.add_error("online_url", _("An online session needs its link."))
        return cleaned

    @property
    def participants_to_notify(self) -> bool:
        return bool(self.instance.pk) and any(
            name in self.changed_data for name in NOTIFIED_FIELDS
        )
