from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils import translation

from learning.ratelimit import client_address

from . import emails, services


class AccountAdapter(DefaultAccountAdapter):
    """Sends allauth's mails through the task queue and gives roles on signup."""

    def get_client_ip(self, request):
        """allauth's login, signup and reset limits count per client behind the proxy.

        The platform's own reading of TRUSTED_PROXY_*, so both kinds of limit agree
        (allauth's ALLAUTH_TRUSTED_PROXY_COUNT would trust the header from anyone).
        """
        return client_address(request)

    def send_mail(self, template_prefix, email, context):
        """Render in the recipient's language, name the site, add an HTML part."""
        from allauth.core import context as allauth_context

        from .models import User

        request = getattr(allauth_context, "request", None)
        ctx = {
            "request": request,
            "email": email,
            "current_site": emails.current_site(request),
        }
        ctx.update(context)
        user = User.objects.filter(email__iexact=email).first()
        language = getattr(user, "preferred_language", "") or translation.get_language()
        with translation.override(language or settings.LANGUAGE_CODE):
            message = self.render_mail(template_prefix, email, ctx)
            message = emails.with_html(message, user=user)
        services.send_email_later(message, recipient=user)

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            services.register_learner(user)
        return user

    def is_open_for_signup(self, request):
        return getattr(settings, "REGISTRATION_OPEN", True)
