"""Certificate PDFs on disk: written under a temporary name, moved into place
in the same transaction that records them, so a killed worker leaves no file
that no row points to (and a later erasure cannot miss one).

Each certificate has one fixed file name; rendering again replaces the file
atomically (``os.replace``). A temporary file a killed worker left behind is
removed by the next rendering of that certificate, by its erasure and by
``remove_stale_temporary_files`` (run by the PDF sweep).
"""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Certificate

TEMPORARY_SUFFIX = ".tmp"


def storage():
    return Certificate._meta.get_field("pdf").storage


def pdf_name(certificate: Certificate) -> str:
    return f"{certificate.issued_at:%Y/%m}/certificate-{certificate.uuid}.pdf"


def leftovers(certificate: Certificate) -> list[Path]:
    """Temporary files of this certificate's PDF (from a killed worker)."""
    final = Path(storage().path(pdf_name(certificate)))
    return sorted(final.parent.glob(f"{final.name}.*{TEMPORARY_SUFFIX}"))


def store_pdf(certificate: Certificate, data: bytes) -> Certificate:
    """Write, then move into place and record in one step."""
    name = pdf_name(certificate)
    final = Path(storage().path(name))
    final.parent.mkdir(parents=True, exist_ok=True)
    for leftover in leftovers(certificate):
        leftover.unlink(missing_ok=True)
    temporary = final.with_name(
        f"{final.name}.{secrets.token_hex(4)}{TEMPORARY_SUFFIX}"
    )
    with temporary.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    try:
        # Test settings only: a slow rendering, so a test can kill the worker here.
        delay = float(getattr(settings, "CERTIFICATE_PDF_RENDER_DELAY_SECONDS", 0))
        if delay:
            time.sleep(delay)
        with transaction.atomic():
            row = Certificate.objects.select_for_update().get(pk=certificate.pk)
            old_name = row.pdf.name if row.pdf else ""
            rendered_at = timezone.now()
            Certificate.objects.filter(pk=certificate.pk).update(
                pdf=name, pdf_rendered_at=rendered_at
            )
            os.replace(temporary, final)
    finally:
        temporary.unlink(missing_ok=True)
    if old_name and old_name != name:
        storage().delete(old_name)  # from before fixed names
    certificate.pdf.name = name
    certificate.pdf_rendered_at = rendered_at
    return certificate


def delete_pdf_files(certificate: Certificate) -> None:
    """The PDF, whatever name it has, and any temporary file of it."""
    if certificate.pdf:
        certificate.pdf.delete(save=False)
    storage().delete(pdf_name(certificate))
    for leftover in leftovers(certificate):
        leftover.unlink(missing_ok=True)


def remove_stale_temporary_files(older_than_seconds: float = 600) -> int:
    """Temporary PDFs no worker is writing any more."""
    root = Path(storage().location)
    if not root.exists():
        return 0
    cutoff = time.time() - older_than_seconds
    removed = 0
    for path in root.rglob(f"*.pdf.*{TEMPORARY_SUFFIX}"):
        if path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
