import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from courses.blocks import (
    AccordionBlock,
    CaseStudyBlock,
    LessonImageBlock,
    LessonStreamBlock,
    VideoBlock,
)

pytestmark = pytest.mark.django_db


def option(text: str) -> dict:
    return {"text": text, "feedback": "<p>Feedback</p>"}


def case_study(*options) -> dict:
    return {
        "title": "Fall",
        "situation": "<p>Situation</p>",
        "question": "Warum?",
        "options": list(options),
    }


def test_case_study_needs_at_least_two_options():
    block = CaseStudyBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python(case_study(option("Nur eine"))))
    block.clean(block.to_python(case_study(option("A"), option("B"))))


@pytest.fixture
def image():
    return Image.objects.create(title="Team", file=get_test_image_file())


def test_image_needs_alt_text_unless_decorative(image):
    block = LessonImageBlock()
    with pytest.raises(ValidationError):
        block.clean(
            block.to_python(
                {"image": {"image": image.pk, "alt_text": "", "decorative": False}}
            )
        )
    block.clean(
        block.to_python(
            {"image": {"image": image.pk, "alt_text": "", "decorative": True}}
        )
    )
    block.clean(
        block.to_python(
            {
                "image": {
                    "image": image.pk,
                    "alt_text": "Drei Personen",
                    "decorative": False,
                }
            }
        )
    )


def make_document(name: str) -> Document:
    document = Document(title=name)
    document.file.save(name, ContentFile(b"data"), save=False)
    document.save()
    return document


def test_video_needs_file_or_link_and_a_transcript():
    block = VideoBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"title": "Film", "transcript": "<p>Text</p>"}))
    with pytest.raises(ValidationError):
        block.clean(
            block.to_python(
                {
                    "title": "Film",
                    "external_url": "https://example.org/v",
                    "transcript": "",
                }
            )
        )
    block.clean(
        block.to_python(
            {
                "title": "Film",
                "external_url": "https://example.org/v",
                "transcript": "<p>Text</p>",
            }
        )
    )


def test_video_file_must_be_mp4_or_webm():
    block = VideoBlock()
    pdf = make_document("handout.pdf")
    mp4 = make_document("film.mp4")
    with pytest.raises(ValidationError):
        block.clean(
            block.to_python(
                {"title": "Film", "video": pdf.pk, "transcript": "<p>Text</p>"}
            )
        )
    block.clean(
        block.to_python({"title": "Film", "video": mp4.pk, "transcript": "<p>Text</p>"})
    )


def test_glossary_renders_each_term_as_details():
    block = AccordionBlock()
    html = block.render(
        block.to_python(
            {
                "title": "Glossar",
                "entries": [{"term": "Anerkennung", "definition": "<p>Prüfung</p>"}],
            }
        )
    )
    assert "<details" in html
    assert "<summary>Anerkennung</summary>" in html


def test_every_lesson_block_has_template_icon_label_and_help_text():
    for name, child in LessonStreamBlock().child_blocks.items():
        assert child.meta.template, name
        assert child.meta.icon, name
        assert child.label, name
        assert child.meta.help_text, name
