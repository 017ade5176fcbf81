from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Organisation, User


class SignupForm(AllauthSignupForm):
    """Registration asks only what reporting needs: name and organisation."""

    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.select_related("network"),
        required=False,
        widget=forms.Select(attrs={"autocomplete": "organization"}),
        empty_label=_("My organisation is not listed"),
        help_text=_("Used only for anonymous participation statistics."),
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=settings.LANGUAGES,
        widget=forms.Select(attrs={"autocomplete": "language"}),
    )
    accept_privacy_notice = forms.BooleanField(
        label=_("I have read the privacy notice."),
        help_text=_(
            "It explains which data the platform keeps while you learn, what for, "
            "and your rights: see “Privacy notice” at the foot of every page."
        ),
        error_messages={
            "required": _("Please confirm that you have read the privacy notice.")
        },
    )

    def save(self, request):
        user = super().save(request)
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.organisation = self.cleaned_data["organisation"]
        user.preferred_language = self.cleaned_data["preferred_language"]
        user.privacy_notice_accepted_at = timezone.now()
        user.save(
            update_fields=[
                "first_name",
                "last_name",
                "organisation",
                "preferred_language",
                "privacy_notice_accepted_at",
            ]
        )
        return user


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "organisation", "preferred_language"]
        # WCAG 1.3.5: the purpose of each personal-data field, for autofill.
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "organisation": forms.Select(attrs={"autocomplete": "organization"}),
            "preferred_language": forms.Select(attrs={"autocomplete": "language"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The same wording as at signup, instead of Django's "---------".
        self.fields["organisation"].empty_label = _("My organisation is not listed")


class DeleteAccountForm(forms.Form):
    """Deleting an account cannot be undone: confirm with the password."""

    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and my personal data will be deleted."),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."))
        return password
