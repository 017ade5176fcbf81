"""The demo courses: complete, bilingual, valid for editors, loaded idempotently."""

import re
from io import StringIO
from unittest.mock import patch

from django.core.management import call_command
from django.test import TestCase
from django.utils.html import escape
from wagtail.models import Locale, Revision

from courses.models import CourseIndexPage, CoursePage, ModulePage
from courses.services import complete_module, enrol, progress_for
from demo.content import COURSES
from demo.courses import create_demo_courses
from demo.pages import create_site_pages
from quizzes import question_types
from quizzes.models import QuizPage, ReviewMode
from quizzes.question_types import grade as grade_question
from quizzes.services import start_or_resume_attempt, submit_attempt
from tests.factories import UserFactory

LANGUAGES = ("de", "en")
CHOICE_TYPES = ("single_choice", "multiple_choice")


def _strings(value):
    """Every string anywhere in a nested structure."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _translatable(value):
    """Every {"de": ..., "en": ...} pair anywhere in a nested structure."""
    if isinstance(value, dict):
        if set(value) == set(LANGUAGES):
            yield value
        else:
            for item in value.values():
                yield from _translatable(item)
    elif isinstance(value, list):
        for item in value:
            yield from _translatable(item)


# --- the content as data ------------------------------------------------------------


def test_each_demo_course_has_three_to_five_modules_and_one_final_quiz():
    assert len(COURSES) == 2
    for course in COURSES:
        modules = course["modules"]
        assert 3 <= len(modules) <= 5
        assert modules[-1]["quiz"] is not None
        assert all(module["quiz"] is None for module in modules[:-1])


def test_each_demo_course_has_a_case_study_reflections_callouts_and_a_glossary():
    for course in COURSES:
        for module in course["modules"]:
            kinds = {block["type"] for block in module["body"]}
            assert {"text", "callout", "reflection", "glossary"} <= kinds
        case_studies = [
            block
            for module in course["modules"]
            for block in module["body"]
            if block["type"] == "case_study"
        ]
        assert case_studies
        for case in case_studies:
            assert 3 <= len(case["options"]) <= 4
            assert sum(option["is_best"] for option in case["options"]) == 1


def test_each_demo_quiz_has_8_to_12_questions_of_at_least_four_types():
    for course in COURSES:
        quiz = course["modules"][-1]["quiz"]
        types = {question["type"] for question in quiz["questions"]}
        assert 8 <= len(quiz["questions"]) <= 12
        assert len(types) >= 4
        assert types <= set(question_types.names())
        assert quiz["pass_mark_percent"] == 70
        assert quiz["max_attempts"] in (3, None)


def test_every_choice_question_has_a_correct_answer_and_single_choice_exactly_one():
    for course in COURSES:
        for question in course["modules"][-1]["quiz"]["questions"]:
            if question["type"] not in CHOICE_TYPES:
                continue
            correct = sum(option["is_correct"] for option in question["options"])
            assert correct >= 1
            if question["type"] == "single_choice":
                assert correct == 1


def test_every_text_exists_in_german_and_english_and_they_differ_where_long():
    for course in COURSES:
        pairs = list(_translatable(course))
        assert len(pairs) > 100
        for pair in pairs:
            assert pair["de"] and pair["en"], pair
            if isinstance(pair["de"], str) and len(pair["de"]) > 40:
                assert pair["de"] != pair["en"], pair["de"]


def test_demo_content_has_no_placeholder_text():
    forbidden = re.compile(r"lorem|ipsum|TODO|FIXME|xxx", re.IGNORECASE)
    for course in COURSES:
        for text in _strings(course):
            assert not forbidden.search(text), text


def test_fill_in_blank_prompts_mark_the_gap_in_both_languages():
    for course in COURSES:
        for question in course["modules"][-1]["quiz"]["questions"]:
            if question["type"] == "fill_in_blank":
                for lang in LANGUAGES:
                    assert "___" in question["prompt"][lang]
                    assert question["accepted"][lang]


# --- the loader ---------------------------------------------------------------------


def _correct_response(question_type, data):
    """The answer a learner who knows the content gives, in block-id form."""
    if question_type == "single_choice":
        return next(o["id"] for o in data["options"] if o["value"]["is_correct"])
    if question_type == "multiple_choice":
        return [o["id"] for o in data["options"] if o["value"]["is_correct"]]
    if question_type == "true_false":
        return bool(data["correct"])
    if question_type == "matching":
        return {pair["id"]: pair["id"] for pair in data["pairs"]}
    if question_type == "ordering":
        return {item["id"]: n for n, item in enumerate(data["items"], start=1)}
    return data["accepted_answers"][0]["value"]


def _form_answers(attempt):
    """Token-keyed answers, as the quiz form posts them, all correct."""
    answers = {}
    for question in attempt.presented:
        kind, data = question["type"], question["data"]
        correct = _correct_response(kind, data)
        if kind in ("single_choice", "true_false"):
            key = "value" if kind == "true_false" else "id"
            answers[question["token"]] = next(
                c["token"] for c in question["choices"] if c[key] == correct
            )
        elif kind == "multiple_choice":
            answers[question["token"]] = [
                c["token"] for c in question["choices"] if c["id"] in correct
            ]
        elif kind == "matching":
            rights = {r["id"]: r["token"] for r in question["rights"]}
            answers[question["token"]] = {
                left["token"]: rights[left["id"]] for left in question["lefts"]
            }
        elif kind == "ordering":
            answers[question["token"]] = {
                item["token"]: str(correct[item["id"]]) for item in question["items"]
            }
        else:
            answers[question["token"]] = correct
    return answers


class TestLoadedDemoCourses(TestCase):
    """The page tree is built once for the class; each test runs in a savepoint."""

    @classmethod
    def setUpTestData(cls):
        create_site_pages()
        create_demo_courses()
        cls.de = Locale.objects.get(language_code="de")
        cls.en = Locale.objects.get(language_code="en")

    def test_loading_again_creates_no_duplicates_and_no_new_revisions(self):
        create_site_pages()  # republishes its own pages; only ours are counted
        revisions = Revision.objects.count()
        create_demo_courses()

        assert Revision.objects.count() == revisions
        assert CourseIndexPage.objects.count() == 2
        for locale in (self.de, self.en):
            assert CoursePage.objects.filter(locale=locale).count() == 2
            assert ModulePage.objects.filter(locale=locale).count() == 9
            assert QuizPage.objects.filter(locale=locale).count() == 2

    def test_every_demo_page_is_published_in_both_languages(self):
        for model in (CourseIndexPage, CoursePage, ModulePage, QuizPage):
            for page in model.objects.all():
                assert page.live, page
                assert not page.has_unpublished_changes, page
                assert page.get_translation_or_none(self.en) is not None, page

    def test_each_course_has_three_to_five_modules_and_a_valid_quiz(self):
        for course in CoursePage.objects.all():
            modules = list(course.get_modules())
            assert 3 <= len(modules) <= 5, course
            assert all(module.locale_id == course.locale_id for module in modules)
            for module in modules[:-1]:
                assert module.completion_viewed
                assert not module.completion_quiz_passed
                assert module.get_quiz() is None
            last = modules[-1]
            assert last.completion_quiz_passed
            assert not last.completion_viewed
            quiz = last.get_quiz().specific
            assert 8 <= len(quiz.questions) <= 12
            assert len({child.block_type for child in quiz.questions}) >= 4
            assert quiz.pass_mark_percent == 70
            assert quiz.max_attempts == 3
            assert quiz.review_mode == ReviewMode.SHOW_CORRECT
            for child in quiz.questions:
                if child.block_type in CHOICE_TYPES:
                    options = child.value["options"]
                    assert any(option["is_correct"] for option in options)

    def test_demo_pages_pass_the_editors_validation(self):
        """What an editor could publish: every block's own clean() accepts it."""
        for module in ModulePage.objects.all():
            module.body.stream_block.clean(module.body)
        for quiz in QuizPage.objects.all():
            quiz.questions.stream_block.clean(quiz.questions)
            quiz.full_clean()

    def test_english_pages_are_in_english_and_share_block_ids_with_german(self):
        german = ModulePage.objects.get(
            locale=self.de, slug="verstaendigung-in-der-beratung"
        )
        english = german.get_translation(self.en)

        assert english.title == "Communication in counselling"
        assert english.slug == "communication-in-counselling"
        assert [c.id for c in english.body] == [c.id for c in german.body]
        assert str(english.body[0].value) != str(german.body[0].value)
        quiz_de = QuizPage.objects.filter(locale=self.de).first()
        quiz_en = quiz_de.get_translation(self.en)
        assert [c.id for c in quiz_en.questions] == [c.id for c in quiz_de.questions]

    def test_changed_content_is_published_again_without_new_pages(self):
        course = COURSES[0]
        changed = {**course, "summary": {"de": "Neu.", "en": "New."}}
        with patch("demo.courses.COURSES", [changed, *COURSES[1:]]):
            create_demo_courses()

        page = CoursePage.objects.get(locale=self.de, slug=course["slug"]["de"])
        assert page.summary == "Neu."
        assert page.get_translation(self.en).summary == "New."
        assert CoursePage.objects.count() == 4

    def test_loaded_pages_contain_no_placeholder_text(self):
        forbidden = re.compile(r"lorem|ipsum|TODO", re.IGNORECASE)
        for model, fields in (
            (CoursePage, ("title", "summary", "learning_objectives")),
            (ModulePage, ("title", "intro")),
            (QuizPage, ("title", "intro")),
        ):
            for page in model.objects.all():
                for name in fields:
                    assert not forbidden.search(str(getattr(page, name)))
        for module in ModulePage.objects.all():
            assert not forbidden.search(str(module.body.raw_data))
        for quiz in QuizPage.objects.all():
            assert not forbidden.search(str(quiz.questions.raw_data))

    def test_correct_answers_score_full_points_and_blank_answers_none(self):
        for quiz in QuizPage.objects.all():
            for child in quiz.questions.raw_data:
                kind, data = child["type"], child["value"]
                right = grade_question(kind, data, _correct_response(kind, data))
                blank = grade_question(kind, data, None)
                assert right.is_correct, (quiz.locale, data["prompt"])
                assert not blank.is_correct

    def test_german_and_english_course_pages_render(self):
        german = self.client.get("/kurse/interkulturelle-kompetenz/")
        english = self.client.get("/en/catalogue/intercultural-competence/")

        assert german.status_code == 200
        assert "Interkulturelle Kompetenz im Arbeitsalltag" in german.content.decode()
        assert english.status_code == 200
        assert "Intercultural competence in everyday work" in english.content.decode()

    def test_course_index_lists_both_courses_in_each_language(self):
        german = self.client.get("/kurse/").content.decode()
        english = self.client.get("/en/catalogue/").content.decode()

        assert "Anerkennung ausländischer Berufsqualifikationen" in german
        assert "Recognition of foreign professional qualifications" in english

    def test_enrolled_learner_can_open_every_module_and_quiz_in_both_languages(self):
        learner = UserFactory(role="learner")
        for course in CoursePage.objects.filter(locale=self.de):
            enrol(learner, course)
        self.client.force_login(learner)

        for module in ModulePage.objects.all():
            response = self.client.get(module.url)
            assert response.status_code == 200, module.url
            assert escape(module.title) in response.content.decode()
        for quiz in QuizPage.objects.all():
            assert self.client.get(quiz.url).status_code == 200, quiz.url

    def test_learner_who_answers_correctly_completes_each_course(self):
        """Through the real services: read the lessons, pass the quiz, done."""
        learner = UserFactory(role="learner")
        for course in CoursePage.objects.filter(locale=self.en):
            enrol(learner, course)
            *lessons, last = course.get_modules()
            for module in lessons:
                complete_module(learner, module)
            quiz = last.get_quiz().specific
            attempt = start_or_resume_attempt(learner, quiz)
            submitted = submit_attempt(attempt, learner, _form_answers(attempt))

            assert submitted.passed, course.title
            assert submitted.score_percent == 100
            assert progress_for(learner, course).is_completed, course.title


def test_seed_demo_command_loads_the_courses_and_can_run_again(db):
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())

    assert CoursePage.objects.count() == 4
    assert QuizPage.objects.count() == 4
