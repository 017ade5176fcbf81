import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from courses import services
from courses.models import (
    Enrollment,
    EnrollmentSource,
    EnrollmentStatus,
    ModuleProgress,
    ModuleStatus,
    WorkshopGroup,
)
from tests.factories import OrganisationFactory, UserFactory, make_team

pytestmark = pytest.mark.django_db


def make_group(course, trainer, **fields) -> WorkshopGroup:
    return WorkshopGroup.objects.create(
        name="Workshop Köln",
        course=course,
        trainer=trainer,
        enrolment_code=services.generate_enrolment_code(),
        **fields,
    )


def test_enrolling_twice_keeps_one_active_enrolment(learner, course):
    first = services.enrol(learner, course)
    second = services.enrol(learner, course)
    assert first.pk == second.pk
    assert Enrollment.objects.filter(user=learner).count() == 1
    assert second.status == EnrollmentStatus.ACTIVE
    assert second.course_key == course.translation_key


def test_unenrol_withdraws_but_keeps_progress(learner, course, modules):
    services.enrol(learner, course)
    services.complete_module(learner, modules[0])
    services.unenrol(learner, course)
    enrollment = Enrollment.objects.get(user=learner)
    assert enrollment.status == EnrollmentStatus.WITHDRAWN
    assert enrollment.withdrawn_at is not None
    assert services.get_active_enrollment(learner, course) is None
    assert (
        ModuleProgress.objects.filter(
            enrollment=enrollment, status=ModuleStatus.COMPLETED
        ).count()
        == 1
    )


def test_reenrolling_after_withdrawing_reactivates_with_progress(
    learner, course, modules
):
    services.enrol(learner, course)
    services.complete_module(learner, modules[0])
    services.unenrol(learner, course)
    services.unenrol(learner, course)  # a second withdraw changes nothing
    enrollment = services.enrol(learner, course)
    assert enrollment.status == EnrollmentStatus.ACTIVE
    assert Enrollment.objects.count() == 1
    progress = services.progress_for(learner, course)
    assert progress.completed_count == 1
    assert progress.next_module == modules[1]


def test_unknown_code_raises_clear_error_and_saves_nothing(learner, course):
    with pytest.raises(ValidationError) as error:
        services.enrol_with_code(learner, "NOPE-0000")
    assert error.value.code == "unknown_code"
    assert not Enrollment.objects.exists()


def test_code_enrols_into_group_course_ignoring_case_and_hyphens(
    learner, trainer, course
):
    group = make_group(course, trainer)
    typed = f" {group.enrolment_code[:4].lower()}-{group.enrolment_code[4:]} "
    enrollment = services.enrol_with_code(learner, typed)
    assert enrollment.group == group
    assert enrollment.source == EnrollmentSource.GROUP_CODE
    assert enrollment.course_key == course.translation_key


def test_generated_codes_avoid_ambiguous_characters():
    for _i in range(50):
        code = services.generate_enrolment_code()
        assert len(code) == services.CODE_LENGTH
        assert not set(code) & set("01OIL")


