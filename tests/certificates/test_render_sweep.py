"""A PDF lost with a killed worker is rendered by the timer's sweep."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from certificates.models import Certificate


def test_sweep_renders_pdfs_that_were_never_rendered(issued):
    Certificate.objects.filter(pk=issued.pk).update(
        pdf="", pdf_rendered_at=None, issued_at=timezone.now() - timedelta(hours=1)
    )

    call_command("render_missing_pdfs")

    issued.refresh_from_db()
    assert issued.pdf_rendered_at is not None
    with issued.pdf.open("rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def test_sweep_leaves_fresh_certificates_to_their_own_task(issued):
    Certificate.objects.filter(pk=issued.pk).update(pdf="", pdf_rendered_at=None)

    call_command("render_missing_pdfs", older_than_minutes=15)

    issued.refresh_from_db()
    assert issued.pdf_rendered_at is None


def test_sweep_does_not_render_again_what_erasure_removed(issued, named_learner):
    from accounts.gdpr import erase_account

    erase_account(named_learner)
    Certificate.objects.filter(pk=issued.pk).update(
        issued_at=timezone.now() - timedelta(hours=1)
    )

    call_command("render_missing_pdfs")

    issued.refresh_from_db()
    assert not issued.pdf
    assert issued.pdf_rendered_at is None
