"""Queue PDFs that were never rendered, e.g. when a worker died mid-task.

The task worker (learning.worker) re-queues tasks lost with a dead worker; this
sweep, run every two minutes by a timer, is the backstop: it also takes back
lost tasks and removes temporary PDF files nobody is writing. Rendering is
idempotent, a second queued task is harmless.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from certificates.models import Certificate
from certificates.pdf_files import remove_stale_temporary_files
from certificates.privacy import ERASED_FLAG
from certificates.tasks import render_certificate_pdf_task
from learning.worker import requeue_lost_tasks


class Command(BaseCommand):
    help = "Queue PDF rendering for certificates still without a PDF."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than-minutes",
            type=int,
            default=2,
            help="Only certificates issued at least this long ago (default 2).",
        )

    def handle(self, *args, older_than_minutes: int, **options):
        lost = requeue_lost_tasks()
        removed = remove_stale_temporary_files()
        self.stdout.write(
            f"Lost tasks: {lost['requeued']} queued again, {lost['failed']} failed; "
            f"{removed} temporary PDF file(s) removed."
        )
        cutoff = timezone.now() - timedelta(minutes=older_than_minutes)
        missing = (
            Certificate.objects.filter(
                pdf_rendered_at__isnull=True, issued_at__lte=cutoff
            )
            # Erasure deletes the PDF on purpose: it named the person.
            .filter(
                Q(**{f"snapshot__{ERASED_FLAG}__isnull": True})
                | Q(**{f"snapshot__{ERASED_FLAG}": False})
            )
            .values_list("pk", flat=True)
        )
        count = 0
        for certificate_id in missing.iterator():
            render_certificate_pdf_task.enqueue(certificate_id)
            count += 1
        self.stdout.write(f"Queued {count} certificate PDF(s).")
