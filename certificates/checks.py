"""Deploy check: production must sign credentials with its own key."""

from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def signing_key_configured(app_configs, **kwargs):
    from .badges import configured_key_material, signing_key

    if not configured_key_material():
        return [
            Error(
                "CERTIFICATE_SIGNING_KEY is not set: certificates would be signed "
                "with the public development key.",
                hint="Set it to an Ed25519 private key (PEM) or a base64 32-byte seed.",
                id="certificates.E001",
            )
        ]
    try:
        signing_key()
    except (ValueError, TypeError) as error:
        return [
            Error(
                f"CERTIFICATE_SIGNING_KEY cannot be read: {error}",
                id="certificates.E002",
            )
        ]
    return []
