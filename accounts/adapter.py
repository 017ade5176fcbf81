from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from learning.ratelimit import client_address

from . import services


class AccountAdapter(DefaultAccountAdapter):
    """Sends allauth's mails through the task queue and gives roles on signup."""

    def get_client_ip(self, request):
        """allauth's login, signup and reset limits count per client behind the proxy.

        The platform's own reading of TRUSTED_PROXY_*, so both kinds of limit agree
        (allauth's ALLAUTH_TRUSTED_PROXY_COUNT would trust the header from anyone).
        """
        return client_address(request)

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
