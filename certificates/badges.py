"""Open Badges 3.0 credentials, signed as VC-JWT (OB 3.0 §8.2) through PyJWT.

Two keys sign: RS256, the minimum OB 3.0 requires of every VC-JWT verifier, and
EdDSA (Ed25519). Both public keys are in the JWKS and in the issuer profile; each
has its own dereferenceable URL, which is the JOSE header's `kid`.

- `CERTIFICATE_SIGNING_KEY` (setting or environment): the Ed25519 key, a PEM
  private key or the base64 of a 32-byte seed. Without one, a fixed, publicly
  known development key is used.
- `CERTIFICATE_RSA_SIGNING_KEY`: the RSA key (2048 bits or more), a PEM private
  key or the base64 of its DER (one line, for environment files). Without one, a
  key is made when the process starts and lives only as long as it.

Either missing fails a deploy check (certificates.E001 / E003), so a production
server cannot sign with a development key by accident.
"""

import base64
import hashlib
import json
import os
import uuid
from functools import lru_cache

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Certificate

OB_CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
OB_SCHEMA = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
    "ob_v3p0_achievementcredential_schema.json"
)
DEV_KEY_SEED = hashlib.sha256(b"IQ Lernplattform development certificate key").digest()
# Learner identifiers are UUIDs in this namespace, one per certificate.
SUBJECT_NAMESPACE = uuid.UUID("7c1f0c6e-1d3b-5b8e-9a4e-0b5b0f6a2d11")
ALGORITHMS = ("RS256", "EdDSA")
MIN_RSA_BITS = 2048


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _material(name: str) -> str:
    return (getattr(settings, name, "") or os.environ.get(name, "")).strip()


def configured_key_material() -> str:
    return _material("CERTIFICATE_SIGNING_KEY")


def configured_rsa_key_material() -> str:
    return _material("CERTIFICATE_RSA_SIGNING_KEY")


# --- Keys -----------------------------------------------------------------------------


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


@lru_cache(maxsize=4)
def _load_rsa_key(material: str) -> rsa.RSAPrivateKey:
    if not material:
        # Development only: never written anywhere, gone with the process.
        return rsa.generate_private_key(public_exponent=65537, key_size=MIN_RSA_BITS)
    if material.startswith("-----BEGIN"):
        key = serialization.load_pem_private_key(material.encode(), password=None)
    else:
        key = serialization.load_der_private_key(
            base64.b64decode(material), password=None
        )
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("CERTIFICATE_RSA_SIGNING_KEY must be an RSA key.")
    if key.key_size < MIN_RSA_BITS:
        raise ValueError(f"CERTIFICATE_RSA_SIGNING_KEY needs {MIN_RSA_BITS} bits.")
    return key


def signing_key() -> Ed25519PrivateKey:
    return _load_key(configured_key_material())


def rsa_signing_key() -> rsa.RSAPrivateKey:
    return _load_rsa_key(configured_rsa_key_material())


def private_key(algorithm: str):
    return rsa_signing_key() if algorithm == "RS256" else signing_key()


def uses_dev_key() -> bool:
    return not configured_key_material()


def public_key() -> Ed25519PublicKey:
    return signing_key().public_key()


def _public_members(algorithm: str) -> dict:
    """The RFC 7638 required members of the public JWK (never `d`)."""
    key = private_key(algorithm).public_key()
    if algorithm == "RS256":
        data = jwt.algorithms.RSAAlgorithm.to_jwk(key, as_dict=True)
        return {"kty": "RSA", "n": data["n"], "e": data["e"]}
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return {"kty": "OKP", "crv": "Ed25519", "x": b64url(raw)}


def thumbprint(algorithm: str) -> str:
    """RFC 7638 thumbprint: a rotated key gets a new id and a new URL."""
    canonical = json.dumps(
        _public_members(algorithm), separators=(",", ":"), sort_keys=True
    )
    return b64url(hashlib.sha256(canonical.encode()).digest())


def key_id(algorithm: str = "EdDSA") -> str:
    """The key's URL: it answers with the public JWK (the header's `kid`)."""
    return _absolute("certificates:key", thumbprint=thumbprint(algorithm))


def public_jwk(algorithm: str = "EdDSA") -> dict:
    return {
        **_public_members(algorithm),
        "kid": key_id(algorithm),
        "alg": algorithm,
        "use": "sig",
    }


def public_jwk_by_thumbprint(value: str) -> dict | None:
    for algorithm in ALGORITHMS:
        if thumbprint(algorithm) == value:
            return public_jwk(algorithm)
    return None


def jwks() -> dict:
    return {"keys": [public_jwk(algorithm) for algorithm in ALGORITHMS]}


# --- Public documents -----------------------------------------------------------------


def _absolute(name: str, **kwargs) -> str:
    from .services import absolute_url

    with translation.override(settings.LANGUAGE_CODE):
        return absolute_url(reverse(name, kwargs=kwargs))


def issuer_id() -> str:
    return _absolute("certificates:issuer")


