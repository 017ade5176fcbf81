"""BITV 2.0 pages: the accessibility statement with its feedback form, pages in
Leichte Sprache (Easy Read) and the page for videos in German Sign Language.

All three are StandardPages (multi-table inheritance), so they keep the footer
switch and appear in the footer links like the other legal pages.
"""

from __future__ import annotations

from django.db import models, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField

from .models import StandardPage


class ComplianceStatus(models.TextChoices):
    FULL = "full", _("fully compliant")
    PARTIAL = "partial", _("partially compliant")
    NONE = "none", _("not compliant")


class KnownBarrierBlock(blocks.StructBlock):
    """One known barrier: what it is, whom it affects, what to do instead."""

    title = blocks.CharBlock(label=_("Barrier"), max_length=200)
    description = blocks.RichTextBlock(
        label=_("Description"), features=["bold", "italic", "link"]
    )
    alternative = blocks.RichTextBlock(
        label=_("Alternative"),
        features=["bold", "italic", "link"],
        required=False,
        help_text=_("How people can reach the content despite the barrier."),
    )

    class Meta:
        icon = "warning"
        label = _("Known barrier")


class AccessibilityStatementPage(StandardPage):
    """The accessibility statement BITV 2.0 § 7 asks for."""

    status = models.CharField(
        _("compliance status"),
        max_length=10,
        choices=ComplianceStatus.choices,
        default=ComplianceStatus.PARTIAL,
    )
    known_barriers = StreamField(
        [("barrier", KnownBarrierBlock())],
        verbose_name=_("known barriers"),
        blank=True,
    )
    prepared_on = models.DateField(_("statement prepared on"))
    method = RichTextField(
        _("test method"),
        help_text=_("How the statement was made, e.g. a self-assessment with tools."),
    )
    feedback_email = models.EmailField(
        _("feedback address"),
        help_text=_("Feedback from the form on this page is sent here."),
    )
    enforcement_body = RichTextField(
        _("enforcement procedure"),
        help_text=_("The conciliation body under § 16 BGG and how to reach it."),
    )

    content_panels = StandardPage.content_panels + [
        FieldPanel("status"),
        FieldPanel("known_barriers"),
        MultiFieldPanel(
            [FieldPanel("prepared_on"), FieldPanel("method")],
            heading=_("How this statement was made"),
        ),
        FieldPanel("feedback_email"),
        FieldPanel("enforcement_body"),
    ]
    search_fields = StandardPage.search_fields
    parent_page_types = ["pages.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement")

    def serve(self, request, *args, **kwargs):
        """The feedback form posts to the page; a valid message is stored and
        sent to the operator's inbox after the commit."""
        from .feedback import FeedbackForm, record_feedback

        if request.method == "POST":
            form = FeedbackForm(request.POST)
            if form.is_valid():
                with transaction.atomic():
                    record_feedback(self, form.cleaned_data, sender=request.user)
                return redirect(self.get_url(request) + "?sent=1#feedback")
            status = 400
        else:
            form = FeedbackForm()
            status = 200
        context = self.get_context(request, *args, **kwargs)
        context.update(form=form, feedback_sent=request.GET.get("sent") == "1")
        return TemplateResponse(
            request, self.get_template(request), context, status=status
        )


class EasyLanguagePage(StandardPage):
    """A page in Leichte Sprache (German) or Easy Read (English)."""

    class Meta:
        verbose_name = _("page in Leichte Sprache")

    parent_page_types = ["pages.HomePage", "pages.EasyLanguagePage"]
    subpage_types = ["pages.EasyLanguagePage"]


class SignLanguageVideoBlock(blocks.StructBlock):
    """A DGS video: the file, optional captions and what it says in writing."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    video = DocumentChooserBlock(
        label=_("Video file"),
        help_text=_("An MP4 or WebM file uploaded as a document."),
    )
    captions = DocumentChooserBlock(
        label=_("Captions"),
        required=False,
        help_text=_("Subtitles as a WebVTT (.vtt) file, in the page's language."),
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript"),
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("What the video says, in written German."),
    )

    class Meta:
        icon = "media"
        label = _("Sign language video")
        template = "pages/blocks/sign_language_video.html"


class SignLanguagePage(StandardPage):
    """Videos in German Sign Language (DGS) that the operator records and fills in;
    the body says in writing what the videos explain."""

    videos = StreamField(
        [("video", SignLanguageVideoBlock())],
        verbose_name=_("videos"),
        blank=True,
        help_text=_("The operator records these videos in DGS and adds them here."),
    )

    content_panels = StandardPage.content_panels + [FieldPanel("videos")]
    parent_page_types = ["pages.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("page in German Sign Language")
