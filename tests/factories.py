from uuid import uuid4

import factory
from allauth.account.models import EmailAddress

from accounts.models import Network, Organisation, OrganisationType, Region, User
from accounts.roles import assign_role

PASSWORD = "Test-Passwort-123"


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"IQ Netzwerk {n}")
    region = Region.NW


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    organisation_type = OrganisationType.EMPLOYER
    region = Region.NW
    network = factory.SubFactory(NetworkFactory)


class UserFactory(factory.django.DjangoModelFactory):
    """A user with a verified email; `role` puts them in that role's group."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.LazyFunction(lambda: f"user-{uuid4().hex[:12]}@example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if not create:
            return
        self.save()
        EmailAddress.objects.create(
            user=self, email=self.email, verified=True, primary=True
        )
        assign_role(self, extracted or "learner")


# --- Courses ----------------------------------------------------------------------


def lesson_body(n_reflections: int = 1) -> list:
    """A small lesson: text, a case study and reflections (raw StreamField data)."""
    body = [
        {"type": "text", "value": "<p>Anerkennung ausländischer Abschlüsse.</p>"},
        {
            "type": "case_study",
            "value": {
                "title": "Das Vorstellungsgespräch",
                "situation": "<p>Ein Bewerber schaut im Gespräch zu Boden.</p>",
                "question": "Wie erklären Sie sich das?",
                "options": [
                    {"text": "Er ist desinteressiert.", "feedback": "<p>Zu kurz.</p>"},
                    {"text": "Er ist unsicher.", "feedback": "<p>Situation!</p>"},
                ],
            },
        },
    ]
    body += [
        {"type": "reflection", "value": {"prompt": f"<p>Frage {i}</p>"}}
        for i in range(n_reflections)
    ]
    return body


# A module completed by passing its quiz alone (the old completion rule "quiz_passed").
QUIZ_MODULE = {"completion_viewed": False, "completion_quiz_passed": True}


def make_course_index(home, title: str = "Kurse", slug: str = "kurse"):
    from courses.models import CourseIndexPage

    index = CourseIndexPage(title=title, slug=slug)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_course(
    index,
    title: str = "Interkulturelle Kompetenz",
    *,
    modules: int = 3,
    module_fields: dict | None = None,
    **fields,
):
    """A published course under `index` with `modules` published modules."""
    from courses.models import CoursePage, ModulePage

    slug = fields.pop("slug", f"kurs-{uuid4().hex[:8]}")
    course = CoursePage(
        title=title, slug=slug, summary=fields.pop("summary", "Ein Kurs."), **fields
    )
    index.add_child(instance=course)
    course.save_revision().publish()
    for number in range(1, modules + 1):
        module = ModulePage(
            title=f"Modul {number}",
            slug=f"modul-{number}",
            body=lesson_body(),
            **(module_fields or {}),
        )
        course.add_child(instance=module)
        module.save_revision().publish()
    course.refresh_from_db()
    return course


def translate_tree(page, language_code: str = "en"):
    """Translate `page` and its descendants (with parents) and publish them all."""
    from wagtail.models import Locale

    locale = Locale.objects.get(language_code=language_code)
    translated = None
    for item in [page, *page.get_descendants().specific().order_by("path")]:
        copy = item.get_translation_or_none(locale)
        if copy is None:
            copy = item.copy_for_translation(locale, copy_parents=True)
        copy = copy.specific
        copy.title = f"{item.title} ({language_code})"
        copy.save_revision().publish()
        translated = translated or copy
    return translated


def make_certificate_template(**fields):
    """A short German certificate template with a saved revision (as trainers make)."""
    from certificates.models import CertificateTemplate

    values = {
        "title": "Teilnahmebescheinigung",
        "body": "{learner_name}: {course_title}",
        "signatory_name": "Dr. Erika Beispiel",
        "signatory_role": "Projektleitung",
        "language": "de",
    }
    template = CertificateTemplate.objects.create(**(values | fields))
    template.save_revision()
    return template


def make_team(course, *members, network=None):
    """The course's team (made as the admin makes it) with these members."""
    from teams.services import create_team

    return create_team(course, members=members, network=network)


def make_image(title: str, collection=None):
    """A small real image (Wagtail's test PNG) in `collection` (root if None)."""
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    fields = {"collection": collection} if collection is not None else {}
    return Image.objects.create(title=title, file=get_test_image_file(), **fields)


def make_document(title: str, collection=None):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    document = Document(title=title)
    if collection is not None:
        document.collection = collection
    document.file.save(f"{uuid4().hex[:8]}.pdf", ContentFile(b"%PDF-1.4"), save=False)
    document.save()
    return document
