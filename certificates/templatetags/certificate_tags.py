"""Template tags that link a learner's certificate from pages of lower apps.

Course and "My learning" templates live below the certificates app; they reach the
certificate through this tag instead of importing upwards.
"""

from django import template

from certificates.models import Certificate

register = template.Library()


@register.simple_tag
def course_certificate(user, course) -> Certificate | None:
    """``{% course_certificate user course as certificate %}``: current one or None."""
    if course is None or not getattr(user, "is_authenticated", False):
        return None
    return (
        Certificate.objects.current()
        .filter(user=user, course_key=course.translation_key)
        .order_by("-issued_at")
        .first()
    )