def test_join_form_with_bad_code_shows_message_and_enrols_nobody(
    client, learner, course
):
    client.force_login(learner)
    response = client.post(reverse("courses:enrol_with_code"), {"code": "XXXX-YYYY"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "aria-invalid" in content
    assert "id_code_error" in content
    assert not Enrollment.objects.exists()


def test_join_form_with_good_code_redirects_to_course(client, learner, trainer, course):
    group = make_group(course, trainer)
    client.force_login(learner)
    response = client.post(
        reverse("courses:enrol_with_code"), {"code": group.enrolment_code}
    )
    assert response.status_code == 302
    assert response["Location"] == course.url
    assert Enrollment.objects.get(user=learner).group == group


def test_code_of_ended_group_is_refused(learner, trainer, course):
    import datetime

    group = make_group(course, trainer, end_date=datetime.date(2020, 1, 1))
    with pytest.raises(ValidationError):
        services.enrol_with_code(learner, group.enrolment_code)
    assert not Enrollment.objects.exists()


def test_enrol_users_counts_only_new_enrolments(trainer, course):
    users = [UserFactory() for _i in range(3)]
    services.enrol(users[0], course)
    assert services.enrol_users(users, course, by=trainer) == 2
    assert services.enrol_users(users, course, by=trainer) == 0
    enrollment = Enrollment.objects.get(user=users[1])
    assert enrollment.source == EnrollmentSource.TRAINER
    assert enrollment.enrolled_by == trainer


def test_enrol_organisation_enrols_active_members(trainer, course):
    organisation = OrganisationFactory()
    members = [UserFactory(organisation=organisation) for _i in range(2)]
    UserFactory(organisation=organisation, is_active=False)
    UserFactory()  # another organisation
    assert services.enrol_organisation(organisation, course, by=trainer) == 2
    assert set(Enrollment.objects.values_list("user", flat=True)) == {
        m.pk for m in members
    }


def test_enrol_view_requires_post_and_login(client, learner, course):
    url = reverse("courses:enrol", args=[course.pk])
    assert client.post(url).status_code == 302
    assert not Enrollment.objects.exists()
    client.force_login(learner)
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response.status_code == 302
    assert services.get_active_enrollment(learner, course) is not None


def test_unenrol_view_withdraws(client, learner, course):
    services.enrol(learner, course)
    client.force_login(learner)
    response = client.post(reverse("courses:unenrol", args=[course.pk]))
    assert response.status_code == 302
    assert services.get_active_enrollment(learner, course) is None


def test_enrol_view_404_for_unpublished_course(client, learner, course):
    course.unpublish()
    client.force_login(learner)
    response = client.post(reverse("courses:enrol", args=[course.pk]))
    assert response.status_code == 404
    assert not Enrollment.objects.exists()


def test_trainer_enrols_emails_and_organisation_in_admin(client, trainer, course):
    make_team(course, trainer)
    organisation = OrganisationFactory()
    member = UserFactory(organisation=organisation)
    listed = UserFactory()
    client.force_login(trainer)
    url = reverse("courses_enrol_learners:enrol")
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "course": course.pk,
            "emails": f"{listed.email.upper()}\nunknown@example.org",
            "organisation": organisation.pk,
        },
    )
    assert response.status_code == 302
    enrolled = set(Enrollment.objects.values_list("user", flat=True))
    assert enrolled == {member.pk, listed.pk}


def test_trainer_outside_the_course_team_cannot_enrol_into_it(client, trainer, course):
    listed = UserFactory()
    client.force_login(trainer)
    url = reverse("courses_enrol_learners:enrol")
    assert course.title not in client.get(url).content.decode()

    response = client.post(url, {"course": course.pk, "emails": listed.email})

    assert response.status_code == 200
    assert "course" in response.context["form"].errors
    assert not Enrollment.objects.exists()


def test_trainer_enrolment_form_rejects_bad_email_and_enrols_nobody(
    client, trainer, course
):
    make_team(course, trainer)
    listed = UserFactory()
    client.force_login(trainer)
    response = client.post(
        reverse("courses_enrol_learners:enrol"),
        {"course": course.pk, "emails": f"{listed.email}, not-an-address"},
    )
    assert response.status_code == 200
    assert "not-an-address" in response.content.decode()
    assert not Enrollment.objects.exists()


def test_learner_cannot_use_trainer_enrolment(client, learner, course):
    client.force_login(learner)
    response = client.get(reverse("courses_enrol_learners:enrol"))
    assert response.status_code in (302, 403)


def test_trainer_creates_workshop_group_with_generated_code(client, trainer, course):
    make_team(course, trainer)
    client.force_login(trainer)
    response = client.post(
        reverse("workshop_groups:add"),
        {
            "name": "Workshop Essen",
            "course": course.pk,
            "trainer": trainer.pk,
            "sessions": "12.3. Essen",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    group = WorkshopGroup.objects.get()
    assert len(group.enrolment_code) == services.CODE_LENGTH


def test_workshop_group_for_another_teams_course_is_refused(client, trainer, course):
    other = UserFactory(role="trainer")
    client.force_login(trainer)
    response = client.post(
        reverse("workshop_groups:add"),
        {"name": "Fremder Workshop", "course": course.pk, "trainer": other.pk},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "course" in errors and "trainer" in errors
    assert not WorkshopGroup.objects.exists()
