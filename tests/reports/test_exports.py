"""CSV and XLSX exports: same rows, filters stated, small groups hidden, audited."""

import csv
import io
from datetime import timedelta

import openpyxl
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditAction, AuditEntry
from reports import services
from reports.models import ExportJob, ExportStatus
from tests.reports.conftest import grant_personal_data

pytestmark = pytest.mark.django_db

PEOPLE_HEADER = "Last name"


@pytest.fixture(autouse=True)
def _private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def csv_lines(content: bytes) -> list[list[str]]:
    text = content.decode("utf-8")
    assert text.startswith("\ufeff"), "spreadsheet programs need the BOM"
    return [row for row in csv.reader(io.StringIO(text[1:])) if row]


def xlsx_lines(content) -> list[list[str]]:
    source = io.BytesIO(content) if isinstance(content, bytes) else content
    sheet = openpyxl.load_workbook(source, read_only=True).worksheets[0]
    lines = []
    for row in sheet.iter_rows(values_only=True):
        values = ["" if v is None else str(v) for v in row]
        while values and values[-1] == "":
            values.pop()
        if values:
            lines.append(values)
    return lines


def split(lines: list[list[str]], header: str):
    """(stated filters, data rows) around the table's header row."""
    # Filter lines have two cells; every table header here has more.
    start = next(
        i for i, line in enumerate(lines) if line[0] == header and len(line) > 2
    )
    filters_at = next(i for i, line in enumerate(lines) if line == ["Filters"])
    stated = {line[0]: line[1] for line in lines[filters_at + 1 : start]}
    return stated, lines[start + 1 :]


def test_table_export_csv_and_xlsx_carry_the_same_rows_and_the_filters(data, as_user):
    client = as_user(data.coordinator_a)
    query = {"network": data.network_a.pk, "date_from": "2026-01-01"}

    def export(export_format):
        url = reverse(
            "reports_admin:export_table", args=["dashboard", "by_course", export_format]
        )
        response = client.get(url, query)
        assert response.status_code == 200
        assert "attachment" in response["Content-Disposition"]
        return response.content

    csv_filters, csv_rows = split(csv_lines(export("csv")), "Course")
    xlsx_filters, xlsx_rows = split(xlsx_lines(export("xlsx")), "Course")

    assert (
        csv_rows
        == xlsx_rows
        == [
            ["Course X", "< 5", "10", "6", "7", "< 5"],  # complement of Y
            ["Course Y", "< 5", "0", "0", "0", "< 5"],
        ]
    )
    assert csv_filters == xlsx_filters
    assert csv_filters["Network"] == "IQ Network A"
    assert csv_filters["Enrolled from"] == "2026-01-01"
    assert csv_filters["Course"] == "All"
    # Aggregated figures are not personal data: no audit entry.
    assert not AuditEntry.objects.exists()


def test_every_dashboard_table_can_be_exported(data, as_user):
    client = as_user(data.coordinator_a)

    for key in ("summary", "trend", "by_organisation_type", "by_course"):
        url = reverse("reports_admin:export_table", args=["dashboard", key, "csv"])
        assert client.get(url).status_code == 200, key
    esf = reverse("reports_admin:export_table", args=["esf", "esf_gender", "xlsx"])
    assert client.get(esf).status_code == 200
    quiz = reverse("reports_admin:export_table", args=["quiz", "quiz_items", "csv"])
    _filters, rows = split(
        csv_lines(client.get(quiz, {"quiz": data.quiz.pk}).content), "Question"
    )
    assert rows[0] == ["1. Which office decides?", "10", "60.0", "1.0"]


def test_people_export_is_audited_and_both_formats_carry_the_same_rows(data, as_user):
    grant_personal_data(data.coordinator_a)
    client = as_user(data.coordinator_a)
    query = {"organisation_type": "employer"}

    csv_response = client.get(
        reverse("reports_admin:export_people", args=["csv"]), query
    )
    xlsx_response = client.get(
        reverse("reports_admin:export_people", args=["xlsx"]), query
    )

    csv_filters, csv_rows = split(csv_lines(csv_response.content), PEOPLE_HEADER)
    xlsx_filters, xlsx_rows = split(xlsx_lines(xlsx_response.content), PEOPLE_HEADER)
    assert csv_rows == xlsx_rows
    assert sorted(row[0] for row in csv_rows) == [f"Aemp{i}" for i in range(8)]
    assert csv_filters["Organisation type"] == "Employer"
    assert csv_filters == xlsx_filters

    entries = list(AuditEntry.objects.order_by("pk"))
    assert [(e.actor, e.action) for e in entries] == [
        (data.coordinator_a, AuditAction.PERSONAL_DATA_EXPORTED),
        (data.coordinator_a, AuditAction.PERSONAL_DATA_EXPORTED),
    ]
    assert entries[0].detail == {
        "report": "people",
        "format": "csv",
        "filters": {"organisation_type": "employer"},
        "rows": 8,
        "via": "web",
    }
    assert entries[1].detail["format"] == "xlsx"


