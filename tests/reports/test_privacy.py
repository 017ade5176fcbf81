"""A person's ESF+ answers are in their data export; their export files go with them."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.gdpr import collect_personal_data, erase_account
from reports.models import ExportJob, ParticipantIndicators


def test_esf_answers_are_exported_and_kept_only_anonymously(learner):
    ParticipantIndicators.objects.create(
        user=learner, gender="female", age_band="30_54"
    )

    exported = collect_personal_data(learner)["reports"]["esf_indicators"]
    assert exported["gender"] == "female"
    assert exported["age_band"] == "30_54"

    erase_account(learner)
    learner.refresh_from_db()
    kept = ParticipantIndicators.objects.get(user=learner)
    assert kept.age_band == "30_54"  # still counted in the ESF+ report
    assert learner.email.endswith("@invalid")


def test_erasure_deletes_the_export_files_a_coordinator_requested(
    coordinator, settings, tmp_path
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    job = ExportJob.objects.create(
        requested_by=coordinator,
        report="people",
        export_format="csv",
        expires_at=timezone.now() + timedelta(hours=1),
    )
    job.file.save("people.csv", ContentFile(b"Last name\nMusterfrau\n"))
    stored = job.file.path

    assert collect_personal_data(coordinator)["reports"]["requested_exports"]
    erase_account(coordinator)

    assert not ExportJob.objects.filter(pk=job.pk).exists()
    assert not (tmp_path / "private").joinpath(stored).exists()
