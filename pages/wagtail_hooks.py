"""Accessibility feedback in the admin: the operator reads and ticks off messages."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .feedback import AccessibilityFeedback


class AccessibilityFeedbackViewSet(ModelViewSet):
    model = AccessibilityFeedback
    icon = "mail"
    menu_label = _("Accessibility feedback")
    menu_order = 800
    add_to_admin_menu = True
    list_display = ["created_at", "message", "page_url", "email", "handled"]
    list_filter = ["handled"]
    form_fields = ["handled"]
    inspect_view_enabled = True
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_accessibility_feedback_viewset():
    return AccessibilityFeedbackViewSet("accessibility_feedback")
