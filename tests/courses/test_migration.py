"""The old completion rule becomes the new conditions with the same meaning."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from courses import services
from courses.models import ModulePage, ModuleProgress
from tests.factories import make_course, make_course_index

BEFORE = [("courses", "0003_lesson_content_package_block")]
AFTER = [("courses", "0004_module_completion_conditions")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture(autouse=True)
def _every_migration_applied_afterwards():
    """Going back to courses 0003 also unapplies what depends on courses since
    (the live app's tables); the tests after this one need them back."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_viewed_and_quiz_passed_rules_become_conditions_and_drafts_too(
    site_root, learner
):
    course = make_course(make_course_index(site_root), modules=2)
    lesson, quiz_module = (m.specific for m in course.get_modules())
    services.enrol(learner, course)
    services.complete_module(learner, lesson)

    old = _migrate(BEFORE)
    try:
        OldModule = old.get_model("courses", "ModulePage")  # noqa: N806
        OldModule.objects.filter(pk=quiz_module.pk).update(
            completion_rule="quiz_passed"
        )
        Revision = old.get_model("wagtailcore", "Revision")  # noqa: N806
        draft = Revision.objects.filter(object_id=str(quiz_module.pk)).latest("pk")
        draft.content = {**draft.content, "completion_rule": "quiz_passed"}
        draft.save(update_fields=["content"])
        OldProgress = old.get_model("courses", "ModuleProgress")  # noqa: N806
        # Before conditions, nobody's "Done" was on record: only the completion.
        assert OldProgress.objects.get().completed_at is not None
    finally:
        _migrate(AFTER)

    lesson = ModulePage.objects.get(pk=lesson.pk)
    quiz_module = ModulePage.objects.get(pk=quiz_module.pk)
    assert (lesson.completion_viewed, lesson.completion_quiz_passed) == (True, False)
    assert lesson.completion_packages == "pass_mark"
    assert (quiz_module.completion_viewed, quiz_module.completion_quiz_passed) == (
        False,
        True,
    )
    assert quiz_module.completion_packages == "none"
    content = quiz_module.revisions.latest("pk").content
    assert "completion_rule" not in content
    assert content["completion_quiz_passed"] is True
    assert content["completion_viewed"] is False
    progress = ModuleProgress.objects.get()
    assert progress.viewed_to_end_at == progress.completed_at
