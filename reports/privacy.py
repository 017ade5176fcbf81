"""GDPR: a participant's ESF+ answers and the exports a staff member requested.

Erasure keeps the ESF+ answers of the anonymised account, because the
programme's ESF+ report counts participants in those categories and only ever
shows groups of five or more; the answers no longer belong to a name. Export
files a person requested contain other people's data and are deleted with the
account.
"""

from .models import ExportJob, ParticipantIndicators


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
    for job in ExportJob.objects.filter(requested_by=user):
        if job.file:
            job.file.delete(save=False)
        job.delete()
