"""Forms learners, trainers and the admin fill in; services do the work behind them."""

from django import forms
from django.core.validators import validate_email
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from accounts.models import Organisation, User

from .models import CoursePage
from .scoping import assignable_trainers, group_courses, staffed_courses
from .services import REFLECTION_MAX_LENGTH, normalise_code


class EnrolmentCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Enrolment code"),
        max_length=32,
        help_text=_("The code your trainer gave you, e.g. ABCD-2345."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_code(self) -> str:
        code = normalise_code(self.cleaned_data["code"])
        if not code:
            raise forms.ValidationError(_("Please enter the code."))
        return code


class ReflectionForm(forms.Form):
    text = forms.CharField(
        label=_("Your note"),
        required=False,
        max_length=REFLECTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class TrainerEnrolmentForm(forms.Form):
    """A trainer enrols a list of people and/or a whole organisation."""

    course = forms.ModelChoiceField(
        label=_("Course"), queryset=CoursePage.objects.none()
    )
    emails = forms.CharField(
        label=_("Email addresses"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "One address per line (commas and spaces also separate). Only people "
            "who already have an account are enrolled."
        ),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        required=False,
        help_text=_("Enrol every active member of this organisation."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the courses of the trainer's teams and of the groups they run.
        self.fields["course"].queryset = (
            staffed_courses(user).live().order_by("locale_id", "title")
        )

    def clean_emails(self) -> list[str]:
        raw = self.cleaned_data["emails"].replace(",", " ").replace(";", " ").split()
        emails, invalid = [], []
        for email in raw:
            try:
                validate_email(email)
            except forms.ValidationError:
                invalid.append(email)
            else:
                emails.append(email.lower())
        if invalid:
            raise forms.ValidationError(
                _("These are not valid email addresses: %(emails)s"),
                params={"emails": ", ".join(invalid)},
            )
        return list(dict.fromkeys(emails))

    def clean(self):
        cleaned = super().clean()
        nobody = not cleaned.get("emails") and not cleaned.get("organisation")
        if nobody and not self.errors:
            raise forms.ValidationError(
                _("Enter email addresses or choose an organisation.")
            )
        return cleaned


class WorkshopGroupForm(WagtailAdminModelForm):
    """Course and trainer choices: the user's team courses and colleagues only.

    A group's current course and trainer stay valid when someone else edits it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        current = self.instance if self.instance.pk else None
        courses = Q(pk__in=group_courses(user).values("pk"))
        trainers = Q(pk__in=assignable_trainers(user).values("pk"))
        if current is not None:
            courses |= Q(pk=current.course_id)
            trainers |= Q(pk=current.trainer_id)
        self.fields["course"].queryset = CoursePage.objects.filter(courses).order_by(
            "title"
        )
        self.fields["trainer"].queryset = User.objects.filter(trainers).order_by(
            "last_name", "first_name"
        )
