"""A small but complete platform state for security tests.

One course with two modules (lesson with a reflection, an H5P and a SCORM
package; a quiz), a learner who completed it (attempt, certificate, reflection,
package statements), a second learner enrolled in the same course, a workshop
group with its certificate ZIP, a coordinator's export job and one person for
each role the permission matrix checks. Everything is made through the apps'
services, as a user's actions would make it.

Two course teams keep their things apart: team A (the world's trainer) authors
the course above, team B ("trainer of another course") authors a second course
with its own image, document, package, template, workshop group and a
certificate of a learner in the other network, so every listing has rows that
must appear for one visitor and must not for another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.models import User
from tests.factories import (
    NetworkFactory,
    OrganisationFactory,
    UserFactory,
    make_course,
    make_course_index,
    make_document,
    make_image,
    make_team,
)

ROLES = (
    "anonymous",
    "learner",
    "other_learner",
    "trainer_other_course",
    "coordinator_other_network",
    "coordinator",
    "admin",
)


@dataclass
class World:
    users: dict[str, User | None]
    trainer: User
    home: object
    course: object
    lesson: object
    quiz_module: object
    quiz: object
    reflection_block_id: str
    h5p_block_id: str
    scorm_block_id: str
    h5p_package: object
    scorm_package: object
    submitted_attempt: object
    open_attempt: object
    certificate: object
    group: object
    archive: object
    export_job: object
    network: object
    other_network: object
    organisation: object
    template: object
    indicators: object
    audit_entry: object
    scorm_attempt: object
    team: object
    image: object
    document: object
    # Team B, of the "trainer of another course", in the other network.
    other_course: object
    other_team: object
    other_template: object
    other_package: object
    other_image: object
    other_document: object
    other_group: object
    other_learner_far: object
    other_certificate: object
    extra: dict = field(default_factory=dict)


def _certificate_template(title: str, collection):
    from certificates.models import CertificateTemplate

    template = CertificateTemplate.objects.create(
        title=title,
        body="{learner_name} hat den Kurs {course_title} abgeschlossen.",
        signatory_name="Dr. Erika Beispiel",
        language="de",
        collection=collection,
    )
    template.save_revision()
    return template


def _draft_module(course, title: str):
    """A module saved as a draft only: no one outside the team may see it."""
    from courses.models import ModulePage

    module = ModulePage(title=title, slug=f"entwurf-{course.pk}", body=[], live=False)
    course.add_child(instance=module)
    module.save_revision()
    return module


def _lesson_body(h5p_package, scorm_package) -> list:
    return [
        {"type": "text", "value": "<p>Anerkennung ausländischer Abschlüsse.</p>"},
        {"type": "reflection", "value": {"prompt": "<p>Was nehmen Sie mit?</p>"}},
        {
            "type": "content_package",
            "value": {"package": h5p_package.pk, "title": "", "pass_mark_percent": 50},
        },
        {
            "type": "content_package",
            "value": {
                "package": scorm_package.pk,
                "title": "",
                "pass_mark_percent": 50,
            },
        },
    ]


def _store_sample(name: str, title: str, collection):
    from tests.content_packages.conftest import store_sample

    return store_sample(name, title=title, collection=collection)


def build_world() -> World:
    """Create the world; call inside a transaction the caller rolls back."""
    from accounts.models import AuditAction
    from accounts.services import record_audit
    from certificates import services as certificate_services
    from certificates.models import (
        Certificate,
        GroupArchiveStatus,
        GroupCertificateArchive,
    )
    from content_packages import services as package_services
    from courses import services as course_services
    from courses.models import PackageRequirement, WorkshopGroup
    from demo.accessibility import create_accessibility_pages
    from demo.pages import create_site_pages
    from pages.feedback import AccessibilityFeedback
    from quizzes.models import QuizPage
    from quizzes.services import start_or_resume_attempt, submit_attempt
    from reports.models import ExportJob, ExportStatus, OrganisationIndicators
    from tests.quizzes.conftest import correct_answers, single_choice, true_false

    home = create_site_pages()
    create_accessibility_pages(home)  # the BITV page types
    AccessibilityFeedback.objects.create(
        message="Das Video im Modul hat keine Untertitel.", email="melder@example.org"
    )
    network = NetworkFactory(name="IQ Netzwerk Köln")
    other_network = NetworkFactory(name="IQ Netzwerk Hamburg")
    organisation = OrganisationFactory(name="Jobcenter Köln", network=network)

    learner = UserFactory(role="learner", organisation=organisation)
    other_learner = UserFactory(role="learner", organisation=organisation)
    trainer = UserFactory(role="trainer")
    trainer_other = UserFactory(role="trainer")
    coordinator = UserFactory(role="coordinator")
    coordinator.coordinated_networks.add(network)
    coordinator_other = UserFactory(role="coordinator")
    coordinator_other.coordinated_networks.add(other_network)
    admin = UserFactory(role="administrator", is_superuser=True)

    index = make_course_index(home)
    course = make_course(
        index, "Anerkennung ausländischer Abschlüsse", modules=2, owner=trainer
    )
    team = make_team(course, trainer, network=network)
    template = _certificate_template("Vorlage Team A", team.collection)
    course.certificate_template = template
    course.save_revision().publish()
    lesson, quiz_module = (m.specific for m in course.get_modules())
    _draft_module(course, "Entwurf Team A")
    image = make_image("Bild Team A", team.collection)
    document = make_document("Handout Team A", team.collection)

    h5p_package = _store_sample("h5p", "H5P Team A", team.collection)
    scorm_package = _store_sample("scorm12", "SCORM Team A", team.collection)
    lesson.body = _lesson_body(h5p_package, scorm_package)
    # Read and confirmed with "Done"; its packages are played, they do not count.
    lesson.completion_packages = PackageRequirement.NONE
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    blocks = {b.block_type: [] for b in lesson.body}
    for block in lesson.body:
        blocks[block.block_type].append(block.id)
    reflection_block_id = blocks["reflection"][0]
    h5p_block_id, scorm_block_id = blocks["content_package"]

    quiz_module.completion_viewed = False
    quiz_module.completion_quiz_passed = True
    quiz_module.save_revision().publish()
    quiz = quiz_module.add_child(
        instance=QuizPage(
            title="Abschlusstest",
            slug="abschlusstest",
            questions=[single_choice(), true_false()],
            pass_mark_percent=50,
            max_attempts=3,
        )
    )
    quiz.save_revision().publish()
    quiz.refresh_from_db()

    group = WorkshopGroup.objects.create(
        name="Workshop Köln", course=course, trainer=trainer, enrolment_code="KOELN1"
    )
    course_services.enrol(learner, course)
    course_services.enrol(other_learner, course, group=group)
    course_services.save_reflection(
        learner, lesson, reflection_block_id, "PRIVATE-REFLECTION-TEXT"
    )
    course_services.complete_module(learner, lesson)
    submitted = start_or_resume_attempt(learner, quiz)
    submitted = submit_attempt(submitted, learner, correct_answers(submitted))
    open_attempt = start_or_resume_attempt(learner, quiz)
    scorm_placement = package_services.get_placement(learner, lesson.pk, scorm_block_id)
    scorm_attempt = package_services.current_attempt(learner, scorm_placement, 0)
    package_services.save_h5p_state(
        learner,
        package_services.get_placement(learner, lesson.pk, h5p_block_id),
        '{"progress": "PRIVATE-H5P-STATE"}',
    )

    certificate = Certificate.objects.get(user=learner)
    # The exit questionnaire's row, as a funded course's completion leaves it.
    from reports.models import ParticipantExitIndicators

    ParticipantExitIndicators.objects.create(
        enrollment=learner.enrollments.get(course_key=course.translation_key)
    )
    certificate_services.ensure_pdf(certificate)
    archive = GroupCertificateArchive.objects.create(
        group=group, requested_by=trainer, status=GroupArchiveStatus.READY
    )
    archive.file.save("archive.zip", ContentFile(b"PK\x05\x06" + b"\0" * 18))
    now = timezone.now()
    export_job = ExportJob.objects.create(
        requested_by=coordinator,
        report="people",
        export_format="csv",
        filters={},
        total_rows=1,
        status=ExportStatus.READY,
        created_at=now,
        expires_at=now + timedelta(hours=24),
    )
    export_job.file.save("participants.csv", ContentFile(b"email\n"))
    indicators = OrganisationIndicators.objects.create(organisation=organisation)
    other = _team_b(index, trainer_other, other_network)
    audit_entry = record_audit(
        actor=coordinator,
        action=AuditAction.PERSONAL_DATA_VIEWED,
        subject=learner,
        detail={"report": "people"},
    )

    return World(
        users={
            "anonymous": None,
            "learner": learner,
            "other_learner": other_learner,
            "trainer_other_course": trainer_other,
            "coordinator_other_network": coordinator_other,
            "coordinator": coordinator,
            "admin": admin,
        },
        trainer=trainer,
        home=home,
        course=course,
        lesson=lesson,
        quiz_module=quiz_module,
        quiz=quiz,
        reflection_block_id=reflection_block_id,
        h5p_block_id=h5p_block_id,
        scorm_block_id=scorm_block_id,
        h5p_package=h5p_package,
        scorm_package=scorm_package,
        submitted_attempt=submitted,
        open_attempt=open_attempt,
        certificate=certificate,
        group=group,
        archive=archive,
        export_job=export_job,
        network=network,
        other_network=other_network,
        organisation=organisation,
        template=template,
        indicators=indicators,
        audit_entry=audit_entry,
        scorm_attempt=scorm_attempt,
        team=team,
        image=image,
        document=document,
        **other,
    )


def _team_b(index, trainer_other, other_network) -> dict:
    """Team B's course and things, and a learner of the other network with a
    certificate from it (issued by trainer B for their workshop group)."""
    from certificates import services as certificate_services
    from courses import services as course_services
    from courses.models import WorkshopGroup

    other_course = make_course(index, "Interkulturelle Kompetenz", modules=1)
    other_team = make_team(other_course, trainer_other)
    other_template = _certificate_template("Vorlage Team B", other_team.collection)
    other_course.certificate_template = other_template
    other_course.save_revision().publish()
    _draft_module(other_course, "Entwurf Team B")
    other_group = WorkshopGroup.objects.create(
        name="Workshop Hamburg",
        course=other_course,
        trainer=trainer_other,
        enrolment_code="HAMBG2",
    )
    far_learner = UserFactory(
        role="learner",
        organisation=OrganisationFactory(
            name="Jobcenter Hamburg", network=other_network
        ),
    )
    course_services.enrol(far_learner, other_course, group=other_group)
    other_certificate = certificate_services.issue_by_trainer(
        far_learner, other_course, by=trainer_other
    )
    return {
        "other_course": other_course,
        "other_team": other_team,
        "other_template": other_template,
        "other_package": _store_sample("h5p", "H5P Team B", other_team.collection),
        "other_image": make_image("Bild Team B", other_team.collection),
        "other_document": make_document("Handout Team B", other_team.collection),
        "other_group": other_group,
        "other_learner_far": far_learner,
        "other_certificate": other_certificate,
    }
