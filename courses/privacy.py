"""GDPR: a learner's enrolments, module progress and private reflections.

Erasure deletes the reflections (free text only the learner ever saw) and keeps
enrolments and progress: they point at the anonymised account row, so the
programme's counts of enrolments and completions stay right.
"""

from .models import Enrollment, ModuleProgress, ReflectionEntry

HOLDS_PERSONAL_DATA = {
    "courses.Enrollment": "kept, points at the anonymised account",
    "courses.ModuleProgress": "kept, points at the anonymised account",
    "courses.ReflectionEntry": "deleted on erasure",
}
NO_PERSONAL_DATA = {
    "courses.CourseIndexPage": "content page",
    "courses.CoursePage": "content page",
    "courses.ModulePage": "content page",
    "courses.WorkshopGroup": "a workshop's name and dates; its trainer is staff",
}


def export_personal_data(user) -> dict:
    enrollments = Enrollment.objects.filter(user=user).select_related("course", "group")
    progress = ModuleProgress.objects.filter(enrollment__user=user).select_related(
        "module"
    )
    return {
        "enrollments": [
            {
                "course": enrollment.course.title if enrollment.course else None,
                "status": enrollment.status,
                "source": enrollment.source,
                "group": enrollment.group.name if enrollment.group else None,
                "enrolled_at": enrollment.enrolled_at,
                "started_at": enrollment.started_at,
                "completed_at": enrollment.completed_at,
                "withdrawn_at": enrollment.withdrawn_at,
            }
            for enrollment in enrollments
        ],
        "module_progress": [
            {
                "module": item.module.title if item.module else str(item.module_key),
                "status": item.status,
                "started_at": item.started_at,
                "completed_at": item.completed_at,
                "last_seen_at": item.last_seen_at,
                "seconds_on_task": item.seconds_on_task,
                "best_quiz_score_percent": item.best_quiz_score_percent,
            }
            for item in progress
        ],
        "reflections": [
            {
                "module_key": str(entry.module_key),
                "block_id": entry.block_id,
                "text": entry.text,
                "created_at": entry.created_at,
                "updated_at": entry.updated_at,
            }
            for entry in ReflectionEntry.objects.filter(user=user)
        ],
    }


def erase_personal_data(user) -> None:
    ReflectionEntry.objects.filter(user=user).delete()
