"""The explanation and the way on around allauth's TOTP setup pages."""

from django import template
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from accounts import two_factor

register = template.Library()


@register.filter
def must_use_two_factors(user) -> bool:
    return two_factor.must_use_two_factors(user)


@register.simple_tag(takes_context=True)
def two_factor_continue_url(context) -> str:
    """Where the person was going when they were sent to set up TOTP."""
    request = context["request"]
    target = request.session.get(two_factor.SETUP_NEXT_SESSION_KEY)
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    if request.user.is_staff:
        return reverse("wagtailadmin_home")
    return reverse("accounts:my_learning")
