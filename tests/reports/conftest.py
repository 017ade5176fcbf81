"""A hand-built reporting data set whose right answers are worked out below.

Network A: "A Employer" (8 learners, course X) and "A Jobcenter" (6 learners in
course X, 2 of them also in course Y). Network B: "B Employer" (7 learners in
course Y, all in the trainer's workshop group; the trainer is in course Y's
team). One learner without an
organisation is enrolled in course Y. Every figure the tests expect follows from
the dates and states set here (see EXPECTED_* in the test modules).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from uuid import uuid4
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Permission
from django.utils import translation
from wagtail.users.models import UserProfile

from accounts.models import Network, Organisation, OrganisationType, Region
from certificates.models import Certificate, CertificateSource
from courses.models import (
    Enrollment,
    EnrollmentStatus,
    ModuleProgress,
    ModuleStatus,
    WorkshopGroup,
)
from quizzes.models import Attempt, AttemptAnswer, AttemptStatus, QuizPage
from tests.e2e.conftest import (  # noqa: F401  (browser fixtures for this folder)
    browser_context_args,
    browser_type_launch_args,
    e2e_site,
)
from tests.factories import (
    QUIZ_MODULE,
    UserFactory,
    make_course,
    make_course_index,
    make_team,
)

BERLIN = ZoneInfo("Europe/Berlin")


def at(day: str) -> datetime:
    """Noon in Berlin, far from any month or day boundary."""
    return datetime.fromisoformat(f"{day}T12:00:00").replace(tzinfo=BERLIN)


@dataclass
class ReportData:
    network_a: Network
    network_b: Network
    a_employer: Organisation
    a_jobcenter: Organisation
    b_employer: Organisation
    course_x: object
    course_y: object
    quiz: QuizPage
    group: WorkshopGroup
    trainer: object
    coordinator_a: object
    coordinator_b: object
    learners: dict[str, list] = field(default_factory=dict)


def enrol_at(user, course, enrolled: str, **fields) -> Enrollment:
    enrollment = Enrollment.objects.create(
        user=user, course_key=course.translation_key, course=course, **fields
    )
    enrollment.enrolled_at = at(enrolled)
    enrollment.save(update_fields=["enrolled_at"])
    return enrollment


def certify(enrollment: Enrollment, *, revoked: bool = False) -> Certificate:
    return Certificate.objects.create(
        code=uuid4().hex[:16].upper(),
        user=enrollment.user,
        course_key=enrollment.course_key,
        course=enrollment.course,
        enrollment=enrollment,
        language="de",
        source=CertificateSource.COMPLETION,
        issued_at=enrollment.completed_at,
        revoked_at=enrollment.completed_at if revoked else None,
    )


def pass_quiz_module(enrollment: Enrollment, module) -> None:
    ModuleProgress.objects.create(
        enrollment=enrollment,
        module_key=module.translation_key,
        module=module,
        status=ModuleStatus.COMPLETED,
        completed_at=enrollment.started_at,
    )


def coordinator_of(network: Network):
    user = UserFactory(role="coordinator")
    user.coordinated_networks.add(network)
    return user


def grant_personal_data(user) -> None:
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="reports", codename="view_personal_data"
        )
    )


# The quiz: q1 single choice (option 0 correct), q2 true/false (True correct).
QUIZ_QUESTIONS = [
    {
        "type": "single_choice",
        "id": "q1",
        "value": {
            "prompt": "<p>Which office decides?</p>",
            "points": "1",
            "general_feedback": "",
            "options": [
                {
                    "type": "item",
                    "id": f"opt-{i}",
                    "value": {"text": f"Office {i}", "is_correct": i == 0},
                }
                for i in range(3)
            ],
        },
    },
    {
        "type": "true_false",
        "id": "q2",
        "value": {
            "prompt": "",
            "statement": "<p>Partial recognition exists.</p>",
            "points": "1",
            "general_feedback": "",
            "correct": True,
        },
    },
]

# (learner index in A Employer, attempt number, q1 option, q2 answer)
# Scores: q1 right iff option 0, q2 right iff True; pass mark 50 %.
QUIZ_ATTEMPTS = [
    (0, 1, "opt-0", True),  # 100
    (1, 1, "opt-0", True),  # 100
    (5, 2, "opt-0", True),  # 100
    (6, 2, "opt-0", False),  # 50
    (4, 1, "opt-0", False),  # 50
    (2, 1, "opt-0", False),  # 50
    (3, 1, "opt-1", True),  # 50
    (5, 1, "opt-1", False),  # 0
    (6, 1, "opt-1", False),  # 0
    (7, 1, "opt-2", False),  # 0
]


def _make_attempts(quiz: QuizPage, learners: list) -> None:
    for index, number, option, statement in QUIZ_ATTEMPTS:
        right = [option == "opt-0", statement is True]
        score = Decimal(50 * sum(right))
        attempt = Attempt.objects.create(
            user=learners[index],
            quiz=quiz,
            number=number,
            status=AttemptStatus.SUBMITTED,
            score_points=Decimal(sum(right)),
            max_points=Decimal(2),
            score_percent=score,
            passed=score >= 50,
        )
        for question_id, response, correct in (
            ("q1", option, right[0]),
            ("q2", statement, right[1]),
        ):
            AttemptAnswer.objects.create(
                attempt=attempt,
                question_id=question_id,
                response=response,
                points_awarded=Decimal(int(correct)),
                max_points=Decimal(1),
                is_correct=correct,
            )


def build_report_data(site_root) -> ReportData:
    """The data set described in the module docstring."""
    index = make_course_index(site_root)
    course_x = make_course(
        index,
        "Course X",
        modules=1,
        module_fields=QUIZ_MODULE,
    )
    course_y = make_course(index, "Course Y", modules=1)
    quiz_module = course_x.get_children().specific().first()
    quiz = quiz_module.add_child(
        instance=QuizPage(
            title="Final quiz X",
            slug="final-quiz",
            questions=QUIZ_QUESTIONS,
            pass_mark_percent=50,
        )
    )
    quiz.save_revision().publish()

    network_a = Network.objects.create(name="IQ Network A", region=Region.NW)
    network_b = Network.objects.create(name="IQ Network B", region=Region.BY)
    a_employer = Organisation.objects.create(
        name="A Employer",
        organisation_type=OrganisationType.EMPLOYER,
        region=Region.NW,
        network=network_a,
    )
    a_jobcenter = Organisation.objects.create(
        name="A Jobcenter",
        organisation_type=OrganisationType.JOBCENTER,
        region=Region.NW,
        network=network_a,
    )
    b_employer = Organisation.objects.create(
        name="B Employer",
        organisation_type=OrganisationType.EMPLOYER,
        region=Region.BY,
        network=network_b,
    )
    trainer = UserFactory(role="trainer")
    make_team(course_y, trainer)  # the trainer authors course Y and runs a group
    group = WorkshopGroup.objects.create(
        name="Workshop B", course=course_y, trainer=trainer, enrolment_code="WSB12345"
    )

    def people(org, n, prefix):
        return [
            UserFactory(organisation=org, last_name=f"{prefix}{i}") for i in range(n)
        ]

    learners = {
        "a_employer": people(a_employer, 8, "Aemp"),
        "a_jobcenter": people(a_jobcenter, 6, "Ajob"),
        "b_employer": people(b_employer, 7, "Bemp"),
        "no_organisation": people(None, 1, "Noorg"),
    }

    # A Employer, course X: enrolled 10 Jan; 7 started 1 Feb; 6 completed after
    # 2, 4, 6, 8, 10, 12 days (median 7); 7 passed the quiz module (the 7th has
    # not finished); 5 current certificates (the 6th completer's was revoked).
    for i, user in enumerate(learners["a_employer"]):
        fields = {}
        if i < 7:
            fields["started_at"] = at("2026-02-01")
        if i < 6:
            fields["status"] = EnrollmentStatus.COMPLETED
            fields["completed_at"] = at("2026-02-01") + timedelta(days=2 * (i + 1))
        enrollment = enrol_at(user, course_x, "2026-01-10", **fields)
        if i < 7:
            pass_quiz_module(enrollment, quiz_module)
        if i < 6:
            certify(enrollment, revoked=(i == 5))

    # A Jobcenter: all 6 in course X on 5 Mar, 3 started; 2 also in course Y.
    for i, user in enumerate(learners["a_jobcenter"]):
        fields = {"started_at": at("2026-03-06")} if i < 3 else {}
        enrol_at(user, course_x, "2026-03-05", **fields)
        if i < 2:
            enrol_at(user, course_y, "2026-03-05")

    # B Employer, course Y, in the trainer's group: enrolled 15 Jan, started
    # 20 Jan; 5 completed after 1, 3, 5, 7, 9 days (median 5), all certified.
    for i, user in enumerate(learners["b_employer"]):
        fields = {"started_at": at("2026-01-20"), "group": group}
        if i < 5:
            fields["status"] = EnrollmentStatus.COMPLETED
            fields["completed_at"] = at("2026-01-20") + timedelta(days=2 * i + 1)
        enrollment = enrol_at(user, course_y, "2026-01-15", **fields)
        if i < 5:
            certify(enrollment)

    enrol_at(learners["no_organisation"][0], course_y, "2026-01-15")

    _make_attempts(quiz, learners["a_employer"])

    return ReportData(
        network_a=network_a,
        network_b=network_b,
        a_employer=a_employer,
        a_jobcenter=a_jobcenter,
        b_employer=b_employer,
        course_x=course_x,
        course_y=course_y,
        quiz=quiz,
        group=group,
        trainer=trainer,
        coordinator_a=coordinator_of(network_a),
        coordinator_b=coordinator_of(network_b),
        learners=learners,
    )


@pytest.fixture(autouse=True)
def _english():
    """Labels in the expected figures are the English msgids."""
    with translation.override("en"):
        yield


@pytest.fixture
def data(site_root) -> ReportData:
    return build_report_data(site_root)


@pytest.fixture
def as_user(client):
    """Signs the test client in (admin in English) and returns the client."""

    def login(user):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()
        client.force_login(user)
        return client

    return login
