"""Lesson blocks: the pieces a module's body is built from.

Each block renders through its own template in ``templates/courses/blocks/``. The
StreamField child's block id identifies interactive blocks (case studies,
reflections) so a learner's answer stays attached across revisions.
"""

from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from learning.origins import content_origin

TEXT_FEATURES = [
    "h2",
    "h3",
    "h4",
    "bold",
    "italic",
    "link",
    "ol",
    "ul",
    "document-link",
]
SHORT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
VIDEO_EXTENSIONS = {".mp4", ".webm"}
CAPTION_EXTENSIONS = {".vtt"}


def _extension(document) -> str:
    return PurePosixPath(document.file.name).suffix.lower() if document else ""


class TextBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "courses/blocks/text.html"
        help_text = _("Running text; use headings from level 2 down.")


class LessonImageBlock(blocks.StructBlock):
    """An image whose alt text is required unless it is marked decorative."""

    image = ImageBlock(
        label=_("Image"),
        help_text=_(
            "Describe what the image shows in the alt text, or tick 'decorative' "
            "if it adds nothing to the text."
        ),
    )
    caption = blocks.CharBlock(
        label=_("Caption"), required=False, max_length=250, help_text=_("Optional.")
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "courses/blocks/image.html"
        help_text = _("An image with alternative text and an optional caption.")


class VideoBlock(blocks.StructBlock):
    """An uploaded video (MP4/WebM) or an external link, always with a transcript."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    video = DocumentChooserBlock(
        label=_("Video file"),
        required=False,
        help_text=_("An MP4 or WebM file uploaded as a document."),
    )
    captions = DocumentChooserBlock(
        label=_("Captions"),
        required=False,
        help_text=_("Subtitles as a WebVTT (.vtt) file, in the page's language."),
    )
    external_url = blocks.URLBlock(
        label=_("External link"),
        required=False,
        help_text=_("Optional link to the video elsewhere, e.g. a media library."),
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript"),
        features=SHORT_FEATURES,
        help_text=_("Everything said and shown, for people who cannot watch."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video.html"
        help_text = _("A video with a required transcript.")

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:
            return value
        errors = {}
        video, captions = value.get("video"), value.get("captions")
        if video and _extension(video) not in VIDEO_EXTENSIONS:
            errors["video"] = ErrorList(
                [ValidationError(_("Choose an MP4 or WebM file."))]
            )
        if captions and _extension(captions) not in CAPTION_EXTENSIONS:
            errors["captions"] = ErrorList(
                [ValidationError(_("Choose a WebVTT (.vtt) file."))]
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        if not video and not value.get("external_url"):
            raise StructBlockValidationError(
                non_block_errors=ErrorList(
                    [ValidationError(_("Choose a video file or give a link."))]
                )
            )
        return value


CALLOUT_KINDS = [
    ("key_fact", _("Key fact")),
    ("tip", _("Tip")),
    ("warning", _("Warning")),
]


class CalloutValue(blocks.StructValue):
    def kind_label(self) -> str:
        """The kind as a word, so it is not conveyed by colour alone."""
        return dict(CALLOUT_KINDS).get(self.get("kind"), "")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=CALLOUT_KINDS,
        default="key_fact",
        label=_("Kind"),
        help_text=_("Shown as a word before the title, not only as a colour."),
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.RichTextBlock(label=_("Text"), features=SHORT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "courses/blocks/callout.html"
        value_class = CalloutValue
        help_text = _("A highlighted key fact, tip or warning.")


class CaseStudyOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=500)
    feedback = blocks.RichTextBlock(
        label=_("Feedback"),
        features=SHORT_FEATURES,
        help_text=_(
            "Explain what this reading of the situation misses or gets right; "
            "point to situational and institutional causes, not to 'culture' alone."
        ),
    )

    class Meta:
        icon = "list-ul"
        label = _("Option")


class CaseStudyBlock(blocks.StructBlock):
    """A critical incident: the learner picks an explanation and reads its feedback."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    situation = blocks.RichTextBlock(
        label=_("Situation"),
        features=SHORT_FEATURES,
        help_text=_("Describe the incident as the people involved experienced it."),
    )
    question = blocks.CharBlock(
        label=_("Question"),
        max_length=300,
        help_text=_("E.g. 'How would you explain what happened?'"),
    )
    options = blocks.ListBlock(
        CaseStudyOptionBlock(),
        label=_("Options"),
        help_text=_("At least two possible explanations, each with feedback."),
    )

    class Meta:
        icon = "group"
        label = _("Case study (critical incident)")
        template = "courses/blocks/case_study.html"
        help_text = _(
            "A critical incident with possible explanations; the learner picks one "
            "and sees its feedback."
        )

    def clean(self, value):
        value = super().clean(value)
        if not self.is_deferred_validation and len(value.get("options") or []) < 2:
            raise StructBlockValidationError(
                block_errors={
                    "options": ErrorList(
                        [ValidationError(_("Give at least two options."))]
                    )
                }
            )
        return value


