"""Open Badges 3.0: what a wallet or verifier sees of a learner's credential.

The credential is checked against 1EdTech's published JSON schema (vendored in
tests/certificates/data, see SOURCES.md), and its VC-JWT is verified with joserfc,
a JOSE library the platform itself does not use (it signs with PyJWT), against
the keys the platform publishes.
"""

import base64
import hashlib
import json
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from joserfc import jwt as jose_jwt
from joserfc.errors import BadSignatureError
from joserfc.jwk import KeySet

from certificates import badges, services
from certificates.models import Certificate
from tests.certificates.conftest import complete_course
from tests.factories import translate_tree

SCHEMA = json.loads(
    (
        Path(__file__).parent / "data" / "ob_v3p0_achievementcredential_schema.json"
    ).read_text(encoding="utf-8")
)
ALGORITHMS = {"RS256": "badge.jwt", "EdDSA": "badge-eddsa.jwt"}


def _b64decode(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _path(url: str) -> str:
    return urlsplit(url).path


def _schema_errors(document: dict) -> list[str]:
    validator = jsonschema.Draft201909Validator(SCHEMA)
    return [error.message for error in validator.iter_errors(document)]


@pytest.fixture
def published_keys(client, db) -> KeySet:
    """The issuer's public keys, as a verifier fetches them from the platform."""
    response = client.get("/certificates/issuer/jwks.json")
    assert response["Content-Type"] == "application/jwk-set+json"
    jwks = response.json()
    assert {key["alg"] for key in jwks["keys"]} == {"RS256", "EdDSA"}
    assert not any("d" in key for key in jwks["keys"])
    return KeySet.import_key_set(jwks)


def _download(client, learner, certificate, name: str) -> str:
    client.force_login(learner)
    response = client.get(f"/certificates/{certificate.uuid}/{name}")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_signed_credential_verifies_against_the_published_jwks(
    client, issued, named_learner, published_keys, algorithm
):
    token = _download(client, named_learner, issued, ALGORITHMS[algorithm])

    verified = jose_jwt.decode(token, published_keys, algorithms=[algorithm])

    # OB 3.0 §8.2: only alg, kid and typ in the header; the kid is a URL that
    # answers with the key.
    assert set(verified.header) == {"alg", "kid", "typ"}
    assert verified.header["alg"] == algorithm
    assert verified.header["typ"] == "JWT"
    key = client.get(_path(verified.header["kid"])).json()
    assert key["kid"] == verified.header["kid"] and "d" not in key
    # The credential is the payload itself (no VC 1.1 `vc` claim).
    claims = verified.claims
    assert "vc" not in claims
    assert "OpenBadgeCredential" in claims["type"]
    assert claims["jti"] == claims["id"] == f"urn:uuid:{issued.uuid}"
    assert claims["iss"] == claims["issuer"]["id"]
    assert claims["iss"] == "https://lernen.example.org/certificates/issuer/"
    assert claims["sub"] == claims["credentialSubject"]["id"]
    assert claims["sub"].startswith("urn:uuid:")
    assert claims["nbf"] == int(issued.issued_at.timestamp())
    assert "exp" not in claims  # this certificate does not expire
    assert _schema_errors(claims) == []


def test_credential_passes_the_1edtech_schema(client, issued, named_learner):
    client.force_login(named_learner)
    data = client.get(f"/certificates/{issued.uuid}/badge.json").json()

    assert _schema_errors(data) == []
    subject = data["credentialSubject"]
    assert subject["achievement"]["name"] == "Anerkennung ausländischer Abschlüsse"
    identities = {item["identityType"]: item for item in subject["identifier"]}
    assert identities["name"]["identityHash"] == "Ayşe Özdemir-Müller"
    # The email is only there hashed, with its salt: checkable, not readable.
    email = identities["emailAddress"]
    assert email["hashed"] is True
    assert named_learner.email not in json.dumps(data)
    expected = hashlib.sha256(
        (named_learner.email.lower() + email["salt"]).encode()
    ).hexdigest()
    assert email["identityHash"] == f"sha256${expected}"


def test_schema_rejects_a_credential_without_a_subject(client, issued, named_learner):
    """The vendored schema does catch what it should (this test can fail)."""
    client.force_login(named_learner)
    data = client.get(f"/certificates/{issued.uuid}/badge.json").json()
    del data["credentialSubject"]
    assert _schema_errors(data)


def test_two_certificates_of_one_learner_have_different_subject_ids(
    issued, named_learner, site_root, trainer
):
    from tests.factories import make_course, make_course_index

    other_course = make_course(make_course_index(site_root, slug="mehr"), "Zweiter")
    second = services.issue_by_trainer(named_learner, other_course, by=trainer)
    assert badges.subject_id(issued) != badges.subject_id(second)
    assert str(issued.uuid) not in badges.subject_id(issued)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_a_tampered_credential_fails_verification(
    client, issued, named_learner, published_keys, algorithm
):
    token = _download(client, named_learner, issued, ALGORITHMS[algorithm])
    header, payload, signature = token.split(".")
    claims = json.loads(_b64decode(payload))
    claims["credentialSubject"]["identifier"][0]["identityHash"] = "Mallory"
    forged = f"{header}.{_b64encode(json.dumps(claims).encode())}.{signature}"
    with pytest.raises(BadSignatureError):
        jose_jwt.decode(forged, published_keys, algorithms=[algorithm])

    # One flipped bit anywhere in the signature fails too.
    raw = bytearray(_b64decode(signature))
    for position in range(0, len(raw), max(1, len(raw) // 16)):
        changed = bytearray(raw)
        changed[position] ^= 0x01
        with pytest.raises(BadSignatureError):
            jose_jwt.decode(
                f"{header}.{payload}.{_b64encode(bytes(changed))}",
                published_keys,
                algorithms=[algorithm],
            )


def test_achievement_is_stated_in_the_course_language(
    client, course, named_learner, django_capture_on_commit_callbacks
):
    """An English course with a German certificate template: the badge is English."""
    english = translate_tree(course, "en")
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(named_learner, english)
    certificate = Certificate.objects.get(user=named_learner)
    assert certificate.language == "de"  # the template's language (the PDF)

    client.force_login(named_learner)
    data = client.get(f"/certificates/{certificate.uuid}/badge.json").json()
    achievement = data["credentialSubject"]["achievement"]
    assert achievement["name"] == "Anerkennung ausländischer Abschlüsse (en)"
    assert achievement["inLanguage"] == "en"
    assert achievement["criteria"]["narrative"].startswith("Completed every module")
    assert _schema_errors(data) == []

    # The achievement's id is a public URL that answers with the same achievement.
    client.logout()
    published = client.get(_path(achievement["id"]))
    assert published.status_code == 200
    assert published.json()["name"] == achievement["name"]
    assert published.json()["inLanguage"] == "en"


def test_issuer_profile_and_unknown_achievements(client, issued):
    profile = client.get(_path(badges.issuer_id())).json()
    assert profile["type"] == ["Profile"]
    assert profile["id"] == badges.issuer_id()
    assert len(profile["verificationMethod"]) == 2
    for method in profile["verificationMethod"]:
        assert client.get(_path(method["id"])).status_code == 200
    assert client.get("/certificates/issuer/keys/nope.json").status_code == 404
    unknown = "/certificates/achievements/00000000-0000-0000-0000-000000000000/de.json"
    assert client.get(unknown).status_code == 404


def test_my_certificates_offers_both_signed_forms_and_json(
    client, issued, named_learner
):
    client.force_login(named_learner)
    html = client.get("/certificates/").content.decode()
    for name in ("badge.jwt", "badge-eddsa.jwt", "badge.json"):
        assert f"/certificates/{issued.uuid}/{name}" in html


def test_revocation_is_published_in_the_status_list(client, issued, trainer):
    listing = client.get("/certificates/issuer/revocations.json").json()
    assert listing["revokedCredentials"] == []

    services.revoke(issued, reason="Fehler", by=trainer)

    listing = client.get("/certificates/issuer/revocations.json").json()
    assert listing["revokedCredentials"] == [
        {"id": f"urn:uuid:{issued.uuid}", "revocationReason": "revoked"}
    ]
    assert "Ayşe" not in json.dumps(listing)


def test_configured_keys_are_used_and_dev_keys_fail_the_deploy_check(settings):
    from certificates.checks import signing_key_configured

    settings.CERTIFICATE_SIGNING_KEY = ""
    settings.CERTIFICATE_RSA_SIGNING_KEY = ""
    assert badges.uses_dev_key()
    assert [e.id for e in signing_key_configured(None)] == [
        "certificates.E001",
        "certificates.E003",
    ]

    dev_x = badges.public_jwk("EdDSA")["x"]
    dev_n = badges.public_jwk("RS256")["n"]
    settings.CERTIFICATE_SIGNING_KEY = base64.b64encode(bytes(range(32))).decode()
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    settings.CERTIFICATE_RSA_SIGNING_KEY = rsa_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    assert not badges.uses_dev_key()
    assert signing_key_configured(None) == []
    assert badges.public_jwk("EdDSA")["x"] != dev_x
    assert badges.public_jwk("RS256")["n"] != dev_n

    settings.CERTIFICATE_RSA_SIGNING_KEY = "bm90IGEga2V5"
    assert [e.id for e in signing_key_configured(None)] == ["certificates.E004"]
