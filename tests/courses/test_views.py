import pytest
from django.urls import reverse

from courses import services
from courses.models import ModuleStatus, ReflectionEntry
from tests.factories import QUIZ_MODULE, make_course, translate_tree

pytestmark = pytest.mark.django_db


def reflection_block_id(module) -> str:
    return next(b.id for b in module.body if b.block_type == "reflection")


def test_anonymous_visitor_reads_course_overview_with_sign_in_link(client, course):
    response = client.get(course.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Modul 1" in content
    assert reverse("account_login") in content


def test_anonymous_visitor_is_sent_to_login_from_module(client, modules):
    response = client.get(modules[0].url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_learner_not_enrolled_is_sent_to_course_page(client, learner, course, modules):
    client.force_login(learner)
    response = client.get(modules[0].url)
    assert response.status_code == 302
    assert response["Location"] == course.url


def test_withdrawn_learner_is_sent_to_course_page(client, learner, course, modules):
    services.enrol(learner, course)
    services.unenrol(learner, course)
    client.force_login(learner)
    assert client.get(modules[0].url)["Location"] == course.url


def test_trainer_may_preview_module_without_progress(client, trainer, modules):
    client.force_login(trainer)
    response = client.get(modules[0].url)
    assert response.status_code == 200
    assert "Vorschau" in response.content.decode()
    from courses.models import ModuleProgress

    assert not ModuleProgress.objects.exists()


def test_enrolled_learner_sees_module_and_it_is_started(
    client, learner, course, modules
):
    services.enrol(learner, course)
    client.force_login(learner)
    response = client.get(modules[1].url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Das Vorstellungsgespräch" in content
    assert modules[0].url in content  # previous module
    assert modules[2].url in content  # next module
    # The page's script posts the visit; that (not the GET) starts the module.
    client.post(reverse("courses:module_seen", args=[modules[1].pk]))
    state = services.progress_for(learner, course).state_of(modules[1])
    assert state.status == ModuleStatus.IN_PROGRESS


def test_mark_done_completes_viewed_module_and_goes_to_next(
    client, learner, course, modules
):
    services.enrol(learner, course)
    client.force_login(learner)
    response = client.post(reverse("courses:complete_module", args=[modules[0].pk]))
    assert response.status_code == 302
    assert response["Location"] == modules[1].url
    state = services.progress_for(learner, course).state_of(modules[0])
    assert state.is_completed


def test_mark_done_refused_for_quiz_module(client, learner, course_index):
    course = make_course(course_index, modules=1, module_fields=QUIZ_MODULE)
    module = course.get_modules().get()
    services.enrol(learner, course)
    client.force_login(learner)
    client.post(reverse("courses:complete_module", args=[module.pk]))
    assert not services.progress_for(learner, course).modules[0].is_completed


def test_mark_done_without_enrolment_changes_nothing(client, learner, modules):
    client.force_login(learner)
    response = client.post(reverse("courses:complete_module", args=[modules[0].pk]))
    assert response.status_code == 302
    from courses.models import ModuleProgress

    assert not ModuleProgress.objects.exists()


def test_reflection_is_saved_and_shown_only_to_its_author(
    client, learner, other_learner, course, modules
):
    module = modules[0]
    block_id = reflection_block_id(module)
    for user in (learner, other_learner):
        services.enrol(user, course)
    client.force_login(learner)
    url = reverse("courses:save_reflection", args=[module.pk, block_id])
    response = client.post(url, {"text": "Meine geheime Notiz"})
    assert response.status_code == 302
    assert ReflectionEntry.objects.get().text == "Meine geheime Notiz"
    assert "Meine geheime Notiz" in client.get(module.url).content.decode()

    client.force_login(other_learner)
    assert "Meine geheime Notiz" not in client.get(module.url).content.decode()


def test_saving_empty_reflection_deletes_it(client, learner, course, modules):
    module = modules[0]
    block_id = reflection_block_id(module)
    services.enrol(learner, course)
    client.force_login(learner)
    url = reverse("courses:save_reflection", args=[module.pk, block_id])
    client.post(url, {"text": "Entwurf"})
    client.post(url, {"text": "  "})
    assert not ReflectionEntry.objects.exists()


def test_reflection_for_unknown_block_or_without_enrolment_is_404(
    client, learner, course, modules
):
    module = modules[0]
    client.force_login(learner)
    url = reverse(
        "courses:save_reflection", args=[module.pk, reflection_block_id(module)]
    )
    assert client.post(url, {"text": "x"}).status_code == 404
    services.enrol(learner, course)
    bad = reverse("courses:save_reflection", args=[module.pk, "no-such-block"])
    assert client.post(bad, {"text": "x"}).status_code == 404
    assert not ReflectionEntry.objects.exists()


def test_too_long_reflection_is_refused(client, learner, course, modules):
    module = modules[0]
    services.enrol(learner, course)
    client.force_login(learner)
    url = reverse(
        "courses:save_reflection", args=[module.pk, reflection_block_id(module)]
    )
    client.post(url, {"text": "x" * (services.REFLECTION_MAX_LENGTH + 1)})
    assert not ReflectionEntry.objects.exists()


def test_case_study_shows_feedback_of_chosen_option_only(
    client, learner, course, modules
):
    module = modules[0]
    case = next(b for b in module.body if b.block_type == "case_study")
    services.enrol(learner, course)
    client.force_login(learner)
    before = client.get(module.url).content.decode()
    assert "Feedback zu Ihrer Antwort" not in before
    assert "Situation!" not in before
    after = client.get(module.url, {f"case-{case.id}": "2"}).content.decode()
    assert "Feedback zu Ihrer Antwort" in after
    feedback = after.split("case-study__feedback")[1].split("</div>")[0]
    assert "Situation!" in feedback
    assert "Zu kurz." not in feedback
    assert 'value="2" checked' in after


def test_module_page_query_count_does_not_grow_with_modules(
    client, learner, course_index, django_assert_max_num_queries
):
    small = make_course(course_index, modules=3)
    large = make_course(course_index, modules=30)
    client.force_login(learner)
    counts = {}
    for course in (small, large):
        services.enrol(learner, course)
        module = course.get_modules().last()
        client.get(module.url)  # warm up the caches
        client.post(reverse("courses:module_seen", args=[module.pk]))
        # 8 measured: cached routing, site, privacy and session; no write on GET.
        with django_assert_max_num_queries(9) as captured:
            assert client.get(module.url).status_code == 200
        counts[course.pk] = len(captured)
    assert counts[small.pk] == counts[large.pk]


def test_course_page_query_count_does_not_grow_with_modules(
    client, learner, course_index, django_assert_max_num_queries
):
    small = make_course(course_index, modules=3)
    large = make_course(course_index, modules=30)
    client.force_login(learner)
    counts = {}
    for course in (small, large):
        services.enrol(learner, course)
        client.get(course.url)  # warm up per-request caches (site, session)
        # 7 measured (cached session, routing and outline plan).
        with django_assert_max_num_queries(9) as captured:
            assert client.get(course.url).status_code == 200
        counts[course.pk] = len(captured)
    assert counts[small.pk] == counts[large.pk]


def test_course_page_shows_progress_and_resume_link(client, learner, course, modules):
    services.enrol(learner, course)
    services.complete_module(learner, modules[0])
    client.force_login(learner)
    content = client.get(course.url).content.decode()
    assert "<progress" in content
    assert "33 %" in content
    assert modules[1].url in content
    assert reverse("courses:unenrol", args=[course.pk]) in content


def test_my_learning_lists_courses_with_progress(client, learner, course, modules):
    services.enrol(learner, course)
    services.complete_module(learner, modules[0])
    client.force_login(learner)
    response = client.get(reverse("accounts:my_learning"))
    content = response.content.decode()
    assert course.title in content
    assert '<progress id="progress-' in content
    assert 'value="33"' in content
    assert modules[1].url in content


def test_my_learning_shows_english_course_in_english(client, learner, course):
    english = translate_tree(course, "en")
    services.enrol(learner, course)
    client.force_login(learner)
    content = client.get("/en" + reverse("accounts:my_learning")).content.decode()
    assert english.title in content


def test_my_learning_query_count_does_not_grow_with_courses(
    client, learner, course_index, django_assert_max_num_queries
):
    client.force_login(learner)
    services.enrol(learner, make_course(course_index, modules=2))
    client.get(reverse("accounts:my_learning"))  # warm up per-request caches
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("accounts:my_learning"))
    for _i in range(3):
        services.enrol(learner, make_course(course_index, modules=5))
    client.get(reverse("accounts:my_learning"))  # publishing cleared site caches
    with django_assert_max_num_queries(30) as many:
        client.get(reverse("accounts:my_learning"))
    assert len(few) == len(many)


def test_home_and_index_pages_list_live_courses(client, site_root, course_index):
    live = make_course(course_index, title="Sichtbarer Kurs")
    hidden = make_course(course_index, title="Entwurfskurs")
    hidden.unpublish()
    for url in (site_root.url, course_index.url):
        content = client.get(url).content.decode()
        assert live.title in content
        assert hidden.title not in content
