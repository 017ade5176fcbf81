from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from learning.admin import MENU_ORDER, ReadOnlyPermissionPolicy

from .models import AuditEntry, Network, Organisation
from .scoping import scope_viewset, visible_audit_entries


class NetworkViewSet(SnippetViewSet):
    model = Network
    icon = "site"
    menu_label = _("Networks")
    list_display = ["name", "region"]
    panels = [
        FieldPanel("name"),
        FieldPanel("region"),
        FieldPanel("lead_trainers", widget=forms.CheckboxSelectMultiple),
    ]
    list_filter = ["region"]
    search_fields = ["name"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "organisation_type", "region", "network"]
    list_filter = ["organisation_type", "region", "network"]
    search_fields = ["name"]


class OrganisationsGroup(SnippetViewSetGroup):
    items = (NetworkViewSet, OrganisationViewSet)
    menu_icon = "group"
    menu_label = _("Organisations")
    menu_name = "organisations"
    menu_order = MENU_ORDER["organisations"]


register_snippet(OrganisationsGroup)


register_permission_policy(AuditEntry, ReadOnlyPermissionPolicy(AuditEntry))


@scope_viewset(visible_audit_entries)
class AuditEntryViewSet(ModelViewSet):
    model = AuditEntry
    icon = "history"
    menu_label = _("Audit log")
    menu_order = 900
    add_to_admin_menu = False
    add_to_settings_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["created_at", "action", "what", "actor", "subject"]
    list_filter = ["action", "what", "created_at"]
    inspect_view_fields = [
        "created_at",
        "action",
        "what",
        "reason",
        "actor",
        "subject",
        "subjects",
        "detail",
    ]
    form_fields = ["action", "detail"]


@hooks.register("register_admin_viewset")
def register_audit_log_viewset():
    return AuditEntryViewSet("audit_log")
