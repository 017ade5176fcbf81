from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from . import services


class AccountAdapter(DefaultAccountAdapter):
    """Sends allauth's mails through the task queue and gives roles on signup."""

    def send_mail(self, template_prefix, email, context):
        message = self.render_mail(template_prefix, email, context)
        services.send_email_later(message)

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            services.register_learner(user)
        return user

    def is_open_for_signup(self, request):
        return getattr(settings, "REGISTRATION_OPEN", True)
