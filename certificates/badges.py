"""Open Badges 3.0 credentials, signed as VC-JWT with the platform's Ed25519 key.

The key comes from `CERTIFICATE_SIGNING_KEY` (setting or environment): a PEM
private key or the base64 of a 32-byte seed. Without one, a fixed, publicly known
development key is used and the `certificates.E001` deploy check fails, so a
production server cannot sign with it by accident.
"""

import base64
import hashlib
import json
import os
from functools import lru_cache

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from .models import Certificate

OB_CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
DEV_KEY_SEED = hashlib.sha256(b"IQ Lernplattform development certificate key").digest()


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def configured_key_material() -> str:
    return (
        getattr(settings, "CERTIFICATE_SIGNING_KEY", "")
        or os.environ.get("CERTIFICATE_SIGNING_KEY", "")
    ).strip()


@lru_cache(maxsize=4)
def _load_key(material: str) -> Ed25519PrivateKey:
    if not material:
        return Ed25519PrivateKey.from_private_bytes(DEV_KEY_SEED)
    if material.startswith("-----BEGIN"):
        key = serialization.load_pem_private_key(material.encode(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError("CERTIFICATE_SIGNING_KEY must be an Ed25519 key.")
        return key
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(material))


def signing_key() -> Ed25519PrivateKey:
    return _load_key(configured_key_material())


def uses_dev_key() -> bool:
    return not configured_key_material()


def public_jwk() -> dict:
    raw = (
        signing_key()
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )
    jwk = {"kty": "OKP", "crv": "Ed25519", "x": b64url(raw)}
    # RFC 7638 thumbprint as the key id, so a rotated key gets a new id.
    canonical = json.dumps(jwk, separators=(",", ":"), sort_keys=True).encode()
    return {**jwk, "kid": b64url(hashlib.sha256(canonical).digest()), "alg": "EdDSA"}


def public_key() -> Ed25519PublicKey:
    return signing_key().public_key()


def _absolute(name: str, **kwargs) -> str:
    from .services import absolute_url

    with translation.override(settings.LANGUAGE_CODE):
        return absolute_url(reverse(name, kwargs=kwargs))


def issuer_id() -> str:
    return _absolute("certificates:issuer")


def key_id() -> str:
    return f"{issuer_id()}#{public_jwk()['kid']}"


def issuer_profile() -> dict:
    """The public issuer profile with its verification key (JWK)."""
    from .services import issuer_name

    identifier = issuer_id()
    jwk = public_jwk()
    return {
        "@context": OB_CONTEXT,
        "id": identifier,
        "type": ["Profile"],
        "name": issuer_name(),
        "url": settings.WAGTAILADMIN_BASE_URL,
        "verificationMethod": [
            {
                "id": key_id(),
                "type": "JsonWebKey",
                "controller": identifier,
                "publicKeyJwk": {k: jwk[k] for k in ("kty", "crv", "x")},
            }
        ],
    }


def jwks() -> dict:
    return {"keys": [public_jwk()]}


def revocation_list() -> dict:
    """1EdTech revocation list: revoked credential ids, nothing about people."""
    revoked = Certificate.objects.revoked().order_by("revoked_at")
    return {
        "id": _absolute("certificates:revocation_list"),
        "issuer": issuer_id(),
        "revokedCredentials": [
            {"id": f"urn:uuid:{uuid}", "revocationReason": "revoked"}
            for uuid in revoked.values_list("uuid", flat=True)
        ],
    }


def _iso(moment) -> str:
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def credential(certificate: Certificate) -> dict:
    """The OpenBadgeCredential a certificate states, built from its snapshot."""
    from .services import issuer_name, verification_url

    facts = certificate.snapshot
    achievement = {
        "id": f"urn:uuid:{certificate.course_key}",
        "type": ["Achievement"],
        "achievementType": "Certificate",
        "name": facts.get("course_title", ""),
        "description": facts.get("course_summary") or facts.get("course_title", ""),
        "criteria": {"narrative": facts.get("title", "")},
        "inLanguage": certificate.language,
    }
    data = {
        "@context": OB_CONTEXT,
        "id": f"urn:uuid:{certificate.uuid}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": facts.get("course_title", ""),
        "issuer": {"id": issuer_id(), "type": ["Profile"], "name": issuer_name()},
        "validFrom": _iso(certificate.issued_at),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "name",
                    "hashed": False,
                    "identityHash": facts.get("learner_name", ""),
                }
            ],
            "achievement": achievement,
        },
        "credentialStatus": {
            "id": _absolute("certificates:revocation_list"),
            "type": "1EdTechRevocationList",
        },
        "evidence": [
            {
                "id": verification_url(certificate.code),
                "type": ["Evidence"],
                "name": facts.get("title", ""),
            }
        ],
    }
    if certificate.expires_at:
        data["validUntil"] = _iso(certificate.expires_at)
    return data


def signed_credential(certificate: Certificate) -> str:
    """The credential as a compact VC-JWT (JWS, alg EdDSA)."""
    body = credential(certificate)
    header = {"alg": "EdDSA", "typ": "JWT", "kid": key_id()}
    claims = {
        "iss": body["issuer"]["id"],
        "jti": body["id"],
        "nbf": int(certificate.issued_at.timestamp()),
        "iat": int(certificate.issued_at.timestamp()),
        "vc": body,
    }
    if certificate.expires_at:
        claims["exp"] = int(certificate.expires_at.timestamp())
    signing_input = (
        b64url(json.dumps(header, separators=(",", ":")).encode())
        + "."
        + b64url(json.dumps(claims, separators=(",", ":"), ensure_ascii=False).encode())
    )
    signature = signing_key().sign(signing_input.encode("ascii"))
    return f"{signing_input}.{b64url(signature)}"
