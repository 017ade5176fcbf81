"""Browser tests: one headless Debian Chromium for the whole run; axe-core and
HTML_CodeSniffer from npm, offline."""

import os
import shutil
from pathlib import Path

import pytest

from tests.content_packages.test_validation import MANIFEST_12

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not shutil.which(CHROMIUM):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: `make test` installs it "
            "(apt-get install chromium); set CHROMIUM_PATH to use another build."
        )
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
        ],
    }


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "de-DE"}


@pytest.fixture
def e2e_site(transactional_db):
    """The demo site inside the live server's database."""
    from demo.pages import create_site_pages

    return create_site_pages()


def assert_accessible(page, name: str, *, frames: str | None = None) -> None:
    """Fails on any WCAG 2.0/2.1 A or AA problem axe-core or HTML_CodeSniffer
    finds (tests/e2e/checkers.py), naming rule and element.

    `frames`: a selector of iframes holding the platform's own documents (the
    players); each is checked inside, too.
    """
    from tests.e2e.checkers import failures

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    problems = failures(page)
    if frames:
        handles = page.locator(frames).element_handles()
        assert handles, f"{name}: no frame matches {frames}"
        for handle in handles:
            frame = handle.content_frame()
            frame.wait_for_load_state()
            problems += [f"in frame {frame.url}: {p}" for p in failures(frame)]
    if problems:
        pytest.fail(f"{name}: {len(problems)} problem(s):\n" + "\n".join(problems[:8]))


# --- Shared fixtures of the learner, trainer and translation journeys -----------------

PASSWORD = "Test-Passwort-123"  # tests.factories.PASSWORD
SCORM_MANIFEST = MANIFEST_12
SCORM_INDEX = (
    '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
    "<title>Selbsttest</title></head><body><main><h1>Selbsttest</h1>"
    "<p>Ein kurzer Selbsttest.</p></main></body></html>"
)


@pytest.fixture
def e2e_media(settings, tmp_path):
    """Certificate PDFs and packages go to a fresh private folder per test.

    The live server runs in this process, so it sees these settings too.
    """
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    settings.CONTENT_PACKAGES_ROOT = str(tmp_path / "packages")
    return tmp_path


def sign_in(
    page, base_url: str, email: str, password: str = PASSWORD, lang: str = "en"
) -> None:
    """Signs in through the allauth form, as a person would."""
    prefix = "/en" if lang == "en" else ""
    page.goto(f"{base_url}{prefix}/accounts/login/")
    form = page.locator("main form").filter(has=page.locator("[name=password]"))
    form.locator("[name=login]").fill(email)
    form.locator("[name=password]").fill(password)
    form.locator("[type=submit]").first.click()
    page.wait_for_load_state()


def focused_outline(page) -> dict:
    """The computed focus indicator of the focused element."""
    return page.evaluate(
        """() => {
          const el = document.activeElement;
          const style = getComputedStyle(el);
          return {tag: el.tagName, outline: style.outlineStyle,
                  width: style.outlineWidth, shadow: style.boxShadow};
        }"""
    )


def assert_focus_visible(page) -> None:
    """Fails unless the focused element shows an outline or a box shadow."""
    style = focused_outline(page)
    visible = (
        style["outline"] not in ("none", "") and style["width"] not in ("0px", "")
    ) or style["shadow"] not in ("none", "")
    assert visible, f"no visible focus indicator on {style}"


