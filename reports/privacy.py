"""GDPR: a participant's ESF+ answers and the exports a staff member requested.

Erasure keeps the ESF+ answers of the anonymised account, because the
programme's ESF+ report counts participants in those categories and only ever
shows groups of five or more; the answers no longer belong to a name. Export
files a person requested contain other people's data and are deleted with the
account; every other export built before the deletion may list the person and
is withdrawn (file deleted, a note for its requester).
"""

from .models import (
    RESULT_FIELDS,
    ExportJob,
    ParticipantExitIndicators,
    ParticipantIndicators,
)

HOLDS_PERSONAL_DATA = {
    "reports.ParticipantIndicators": "kept for the ESF+ counts (anonymised account)",
    "reports.ParticipantExitIndicators": (
        "kept for the ESF+ result counts (anonymised account)"
    ),
    "reports.ExportJob": (
        "the requester's exports deleted; exports listing the person withdrawn; "
        "expired ones deleted by apply_retention"
    ),
    "reports.ParticipationFact": "ids and dimensions only, no names",
}
NO_PERSONAL_DATA = {
    "reports.ReportAccess": "permissions only, no table",
    "reports.OrganisationIndicators": "organisation-level figures",
}


def export_personal_data(user) -> dict:
    indicators = ParticipantIndicators.objects.filter(user=user).first()
    return {
        "esf_indicators": (
            {
                "gender": indicators.gender,
                "age_band": indicators.age_band,
                "employment_status": indicators.employment_status,
                "isced_band": indicators.isced_band,
                "updated_at": indicators.updated_at,
            }
            if indicators
            else None
        ),
        "esf_exit_indicators": [
            {
                "course": str(row.enrollment.course),
                **{field: getattr(row, field) for field in RESULT_FIELDS},
                "answered_at": row.answered_at,
            }
            for row in ParticipantExitIndicators.objects.filter(
                enrollment__user=user
            ).select_related("enrollment__course")
        ],
        "requested_exports": [
            {
                "report": job.report,
                "format": job.export_format,
                "filters": job.filters,
                "requested_at": job.created_at,
                "status": job.status,
            }
            for job in ExportJob.objects.filter(requested_by=user)
        ],
    }


def erase_personal_data(user) -> None:
    from .services import withdraw_exports_made_before_erasure

    for job in ExportJob.objects.filter(requested_by=user):
        if job.file:
            job.file.delete(save=False)
        job.delete()
    withdraw_exports_made_before_erasure(user)


def apply_retention(now=None) -> dict[str, int]:
    """Exports past REPORTS_EXPORT_KEEP_HOURS go, file and row."""
    from .services import purge_expired_exports

    return {"exports": purge_expired_exports(now)}
