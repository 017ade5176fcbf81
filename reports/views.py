"""Report views in the Wagtail admin, and the learner's ESF+ form."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.services import record_access

from . import services
from .charts import bar_chart, line_chart
from .exports import CONTENT_TYPES, ExportSpec, render
from .forms import bound_filter_form
from .models import ExportJob, ExportStatus
from .queries import (
    PERSON_COLUMNS,
    esf_report,
    format_person_row,
    grouped_quizzes,
    may_view_people,
    narrowing_message,
    participation_dashboard,
    people_enrollments,
    person_rows_queryset,
    quiz_item_analysis,
    quiz_tables,
    visible_quizzes,
)

VIEW_REPORTS = "reports.view_reports"
VIEW_PERSONAL_DATA = "reports.view_personal_data"
FORMATS = ("csv", "xlsx")


def _require_reports(request) -> None:
    if not request.user.has_perm(VIEW_REPORTS):
        raise PermissionDenied


def _filters(request):
    """The bound filter form and the filters to apply (None when invalid)."""
    form = bound_filter_form(request.user, request.GET)
    return form, (form.cleaned_data if form.is_valid() else None)


def _context(request, title: str, **extra) -> dict:
    return {
        "page_title": title,
        "header_title": title,
        "query": request.GET.urlencode(),
        "may_view_people": may_view_people(request.user),
        **extra,
    }


def _file_response(content: bytes, name: str, export_format: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[export_format])
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="{slugify(name)}-{stamp}.{export_format}"'
    )
    return response


@require_GET
def dashboard(request):
    _require_reports(request)
    form, filters = _filters(request)
    withheld = narrowing_message(request.user, filters)
    data = participation_dashboard(request.user, None if withheld else filters)
    tables = data.tables
    charts = {
        "trend": line_chart(tables["trend"]),
        "by_organisation_type": bar_chart(tables["by_organisation_type"]),
        "by_course": bar_chart(tables["by_course"]),
    }
    return TemplateResponse(
        request,
        "reports/dashboard.html",
        _context(
            request,
            _("Participation"),
            form=form,
            dashboard=data,
            withheld=withheld,
            tables=tables,
            charts=charts,
        ),
    )


def _tables_for(request, report: str, filters) -> tuple[list, str]:
    if report == "dashboard":
        data = participation_dashboard(request.user, filters)
        return list(data.tables.values()), _("Participation")
    if report == "esf":
        return esf_report(request.user, filters), _("ESF+ indicators")
    if report == "quiz":
        quiz = _chosen_quiz(request)
        if quiz is None:
            raise Http404
        analysis = quiz_item_analysis(request.user, quiz, filters)
        return quiz_tables(analysis), quiz.title
    raise Http404


@require_GET
def export_table(request, report: str, table: str, export_format: str):
    """One aggregated table as CSV or XLSX, filters stated on top."""
    _require_reports(request)
    if export_format not in FORMATS:
        raise Http404
    form, filters = _filters(request)
    if filters is None:
        messages.error(request, _("Please correct the filters first."))
        return redirect(
            reverse("reports_admin:dashboard") + "?" + request.GET.urlencode()
        )
    withheld = narrowing_message(request.user, filters)
    if withheld:
        messages.error(request, withheld)
        return redirect(
            reverse("reports_admin:dashboard") + "?" + request.GET.urlencode()
        )
    tables, name = _tables_for(request, report, filters)
    chosen = next((t for t in tables if t.key == table), None)
    if chosen is None:
        raise Http404
    spec = ExportSpec(
        title=f"{name}: {chosen.title}",
        filters=form.describe(),
        columns=chosen.columns,
        rows=chosen.rows,
    )
    return _file_response(render(spec, export_format), chosen.key, export_format)


@require_GET
def esf(request):
    _require_reports(request)
    form, filters = _filters(request)
    withheld = narrowing_message(request.user, filters)
    return TemplateResponse(
        request,
        "reports/esf.html",
        _context(
            request,
            _("ESF+ indicators"),
            form=form,
            withheld=withheld,
            tables=[] if withheld else esf_report(request.user, filters),
        ),
    )


def _chosen_quiz(request):
    quiz_id = request.GET.get("quiz", "")
    if not quiz_id.isdigit():
        return None
    return visible_quizzes(request.user).filter(pk=int(quiz_id)).first()


@require_GET
def quizzes(request):
    _require_reports(request)
    form, filters = _filters(request)
    quiz = _chosen_quiz(request)
    if request.GET.get("quiz") and quiz is None:
        raise Http404
    analysis = quiz_item_analysis(request.user, quiz, filters) if quiz else None
    return TemplateResponse(
        request,
        "reports/quizzes.html",
        _context(
            request,
            _("Quiz item analysis"),
            form=form,
            quiz_groups=grouped_quizzes(request.user),
            quiz=quiz,
            analysis=analysis,
            tables=quiz_tables(analysis) if analysis else [],
        ),
    )


# --- Per-person list -----------------------------------------------------------------


@require_GET
def people(request):
    _require_reports(request)
    if not may_view_people(request.user):
        raise PermissionDenied
    form, filters = _filters(request)
    enrollments = people_enrollments(request.user, filters)
    page = None
    if enrollments is not None:
        paginator = Paginator(person_rows_queryset(enrollments), 100)
        page = paginator.get_page(request.GET.get("p"))
        page.rows = [format_person_row(row) for row in page.object_list]
        record_access(
            request.user,
            what="reports.people",
            subjects=_people_on(page.object_list),
            reason=request.GET.get("why", ""),
            detail={"filters": _audited_filters(form), "page": page.number},
        )
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "reports/people.html",
        _context(
            request,
            _("Participants"),
            form=form,
            page=page,
            columns=[str(c) for c in PERSON_COLUMNS],
            needs_group=enrollments is None and filters is not None,
            query=query.urlencode(),
        ),
    )


def _people_on(rows) -> list[int]:
    """The accounts of a page of person rows (found by their unique address)."""
    from accounts.models import User

    emails = [row[2] for row in rows if row[2]]
    return list(User.objects.filter(email__in=emails).values_list("pk", flat=True))


def _audited_filters(form) -> dict:
    """The filters as ids and choices; a free-text search is left out (names)."""
    data = form.cleaned_data if form.is_valid() else {}
    return {
        key: getattr(value, "pk", value)
        for key, value in data.items()
        if value not in (None, "", []) and isinstance(getattr(value, "pk", value), int)
    }


@require_GET
def export_people(request, export_format: str):
    """Per-person export: inline when small, else a background job. Always audited."""
    _require_reports(request)
    if export_format not in FORMATS or not may_view_people(request.user):
        raise PermissionDenied
    form, filters = _filters(request)
    enrollments = people_enrollments(request.user, filters)
    if enrollments is None:
        raise PermissionDenied
    filters_json = form.as_json()
    total = enrollments.count()
    if total > services.background_threshold():
        job = services.request_export(
            request.user,
            report=services.PEOPLE_REPORT,
            export_format=export_format,
            filters=filters_json,
            total_rows=total,
        )
        messages.info(
            request,
            _("This export is large; it is being prepared in the background."),
        )
        return redirect("reports_admin:job", job_id=job.pk)
    spec = services.people_export_spec(request.user, filters_json, enrollments)
    content = render(spec, export_format)
    services.log_personal_export(
        request.user,
        report=services.PEOPLE_REPORT,
        export_format=export_format,
        filters=filters_json,
        rows=total,
        via="web",
    )
    return _file_response(content, "participants", export_format)


# --- Background export jobs ----------------------------------------------------------


def _own_job(request, job_id: int) -> ExportJob:
    """Only the requester sees a job, and only until it expires."""
    _require_reports(request)
    job = get_object_or_404(
        ExportJob, pk=job_id, requested_by=request.user, expires_at__gt=timezone.now()
    )
    return job


@require_GET
def job(request, job_id: int):
    export = _own_job(request, job_id)
    return TemplateResponse(
        request,
        "reports/job.html",
        _context(request, _("Export"), job=export, ready=ExportStatus.READY),
    )


@require_GET
def job_status(request, job_id: int):
    export = _own_job(request, job_id)
    return JsonResponse(
        {
            "status": export.status,
            "status_display": export.get_status_display(),
            "percent": export.percent,
            "done_rows": export.done_rows,
            "total_rows": export.total_rows,
            "download_url": reverse("reports_admin:job_download", args=[export.pk])
            if export.status == ExportStatus.READY
            else None,
        }
    )


@require_GET
def job_download(request, job_id: int):
    export = _own_job(request, job_id)
    if export.status != ExportStatus.READY or not export.file:
        raise Http404
    record_access(
        request.user, what="reports.export_download", detail={"export": export.pk}
    )
    return FileResponse(
        export.file.open("rb"),
        as_attachment=True,
        filename=f"participants-{export.created_at:%Y-%m-%d}.{export.export_format}",
        content_type=CONTENT_TYPES[export.export_format],
    )


@require_GET
def jobs(request):
    _require_reports(request)
    mine = ExportJob.objects.filter(
        requested_by=request.user, expires_at__gt=timezone.now()
    )
    return TemplateResponse(
        request, "reports/jobs.html", _context(request, _("My exports"), jobs=mine)
    )
