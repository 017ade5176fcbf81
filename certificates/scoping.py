"""Which certificates and certificate templates a user may see.

Certificates: a learner their own; a trainer those of the courses their team
authors and of the workshop groups they run; a coordinator those of their
networks (the certificate's network or the learner's); administrators all.
The admin listing, its export, its filters, the PDF and every action use it.

Templates are collection members: a course team's members see and choose the
templates of their team's collection (Wagtail's collection permissions).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from wagtail.permission_policies.collections import CollectionPermissionPolicy

from accounts.roles import sees_everything
from courses.scoping import staff_scope_q

from .models import Certificate, CertificateTemplate

CERTIFICATE_PATHS = {
    "network": ("network", "user__organisation__network"),
    "course_key": "course_key",
    "group": "group",
}

template_policy = CollectionPermissionPolicy(CertificateTemplate)


def visible_certificates(user) -> QuerySet[Certificate]:
    certificates = Certificate.objects.all()
    if sees_everything(user):
        return certificates
    if not user.is_authenticated:
        return certificates.none()
    condition = Q(user=user)
    staff = staff_scope_q(user, CERTIFICATE_PATHS)
    if staff is not None:
        condition |= staff
    return certificates.filter(condition)


def visible_templates(user) -> QuerySet[CertificateTemplate]:
    return template_policy.instances_user_has_any_permission_for(
        user, ["change", "choose"]
    )
