"""The team form of the admin: course, network, members."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from accounts.models import Network, User
from accounts.roles import GROUP_NAMES, Role, sees_everything
from courses.models import CoursePage

from .models import CourseTeam


class CourseTeamForm(WagtailAdminModelForm):
    course = forms.ModelChoiceField(
        label=_("Course"),
        queryset=CoursePage.objects.none(),
        widget=forms.Select,
        help_text=_("All language versions of the course belong to the team."),
    )
    members = forms.ModelMultipleChoiceField(
        label=_("Members"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Members edit, lock, publish and delete the course's pages and use the "
            "team's images, documents, content packages and certificate templates."
        ),
    )

    class Meta:
        model = CourseTeam
        fields = ["course", "network"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        self.fields["members"].queryset = User.objects.filter(
            is_active=True, groups__name=GROUP_NAMES[Role.TRAINER]
        ).order_by("last_name", "first_name", "email")
        courses = self.fields["course"]
        if self.instance.pk:
            courses.queryset = CoursePage.objects.filter(pk=self.instance.course_id)
            courses.disabled = True
            self.initial["members"] = list(
                self.instance.group.user_set.values_list("pk", flat=True)
            )
        else:
            courses.queryset = CoursePage.objects.exclude(
                translation_key__in=CourseTeam.objects.values("course_key")
            ).order_by("title")
        networks = self.fields["network"]
        if user is not None and not sees_everything(user):
            allowed = Network.objects.filter(lead_trainers=user)
            if self.instance.network_id:
                allowed = allowed | Network.objects.filter(pk=self.instance.network_id)
            networks.queryset = allowed.distinct()
