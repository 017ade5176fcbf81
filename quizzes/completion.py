"""The module completion condition “quiz passed”, read from submitted attempts.

Registered with courses.completion when the app is ready (QuizzesConfig.ready).
A module's quiz is its first live quiz child page; attempts count in any of the
quiz's languages, as attempt limits do.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Count, Max, Q
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from courses.completion import (
    ConditionState,
    ConditionType,
    Requirement,
    register_condition,
)

from .models import Attempt, AttemptStatus, QuizPage


class QuizPassed(ConditionType):
    code = "quiz"

    def requirements(self, modules):
        pages = list(modules)
        if not pages:
            return {}
        children = reduce(
            or_, [Q(path__startswith=m.path, depth=m.depth + 1) for m in pages]
        )
        first_quiz: dict[str, QuizPage] = {}
        for quiz in (
            QuizPage.objects.live()
            .filter(children)
            .order_by("path")
            .defer_streamfields()
        ):
            first_quiz.setdefault(quiz.path[: -QuizPage.steplen], quiz)
        planned = {}
        for module in pages:
            quiz = first_quiz.get(module.path)
            if quiz is not None:
                planned[module.translation_key] = [self._requirement(module, quiz)]
            elif module.completion_quiz_passed:
                # Ticked before the quiz exists: nobody completes without it.
                label = _("Pass the module's quiz (not published yet)")
                planned[module.translation_key] = [
                    Requirement(kind=self.code, key="quiz", label=label)
                ]
        return planned

    def _requirement(self, module, quiz: QuizPage) -> Requirement:
        required = module.completion_quiz_passed
        if required:
            label = _("Pass the quiz “%(title)s”") % {"title": quiz.title}
        else:
            label = _("Quiz (optional): %(title)s") % {"title": quiz.title}
        return Requirement(
            kind=self.code,
            key="quiz",
            label=label,
            required=required,
            url=quiz.url or "",
            params={
                "quiz_key": quiz.translation_key,
                "pass_mark": quiz.pass_mark_percent,
            },
        )

    def check(self, learner, wanted):
        keys = {r.params.get("quiz_key") for rs in wanted.values() for r in rs} - {None}
        results = {
            row["quiz__translation_key"]: row
            for row in Attempt.objects.filter(
                user_id=learner.user_id,
                quiz__translation_key__in=keys,
                status=AttemptStatus.SUBMITTED,
            )
            .values("quiz__translation_key")
            .annotate(
                best=Max("score_percent"), passes=Count("pk", filter=Q(passed=True))
            )
        }
        states = {}
        for key, requirements in wanted.items():
            for requirement in requirements:
                if "quiz_key" not in requirement.params:
                    continue
                row = results.get(requirement.params["quiz_key"])
                if row is None:
                    detail = _("not attempted yet")
                else:
                    detail = _("best result %(score)s %%, pass mark %(mark)s %%") % {
                        "score": number_format(row["best"] or 0, 0),
                        "mark": requirement.params["pass_mark"],
                    }
                states[(key, requirement.key)] = ConditionState(
                    requirement, met=bool(row and row["passes"]), detail=detail
                )
        return states


QUIZ = register_condition(QuizPassed(), order=300)