def issuer_profile() -> dict:
    """The public issuer profile with both verification keys (JWK)."""
    from .services import issuer_name

    identifier = issuer_id()
    return {
        "@context": OB_CONTEXT,
        "id": identifier,
        "type": ["Profile"],
        "name": issuer_name(),
        "url": settings.WAGTAILADMIN_BASE_URL,
        "verificationMethod": [
            {
                "id": key_id(algorithm),
                "type": "JsonWebKey",
                "controller": identifier,
                "publicKeyJwk": _public_members(algorithm),
            }
            for algorithm in ALGORITHMS
        ],
    }


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


def _criteria(title: str, language: str) -> str:
    with translation.override(language):
        return _("Completed every module of the online course “%(title)s”.") % {
            "title": title
        }


def achievement_id(course_key, language: str) -> str:
    return _absolute(
        "certificates:achievement", course_key=course_key, language=language
    )


def achievement_document(course) -> dict:
    """The Achievement a course awards, in the course's own language."""
    language = course.locale.language_code
    return {
        "@context": OB_CONTEXT,
        "id": achievement_id(course.translation_key, language),
        "type": ["Achievement"],
        "achievementType": "Certificate",
        "name": course.title,
        "description": course.summary or course.title,
        "criteria": {"narrative": _criteria(course.title, language)},
        "inLanguage": language,
        "creator": {"id": issuer_id(), "type": ["Profile"]},
    }


def _achievement(certificate: Certificate) -> dict:
    """The achievement as frozen at issue time (older certificates: their title)."""
    facts = certificate.snapshot
    stated = facts.get("achievement") or {}
    language = stated.get("language") or certificate.language
    name = stated.get("name") or facts.get("course_title", "")
    return {
        "id": achievement_id(certificate.course_key, language),
        "type": ["Achievement"],
        "achievementType": "Certificate",
        "name": name,
        "description": stated.get("description") or facts.get("course_summary") or name,
        "criteria": {"narrative": _criteria(name, language)},
        "inLanguage": language,
    }


# --- The credential -------------------------------------------------------------------


def subject_id(certificate: Certificate) -> str:
    """The learner's identifier in this credential: a UUID of its own.

    It names nobody and differs per certificate, so two shared badges cannot be
    joined by it; who the learner is can be shown by the hashed email instead.
    """
    return f"urn:uuid:{uuid.uuid5(SUBJECT_NAMESPACE, str(certificate.uuid))}"


def _identifiers(certificate: Certificate) -> list[dict]:
    """The learner's name (as printed on the certificate) and a salted email hash.

    The email itself is never in the credential: whoever already knows it can
    check the hash (sha256 of email + salt, OB 3.0 IdentityHash), nobody can read
    it back out.
    """
    identifiers = []
    name = certificate.snapshot.get("learner_name", "")
    if name:
        identifiers.append(
            {
                "type": "IdentityObject",
                "identityType": "name",
                "hashed": False,
                "identityHash": name,
            }
        )
    email = (getattr(certificate.user, "email", "") or "").strip().lower()
    if email:
        salt = certificate.uuid.hex[:16]
        digest = hashlib.sha256((email + salt).encode("utf-8")).hexdigest()
        identifiers.append(
            {
                "type": "IdentityObject",
                "identityType": "emailAddress",
                "hashed": True,
                "identityHash": f"sha256${digest}",
                "salt": salt,
            }
        )
    return identifiers


def _iso(moment) -> str:
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def credential(certificate: Certificate) -> dict:
    """The OpenBadgeCredential a certificate states, built from its snapshot."""
    from .services import issuer_name, verification_url

    facts = certificate.snapshot
    achievement = _achievement(certificate)
    subject = {
        "id": subject_id(certificate),
        "type": ["AchievementSubject"],
        "achievement": achievement,
    }
    identifiers = _identifiers(certificate)
    if identifiers:
        subject["identifier"] = identifiers
    data = {
        "@context": OB_CONTEXT,
        "id": f"urn:uuid:{certificate.uuid}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": achievement["name"],
        "issuer": {"id": issuer_id(), "type": ["Profile"], "name": issuer_name()},
        "validFrom": _iso(certificate.issued_at),
        "credentialSubject": subject,
        "credentialSchema": [
            {"id": OB_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}
        ],
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


def signed_credential(certificate: Certificate, algorithm: str = "RS256") -> str:
    """The credential as a compact VC-JWT: the credential is the JWT payload.

    OB 3.0 §8.2: claims iss, jti, sub, nbf (and exp with validUntil) beside the
    credential's own properties; header alg, kid, typ "JWT" and nothing else.
    """
    if algorithm not in ALGORITHMS:
        raise ValueError(f"Unsupported algorithm {algorithm}")
    body = credential(certificate)
    claims = {
        **body,
        "iss": body["issuer"]["id"],
        "jti": body["id"],
        "sub": body["credentialSubject"]["id"],
        "nbf": int(certificate.issued_at.timestamp()),
    }
    if certificate.expires_at:
        claims["exp"] = int(certificate.expires_at.timestamp())
    return jwt.encode(
        claims,
        private_key(algorithm),
        algorithm=algorithm,
        headers={"kid": key_id(algorithm), "typ": "JWT"},
    )
