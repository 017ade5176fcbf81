import base64
import json

import jwt
import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from certificates import badges, services


def _b64decode(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@pytest.fixture
def published_key(client, db):
    """The issuer's public key, as a verifier fetches it from the platform."""
    profile = client.get("/certificates/issuer/").json()
    jwk = profile["verificationMethod"][0]["publicKeyJwk"]
    assert profile["type"] == ["Profile"]
    assert profile["verificationMethod"][0]["id"].startswith(profile["id"])
    jwks = client.get("/certificates/issuer/jwks.json").json()
    assert jwks["keys"][0]["x"] == jwk["x"]
    return jwk


@pytest.fixture
def token(client, issued, named_learner):
    client.force_login(named_learner)
    response = client.get(f"/certificates/{issued.uuid}/badge.jwt")
    return response.content.decode()


def test_signed_credential_verifies_with_the_published_key(
    token, published_key, issued
):
    key = jwt.PyJWK(published_key, algorithm="EdDSA")
    claims = jwt.decode(token, key=key, algorithms=["EdDSA"])

    vc = claims["vc"]
    assert "OpenBadgeCredential" in vc["type"]
    assert vc["id"] == claims["jti"] == f"urn:uuid:{issued.uuid}"
    assert (
        vc["issuer"]["id"]
        == claims["iss"]
        == "https://lernen.example.org/certificates/issuer/"
    )
    subject = vc["credentialSubject"]
    assert subject["achievement"]["name"] == "Anerkennung ausländischer Abschlüsse"
    assert subject["identifier"][0]["identityHash"] == "Ayşe Özdemir-Müller"
    assert vc["credentialStatus"]["type"] == "1EdTechRevocationList"
    assert jwt.get_unverified_header(token)["alg"] == "EdDSA"


def test_changing_any_byte_breaks_the_signature(token, published_key):
    header, payload, signature = token.split(".")
    public_key = Ed25519PublicKey.from_public_bytes(_b64decode(published_key["x"]))
    signed = f"{header}.{payload}".encode()
    public_key.verify(_b64decode(signature), signed)  # the original verifies

    parts = [_b64decode(header), _b64decode(payload), _b64decode(signature)]
    for index, part in enumerate(parts):
        for position in range(len(part)):
            changed = bytearray(part)
            changed[position] ^= 0x01
            tampered = list(parts)
            tampered[index] = bytes(changed)
            signing_input = f"{_b64encode(tampered[0])}.{_b64encode(tampered[1])}"
            with pytest.raises(InvalidSignature):
                public_key.verify(tampered[2], signing_input.encode())


def test_a_forged_payload_is_rejected_by_a_jwt_library(token, published_key):
    header, payload, signature = token.split(".")
    claims = json.loads(_b64decode(payload))
    claims["vc"]["credentialSubject"]["identifier"][0]["identityHash"] = "Mallory"
    forged_payload = _b64encode(json.dumps(claims).encode())
    key = jwt.PyJWK(published_key, algorithm="EdDSA")
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(
            f"{header}.{forged_payload}.{signature}", key=key, algorithms=["EdDSA"]
        )


def test_revocation_is_published_in_the_status_list(client, issued, trainer):
    listing = client.get("/certificates/issuer/revocations.json").json()
    assert listing["revokedCredentials"] == []

    services.revoke(issued, reason="Fehler", by=trainer)

    listing = client.get("/certificates/issuer/revocations.json").json()
    assert listing["revokedCredentials"] == [
        {"id": f"urn:uuid:{issued.uuid}", "revocationReason": "revoked"}
    ]
    assert "Ayşe" not in json.dumps(listing)


def test_configured_key_is_used_and_dev_key_fails_the_deploy_check(settings):
    from certificates.checks import signing_key_configured

    assert badges.uses_dev_key()
    assert [e.id for e in signing_key_configured(None)] == ["certificates.E001"]

    seed = base64.b64encode(bytes(range(32))).decode()
    settings.CERTIFICATE_SIGNING_KEY = seed
    assert not badges.uses_dev_key()
    assert signing_key_configured(None) == []
    dev_x = badges.public_jwk()["x"]
    settings.CERTIFICATE_SIGNING_KEY = ""
    assert badges.public_jwk()["x"] != dev_x
