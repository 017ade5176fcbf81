"""Keeps reports.ParticipationFact current: one row per enrolment.

Called by the completion pipeline's step (reports.completion) whenever
something the dashboard counts changes: an enrolment is made, started, completed
or withdrawn; a quiz module is passed; a certificate is issued or revoked; a
learner changes organisation or an organisation changes network, type or region.
Every refresh recomputes whole rows from the source tables, so it is idempotent
and a missed change is repaired by the next refresh or by a rebuild.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime

from django.apps import apps as global_apps
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

# Plain string constants only: the migration calls this with historical models.
from courses.models import EnrollmentStatus, ModuleStatus

FACT_FIELDS = [
    "network_id",
    "region",
    "organisation_type",
    "organisation_id",
    "course_key",
    "language",
    "group_id",
    "enrolled_at",
    "enrolled_month",
    "started",
    "completed",
    "completed_month",
    "days_to_complete",
    "passed",
    "certified",
]
# Enrolment fields a fact depends on; saves touching none of them are skipped.
SOURCE_FIELDS = frozenset(
    {
        "user",
        "course",
        "course_key",
        "group",
        "status",
        "enrolled_at",
        "started_at",
        "completed_at",
    }
)
BATCH = 2000


def _month(value: datetime | None) -> date | None:
    if value is None:
        return None
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.date().replace(day=1)


def _quiz_passes(registry) -> QuerySet:
    """Completed modules whose conditions include “quiz passed”: an enrolment with
    one counts as "passed a quiz"."""
    ModuleProgress = registry.get_model("courses", "ModuleProgress")
    ModulePage = registry.get_model("courses", "ModulePage")
    if not any(f.name == "completion_quiz_passed" for f in ModulePage._meta.fields):
        # reports 0004 can run before courses 0004 (the old completion_rule).
        quiz_modules = Q(module__completion_rule="quiz_passed")
    else:
        quiz_modules = Q(module__completion_quiz_passed=True)
    return ModuleProgress.objects.filter(quiz_modules, status=ModuleStatus.COMPLETED)


def _source_rows(registry, enrollment_ids: list[int] | None) -> Iterator[dict]:
    Enrollment = registry.get_model("courses", "Enrollment")
    Certificate = registry.get_model("certificates", "Certificate")
    enrollments = Enrollment.objects.all()
    if enrollment_ids is not None:
        enrollments = enrollments.filter(pk__in=enrollment_ids)
    passed = _quiz_passes(registry).filter(enrollment=OuterRef("pk"))
    certified = Certificate.objects.filter(
        enrollment=OuterRef("pk"), revoked_at__isnull=True, superseded_at__isnull=True
    )
    return (
        enrollments.order_by("pk")
        .values(
            "pk",
            "status",
            "course_key",
            "group_id",
            "enrolled_at",
            "started_at",
            "completed_at",
            network_id=F("user__organisation__network_id"),
            region=F("user__organisation__region"),
            organisation_type=F("user__organisation__organisation_type"),
            organisation_id=F("user__organisation_id"),
            language=F("course__locale__language_code"),
            passed=Exists(passed),
            certified=Exists(certified),
        )
        .iterator(chunk_size=BATCH)
    )


def _fact(ParticipationFact, row: dict):  # noqa: N803  (a model class)
    completed = row["status"] == EnrollmentStatus.COMPLETED
    days = None
    if completed and row["completed_at"] is not None:
        start = row["started_at"] or row["enrolled_at"]
        days = (row["completed_at"] - start).total_seconds() / 86400
    return ParticipationFact(
        enrollment_id=row["pk"],
        network_id=row["network_id"],
        region=row["region"],
        organisation_type=row["organisation_type"],
        organisation_id=row["organisation_id"],
        course_key=row["course_key"],
        language=row["language"],
        group_id=row["group_id"],
        enrolled_at=row["enrolled_at"],
        enrolled_month=_month(row["enrolled_at"]),
        started=row["started_at"] is not None,
        completed=completed,
        completed_month=_month(row["completed_at"]),
        days_to_complete=days,
        passed=row["passed"],
        certified=row["certified"],
    )


def _write(registry, facts: list) -> None:
    ParticipationFact = registry.get_model("reports", "ParticipationFact")
    ParticipationFact.objects.bulk_create(
        facts,
        update_conflicts=True,
        unique_fields=["enrollment"],
        update_fields=[name.removesuffix("_id") for name in FACT_FIELDS],
    )


def _refresh(registry, enrollment_ids: list[int] | None) -> int:
    ParticipationFact = registry.get_model("reports", "ParticipationFact")
    written = 0
    batch: list = []
    for row in _source_rows(registry, enrollment_ids):
        batch.append(_fact(ParticipationFact, row))
        if len(batch) >= BATCH:
            _write(registry, batch)
            written += len(batch)
            batch = []
    if batch:
        _write(registry, batch)
        written += len(batch)
    return written


def refresh_participation(enrollment_ids: Iterable[int]) -> int:
    """Recompute the facts of these enrolments (deleted ones go by cascade)."""
    ids = sorted({pk for pk in enrollment_ids if pk is not None})
    # In slices: SQLite allows only so many parameters in one IN (...).
    return sum(
        _refresh(global_apps, ids[start : start + BATCH])
        for start in range(0, len(ids), BATCH)
    )


def stale_passed_facts(module_key) -> list[int]:
    """Enrolments that completed this module and whose "passed" no longer holds.

    After a module's conditions changed: completers of a quiz module must
    count as passed, and those counted as passed need a completed quiz module.
    """
    ModuleProgress = global_apps.get_model("courses", "ModuleProgress")
    ParticipationFact = global_apps.get_model("reports", "ParticipationFact")
    completed_here = ModuleProgress.objects.filter(
        module_key=module_key, status=ModuleStatus.COMPLETED
    ).values("enrollment_id")
    passed = Q(enrollment_id__in=_quiz_passes(global_apps).values("enrollment_id"))
    stale = (Q(passed=False) & passed) | (Q(passed=True) & ~passed)
    return list(
        ParticipationFact.objects.filter(enrollment_id__in=completed_here)
        .filter(stale)
        .values_list("enrollment_id", flat=True)
    )


def rebuild_participation(registry=global_apps) -> int:
    """Recompute every fact (after a bulk import, or to repair); returns the count."""
    return _refresh(registry, None)
