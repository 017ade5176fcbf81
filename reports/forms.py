"""Report filters and the learner's ESF+ form."""

from __future__ import annotations

import html

from django import forms
from django.conf import settings
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from accounts.models import OrganisationType, Region
from courses.models import CoursePage
from courses.scoping import course_choices as titled_course_choices

from . import scoping
from .models import ParticipantExitIndicators, ParticipantIndicators

FILTER_FIELDS = (
    "network",
    "region",
    "organisation_type",
    "organisation",
    "course",
    "group",
    "date_from",
    "date_to",
    "language",
)


def course_choices(user) -> list[tuple[str, str]]:
    """One entry per course in the user's scope, titled in the UI language."""
    pages = CoursePage.objects.all()
    keys = scoping.visible_course_keys(user)
    if keys is not None:
        pages = pages.filter(translation_key__in=keys)
    return titled_course_choices(pages)


class QuickSelect(forms.Select):
    """A select whose options are written in Python, not one template each.

    An administrator's organisation filter lists thousands of organisations;
    rendered option by option through templates it took half a second.
    """

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        final_attrs = self.build_attrs(self.attrs, attrs)
        final_attrs["name"] = name
        chosen = set(self.format_value(value))
        parts = [format_html("<select{}>", flatatt(final_attrs))]
        for option_value, label in self.choices:
            option_value = "" if option_value is None else str(option_value)
            selected = " selected" if option_value in chosen else ""
            parts.append(
                f'<option value="{html.escape(option_value)}"{selected}>'
                f"{html.escape(str(label))}</option>"
            )
        parts.append("</select>")
        return mark_safe("".join(parts))  # noqa: S308  (every part is escaped above)


class ReportFilterForm(forms.Form):
    """Narrows a report; the choices themselves are limited to the user's scope."""

    network = forms.ModelChoiceField(
        label=_("Network"), queryset=None, required=False, empty_label=_("All")
    )
    region = forms.ChoiceField(
        label=_("Region"),
        choices=[("", _("All"))] + Region.choices,
        required=False,
    )
    organisation_type = forms.ChoiceField(
        label=_("Organisation type"),
        choices=[("", _("All"))] + OrganisationType.choices,
        required=False,
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=None,
        required=False,
        empty_label=_("All"),
        widget=QuickSelect,
    )
    course = forms.ChoiceField(label=_("Course"), required=False)
    group = forms.ModelChoiceField(
        label=_("Workshop group"), queryset=None, required=False, empty_label=_("All")
    )
    date_from = forms.DateField(
        label=_("Enrolled from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = forms.DateField(
        label=_("Enrolled until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    language = forms.ChoiceField(
        label=_("Course language"),
        choices=[("", _("All"))] + list(settings.LANGUAGES),
        required=False,
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["network"].queryset = scoping.visible_networks(user)
        organisations = scoping.visible_organisations(user)
        self.fields["organisation"].queryset = organisations
        # Plain (pk, name) pairs: thousands of model instances only to print names
        # would cost more than the whole dashboard.
        field = self.fields["organisation"]
        field.widget.choices = [("", field.empty_label)] + list(
            organisations.order_by("name").values_list("pk", "name")
        )
        self.fields["group"].queryset = scoping.visible_groups(user)
        self.fields["course"].choices = [("", _("All"))] + course_choices(user)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error(
                "date_to", _("The end of the period must not be before its start.")
            )
        return cleaned

    def as_json(self) -> dict[str, str]:
        """The chosen filters as plain strings, for the audit log and export jobs."""
        data = {}
        for name in FILTER_FIELDS:
            value = self.cleaned_data.get(name)
            if value in (None, ""):
                continue
            data[name] = str(value.pk) if hasattr(value, "pk") else str(value)
        return data

    def describe(self) -> list[tuple[str, str]]:
        """(label, readable value) of every filter, "All" where none was chosen."""
        lines = []
        for name in FILTER_FIELDS:
            field = self.fields[name]
            value = self.cleaned_data.get(name)
            if value in (None, ""):
                shown = str(_("All"))
            elif isinstance(field, forms.ChoiceField) and not isinstance(
                field, forms.ModelChoiceField
            ):
                shown = str(dict(field.choices).get(value, value))
            else:
                shown = str(value)
            lines.append((str(field.label), shown))
        return lines


def bound_filter_form(user, data) -> ReportFilterForm:
    form = ReportFilterForm(user, data=data or {})
    if not form.is_valid():
        for name in form.errors:
            if name in form.fields:
                form.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": f"{name}-error"}
                )
    return form


class ParticipantIndicatorsForm(forms.ModelForm):
    """Optional ESF+ questions; each offers "no answer"."""

    class Meta:
        model = ParticipantIndicators
        fields = ["gender", "age_band", "employment_status", "isced_band"]
        widgets = dict.fromkeys(fields, forms.RadioSelect)


class ExitIndicatorsForm(forms.ModelForm):
    """The ESF+ immediate results on leaving; each offers "no answer"."""

    class Meta:
        model = ParticipantExitIndicators
        fields = ["job_searching", "in_education", "qualification_gained", "employed"]
        widgets = dict.fromkeys(fields, forms.RadioSelect)
