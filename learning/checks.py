"""Deployment checks for the client address and the counters of the rate limits."""

import ipaddress

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.security)
def trusted_proxies_readable(app_configs, **kwargs):
    """TRUSTED_PROXY_ADDRESSES must parse, and a proxy count needs addresses."""
    errors = []
    for address in settings.TRUSTED_PROXY_ADDRESSES:
        try:
            ipaddress.ip_network(address, strict=False)
        except ValueError:
            errors.append(
                Error(
                    f"TRUSTED_PROXY_ADDRESSES: {address!r} is not an IP address or "
                    "network.",
                    id="learning.E001",
                )
            )
    if settings.TRUSTED_PROXY_COUNT and not settings.TRUSTED_PROXY_ADDRESSES:
        errors.append(
            Error(
                "TRUSTED_PROXY_COUNT is set but TRUSTED_PROXY_ADDRESSES is empty: "
                "no request would be believed to come from the proxy.",
                id="learning.E002",
            )
        )
    return errors


@register(Tags.security, deploy=True)
def shared_limits(app_configs, **kwargs):
    """Production counts limits in a shared cache, per client behind the proxy."""
    warnings = []
    backend = settings.CACHES["default"]["BACKEND"]
    if backend in PER_PROCESS_CACHES:
        warnings.append(
            Warning(
                "The default cache is local to each process: rate limits (login, "
                "signup, password reset, certificate lookups) count per worker.",
                hint="Set REDIS_URL so every worker and app server shares them.",
                id="learning.W001",
            )
        )
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and (
        settings.TRUSTED_PROXY_COUNT <= 0
    ):
        warnings.append(
            Warning(
                "SECURE_PROXY_SSL_HEADER trusts a reverse proxy, but "
                "TRUSTED_PROXY_COUNT is 0: every client would share the proxy's "
                "address and so one rate limit.",
                hint="Set TRUSTED_PROXY_COUNT=1 behind the nginx example "
                "(deploy/systemd/env.example).",
                id="learning.W002",
            )
        )
    return warnings