class ReflectionBlock(blocks.StructBlock):
    """A prompt the learner answers privately; the answer is kept for them only."""

    prompt = blocks.RichTextBlock(
        label=_("Prompt"),
        features=SHORT_FEATURES,
        help_text=_("A question that invites the learner to relate the topic to work."),
    )

    class Meta:
        icon = "edit"
        label = _("Reflection")
        template = "courses/blocks/reflection.html"
        help_text = _(
            "The learner writes a private note; nobody else, trainers included, "
            "can read it."
        )


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.TextBlock(
        label=_("Description"),
        required=False,
        help_text=_("What the document contains and why it is useful."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "courses/blocks/document.html"
        help_text = _("A downloadable document with a description.")


class GlossaryEntryBlock(blocks.StructBlock):
    term = blocks.CharBlock(label=_("Term"), max_length=200)
    definition = blocks.RichTextBlock(label=_("Definition"), features=SHORT_FEATURES)

    class Meta:
        icon = "list-ul"
        label = _("Entry")


class AccordionBlock(blocks.StructBlock):
    """A glossary of terms, each expandable on its own."""

    title = blocks.CharBlock(
        label=_("Title"), required=False, max_length=200, help_text=_("Optional.")
    )
    entries = blocks.ListBlock(GlossaryEntryBlock(), label=_("Entries"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Glossary (accordion)")
        template = "courses/blocks/accordion.html"
        help_text = _("Terms and their definitions, each opened on demand.")


class ContentPackageBlock(blocks.StructBlock):
    """Places an H5P or SCORM package in a module; its result counts there.

    The package is chosen by model label and played by content_packages'
    template, so the lesson needs nothing of that app but the content origin.
    """

    package = SnippetChooserBlock(
        "content_packages.ContentPackage",
        label=_("Package"),
        help_text=_("An H5P or SCORM package uploaded under 'Content packages'."),
    )
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=200,
        help_text=_("Optional; the package's own title is used otherwise."),
    )
    pass_mark_percent = blocks.IntegerBlock(
        label=_("Pass mark (%)"),
        default=50,
        min_value=0,
        max_value=100,
        help_text=_(
            "H5P: the score needed for the activity to count as done. SCORM "
            "packages count when they report 'passed' or 'completed'."
        ),
    )

    max_attempts = blocks.IntegerBlock(
        label=_("Attempts allowed"),
        default=0,
        min_value=0,
        max_value=100,
        required=False,
        help_text=_(
            "0: as many as the learner wants. A finished attempt is kept; the "
            "learner may review it or, while attempts are left, start a new one "
            "(H5P: “Try again”)."
        ),
    )
    attempt_rule = blocks.ChoiceBlock(
        label=_("Result that counts"),
        choices=[
            ("best", _("Best attempt")),
            ("last", _("Last finished attempt")),
        ],
        default="best",
        required=False,
        help_text=_("Which attempt's result the course uses (SCORM and H5P)."),
    )

    def get_context(self, value, parent_context=None) -> dict:
        context = super().get_context(value, parent_context=parent_context)
        # The lesson page's script accepts the player's messages from here only.
        context["content_origin"] = content_origin()
        return context

    class Meta:
        icon = "media"
        label = _("Interactive package (H5P / SCORM)")
        template = "content_packages/block.html"
        help_text = _(
            "Plays an H5P or SCORM package; its result counts towards the module."
        )


class LessonStreamBlock(blocks.StreamBlock):
    text = TextBlock(features=TEXT_FEATURES)
    image = LessonImageBlock()
    video = VideoBlock()
    callout = CalloutBlock()
    case_study = CaseStudyBlock()
    reflection = ReflectionBlock()
    document = DocumentBlock()
    accordion = AccordionBlock()
    content_package = ContentPackageBlock()

    class Meta:
        label = _("Lesson content")
