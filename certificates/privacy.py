"""GDPR: a learner's certificates.

Choice (documented in the README): a certificate outlives its holder's account.
Erasure removes the name and organisation from what the certificate states and
deletes its PDF and any group ZIP that contained it; the code, course, date and
status stay, so a third party checking the code learns that the certificate was
issued (to a deleted account) and whether it is valid, revoked or expired — and
nothing about the person.
"""

from django.utils.translation import gettext

from .archives import delete_leftover_file
from .models import Certificate, GroupCertificateArchive
from .pdf_files import delete_pdf_files

ERASED_FLAG = "learner_erased"

HOLDS_PERSONAL_DATA = {
    "certificates.Certificate": "name and organisation removed, PDF deleted",
    "certificates.GroupCertificateArchive": "ZIPs with the person deleted",
}
NO_PERSONAL_DATA = {"certificates.CertificateTemplate": "layout and wording"}


def export_personal_data(user) -> dict:
    return {
        "certificates": [
            {
                "code": certificate.display_code,
                "uuid": str(certificate.uuid),
                "issued_at": certificate.issued_at,
                "expires_at": certificate.expires_at,
                "revoked_at": certificate.revoked_at,
                "stated": certificate.snapshot,
            }
            for certificate in Certificate.objects.filter(user=user).order_by(
                "issued_at"
            )
        ]
    }


def erase_personal_data(user) -> None:
    certificates = list(Certificate.objects.filter(user=user))
    groups = {c.group_id for c in certificates if c.group_id}
    for archive in GroupCertificateArchive.objects.filter(group_id__in=groups):
        if archive.file:
            archive.file.delete(save=False)
        delete_leftover_file(archive)  # also one a killed worker wrote
        archive.delete()
    placeholder = gettext("a deleted account")
    for certificate in certificates:
        snapshot = dict(certificate.snapshot)
        name = snapshot.get("learner_name") or ""
        organisation = snapshot.get("organisation") or ""
        snapshot["paragraphs"] = [
            _without(paragraph, name, organisation, placeholder)
            for paragraph in snapshot.get("paragraphs", [])
        ]
        snapshot["learner_name"] = ""
        snapshot["organisation"] = ""
        snapshot[ERASED_FLAG] = True
        certificate.snapshot = snapshot
        delete_pdf_files(certificate)
        certificate.pdf = ""
        certificate.pdf_rendered_at = None
        certificate.organisation = None
        certificate.save(
            update_fields=["snapshot", "pdf", "pdf_rendered_at", "organisation"]
        )


def _without(text: str, name: str, organisation: str, placeholder: str) -> str:
    if name:
        text = text.replace(name, placeholder)
    if organisation:
        text = text.replace(organisation, "–")
    return text
