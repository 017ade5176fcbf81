"""Export the participation list (one row per enrolment) to CSV or XLSX.

For scripting by administrators with shell access: the whole platform is in
scope, the filters are stated in the file and the export is audited.
"""

from __future__ import annotations

import contextlib
import uuid
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils.translation import gettext as _

from accounts.models import Network
from courses.models import CoursePage, Enrollment
from reports import services
from reports.exports import ExportSpec, write_csv, write_xlsx
from reports.queries import PERSON_COLUMNS, apply_filters, iter_person_rows


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value}") from error


class Command(BaseCommand):
    help = (
        "Exports participation (one row per enrolment) as CSV or XLSX, with the "
        "filters stated at the top of the file."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["csv", "xlsx"], required=True)
        parser.add_argument("--network", help="Network name or id.")
        parser.add_argument("--course", help="Course page id, slug or identity.")
        parser.add_argument("--from", dest="date_from", type=_date)
        parser.add_argument("--to", dest="date_to", type=_date)
        parser.add_argument("--output", required=True, help="File to write.")

    def _network(self, value: str) -> Network:
        condition = Q(name=value) | (Q(pk=int(value)) if value.isdigit() else Q())
        network = Network.objects.filter(condition).first()
        if network is None:
            raise CommandError(f"Unknown network: {value}")
        return network

    def _course(self, value: str) -> CoursePage:
        condition = Q(slug=value)
        if value.isdigit():
            condition |= Q(pk=int(value))
        with contextlib.suppress(ValueError):
            condition |= Q(translation_key=uuid.UUID(value))
        course = CoursePage.objects.filter(condition).order_by("pk").first()
        if course is None:
            raise CommandError(f"Unknown course: {value}")
        return course

    def handle(self, *args, **options):
        filters: dict = {}
        all_ = _("All")
        network = options["network"] and self._network(options["network"])
        course = options["course"] and self._course(options["course"])
        if network:
            filters["network"] = network
        if course:
            filters["course"] = course.translation_key
        filters["date_from"] = options["date_from"]
        filters["date_to"] = options["date_to"]
        start, end = filters["date_from"], filters["date_to"]
        if start and end and start > end:
            raise CommandError("--from must not be after --to.")
        stated = [
            (_("Network"), str(network) if network else all_),
            (_("Course"), course.title if course else all_),
            (_("Enrolled from"), str(filters["date_from"] or all_)),
            (_("Enrolled until"), str(filters["date_to"] or all_)),
        ]
        enrollments = apply_filters(Enrollment.objects.all(), filters)
        total = enrollments.count()
        show_progress = self.stdout.isatty()

        def progress(done: int) -> None:
            if show_progress:
                width = 30
                filled = width * done // total if total else width
                bar = "#" * filled + "-" * (width - filled)
                self.stdout.write(f"\r[{bar}] {done}/{total}", ending="")
                self.stdout.flush()

        spec = ExportSpec(
            title=_("Participants"),
            filters=stated,
            columns=[str(c) for c in PERSON_COLUMNS],
            rows=iter_person_rows(enrollments),
        )
        output = options["output"]
        if options["format"] == "csv":
            with open(output, "w", encoding="utf-8-sig", newline="") as stream:
                rows = write_csv(spec, stream, progress)
        else:
            rows = write_xlsx(spec, output, progress)
        if show_progress:
            self.stdout.write("")
        services.log_personal_export(
            None,
            report=services.PEOPLE_REPORT,
            export_format=options["format"],
            filters={
                name: str(getattr(value, "pk", value))
                for name, value in filters.items()
                if value
            },
            rows=rows,
            via="command line",
        )
        self.stdout.write(f"{rows} row(s) written to {output}.")
