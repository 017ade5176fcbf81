"""The dashboard's summary table follows every change a coordinator would count.

Each step goes through the services a learner, trainer or admin uses; the
dashboard must show the change at once. A rebuild from the source tables must
then agree with what the services kept current.
"""

from functools import partial

import pytest

from accounts.models import Network, OrganisationType, Region
from certificates.models import Certificate
from certificates.services import revoke
from courses.models import WorkshopGroup
from courses.services import (
    complete_module,
    enrol,
    record_module_viewed,
    unenrol,
)
from reports.facts import rebuild_participation
from reports.models import ParticipationFact
from reports.queries import COUNT_NAMES, participation_dashboard
from reports.scoping import scoped_enrollments, scoped_facts
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    make_certificate_template,
    make_course,
    make_course_index,
)
from tests.quizzes.conftest import publish_quiz, take_quiz
from tests.reports.conftest import build_report_data, coordinator_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    settings.REPORTS_MIN_CELL_SIZE = 1  # single learners are the point here


def figures(user, **filters) -> dict[str, int]:
    totals = participation_dashboard(user, filters).totals
    return {name: totals[name].value for name in COUNT_NAMES}


def counts(enrolled=0, started=0, completed=0, passed=0, certificates=0) -> dict:
    return {
        "enrolled": enrolled,
        "started": started,
        "completed": completed,
        "passed": passed,
        "certificates": certificates,
    }


@pytest.fixture
def setting(site_root):
    template = make_certificate_template()
    course = make_course(make_course_index(site_root), "Anerkennung", modules=2)
    course.certificate_template = template
    course.save_revision().publish()
    lesson, quiz_module = course.get_children().specific()
    quiz_module.completion_viewed = False
    quiz_module.completion_quiz_passed = True
    quiz_module.save_revision().publish()
    publish_quiz(quiz_module)
    network_a = Network.objects.create(name="IQ A", region=Region.NW)
    network_b = Network.objects.create(name="IQ B", region=Region.BY)
    employer = OrganisationFactory(name="Arbeitgeber GmbH", network=network_a)
    return course, lesson, quiz_module, network_a, network_b, employer


def test_a_learners_path_through_the_services_shows_on_the_dashboard(
    setting, admin_user
):
    course, lesson, quiz_module, *_rest, employer = setting
    learner = UserFactory(organisation=employer)
    assert figures(admin_user) == counts()

    enrol(learner, course)
    assert figures(admin_user) == counts(enrolled=1)

    record_module_viewed(learner, lesson)
    assert figures(admin_user) == counts(enrolled=1, started=1)

    take_quiz(learner, quiz_module.get_quiz().specific)
    assert figures(admin_user) == counts(enrolled=1, started=1, passed=1)

    complete_module(learner, lesson)
    assert figures(admin_user) == counts(1, 1, completed=1, passed=1, certificates=1)

    revoke(Certificate.objects.get(user=learner), reason="Issued by mistake")
    assert figures(admin_user) == counts(1, 1, completed=1, passed=1, certificates=0)

    unenrol(learner, course)
    assert figures(admin_user) == counts(enrolled=1, started=1, passed=1)


def test_organisation_changes_move_learners_between_networks(setting):
    course, _lesson, _quiz, network_a, network_b, employer = setting
    coordinator_a = coordinator_of(network_a)
    coordinator_b = coordinator_of(network_b)
    learner = UserFactory(organisation=employer)
    enrol(learner, course)
    assert figures(coordinator_a)["enrolled"] == 1
    assert figures(coordinator_b)["enrolled"] == 0

    # The organisation joins network B (an admin edits it).
    employer.network = network_b
    employer.save()
    assert figures(coordinator_a)["enrolled"] == 0
    assert figures(coordinator_b)["enrolled"] == 1

    # The learner moves to a jobcenter in network A (profile edit).
    jobcenter = OrganisationFactory(
        name="Jobcenter A",
        organisation_type=OrganisationType.JOBCENTER,
        network=network_a,
    )
    learner.organisation = jobcenter
    learner.save()
    assert figures(coordinator_a, organisation_type=OrganisationType.JOBCENTER) == (
        counts(enrolled=1)
    )
    assert figures(coordinator_b)["enrolled"] == 0

    # The organisation is deleted: the learner is counted without one, by admins.
    jobcenter.delete()
    assert figures(coordinator_a)["enrolled"] == 0
    fact = ParticipationFact.objects.get()
    assert (fact.network_id, fact.organisation_id, fact.organisation_type) == (
        None,
        None,
        None,
    )