def test_refused_people_export_leaves_no_file_and_no_audit_entry(data, as_user):
    client = as_user(data.coordinator_a)  # without view_personal_data

    response = client.get(reverse("reports_admin:export_people", args=["csv"]))

    assert "Content-Disposition" not in response
    assert not AuditEntry.objects.exists()


def test_large_export_runs_as_a_background_task_for_its_requester(
    data, as_user, settings, django_capture_on_commit_callbacks
):
    settings.REPORTS_BACKGROUND_EXPORT_ROWS = 10
    grant_personal_data(data.coordinator_a)
    client = as_user(data.coordinator_a)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(reverse("reports_admin:export_people", args=["xlsx"]))

    job = ExportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reports_admin:job", args=[job.pk])
    assert job.requested_by == data.coordinator_a
    assert job.status == ExportStatus.READY
    assert (job.done_rows, job.total_rows, job.percent) == (16, 16, 100)
    assert job.expires_at > timezone.now() + timedelta(hours=23)

    status = client.get(reverse("reports_admin:job_status", args=[job.pk])).json()
    assert status["status"] == "ready"
    assert status["download_url"] == reverse(
        "reports_admin:job_download", args=[job.pk]
    )
    page = client.get(reverse("reports_admin:job", args=[job.pk]))
    assert b'href="' + status["download_url"].encode() in page.content

    download = client.get(status["download_url"])
    assert download.status_code == 200
    content = b"".join(download.streaming_content)
    _filters, rows = split(xlsx_lines(content), PEOPLE_HEADER)
    assert len(rows) == 16
    assert not any(row[0].startswith("Bemp") for row in rows)

    entry = AuditEntry.objects.get(action=AuditAction.PERSONAL_DATA_EXPORTED)
    assert entry.actor == data.coordinator_a
    assert entry.detail["via"] == "background"
    assert entry.detail["rows"] == 16
    # The download itself is a look at the people's data, logged once.
    download_entry = AuditEntry.objects.get(what="reports.export_download")
    assert download_entry.actor == data.coordinator_a


def test_expired_exports_are_deleted_with_their_file(
    data, admin_user, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        job = services.request_export(
            admin_user, report="people", export_format="csv", filters={}, total_rows=24
        )
    job.refresh_from_db()
    path = job.file.path
    with open(path, encoding="utf-8-sig") as stream:
        assert (
            len(split(list(filter(None, csv.reader(stream))), PEOPLE_HEADER)[1]) == 24
        )

    removed = services.purge_expired_exports(now=job.expires_at + timedelta(seconds=1))

    assert removed == 1
    assert not ExportJob.objects.exists()
    import os

    assert not os.path.exists(path)


def test_cli_export_writes_csv_with_the_filters_stated(data, tmp_path):
    output = tmp_path / "participation.csv"

    call_command(
        "export_participation",
        "--format",
        "csv",
        "--network",
        "IQ Network A",
        "--output",
        str(output),
        stdout=io.StringIO(),
    )

    stated, rows = split(csv_lines(output.read_bytes()), PEOPLE_HEADER)
    assert len(rows) == 16
    assert stated["Network"] == "IQ Network A"
    assert stated["Course"] == "All"
    entry = AuditEntry.objects.get()
    assert entry.actor is None
    assert entry.detail["via"] == "command line"
    assert entry.detail["filters"] == {"network": str(data.network_a.pk)}


def test_cli_export_writes_xlsx_for_a_course_and_period(data, tmp_path):
    output = tmp_path / "participation.xlsx"
    out = io.StringIO()

    call_command(
        "export_participation",
        "--format=xlsx",
        f"--course={data.course_x.translation_key}",
        "--from=2026-03-01",
        "--to=2026-03-31",
        f"--output={output}",
        stdout=out,
    )

    stated, rows = split(xlsx_lines(str(output)), PEOPLE_HEADER)
    assert sorted(row[0] for row in rows) == [f"Ajob{i}" for i in range(6)]
    assert stated["Course"] == "Course X"
    assert stated["Enrolled from"] == "2026-03-01"
    assert "6 row(s) written" in out.getvalue()
