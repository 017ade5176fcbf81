"""State changes of the reports app: indicators, export jobs and the audit log."""

from __future__ import annotations

import logging
import tempfile
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import File
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.models import AuditAction, AuditEntry
from accounts.services import record_audit

from .exports import ExportSpec, write_csv, write_xlsx
from .models import (
    ExportJob,
    ExportStatus,
    OrganisationIndicators,
    ParticipantExitIndicators,
    ParticipantIndicators,
)

logger = logging.getLogger(__name__)
PEOPLE_REPORT = "people"


def background_threshold() -> int:
    return int(getattr(settings, "REPORTS_BACKGROUND_EXPORT_ROWS", 10_000))


def export_keep_hours() -> int:
    return int(getattr(settings, "REPORTS_EXPORT_KEEP_HOURS", 24))


def save_participant_indicators(user, **answers: str) -> ParticipantIndicators:
    """Store a participant's ESF+ answers (each may be "no answer")."""
    indicators, _created = ParticipantIndicators.objects.update_or_create(
        user=user, defaults=answers
    )
    return indicators


def save_exit_indicators(enrollment, **answers: str) -> ParticipantExitIndicators:
    """Store the ESF+ immediate results of one completed enrolment."""
    indicators, _created = ParticipantExitIndicators.objects.update_or_create(
        enrollment=enrollment, defaults={**answers, "answered_at": timezone.now()}
    )
    return indicators


def save_organisation_indicators(
    organisation, **answers: str
) -> OrganisationIndicators:
    indicators, _created = OrganisationIndicators.objects.update_or_create(
        organisation=organisation, defaults=answers
    )
    return indicators


def log_personal_export(
    actor, *, report: str, export_format: str, filters: dict, rows: int, via: str
) -> AuditEntry:
    """Every export of per-person data leaves a trace: who, when, which filter.

    It goes to the platform's one audit log (accounts), next to erasures.
    """
    return record_audit(
        actor=actor,
        action=AuditAction.PERSONAL_DATA_EXPORTED,
        detail={
            "report": report,
            "format": export_format,
            "filters": filters,
            "rows": rows,
            "via": via,
        },
    )


def people_export_spec(user, filters_json: dict, enrollments=None) -> ExportSpec:
    """The per-person list of a user's scope with these filters, as an export."""
    from .forms import bound_filter_form
    from .queries import PERSON_COLUMNS, iter_person_rows, people_enrollments

    form = bound_filter_form(user, filters_json)
    if enrollments is None:
        # Checked again when the job runs: the right may have gone meanwhile.
        enrollments = people_enrollments(
            user, form.cleaned_data if form.is_valid() else None
        )
        if enrollments is None:
            raise PermissionDenied(_("You may not export this list of people."))
    return ExportSpec(
        title=str(_("Participants")),
        filters=form.describe() if form.is_valid() else [],
        columns=[str(c) for c in PERSON_COLUMNS],
        rows=iter_person_rows(enrollments),
    )


def request_export(
    user, *, report: str, export_format: str, filters: dict, total_rows: int
) -> ExportJob:
    """Queue a large export; its file is kept for the requester for a while."""
    from .tasks import build_export

    now = timezone.now()
    job = ExportJob.objects.create(
        requested_by=user,
        report=report,
        export_format=export_format,
        filters=filters,
        language=get_language() or settings.LANGUAGE_CODE,
        total_rows=total_rows,
        created_at=now,
        expires_at=now + timedelta(hours=export_keep_hours()),
    )
    transaction.on_commit(lambda: build_export.enqueue(job.pk))
    return job


def run_export_job(job_id: int) -> ExportJob:
    """Build a queued export's file, saving progress as it goes."""
    job = ExportJob.objects.select_related("requested_by").get(pk=job_id)
    # A running job is built again when its worker died (the task was re-queued).
    if job.status not in (ExportStatus.PENDING, ExportStatus.RUNNING):
        return job
    ExportJob.objects.filter(pk=job.pk).update(status=ExportStatus.RUNNING)

    def progress(done: int) -> None:
        ExportJob.objects.filter(pk=job.pk).update(done_rows=done)

    tmp_dir = Path(settings.FILE_UPLOAD_TEMP_DIR or tempfile.gettempdir())
    tmp_path = tmp_dir / f"report-export-{job.pk}.{job.export_format}"
    try:
        # The file speaks the language the requester used for the request.
        with translation.override(job.language or settings.LANGUAGE_CODE):
            spec = people_export_spec(job.requested_by, job.filters)
            if job.export_format == "csv":
                with tmp_path.open("w", encoding="utf-8-sig", newline="") as stream:
                    rows = write_csv(spec, stream, progress)
            else:
                rows = write_xlsx(spec, str(tmp_path), progress)
        name = f"participants-{job.pk}.{job.export_format}"
        # A file a killed worker left under this name is replaced, not kept beside.
        job.file.storage.delete(job.file.field.generate_filename(job, name))
        with tmp_path.open("rb") as stream:
            job.file.save(name, File(stream), save=False)
        # Only a job still running becomes ready: an erasure meanwhile withdrew it.
        job.status = ExportStatus.READY
        job.done_rows = job.total_rows = rows
        job.finished_at = timezone.now()
        finished = ExportJob.objects.filter(
            pk=job.pk, status=ExportStatus.RUNNING
        ).update(
            file=job.file.name,
            status=job.status,
            done_rows=rows,
            total_rows=rows,
            finished_at=job.finished_at,
        )
        if not finished:
            job.file.delete(save=False)
            job.refresh_from_db()
            return job
        log_personal_export(
            job.requested_by,
            report=job.report,
            export_format=job.export_format,
            filters=job.filters,
            rows=rows,
            via="background",
        )
    except Exception as error:  # the requester must learn that it failed
        logger.exception("Export %s failed", job.pk)
        job.status = ExportStatus.FAILED
        job.error = str(error)[:500]
        job.save(update_fields=["status", "error"])
    finally:
        tmp_path.unlink(missing_ok=True)
    return job


def withdraw_exports_made_before_erasure(erased_user) -> int:
    """Exports built before a person was deleted may list them: withdrawn.

    The file is deleted and its requester finds a note in "My exports"; a new
    export of the same list no longer contains the person.
    """
    stamp = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    withdrawn = 0
    jobs = ExportJob.objects.filter(
        status__in=[ExportStatus.RUNNING, ExportStatus.READY]
    ).exclude(requested_by=erased_user)
    for job in jobs.select_for_update():
        with translation.override(job.language or settings.LANGUAGE_CODE):
            note_text = _(
                "This export was withdrawn on %(date)s because a person it may "
                "list deleted their account. Please request the export again."
            ) % {"date": stamp}
        if job.file:
            job.file.delete(save=False)
        ExportJob.objects.filter(pk=job.pk).update(
            status=ExportStatus.WITHDRAWN, file="", note=note_text
        )
        withdrawn += 1
    return withdrawn


def purge_expired_exports(now=None) -> int:
    """Delete export files and records whose time is up."""
    expired = list(ExportJob.objects.expired(now))
    for job in expired:
        if job.file:
            job.file.delete(save=False)
        job.delete()
    return len(expired)
