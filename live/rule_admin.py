"""Attendance conditions in the admin: a trainer sets them on their team's modules."""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.roles import sees_everything
from accounts.scoping import scope_viewset
from courses.models import ModulePage
from courses.scoping import group_courses

from .models import AttendanceRule


def editable_modules(user) -> QuerySet[ModulePage]:
    """Modules of the courses the user's team authors (all for administrators)."""
    if sees_everything(user):
        return ModulePage.objects.all()
    paths = list(group_courses(user).values_list("path", flat=True))
    if not paths:
        return ModulePage.objects.none()
    return ModulePage.objects.filter(
        reduce(or_, [Q(path__startswith=p) for p in paths])
    )


def visible_rules(user) -> QuerySet[AttendanceRule]:
    if not user.is_authenticated:
        return AttendanceRule.objects.none()
    return AttendanceRule.objects.filter(module__in=editable_modules(user))


class AttendanceRuleForm(WagtailAdminModelForm):
    class Meta:
        model = AttendanceRule
        fields = ["module", "minimum_sessions", "minimum_hours"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None:
            self.fields["module"].queryset = editable_modules(self.for_user).order_by(
                "path"
            )


@scope_viewset(visible_rules)
class AttendanceRuleViewSet(ModelViewSet):
    model = AttendanceRule
    name = "live_attendance_rules"
    icon = "tick"
    menu_label = _("Attendance conditions")
    add_to_admin_menu = False
    copy_view_enabled = False
    list_display = ["module", "minimum_sessions", "minimum_hours"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("module"),
            FieldPanel("minimum_sessions"),
            FieldPanel("minimum_hours"),
        ],
        base_form_class=AttendanceRuleForm,
    )