def test_a_deleted_workshop_group_leaves_the_trainers_scope(setting):
    course, *_rest, employer = setting
    trainer = UserFactory(role="trainer")
    other_course = make_course(course.get_parent(), "Anderer Kurs", modules=1)
    group = WorkshopGroup.objects.create(
        name="Gruppe", course=other_course, trainer=trainer, enrolment_code="GRP12345"
    )
    learner = UserFactory(organisation=employer)
    enrol(learner, course, group=group)
    assert figures(trainer)["enrolled"] == 1

    group.delete()
    assert figures(trainer)["enrolled"] == 0
    assert ParticipationFact.objects.get().group_id is None  # as a rebuild would say


def test_rebuild_agrees_with_what_the_services_kept_current(site_root, admin_user):
    data = build_report_data(site_root)
    kept = list(ParticipationFact.objects.order_by("pk").values())
    assert len(kept) == 24
    ParticipationFact.objects.all().delete()
    assert figures(admin_user)["enrolled"] == 0

    assert rebuild_participation() == 24
    assert list(ParticipationFact.objects.order_by("pk").values()) == kept
    for user in (data.coordinator_a, data.coordinator_b, data.trainer, admin_user):
        assert set(scoped_facts(user).values_list("pk", flat=True)) == set(
            scoped_enrollments(user).values_list("pk", flat=True)
        ), user


def test_a_changed_completion_rule_recounts_who_passed(
    setting, admin_user, django_capture_on_commit_callbacks
):
    """A trainer turns a reading module into a quiz module, and back (the recount
    is a task queued when the publish commits)."""
    course, lesson, *_rest, employer = setting
    learner = UserFactory(organisation=employer)
    enrol(learner, course)
    complete_module(learner, lesson)
    assert figures(admin_user)["passed"] == 0

    lesson.completion_viewed = False
    lesson.completion_quiz_passed = True
    with django_capture_on_commit_callbacks(execute=True):
        lesson.save_revision().publish()
    assert figures(admin_user)["passed"] == 1

    lesson.completion_viewed = True
    lesson.completion_quiz_passed = False
    with django_capture_on_commit_callbacks(execute=True):
        lesson.save_revision().publish()
    assert figures(admin_user)["passed"] == 0


def test_a_quiz_submission_refreshes_its_fact_once_and_queues_tasks_on_commit(
    setting, django_capture_on_commit_callbacks
):
    """Graded, module and course completed, certificate issued: one change, so
    one refresh of the enrolment's fact; PDF and email wait for the commit."""
    from django.core import mail
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from quizzes.services import start_or_resume_attempt, submit_attempt
    from tests.quizzes.conftest import correct_answers

    course, lesson, quiz_module, *_rest, employer = setting
    learner = UserFactory(organisation=employer)
    enrol(learner, course)
    complete_module(learner, lesson)
    attempt = start_or_resume_attempt(learner, quiz_module.get_quiz().specific)

    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks() as queued,
    ):
        submit_attempt(attempt, learner, correct_answers(attempt))
        certificate = Certificate.objects.get(user=learner)
        assert not certificate.pdf and len(mail.outbox) == 0

    refreshes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith('INSERT INTO "reports_participationfact"')
    ]
    assert len(refreshes) == 1
    fact = ParticipationFact.objects.get()
    assert (fact.completed, fact.passed, fact.certified) == (True, True, True)
    # The certificate PDF and the email, both tasks; beside them the xAPI
    # statements, pipeline steps that run after commit (functools.partial).
    assert len([c for c in queued if not isinstance(c, partial)]) == 2
    for callback in queued:
        callback()
    certificate.refresh_from_db()
    assert certificate.pdf and len(mail.outbox) == 1
