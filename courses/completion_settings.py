"""The completion conditions a trainer sets on a module (fields of ModulePage).

How they are evaluated lives in courses.completion. A condition type added later
(a live session attended) adds its switch here and registers its evaluation.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


class PackageRequirement(models.TextChoices):
    """How the module's H5P and SCORM packages count towards completing it."""

    NONE = "none", _("Packages do not count")
    COMPLETED = "completed", _("Each package completed, whatever the score")
    PASSED = "passed", _("Each package passed by its own pass mark")
    PASS_MARK = "pass_mark", _("Each package reaches the pass mark set on its block")


class ModuleCompletionSettings(models.Model):
    """The module is complete when every chosen condition that applies is met."""

    completion_viewed = models.BooleanField(
        _("viewed to the end"),
        default=True,
        help_text=_(
            "The learner confirms with “Done” at the end of the module, which is "
            "offered once every other condition is met."
        ),
    )
    completion_minimum_minutes = models.PositiveSmallIntegerField(
        _("minimum time in the module (minutes)"),
        default=0,
        help_text=_(
            "With “viewed to the end”: “Done” is accepted only after this much "
            "time in the module, as recorded by the platform. 0 for none."
        ),
    )
    completion_quiz_passed = models.BooleanField(
        _("quiz passed"),
        default=False,
        help_text=_("The learner passes the quiz below this module (once published)."),
    )
    completion_reflection = models.BooleanField(
        _("reflections written"),
        default=False,
        help_text=_(
            "The learner writes a note for every reflection in the module. "
            "Nobody else can read the notes; trainers see only whether they exist."
        ),
    )
    completion_packages = models.CharField(
        _("interactive packages (H5P, SCORM)"),
        max_length=16,
        choices=PackageRequirement.choices,
        default=PackageRequirement.PASS_MARK,
        help_text=_("Applies only to modules that contain a package."),
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if not (
            self.completion_viewed
            or self.completion_quiz_passed
            or self.completion_reflection
            or self.completion_packages != PackageRequirement.NONE
        ):
            raise ValidationError(
                _("Choose at least one condition for completing the module.")
            )
        if self.completion_minimum_minutes and not self.completion_viewed:
            raise ValidationError(
                {
                    "completion_minimum_minutes": _(
                        "The minimum time belongs to “viewed to the end”: tick it "
                        "or set the time to 0."
                    )
                }
            )


def completion_panel() -> MultiFieldPanel:
    """The module editor's “Completion” panel."""
    return MultiFieldPanel(
        [
            FieldRowPanel(
                [FieldPanel("is_required"), FieldPanel("estimated_duration_minutes")]
            ),
            FieldRowPanel(
                [
                    FieldPanel("completion_viewed"),
                    FieldPanel("completion_minimum_minutes"),
                ]
            ),
            FieldRowPanel(
                [
                    FieldPanel("completion_quiz_passed"),
                    FieldPanel("completion_reflection"),
                ]
            ),
            FieldPanel("completion_packages", widget=forms.RadioSelect),
        ],
        heading=_("Completion"),
        help_text=_(
            "The module is complete when every chosen condition is met. "
            "Completions already recorded stay when you change the conditions."
        ),
    )
