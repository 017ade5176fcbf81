"""Certificate administration: templates (snippets), issued certificates, groups."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from accounts.audit import audit_viewset
from accounts.models import User
from accounts.scoping import ChoosableOnlyFormMixin, scope_viewset
from accounts.services import record_access
from courses.progress import group_progress
from courses.scoping import staffed_courses, visible_workshop_groups

from . import services
from .filters import CertificateFilterSet
from .models import (
    Certificate,
    CertificateTemplate,
    GroupArchiveStatus,
    GroupCertificateArchive,
)
from .scoping import template_policy, visible_certificates, visible_templates

REVOKE_PERMISSION = "certificates.revoke_certificate"
ISSUE_PERMISSION = "certificates.issue_certificate"

# Before any view asks: templates are kept in collections, like images.
register_permission_policy(CertificateTemplate, template_policy)


class CertificateTemplateForm(ChoosableOnlyFormMixin, WagtailAdminModelForm):
    """Its collection, logo, background and signature: the team's only."""


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


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Certificates are never edited or deleted in the admin: only revoked."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class CertificateIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        user = self.request.user
        if user.has_perm(REVOKE_PERMISSION) and instance.revoked_at is None:
            buttons += [
                ListingButton(
                    _("Revoke"),
                    url=reverse("certificates_admin:revoke", args=[instance.pk]),
                    icon_name="cross",
                    priority=30,
                ),
                ListingButton(
                    _("Re-issue"),
                    url=reverse("certificates_admin:reissue", args=[instance.pk]),
                    icon_name="repeat",
                    priority=40,
                ),
            ]
        if user.has_perm("certificates.view_certificate"):
            buttons.append(
                ListingButton(
                    _("PDF"),
                    url=reverse("certificates:pdf", args=[instance.uuid]),
                    icon_name="download",
                    priority=50,
                )
            )
        return buttons


register_permission_policy(Certificate, ReadOnlyPolicy(Certificate))


# Listing, export and every single-certificate view: only certificates in scope.
@audit_viewset("certificates.issued")  # audit of access (accounts.audit)
@scope_viewset(visible_certificates)
class CertificateViewSet(ModelViewSet):
    model = Certificate
    name = "certificates_admin"
    icon = "tick-inverse"
    menu_label = _("Issued certificates")
    index_view_class = CertificateIndexView
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
            path("<int:pk>/revoke/", RevokeView.as_view(), name="revoke"),
            path("<int:pk>/reissue/", ReissueView.as_view(), name="reissue"),
            path("issue/", IssueView.as_view(), name="issue"),
            path("groups/", group_list, name="groups"),
            path("groups/<int:pk>/", group_detail, name="group"),
            path(
                "archives/<int:pk>/download/",
                archive_download,
                name="archive_download",
            ),
        ]


# --- Revoke, re-issue, issue by hand --------------------------------------------------


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Shown in the admin only; verifiers just see 'revoked'."),
    )


class _CertificateActionView(WagtailAdminTemplateMixin, FormView):
    template_name = "certificates/admin/action.html"
    header_icon = "tick-inverse"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REVOKE_PERMISSION):
            raise PermissionDenied
        self.certificate = get_object_or_404(
            visible_certificates(request.user), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "certificate": self.certificate}


class RevokeView(_CertificateActionView):
    form_class = RevokeForm
    page_title = _("Revoke certificate")
    submit_label = _("Revoke")

    def form_valid(self, form):
        try:
            services.revoke(
                self.certificate,
                reason=form.cleaned_data["reason"],
                by=self.request.user,
            )
        except ValidationError as error:
            form.add_error("reason", error)
            return self.form_invalid(form)
        messages.success(self.request, _("The certificate has been revoked."))
        return redirect("certificates_admin:index")


class ReissueForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        help_text=_(
            "The new certificate states the current name and course title; the old "
            "one is revoked."
        ),
    )


