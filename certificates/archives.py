"""A workshop group's certificates as one ZIP file, built by a background task.

Trainers ask for it in the admin (admin_views.group_detail) and download it once
it is ready; it holds the current, unrevoked certificates at the time it is built.
"""

import io
import zipfile

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import get_valid_filename

from .models import Certificate, GroupArchiveStatus, GroupCertificateArchive
from .services import ensure_pdf


def request_group_archive(group, *, by) -> GroupCertificateArchive:
    """Queue a ZIP of the group's current certificates (built by a task)."""
    from .tasks import build_group_archive_task  # the task module imports this one

    archive = GroupCertificateArchive.objects.create(group=group, requested_by=by)
    transaction.on_commit(lambda: build_group_archive_task.enqueue(archive.pk))
    return archive


def build_group_archive(archive: GroupCertificateArchive) -> GroupCertificateArchive:
    """Zip the PDFs (rendered where missing) of the group's valid certificates."""
    certificates = list(
        Certificate.objects.filter(group=archive.group, revoked_at__isnull=True)
        .current()
        .order_by("snapshot__learner_name")
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zipped:
        for certificate in certificates:
            ensure_pdf(certificate)
            name = get_valid_filename(
                f"{certificate.learner_name}_{certificate.display_code}.pdf"
            )
            with certificate.pdf.open("rb") as handle:
                zipped.writestr(name, handle.read())
    # A re-run (worker died) replaces the file it left; no copy is kept beside it.
    delete_leftover_file(archive)
    archive.file.save(
        archive_file_name(archive), ContentFile(buffer.getvalue()), save=False
    )
    archive.certificate_count = len(certificates)
    archive.status = GroupArchiveStatus.READY
    archive.save(update_fields=["file", "certificate_count", "status"])
    return archive


def archive_file_name(archive: GroupCertificateArchive) -> str:
    return f"group-{archive.group_id}-{archive.pk}.zip"


def delete_leftover_file(archive: GroupCertificateArchive) -> None:
    """The archive's file under its own name, also one a killed worker wrote
    before recording it."""
    storage = archive.file.storage
    storage.delete(
        archive.file.field.generate_filename(archive, archive_file_name(archive))
    )
