"""Deploy check: production must sign credentials with its own keys."""

from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def signing_key_configured(app_configs, **kwargs):
    from .badges import (
        configured_key_material,
        configured_rsa_key_material,
        rsa_signing_key,
        signing_key,
    )

    errors = []
    if not configured_key_material():
        errors.append(
            Error(
                "CERTIFICATE_SIGNING_KEY is not set: certificates would be signed "
                "with the public development key.",
                hint="Set it to an Ed25519 private key (PEM) or a base64 32-byte seed.",
                id="certificates.E001",
            )
        )
    else:
        try:
            signing_key()
        except (ValueError, TypeError) as error:
            errors.append(
                Error(
                    f"CERTIFICATE_SIGNING_KEY cannot be read: {error}",
                    id="certificates.E002",
                )
            )
    if not configured_rsa_key_material():
        errors.append(
            Error(
                "CERTIFICATE_RSA_SIGNING_KEY is not set: RS256 credentials would be "
                "signed with a key that dies with the process.",
                hint="Set it to an RSA private key of 2048 bits or more (PEM, or the "
                "base64 of its DER).",
                id="certificates.E003",
            )
        )
    else:
        try:
            rsa_signing_key()
        except (ValueError, TypeError) as error:
            errors.append(
                Error(
                    f"CERTIFICATE_RSA_SIGNING_KEY cannot be read: {error}",
                    id="certificates.E004",
                )
            )
    return errors
