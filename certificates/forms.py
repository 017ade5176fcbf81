"""Forms of the certificate admin: templates, revoke, re-issue, issue by hand."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from accounts.models import User
from accounts.scoping import ChoosableOnlyFormMixin
from courses.scoping import staffed_courses


class CertificateTemplateForm(ChoosableOnlyFormMixin, WagtailAdminModelForm):
    """Its collection, logo, background and signature: the team's only."""


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Shown in the admin only; verifiers just see 'revoked'."),
    )


class ReissueForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        help_text=_(
            "The new certificate states the current name and course title; the old "
            "one is revoked."
        ),
    )


class IssueForm(forms.Form):
    email = forms.EmailField(label=_("Learner's email address"))
    course = forms.ModelChoiceField(label=_("Course"), queryset=None)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Trainers issue only for their team's courses and those of their groups.
        self.fields["course"].queryset = staffed_courses(user).live().order_by("title")

    def clean_email(self):
        email = self.cleaned_data["email"]
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise ValidationError(_("No active account has this email address."))
        self.cleaned_data["user"] = user
        return email