def tab_to(page, selector: str, *, limit: int = 150, backwards: bool = False) -> None:
    """Presses Tab until the element matching `selector` has the focus."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        if page.evaluate(
            "(s) => document.activeElement && document.activeElement.matches(s)",
            selector,
        ):
            return
        page.keyboard.press(key)
    pytest.fail(f"{selector} never received the keyboard focus")


def _scorm_package():
    import io
    import zipfile

    from content_packages.services import store_package

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("imsmanifest.xml", SCORM_MANIFEST)
        archive.writestr("index.html", SCORM_INDEX)
    buffer.seek(0)
    buffer.size = len(buffer.getvalue())
    return store_package(buffer, filename="selbsttest.zip", title="Selbsttest")


def every_block_body() -> list:
    """A lesson body with one block of every type in courses.blocks."""
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Teamsitzung", file=get_test_image_file())
    document = Document(title="Checkliste Anerkennung")
    document.file.save("checkliste.txt", ContentFile(b"Checkliste"), save=False)
    document.save()
    package = _scorm_package()
    return [
        {"type": "text", "value": "<h2>Worum es geht</h2><p>Ein Überblick.</p>"},
        {
            "type": "image",
            "value": {
                "image": {
                    "image": image.pk,
                    "alt_text": "Vier Kolleginnen besprechen einen Fall",
                    "decorative": False,
                },
                "caption": "Fallbesprechung im Team",
            },
        },
        {
            "type": "video",
            "value": {
                "title": "Anerkennung in drei Minuten",
                "video": None,
                "captions": None,
                "external_url": "https://www.anerkennung-in-deutschland.de/",
                "transcript": "<p>Sprecherin: Wer im Ausland gelernt hat …</p>",
            },
        },
        {
            "type": "callout",
            "value": {
                "kind": "key_fact",
                "title": "Gut zu wissen",
                "text": "<p>Das Verfahren steht allen offen.</p>",
            },
        },
        {
            "type": "case_study",
            "value": {
                "title": "Das Vorstellungsgespräch",
                "situation": "<p>Ein Bewerber schaut im Gespräch zu Boden.</p>",
                "question": "Wie erklären Sie sich das?",
                "options": [
                    {
                        "text": "Er ist desinteressiert.",
                        "feedback": "<p>Diese Deutung greift zu kurz.</p>",
                    },
                    {
                        "text": "Die Situation verunsichert ihn.",
                        "feedback": "<p>Die Prüfungssituation erklärt viel.</p>",
                    },
                ],
            },
        },
        {"type": "reflection", "value": {"prompt": "<p>Was nehmen Sie mit?</p>"}},
        {
            "type": "document",
            "value": {"document": document.pk, "description": "Zum Ausdrucken."},
        },
        {
            "type": "accordion",
            "value": {
                "title": "Glossar",
                "entries": [
                    {
                        "term": "Referenzberuf",
                        "definition": "<p>Der deutsche Vergleichsberuf.</p>",
                    }
                ],
            },
        },
        {
            "type": "content_package",
            "value": {
                "package": package.pk,
                "title": "Selbsttest",
                "pass_mark_percent": 50,
            },
        },
    ]


@pytest.fixture
def journey_course(e2e_site, e2e_media):
    """A course whose first module has every block type and whose second ends
    with a quiz of every question type; completing it issues a certificate."""
    from courses.models import CoursePage, ModulePage, PackageRequirement
    from quizzes.models import QuizPage
    from tests.factories import make_course_index, translate_tree
    from tests.quizzes.conftest import all_types

    template = certificate_template()
    index = make_course_index(e2e_site)
    course = CoursePage(
        title="Interkulturelle Kompetenz im Jobcenter",
        slug="interkulturell",
        summary="Ein Kurs für die Beratung.",
        certificate_template=template,
    )
    index.add_child(instance=course)
    course.save_revision().publish()
    lesson = ModulePage(
        title="Alle Bausteine",
        slug="bausteine",
        body=every_block_body(),
        # Read and confirmed with "Done"; its self-test does not count.
        completion_packages=PackageRequirement.NONE,
    )
    course.add_child(instance=lesson)
    lesson.save_revision().publish()
    final = ModulePage(
        title="Abschluss",
        slug="abschluss",
        body=[{"type": "text", "value": "<p>Zum Schluss ein Quiz.</p>"}],
        completion_viewed=False,
        completion_quiz_passed=True,
    )
    course.add_child(instance=final)
    final.save_revision().publish()
    quiz = QuizPage(
        title="Abschlussquiz",
        slug="quiz",
        questions=all_types(),
        pass_mark_percent=80,
    )
    final.add_child(instance=quiz)
    quiz.save_revision().publish()
    translate_tree(index, "en")
    course.refresh_from_db()
    return course


def certificate_template():
    """The German certificate template the browser tests' courses issue."""
    from certificates.models import CertificateTemplate

    return CertificateTemplate.objects.create(
        title="Teilnahmebescheinigung",
        body="{learner_name} hat den Kurs „{course_title}“ abgeschlossen.",
        signatory_name="Dr. Erika Beispiel",
        signatory_role="Projektleitung",
        language="de",
    )
