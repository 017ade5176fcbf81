"""Learners' certificates, public verification and the issuer's public keys."""

import json

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from accounts.services import record_access
from learning.ratelimit import within_limit

from . import badges, services
from .codes import format_code, normalise_code
from .models import Certificate, CertificateStatus
from .scoping import visible_certificates

NOT_FOUND = "not-found"


# --- Rate limiting --------------------------------------------------------------------


def verification_allowed(request: HttpRequest) -> bool:
    """A fixed window per client (learning.ratelimit: the address behind the proxy)."""
    limit, window = getattr(settings, "CERTIFICATE_VERIFY_RATE_LIMIT", (30, 600))
    return within_limit("certificates:verify", request, limit, window)


def _too_many(request: HttpRequest) -> HttpResponse:
    response = TemplateResponse(
        request, "certificates/verify_limited.html", {}, status=429
    )
    _, window = getattr(settings, "CERTIFICATE_VERIFY_RATE_LIMIT", (30, 600))
    response["Retry-After"] = str(window)
    return response


# --- Public verification --------------------------------------------------------------


def _not_found_redirect() -> HttpResponse:
    """Unknown and malformed codes get this same answer, whatever was typed."""
    return redirect(
        reverse("certificates:verify_form") + "?" + urlencode({"result": NOT_FOUND})
    )


def _find(code: str) -> Certificate | None:
    normalised = normalise_code(code)
    if normalised is None:
        return None
    return Certificate.objects.filter(code=normalised).first()


@never_cache
@require_GET
def verify_form(request: HttpRequest) -> HttpResponse:
    """A form to type a code; it sends the visitor to the code's page."""
    typed = request.GET.get("code")
    if typed is not None:
        normalised = normalise_code(typed)
        if normalised is None:
            if not verification_allowed(request):
                return _too_many(request)
            return _not_found_redirect()
        return redirect("certificates:verify", code=format_code(normalised))
    not_found = request.GET.get("result") == NOT_FOUND
    return TemplateResponse(
        request,
        "certificates/verify.html",
        {"not_found": not_found},
        status=404 if not_found else 200,
    )


@never_cache
@require_GET
def verify(request: HttpRequest, code: str) -> HttpResponse:
    """What a certificate states, and whether it is valid, expired or revoked."""
    if not verification_allowed(request):
        return _too_many(request)
    certificate = _find(code)
    if certificate is None:
        return _not_found_redirect()
    if code != certificate.display_code:
        return redirect("certificates:verify", code=certificate.display_code)
    status = certificate.status_at(timezone.now())
    return TemplateResponse(
        request,
        "certificates/verify.html",
        {
            "certificate": certificate,
            "facts": certificate.snapshot,
            "status": status,
            "is_valid": status == CertificateStatus.VALID,
            "is_expired": status == CertificateStatus.EXPIRED,
            "is_revoked": status == CertificateStatus.REVOKED,
        },
    )


@never_cache
@require_GET
def verify_pdf(request: HttpRequest, code: str) -> HttpResponse:
    """The PDF for someone holding the code (the verification page links it)."""
    if not verification_allowed(request):
        return _too_many(request)
    certificate = _find(code)
    if certificate is None:
        return _not_found_redirect()
    return _pdf_response(certificate)


# --- Learner side ---------------------------------------------------------------------


def _pdf_response(certificate: Certificate) -> FileResponse:
    services.ensure_pdf(certificate)
    response = FileResponse(
        certificate.pdf.open("rb"),
        content_type="application/pdf",
        filename=f"certificate-{certificate.display_code}.pdf",
    )
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = "private, no-store"
    return response


def _own_certificate(request: HttpRequest, uuid) -> Certificate:
    """The owner's certificate, or one in a staff member's scope; else 404."""
    certificate = get_object_or_404(Certificate, uuid=uuid)
    user = request.user
    if certificate.user_id == user.pk:
        return certificate
    # Staff only within their scope (own courses, own networks), never any id.
    if (
        user.has_perm("certificates.view_certificate")
        and visible_certificates(user).filter(pk=certificate.pk).exists()
    ):
        return certificate
    raise Http404


@login_required
def my_certificates(request: HttpRequest) -> HttpResponse:
    certificates = list(
        Certificate.objects.filter(user=request.user)
        .filter(superseded_at__isnull=True)
        .order_by("-issued_at")
    )
    now = timezone.now()
    for certificate in certificates:
        certificate.current_status = certificate.status_at(now)
    return TemplateResponse(
        request, "certificates/my_certificates.html", {"certificates": certificates}
    )


@login_required
def certificate_pdf(request: HttpRequest, uuid) -> HttpResponse:
    certificate = _own_certificate(request, uuid)
    if certificate.user_id != request.user.pk:  # staff opening someone's PDF
        record_access(request.user, what="certificates.pdf", subject=certificate.user)
    return _pdf_response(certificate)


@login_required
def badge_jwt(request: HttpRequest, uuid, algorithm: str = "RS256") -> HttpResponse:
    """The signed VC-JWT: RS256 (every OB 3.0 verifier reads it) or EdDSA."""
    certificate = _own_certificate(request, uuid)
    response = HttpResponse(
        badges.signed_credential(certificate, algorithm),
        content_type="application/vc+jwt",
    )
    suffix = "" if algorithm == "RS256" else f"-{algorithm.lower()}"
    response["Content-Disposition"] = (
        f'attachment; filename="badge-{certificate.display_code}{suffix}.jwt"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def badge_json(request: HttpRequest, uuid) -> HttpResponse:
    """The credential as readable JSON (unsigned; the .jwt downloads are signed)."""
    certificate = _own_certificate(request, uuid)
    data = badges.credential(certificate)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/ld+json; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="badge-{certificate.display_code}.json"'
    )
    return response


# --- Issuer (public) ------------------------------------------------------------------


@require_GET
def issuer(request: HttpRequest) -> JsonResponse:
    return JsonResponse(badges.issuer_profile(), content_type="application/ld+json")


@require_GET
def issuer_jwks(request: HttpRequest) -> JsonResponse:
    return JsonResponse(badges.jwks(), content_type="application/jwk-set+json")


@require_GET
def issuer_key(request: HttpRequest, thumbprint: str) -> JsonResponse:
    """One public key, at the URL a VC-JWT names in its `kid` header."""
    jwk = badges.public_jwk_by_thumbprint(thumbprint)
    if jwk is None:
        raise Http404
    return JsonResponse(jwk, content_type="application/jwk+json")


@require_GET
def achievement(request: HttpRequest, course_key, language: str) -> JsonResponse:
    """The Achievement a credential names: public once a certificate names it."""
    from courses.models import CoursePage

    if not Certificate.objects.filter(course_key=course_key).exists():
        raise Http404
    course = (
        CoursePage.objects.live()
        .public()
        .filter(translation_key=course_key, locale__language_code=language)
        .select_related("locale")
        .first()
    )
    if course is None:
        raise Http404
    return JsonResponse(
        badges.achievement_document(course),
        content_type="application/ld+json",
        json_dumps_params={"ensure_ascii": False},
    )


@never_cache
@require_GET
def revocation_list(request: HttpRequest) -> JsonResponse:
    return JsonResponse(badges.revocation_list())