class ReissueView(_CertificateActionView):
    form_class = ReissueForm
    page_title = _("Re-issue certificate")

    def form_valid(self, form):
        try:
            new = services.reissue(
                self.certificate,
                by=self.request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
            return redirect("certificates_admin:index")
        messages.success(
            self.request,
            _("Re-issued as %(code)s.") % {"code": new.display_code},
        )
        return redirect("certificates_admin:index")


class IssueForm(forms.Form):
    email = forms.EmailField(label=_("Learner's email address"))
    course = forms.ModelChoiceField(label=_("Course"), queryset=None)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Trainers issue only for their team's courses and those of their groups.
        self.fields["course"].queryset = staffed_courses(user).live().order_by("title")

    def clean_email(self):
        email = self.cleaned_data["email"]
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise ValidationError(_("No active account has this email address."))
        self.cleaned_data["user"] = user
        return email


class IssueView(WagtailAdminTemplateMixin, FormView):
    form_class = IssueForm
    template_name = "certificates/admin/action.html"
    page_title = _("Issue a certificate")
    header_icon = "tick-inverse"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(ISSUE_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        certificate = services.issue_by_trainer(
            form.cleaned_data["user"], form.cleaned_data["course"], by=self.request.user
        )
        messages.success(
            self.request,
            _("Certificate %(code)s for %(name)s.")
            % {"code": certificate.display_code, "name": certificate.learner_name},
        )
        return redirect("certificates_admin:index")


# --- Workshop groups: bulk issue and ZIP ----------------------------------------------


def _groups_for(user):
    """The same groups as the workshop-group admin shows this user."""
    return (
        visible_workshop_groups(user)
        .select_related("course")
        .order_by("-start_date", "name")
    )


def _require_issue_permission(request):
    if not request.user.has_perm(ISSUE_PERMISSION):
        raise PermissionDenied


def group_list(request):
    _require_issue_permission(request)
    return TemplateResponse(
        request,
        "certificates/admin/groups.html",
        {"groups": _groups_for(request.user), "page_title": _("Workshop groups")},
    )


def group_detail(request, pk):
    _require_issue_permission(request)
    group = get_object_or_404(_groups_for(request.user), pk=pk)
    if request.method == "POST":
        if request.POST.get("action") == "issue":
            issued = services.issue_bulk_for_group(group, by=request.user)
            messages.success(
                request,
                _(
                    "%(count)d certificates issued or already present; PDFs are being "
                    "prepared."
                )
                % {"count": len(issued)},
            )
        elif request.POST.get("action") == "archive":
            services.request_group_archive(group, by=request.user)
            messages.success(
                request, _("The ZIP file is being prepared. Reload this page shortly.")
            )
        return redirect("certificates_admin:group", pk=group.pk)
    record_access(
        request.user,
        what="certificates.group",
        subjects=group.enrollments.current().values_list("user_id", flat=True),
    )
    return TemplateResponse(
        request,
        "certificates/admin/group.html",
        {
            "group": group,
            "certificates": visible_certificates(request.user)
            .filter(group=group)
            .order_by("snapshot__learner_name"),
            "archives": group.certificate_archives.all()[:10],
            "group_progress": group_progress(group),
            "page_title": group.name,
        },
    )


def archive_download(request, pk):
    _require_issue_permission(request)
    archive = get_object_or_404(
        GroupCertificateArchive,
        pk=pk,
        group__in=_groups_for(request.user),
        status=GroupArchiveStatus.READY,
    )
    if not archive.file:
        raise Http404
    record_access(
        request.user, what="certificates.archive", detail={"group": archive.group_id}
    )
    return FileResponse(
        archive.file.open("rb"),
        as_attachment=True,
        filename=f"certificates-{archive.group_id}.zip",
        content_type="application/zip",
    )


class CertificatesAdminGroup(ViewSetGroup):
    items = (CertificateViewSet, CertificateTemplateViewSet)
    menu_icon = "tick-inverse"
    menu_label = _("Certificates")
    menu_name = "certificates"
    menu_order = 260


@hooks.register("register_admin_viewset")
def register_certificates_admin():
    return CertificatesAdminGroup()
