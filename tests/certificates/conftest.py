import pytest

from certificates.models import CertificateTemplate
from tests.factories import OrganisationFactory, make_course, make_course_index


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Certificate PDFs go to a fresh private directory per test."""
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    settings.WAGTAILADMIN_BASE_URL = "https://lernen.example.org"
    return tmp_path / "private"


@pytest.fixture(autouse=True)
def clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def certificate_template(db):
    template = CertificateTemplate.objects.create(
        title="Teilnahmebescheinigung",
        body=(
            "{learner_name} hat am {completion_date} den Kurs „{course_title}“ "
            "abgeschlossen (Ergebnis: {score}, Dauer: {duration}).\n\n"
            "Organisation: {organisation}, Netzwerk: {network}. "
            "Nr. {certificate_number}"
        ),
        signatory_name="Dr. Erika Beispiel",
        signatory_role="Projektleitung IQ Netzwerk",
        language="de",
    )
    template.save_revision()
    return template


@pytest.fixture
def course(site_root, certificate_template):
    index = make_course_index(site_root)
    course = make_course(index, "Anerkennung ausländischer Abschlüsse", modules=2)
    course.certificate_template = certificate_template
    course.save_revision().publish()
    course.refresh_from_db()
    return course


@pytest.fixture
def named_learner(learner):
    learner.first_name = "Ayşe"
    learner.last_name = "Özdemir-Müller"
    learner.organisation = OrganisationFactory(name="Jobcenter Köln")
    learner.save()
    return learner


def complete_course(user, course):
    """Enrol and complete every module through the courses services."""
    from courses import services as course_services

    course_services.enrol(user, course)
    for module in course.get_modules():
        course_services.complete_module(user, module)
    return course_services.get_active_enrollment(user, course)


@pytest.fixture
def issued(named_learner, course, django_capture_on_commit_callbacks):
    """A certificate issued by completing the course, its PDF rendered by the task
    queued when the completion commits."""
    from certificates.models import Certificate

    with django_capture_on_commit_callbacks(execute=True):
        complete_course(named_learner, course)
    return Certificate.objects.get(user=named_learner)
