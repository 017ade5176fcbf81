"""The certificate as an A4 landscape, tagged PDF (WeasyPrint, PDF/UA-1).

WeasyPrint was chosen over ReportLab: the layout is an HTML template trainers'
designers can read, fonts are embedded as subsets, text is real text with
structure tags and a document language, and a page renders in well under 0.1 s.
"""

import base64
import io
import logging

import segno
from django.template.loader import render_to_string
from django.utils import translation

from .models import Certificate, CertificateTemplate

logger = logging.getLogger(__name__)


def qr_png_data_uri(url: str) -> str:
    """A PNG QR code: crisp when printed, and decodable from the PDF's image."""
    qr = segno.make(url, error="m", micro=False)
    buffer = io.BytesIO()
    qr.save(buffer, kind="png", scale=8, border=4)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def _image_uri(image) -> str | None:
    """A file:// URI of a Wagtail image rendition, or None if it is missing."""
    if image is None:
        return None
    try:
        rendition = image.get_rendition("max-1200x800")
        with rendition.file.open("rb") as handle:
            data = handle.read()
    except (OSError, ValueError):
        return None
    mime = "image/png" if rendition.file.name.lower().endswith(".png") else "image/jpeg"
    if rendition.file.name.lower().endswith(".webp"):
        mime = "image/webp"
    return f"data:{mime};base64," + base64.b64encode(data).decode()


def _template_as_issued(certificate: Certificate) -> CertificateTemplate | None:
    """The template's images as they were when the certificate was issued."""
    if certificate.template_revision is not None:
        try:
            return certificate.template_revision.as_object()
        except Exception:  # a broken old revision falls back to the template
            logger.warning("Revision %s unreadable", certificate.template_revision_id)
    return certificate.template


def certificate_html(certificate: Certificate) -> str:
    from .services import verification_url

    template = _template_as_issued(certificate)
    url = verification_url(certificate.code)
    with translation.override(certificate.language or "de"):
        return render_to_string(
            "certificates/pdf/certificate.html",
            {
                "certificate": certificate,
                "facts": certificate.snapshot,
                "verification_url": url,
                "qr_code": qr_png_data_uri(url),
                "logo": _image_uri(template.logo if template else None),
                "background": _image_uri(
                    template.background_image if template else None
                ),
                "signature": _image_uri(template.signature_image if template else None),
            },
        )


def render_certificate_pdf(certificate: Certificate) -> bytes:
    from weasyprint import HTML

    html = certificate_html(certificate)
    return HTML(string=html, base_url=None).write_pdf(
        pdf_variant="pdf/ua-1",
        pdf_identifier=certificate.uuid.hex.encode(),
        uncompressed_pdf=False,
    )
