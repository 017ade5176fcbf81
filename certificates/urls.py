from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("verify/", views.verify_form, name="verify_form"),
    path("verify/<str:code>/", views.verify, name="verify"),
    path("verify/<str:code>/certificate.pdf", views.verify_pdf, name="verify_pdf"),
    path("certificates/", views.my_certificates, name="mine"),
    path("certificates/issuer/", views.issuer, name="issuer"),
    path("certificates/issuer/jwks.json", views.issuer_jwks, name="jwks"),
    path(
        "certificates/issuer/keys/<str:thumbprint>.json",
        views.issuer_key,
        name="key",
    ),
    path(
        "certificates/achievements/<uuid:course_key>/<str:language>.json",
        views.achievement,
        name="achievement",
    ),
    path(
        "certificates/issuer/revocations.json",
        views.revocation_list,
        name="revocation_list",
    ),
    path("certificates/<uuid:uuid>/certificate.pdf", views.certificate_pdf, name="pdf"),
    path("certificates/<uuid:uuid>/badge.jwt", views.badge_jwt, name="badge_jwt"),
    path(
        "certificates/<uuid:uuid>/badge-eddsa.jwt",
        views.badge_jwt,
        {"algorithm": "EdDSA"},
        name="badge_jwt_eddsa",
    ),
    path("certificates/<uuid:uuid>/badge.json", views.badge_json, name="badge_json"),
]
