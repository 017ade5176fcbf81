"""Certificate administration: templates (snippets), issued certificates, groups.

The views live in admin_views.py, the forms in forms.py, the listing's filters in
filters.py; here they are put together and registered under one menu group.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from accounts.audit import audit_viewset
from accounts.scoping import scope_viewset
from learning.admin import MENU_ORDER, ReadOnlyPermissionPolicy

from . import admin_views
from .filters import CertificateFilterSet
from .forms import CertificateTemplateForm
from .models import Certificate, CertificateTemplate
from .scoping import template_policy, visible_certificates, visible_templates

# Before any view asks: templates are kept in collections, like images;
# certificates are never edited or deleted in the admin, only revoked.
register_permission_policy(CertificateTemplate, template_policy)
register_permission_policy(Certificate, ReadOnlyPermissionPolicy(Certificate))


@scope_viewset(visible_templates)
class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full"
    menu_label = _("Certificate templates")
    list_display = ["title", "language", "collection", "validity_months"]
    list_filter = ["language"]
    search_fields = ["title"]
    edit_handler = ObjectList(
        CertificateTemplate.panels, base_form_class=CertificateTemplateForm
    )


# Listing, export and every single-certificate view: only certificates in scope.
@audit_viewset("certificates.issued")  # audit of access (accounts.audit)
@scope_viewset(visible_certificates)
class CertificateViewSet(ModelViewSet):
    model = Certificate
    name = "certificates_admin"
    icon = "tick-inverse"
    menu_label = _("Issued certificates")
    index_view_class = admin_views.CertificateIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = CertificateFilterSet
    # Required by ModelViewSet; the read-only policy denies the edit views anyway.
    form_fields = ["revocation_reason"]
    search_fields = ["code", "snapshot"]
    list_display = [
        "display_code",
        Column("learner_name", label=_("Learner")),
        Column("course_title", label=_("Course")),
        DateColumn("issued_at", label=_("Issued")),
        Column("get_status_display", label=_("Status")),
    ]
    list_export = [
        "code",
        "learner_name",
        "course_title",
        "issued_at",
        "expires_at",
        "revoked_at",
        "status",
    ]
    inspect_view_fields = [
        "uuid",
        "code",
        "user",
        "course",
        "organisation",
        "network",
        "template",
        "source",
        "issued_by",
        "issued_at",
        "expires_at",
        "revoked_at",
        "revocation_reason",
        "replaced_by",
        "pdf_rendered_at",
    ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/revoke/", admin_views.RevokeView.as_view(), name="revoke"),
            path(
                "<int:pk>/reissue/", admin_views.ReissueView.as_view(), name="reissue"
            ),
            path("issue/", admin_views.IssueView.as_view(), name="issue"),
            path("groups/", admin_views.group_list, name="groups"),
            path("groups/<int:pk>/", admin_views.group_detail, name="group"),
            path(
                "archives/<int:pk>/download/",
                admin_views.archive_download,
                name="archive_download",
            ),
        ]


class CertificatesAdminGroup(ViewSetGroup):
    items = (CertificateViewSet, CertificateTemplateViewSet)
    menu_icon = "tick-inverse"
    menu_label = _("Certificates")
    menu_name = "certificates"
    menu_order = MENU_ORDER["certificates"]


@hooks.register("register_admin_viewset")
def register_certificates_admin():
    return CertificatesAdminGroup()
