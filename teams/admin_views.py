"""Create and edit views of the course team admin; the services do the saving."""

from __future__ import annotations

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import generic
from wagtail.admin.widgets import HeaderButton

from accounts.roles import may_create_courses
from accounts.scoping import in_scope
from courses.models import CourseIndexPage

from . import services
from .scoping import manageable_teams


class CourseTeamIndexView(generic.IndexView):
    """The team list, with "New course" per course index for those who may create."""

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if may_create_courses(self.request.user):
            for index in CourseIndexPage.objects.select_related("locale").order_by(
                "path"
            ):
                buttons.append(
                    HeaderButton(
                        _("New course in “%(index)s” (%(language)s)")
                        % {
                            "index": index.title,
                            "language": index.locale.get_display_name(),
                        },
                        url=reverse(
                            "wagtailadmin_pages:add",
                            args=["courses", "coursepage", index.pk],
                        ),
                        icon_name="plus",
                    )
                )
        return buttons


class CourseTeamCreateView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return services.create_team(
            data["course"],
            members=data["members"],
            network=data["network"],
            by=self.request.user,
        )


class CourseTeamEditView(generic.EditView):
    def get_object(self, queryset=None):
        team = super().get_object(queryset)
        if not in_scope(manageable_teams, self.request.user, team):
            raise Http404
        return team

    def save_instance(self):
        data = self.form.cleaned_data
        return services.update_team(
            self.object, members=data["members"], network=data["network"]
        )
