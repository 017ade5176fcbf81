"""Feedback on accessibility (BITV 2.0 § 7): a form on the statement page; each
message is kept as a row the operator sees in the admin and is mailed to the
statement's feedback address by the task worker once the row is committed."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class AccessibilityFeedback(models.Model):
    """One message sent through the accessibility statement's feedback form."""

    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    page = models.ForeignKey(
        "pages.AccessibilityStatementPage",
        verbose_name=_("statement"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="feedback",
    )
    page_url = models.CharField(_("page concerned"), max_length=500, blank=True)
    message = models.TextField(_("message"), max_length=5000)
    name = models.CharField(_("name"), max_length=150, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    handled = models.BooleanField(_("answered"), default=False)

    class Meta:
        app_label = "pages"
        ordering = ["-created_at"]
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.message[:40]}"


class FeedbackForm(forms.Form):
    message = forms.CharField(
        label=_("What did not work for you?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Please describe the barrier and where you met it."),
    )
    page_url = forms.CharField(
        label=_("Page concerned (optional)"),
        max_length=500,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "url"}),
    )
    name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your email address (optional, for our answer)"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def record_feedback(page, data: dict, sender=None) -> AccessibilityFeedback:
    """Store the message, log it in the audit log (BITV 2.0 § 7: the operator
    must answer, so receipt is on record) and queue the email to the operator
    after the commit. The log entry holds ids only, never the message."""
    from accounts.models import AuditAction
    from accounts.services import record_audit, send_email_later

    feedback = AccessibilityFeedback.objects.create(
        page=page,
        message=data["message"],
        page_url=data.get("page_url", ""),
        name=data.get("name", ""),
        email=data.get("email", ""),
    )
    signed_in = sender if sender is not None and sender.is_authenticated else None
    record_audit(
        actor=signed_in,
        action=AuditAction.ACCESSIBILITY_FEEDBACK,
        subject=signed_in,
        detail={"feedback": feedback.pk, "page": page.pk},
    )
    body = "\n\n".join(
        part
        for part in (
            data["message"],
            data.get("page_url") and f"{gettext('Page concerned')}: {data['page_url']}",
            data.get("name") and f"{gettext('Name')}: {data['name']}",
            data.get("email") and f"{gettext('Email address')}: {data['email']}",
        )
        if part
    )
    message = EmailMessage(
        subject=gettext("Accessibility feedback"),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[page.feedback_email],
    )
    transaction.on_commit(lambda: send_email_later(message))
    return feedback
