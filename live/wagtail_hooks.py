"""Live sessions in the admin, scoped to the trainer's course teams."""

from __future__ import annotations

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts.roles import Role, has_role, sees_everything
from accounts.scoping import in_scope, scope_viewset
from learning.admin import MENU_ORDER

from . import services
from .forms import LiveSessionForm
from .models import AttendanceRule, BookingStatus, LiveSession
from .rule_admin import AttendanceRuleViewSet, visible_rules
from .scoping import visible_sessions


class LiveSessionPermissionPolicy(ModelPermissionPolicy):
    """Trainers plan the sessions of their teams' courses; administrators all."""

    def user_has_permission(self, user, action):
        if not (user.is_authenticated and user.is_active):
            return False
        return sees_everything(user) or has_role(user, Role.TRAINER)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and in_scope(
            visible_sessions, user, instance
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance)
            for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        return visible_sessions(user)


register_permission_policy(LiveSession, LiveSessionPermissionPolicy(LiveSession))


class LiveSessionEditView(generic.EditView):
    """Saving a change participants must know about sends them the new event."""

    def save_instance(self):
        instance = super().save_instance()
        if self.form.participants_to_notify:
            services.session_changed(instance)
        return instance


def _seats(session: LiveSession) -> str:
    booked = session.bookings.filter(status=BookingStatus.BOOKED).count()
    waiting = session.bookings.filter(status=BookingStatus.WAITING).count()
    text = f"{booked}/{session.capacity}"
    return f"{text} (+{waiting})" if waiting else text


def _attendance_link(session: LiveSession) -> str:
    return format_html(
        '<a href="{}">{}</a> · <a href="{}">{}</a>',
        reverse("live:attendance", args=[session.pk]),
        _("Attendance list"),
        reverse("live:room_code", args=[session.pk]),
        _("QR check-in"),
    )


@scope_viewset(visible_sessions)
class LiveSessionViewSet(ModelViewSet):
    model = LiveSession
    name = "live_sessions"
    icon = "date"
    menu_label = _("Live sessions")
    menu_name = "live_sessions"
    edit_view_class = LiveSessionEditView
    copy_view_enabled = True
    inspect_view_enabled = True
    list_display = [
        "title",
        Column("course", label=_("Course")),
        "starts_at",
        "format",
        Column("seats", label=_("Booked / capacity"), accessor=_seats),
        Column("attendance", label=_("Attendance"), accessor=_attendance_link),
    ]
    list_filter = ["format", "is_cancelled"]
    search_fields = ["title", "place"]
    search_backend_name = None
    ordering = ["-starts_at"]
    inspect_view_fields = [
        "title",
        "course",
        "group",
        "format",
        "starts_at",
        "ends_at",
        "place",
        "capacity",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("course"),
            FieldPanel("group"),
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("format"), FieldPanel("series")]),
            FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
            MultiFieldPanel(
                [
                    FieldPanel("place"),
                    FieldPanel("address"),
                    FieldPanel("accessibility_notes"),
                    FieldPanel("online_url"),
                ],
                heading=_("Where"),
            ),
            FieldPanel("trainers"),
            MultiFieldPanel(
                [
                    FieldPanel("capacity"),
                    FieldRowPanel(
                        [
                            FieldPanel("booking_opens_at"),
                            FieldPanel("booking_closes_at"),
                        ]
                    ),
                    FieldPanel("cancellation_deadline"),
                ],
                heading=_("Booking"),
            ),
            FieldPanel("is_cancelled"),
        ],
        base_form_class=LiveSessionForm,
    )


class AttendanceRulePermissionPolicy(LiveSessionPermissionPolicy):
    """Trainers set attendance conditions on the modules of their teams' courses."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and in_scope(
            visible_rules, user, instance
        )

    def instances_user_has_any_permission_for(self, user, actions):
        return visible_rules(user)


register_permission_policy(
    AttendanceRule, AttendanceRulePermissionPolicy(AttendanceRule)
)


class LiveTrainingsGroup(ViewSetGroup):
    menu_label = _("Live trainings")
    menu_icon = "date"
    menu_name = "live_trainings"
    menu_order = MENU_ORDER["live_trainings"]
    items = (LiveSessionViewSet, AttendanceRuleViewSet)


@hooks.register("register_admin_viewset")
def register_live_sessions():
    return LiveTrainingsGroup()
