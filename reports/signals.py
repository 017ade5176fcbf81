"""Saves that change what the dashboard counts mark the enrolments as changed.

The refresh itself is the pipeline's step (reports.completion): inside a
service's change the marks are collected and the facts refreshed once at its
end; a save elsewhere (the Wagtail or Django admin) refreshes at once. Module
completions are marked by the pipeline; here only rows created complete or
deleted, so viewing a lesson costs no extra query.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from accounts.models import Organisation, User
from certificates.models import Certificate
from courses.models import (
    Enrollment,
    ModulePage,
    ModuleProgress,
    ModuleStatus,
    WorkshopGroup,
)
from courses.pipeline import enrolments_changed

from .facts import SOURCE_FIELDS
from .models import ParticipationFact


@receiver(post_save, sender=Enrollment, dispatch_uid="facts_enrollment_saved")
def enrollment_saved(sender, instance: Enrollment, update_fields=None, **kwargs):
    if update_fields is not None and not SOURCE_FIELDS & set(update_fields):
        return
    enrolments_changed([instance.pk])


@receiver(post_save, sender=ModuleProgress, dispatch_uid="facts_progress_saved")
def progress_created_complete(sender, instance: ModuleProgress, created, **kwargs):
    if created and instance.status == ModuleStatus.COMPLETED:
        enrolments_changed([instance.enrollment_id])


@receiver(post_delete, sender=ModuleProgress, dispatch_uid="facts_progress_deleted")
def progress_deleted(sender, instance: ModuleProgress, origin=None, **kwargs):
    if not _enrolment_deleted_too(origin):
        enrolments_changed([instance.enrollment_id])


@receiver(post_save, sender=Certificate, dispatch_uid="facts_certificate_saved")
def certificate_saved(sender, instance: Certificate, **kwargs):
    enrolments_changed([instance.enrollment_id])


@receiver(post_delete, sender=Certificate, dispatch_uid="facts_certificate_deleted")
def certificate_deleted(sender, instance: Certificate, origin=None, **kwargs):
    if not _enrolment_deleted_too(origin):
        enrolments_changed([instance.enrollment_id])


def _enrolment_deleted_too(origin) -> bool:
    """Deleting a learner or enrolment cascades here; refreshing would revive a fact."""
    model = origin.model if isinstance(origin, QuerySet) else type(origin)
    return issubclass(model, (Enrollment, User))


@receiver(post_save, sender=User, dispatch_uid="facts_user_saved")
def learner_saved(sender, instance: User, created, update_fields=None, **kwargs):
    if created or (update_fields is not None and "organisation" not in update_fields):
        return
    enrolments_changed(instance.enrollments.values_list("pk", flat=True))


@receiver(post_save, sender=Organisation, dispatch_uid="facts_organisation_saved")
def organisation_saved(sender, instance: Organisation, created, **kwargs):
    """Members' facts carry the organisation's network, type and region."""
    if not created:
        enrolments_changed(
            Enrollment.objects.filter(user__organisation=instance).values_list(
                "pk", flat=True
            )
        )


@receiver(post_delete, sender=Organisation, dispatch_uid="facts_organisation_deleted")
def organisation_deleted(sender, instance: Organisation, **kwargs):
    """Its members were unlinked (SET_NULL) before this signal: so are their facts.

    An update, never a refresh: a learner deleted in the same cascade must not
    get a fact back.
    """
    ParticipationFact.objects.filter(organisation_id=instance.pk).update(
        organisation=None, network=None, organisation_type=None, region=None
    )


@receiver(post_delete, sender=WorkshopGroup, dispatch_uid="facts_group_deleted")
def group_deleted(sender, instance: WorkshopGroup, **kwargs):
    ParticipationFact.objects.filter(group_id=instance.pk).update(group=None)


@receiver(page_published, sender=ModulePage, dispatch_uid="facts_module_published")
def module_published(sender, instance: ModulePage, **kwargs):
    """Changed conditions change who counts as having passed a quiz."""
    from .tasks import refresh_module_facts

    key = str(instance.translation_key)
    transaction.on_commit(lambda: refresh_module_facts.enqueue(key))
