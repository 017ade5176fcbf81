"""GDPR across the apps: the export holds everything, erasure keeps only statistics."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import translation

from accounts.gdpr import collect_personal_data, erase_account
from certificates.models import Certificate
from content_packages.models import H5PUserData, ScormAttempt
from courses.models import Enrollment, EnrollmentStatus, ReflectionEntry
from quizzes.models import Attempt, AttemptAnswer

pytestmark = pytest.mark.django_db


def test_export_contains_enrolments_attempts_certificates_and_package_data(world_db):
    learner = world_db.users["learner"]
    data = collect_personal_data(learner)
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)

    assert {"courses", "quizzes", "certificates", "content_packages"} <= set(data)
    assert [e["status"] for e in data["courses"]["enrollments"]] == ["completed"]
    assert data["courses"]["reflections"][0]["text"] == "PRIVATE-REFLECTION-TEXT"
    assert len(data["courses"]["module_progress"]) == 2
    attempts = data["quizzes"]["attempts"]
    assert [a["status"] for a in attempts] == ["submitted", "in_progress"] or sorted(
        a["status"] for a in attempts
    ) == ["in_progress", "submitted"]
    submitted = next(a for a in attempts if a["status"] == "submitted")
    assert len(submitted["answers"]) == 2 and submitted["passed"] is True
    assert data["certificates"]["certificates"][0]["code"] == (
        world_db.certificate.display_code
    )
    assert "PRIVATE-H5P-STATE" in text
    assert data["content_packages"]["scorm_attempts"][0]["number"] == 1
    # Only this learner's data: nothing of the other learner.
    assert world_db.users["other_learner"].email not in text


def test_the_json_download_is_the_learners_own_export(client, world_db):
    client.force_login(world_db.users["learner"])
    response = client.get(reverse("accounts:my_data_json"))
    data = json.loads(response.content)
    assert data["courses"]["reflections"][0]["text"] == "PRIVATE-REFLECTION-TEXT"
    assert data["certificates"]["certificates"][0]["uuid"] == str(
        world_db.certificate.uuid
    )


def _dump() -> str:
    out = io.StringIO()
    call_command(
        "dumpdata",
        "accounts",
        "courses",
        "quizzes",
        "certificates",
        "content_packages",
        "reports.participantindicators",
        "reports.exportjob",
        "sessions",
        stdout=out,
    )
    return out.getvalue()


def test_erasure_removes_personal_data_but_keeps_counts_and_verifiability(
    client, world_db
):
    learner = world_db.users["learner"]
    certificate = world_db.certificate
    name = certificate.learner_name
    email = learner.email
    course_key = world_db.course.translation_key
    completions = Enrollment.objects.filter(
        course_key=course_key, status=EnrollmentStatus.COMPLETED
    ).count()
    attempts = Attempt.objects.filter(quiz=world_db.quiz).count()
    answers = AttemptAnswer.objects.filter(attempt__quiz=world_db.quiz).count()
    assert name and f'"{name}' in _dump()

    erase_account(learner)

    dump = _dump()
    assert email not in dump
    assert f'"{name}"' not in dump and f"{name} hat" not in dump
    assert "PRIVATE-REFLECTION-TEXT" not in dump
    assert "PRIVATE-H5P-STATE" not in dump
    assert not ReflectionEntry.objects.filter(user=learner).exists()
    assert not H5PUserData.objects.filter(user=learner).exists()
    assert ScormAttempt.objects.get(pk=world_db.scorm_attempt.pk).cmi == {}
    # The statistics stay: completions, attempts and their graded answers.
    assert (
        Enrollment.objects.filter(
            course_key=course_key, status=EnrollmentStatus.COMPLETED
        ).count()
        == completions
    )
    assert Attempt.objects.filter(quiz=world_db.quiz).count() == attempts
    assert AttemptAnswer.objects.filter(attempt__quiz=world_db.quiz).count() == answers
    # The certificate still verifies, as issued to a deleted account.
    certificate = Certificate.objects.get(pk=certificate.pk)
    assert not certificate.pdf
    with translation.override("en"):
        url = reverse("certificates:verify", args=[certificate.display_code])
    response = client.get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert "a deleted account" in page
    assert name not in page
    assert world_db.course.title in page
    # The erased account exports nothing personal any more.
    learner.refresh_from_db()
    after = json.dumps(collect_personal_data(learner), cls=DjangoJSONEncoder)
    assert email not in after and "PRIVATE-REFLECTION-TEXT" not in after
