"""Background work: PDFs and ZIP archives are never rendered inside a request."""

import logging

from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def render_certificate_pdf_task(certificate_id: int) -> None:
    """Render and store one certificate's PDF."""
    from .models import Certificate
    from .services import render_pdf

    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is None:
        logger.warning(
            "Certificate %s vanished before its PDF was rendered.", certificate_id
        )
        return
    render_pdf(certificate)


@task()
def build_group_archive_task(archive_id: int) -> None:
    """Build the ZIP of a workshop group's certificates."""
    from .archives import build_group_archive
    from .models import GroupArchiveStatus, GroupCertificateArchive

    archive = GroupCertificateArchive.objects.filter(pk=archive_id).first()
    if archive is None:
        return
    try:
        build_group_archive(archive)
    except Exception:
        GroupCertificateArchive.objects.filter(pk=archive_id).update(
            status=GroupArchiveStatus.FAILED
        )
        raise
