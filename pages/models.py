"""The site's own pages: the start page and plain pages such as the imprint."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from .restrictions import CachedViewRestrictionsMixin


class HomePage(CachedViewRestrictionsMixin, Page):
    intro = RichTextField(_("introduction"), blank=True)
    easy_language = RichTextField(
        _("explanation in plain language"),
        blank=True,
        help_text=_("A short explanation of the platform in Leichte Sprache."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("easy_language"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.StandardPage",
        "courses.CourseIndexPage",
        "pages.AccessibilityStatementPage",
        "pages.EasyLanguagePage",
        "pages.SignLanguagePage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Route below the start page in one lookup (see pages.routing)."""
        if path_components:
            from .routing import page_for_path

            page = page_for_path(self, path_components)
            if page is not None:
                return page.route(request, [])
        return super().route(request, path_components)


class StandardPage(CachedViewRestrictionsMixin, Page):
    """Imprint, privacy notice, accessibility statement and similar pages."""

    body = RichTextField(_("body"))
    show_in_footer = models.BooleanField(
        _("show in footer"),
        default=False,
        help_text=_("Legal pages (imprint, privacy, accessibility) belong here."),
    )

    content_panels = Page.content_panels + [FieldPanel("body")]
    promote_panels = Page.promote_panels + [FieldPanel("show_in_footer")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


# BITV 2.0 page types and their feedback (after StandardPage: they extend it).
from .accessibility import (  # noqa: E402, F401
    AccessibilityStatementPage,
    EasyLanguagePage,
    SignLanguagePage,
)
from .feedback import AccessibilityFeedback  # noqa: E402, F401
