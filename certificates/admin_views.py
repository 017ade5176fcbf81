"""Views of the certificate admin beyond the generic listing: revoke, re-issue,
issue by hand, and the workshop groups' bulk issue and ZIP archive.

Every view asks for its permission first and looks certificates and groups up
in the user's scope, so a forged id finds nothing.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic import IndexView, WagtailAdminTemplateMixin
from wagtail.admin.widgets import ListingButton

from accounts.services import record_access
from courses.progress import group_progress
from courses.scoping import visible_workshop_groups

from . import archives, services
from .forms import IssueForm, ReissueForm, RevokeForm
from .models import GroupArchiveStatus, GroupCertificateArchive
from .scoping import visible_certificates

REVOKE_PERMISSION = "certificates.revoke_certificate"
ISSUE_PERMISSION = "certificates.issue_certificate"


def _require(request: HttpRequest, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


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


# --- Revoke, re-issue, issue by hand --------------------------------------------------


class _CertificateActionView(WagtailAdminTemplateMixin, FormView):
    template_name = "certificates/admin/action.html"
    header_icon = "tick-inverse"

    def dispatch(self, request, *args, **kwargs):
        _require(request, REVOKE_PERMISSION)
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


class IssueView(WagtailAdminTemplateMixin, FormView):
    form_class = IssueForm
    template_name = "certificates/admin/action.html"
    page_title = _("Issue a certificate")
    header_icon = "tick-inverse"

    def dispatch(self, request, *args, **kwargs):
        _require(request, ISSUE_PERMISSION)
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


def group_list(request: HttpRequest) -> HttpResponse:
    _require(request, ISSUE_PERMISSION)
    return TemplateResponse(
        request,
        "certificates/admin/groups.html",
        {"groups": _groups_for(request.user), "page_title": _("Workshop groups")},
    )


def group_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, ISSUE_PERMISSION)
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
            archives.request_group_archive(group, by=request.user)
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


def archive_download(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, ISSUE_PERMISSION)
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
