"""The lesson block that places an H5P or SCORM package in a module."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from . import conf


class ContentPackageBlock(blocks.StructBlock):
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
        help_text=_("Which attempt's result the course uses (SCORM)."),
    )

    def get_context(self, value, parent_context=None) -> dict:
        context = super().get_context(value, parent_context=parent_context)
        # The lesson page's script accepts the player's messages from here only.
        context["content_origin"] = conf.content_origin()
        return context

    class Meta:
        icon = "media"
        label = _("Interactive package (H5P / SCORM)")
        template = "content_packages/block.html"
        help_text = _(
            "Plays an H5P or SCORM package; its result counts towards the module."
        )
