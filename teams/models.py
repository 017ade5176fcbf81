"""A course team: the trainers who author one course, in all its languages.

The team owns a Django group and a Wagtail collection. The group holds Wagtail's
page permissions on every language version of the course and the collection
permissions on the team's collection (images, documents, content packages,
certificate templates), so Wagtail's explorer, editor, choosers and listings
scope themselves; membership of the group is membership of the team. Rows are
written by teams/services.py only.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection


class CourseTeam(models.Model):
    course_key = models.UUIDField(
        _("course identity"),
        unique=True,
        editable=False,
        help_text=_("The translation key shared by all languages of the course."),
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The course page (language version) the team was made for."),
    )
    network = models.ForeignKey(
        "accounts.Network",
        verbose_name=_("network"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="course_teams",
        help_text=_("The lead trainers of this network manage the team."),
    )
    group = models.OneToOneField(
        Group,
        verbose_name=_("group"),
        on_delete=models.PROTECT,
        related_name="course_team",
        editable=False,
    )
    collection = models.OneToOneField(
        Collection,
        verbose_name=_("collection"),
        on_delete=models.PROTECT,
        related_name="course_team",
        editable=False,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("course team")
        verbose_name_plural = _("course teams")
        ordering = ["course__title"]

    def __str__(self) -> str:
        title = self.course.title if self.course_id else str(self.course_key)
        return str(_("Team “%(course)s”") % {"course": title})

    @property
    def members(self):
        return self.group.user_set.order_by("last_name", "first_name", "email")
