"""The permission matrix's rows: each project URL and the answer each visitor gets.

Read by tests/security/test_permission_matrix.py, which walks the URL resolver
and fails for a project URL without a row here.
"""

from __future__ import annotations

from django.apps import apps

from tests.security.requests import CALLS, Call

L = "login"
R = "redirect"
# Namespaces of the generic snippet views and choosers, to keep the rows short.
CHOOSE_TEMPLATE = "wagtailsnippetchoosers_certificates_certificatetemplate"
CHOOSE_PACKAGE = "wagtailsnippetchoosers_content_packages_contentpackage"
CHOOSE_NETWORK = "wagtailsnippetchoosers_accounts_network"
CHOOSE_ORGANISATION = "wagtailsnippetchoosers_accounts_organisation"
TEMPLATES = "wagtailsnippets_certificates_certificatetemplate"
PACKAGES = "wagtailsnippets_content_packages_contentpackage"
NETWORKS = "wagtailsnippets_accounts_network"
ORGANISATIONS = "wagtailsnippets_accounts_organisation"

# (anonymous, learner, other_learner, trainer_other_course,
#  coordinator_other_network, coordinator, admin)
# Reviewed row by row: a learner reaches only their own attempts and
# certificates (404 for anyone else's); staff reach certificates, groups and
# exports only within their courses and networks; the admin is staff-only.
# "Trainer of another course" is in team B: team A's pages, package, template
# and team answer a refusal (404 where the object is outside their scope). What
# each listing, export and chooser shows is asserted row by row in
# test_listing_rows.py.
MATRIX: dict[str, tuple] = {
    "accounts:delete_account": (L, 200, 200, 200, 200, 200, 200),
    "accounts:my_data": (L, 200, 200, 200, 200, 200, 200),
    "accounts:my_data_json": (L, 200, 200, 200, 200, 200, 200),
    "accounts:my_data_summary": (L, 200, 200, 200, 200, 200, 200),
    "accounts:my_learning": (L, 200, 200, 200, 200, 200, 200),
    "accounts:profile": (L, 200, 200, 200, 200, 200, 200),
    "admin_login": (200, R, R, R, R, R, R),
    # Accessibility feedback: the operator (administrator) reads it in the admin.
    "accessibility_feedback:add": (L, L, L, R, R, R, 200),
    "accessibility_feedback:delete": (L, L, L, R, R, R, 200),
    "accessibility_feedback:edit": (L, L, L, R, R, R, 200),
    "accessibility_feedback:history": (L, L, L, R, R, R, 200),
    "accessibility_feedback:history_results": (L, L, L, R, R, R, 200),
    "accessibility_feedback:index": (L, L, L, R, R, R, 200),
    "accessibility_feedback:index_results": (L, L, L, R, R, R, 200),
    "accessibility_feedback:inspect": (L, L, L, R, R, R, 200),
    "accessibility_feedback:usage": (L, L, L, R, R, R, 200),
    "audit_log:add": (L, L, L, R, R, R, R),
    "audit_log:delete": (L, L, L, 404, 404, R, R),
    "audit_log:edit": (L, L, L, R, R, R, R),
    "audit_log:history": (L, L, L, 404, 404, R, R),
    "audit_log:history_results": (L, L, L, 404, 404, R, R),
    "audit_log:index": (L, L, L, R, R, R, 200),
    "audit_log:index_results": (L, L, L, R, R, R, 200),
    "audit_log:inspect": (L, L, L, 404, 404, R, 200),
    "audit_log:usage": (L, L, L, 404, 404, R, R),
    "certificates:badge_json": (L, 200, 404, 404, 404, 200, 200),
    "certificates:badge_jwt": (L, 200, 404, 404, 404, 200, 200),
    "certificates:badge_jwt_eddsa": (L, 200, 404, 404, 404, 200, 200),
    "certificates:key": (200, 200, 200, 200, 200, 200, 200),
    "certificates:achievement": (200, 200, 200, 200, 200, 200, 200),
    "certificates:issuer": (200, 200, 200, 200, 200, 200, 200),
    "certificates:jwks": (200, 200, 200, 200, 200, 200, 200),
    "certificates:mine": (L, 200, 200, 200, 200, 200, 200),
    "certificates:pdf": (L, 200, 404, 404, 404, 200, 200),
    "certificates:revocation_list": (200, 200, 200, 200, 200, 200, 200),
    "certificates:verify": (200, 200, 200, 200, 200, 200, 200),
    "certificates:verify_form": (200, 200, 200, 200, 200, 200, 200),
    "certificates:verify_pdf": (200, 200, 200, 200, 200, 200, 200),
    "certificates_admin:add": (L, L, L, R, R, R, R),
    "certificates_admin:archive_download": (L, L, L, 404, R, R, 200),
    "certificates_admin:delete": (L, L, L, 404, 404, R, R),
    "certificates_admin:edit": (L, L, L, R, R, R, R),
    "certificates_admin:group": (L, L, L, 404, R, R, 200),
    "certificates_admin:groups": (L, L, L, 200, R, R, 200),
    "certificates_admin:history": (L, L, L, 404, 404, R, R),
    "certificates_admin:history_results": (L, L, L, 404, 404, R, R),
    "certificates_admin:index": (L, L, L, 200, 200, 200, 200),
    "certificates_admin:index_results": (L, L, L, 200, 200, 200, 200),
    "certificates_admin:inspect": (L, L, L, 404, 404, 200, 200),
    "certificates_admin:issue": (L, L, L, 200, R, R, 200),
    "certificates_admin:reissue": (L, L, L, 404, R, R, 200),
    "certificates_admin:revoke": (L, L, L, 404, R, R, 200),
    "certificates_admin:usage": (L, L, L, 404, 404, R, R),
    "course_teams:delete": (L, L, L, 404, 404, 404, R),
    "course_teams:edit": (L, L, L, R, R, R, 200),
    "course_teams:history": (L, L, L, 404, 404, 404, 200),
    "course_teams:history_results": (L, L, L, 404, 404, 404, 200),
    "course_teams:index": (L, L, L, 200, R, R, 200),
    "course_teams:index_results": (L, L, L, 200, R, R, 200),
    "course_teams:inspect": (L, L, L, 404, 404, 404, 200),
    "course_teams:usage": (L, L, L, 404, 404, 404, 200),
    # The platform launches a package (enrolled learners and staff previews) ...
    "content_packages:launch": (404, R, R, R, R, R, R),
    # The xAPI forwarding backlog: staff who see packages (rows scoped to them).
    "content_packages_xapi_backlog": (L, L, L, 200, R, R, 200),
    # ... and the content origin serves it for the token of that launch only; the
    # visitor's platform session is sent along and counts for nothing.
    "content:file": (404, 200, 200, 200, 200, 200, 200),
    "content:h5p_new_attempt": (404, 403, 403, 403, 403, 403, 403),
    "content:h5p_state": (404, 200, 200, 403, 403, 403, 403),
    "content:h5p_statement": (404, 200, 200, 403, 403, 403, 403),
    "content:player": (404, 200, 200, 200, 200, 200, 200),
    "content:scorm_commit": (404, 200, 404, 403, 403, 403, 403),
    "content:scorm_new_attempt": (404, 303, 303, 403, 403, 403, 403),
    "courses:complete_module": (L, R, R, R, R, R, R),
    "courses:enrol": (L, R, R, R, R, R, R),
    "courses:index": (R, R, R, R, R, R, R),
    "courses:enrol_with_code": (L, 200, 200, 200, 200, 200, 200),
    "courses:save_reflection": (L, R, R, 404, 404, 404, 404),
    # The lesson's visit post: only an enrolled learner's visit is recorded.
    "courses:module_seen": (L, 204, 204, 403, 403, 403, 403),
    "courses:unenrol": (L, R, R, R, R, R, R),
    "courses_enrol_learners:enrol": (L, L, L, 200, R, R, 200),
    "esf_organisations:add": (L, L, L, R, R, R, 200),
    "esf_organisations:copy": (L, L, L, R, R, R, 200),
    "esf_organisations:delete": (L, L, L, R, R, R, 200),
    "esf_organisations:edit": (L, L, L, R, R, R, 200),
    "esf_organisations:history": (L, L, L, R, R, R, 200),
    "esf_organisations:history_results": (L, L, L, R, R, R, 200),
    "esf_organisations:index": (L, L, L, R, R, R, 200),
    "esf_organisations:index_results": (L, L, L, R, R, R, 200),
    "esf_organisations:usage": (L, L, L, R, R, R, 200),
    "healthz": (200, 200, 200, 200, 200, 200, 200),
    "quiz_attempts:add": (L, L, L, R, R, R, R),
    "quiz_attempts:delete": (L, L, L, 404, 404, R, R),
    "quiz_attempts:edit": (L, L, L, R, R, R, R),
    "quiz_attempts:history": (L, L, L, 404, 404, R, R),
    "quiz_attempts:history_results": (L, L, L, 404, 404, R, R),
    "quiz_attempts:index": (L, L, L, R, R, R, 200),
    "quiz_attempts:index_results": (L, L, L, R, R, R, 200),
    "quiz_attempts:inspect": (L, L, L, 404, 404, R, 200),
    "quiz_attempts:usage": (L, L, L, 404, 404, R, R),
    "quizzes:attempt": (L, 200, 404, 404, 404, 404, 404),
    "quizzes:result": (L, 200, 404, 404, 404, 404, 404),
    "quizzes:save_draft": (L, 200, 404, 404, 404, 404, 404),
    "quizzes:start": (L, R, R, R, R, R, R),
    "reports:my_indicators": (L, 200, 200, 200, 200, 200, 200),
    # The exit questions of the learner's own completed enrolment: nobody else's.
    "reports:exit_questionnaire": (L, 200, 404, 404, 404, 404, 404),
    "reports_admin:dashboard": (L, L, L, 200, 200, 200, 200),
    "reports_admin:esf": (L, L, L, 200, 200, 200, 200),
    "reports_admin:export_people": (L, L, L, R, R, R, 200),
    "reports_admin:export_table": (L, L, L, 200, 200, 200, 200),
    "reports_admin:job": (L, L, L, 404, 404, 200, 404),
    "reports_admin:job_download": (L, L, L, 404, 404, 200, 404),
    "reports_admin:job_status": (L, L, L, 404, 404, 200, 404),
    "reports_admin:jobs": (L, L, L, 200, 200, 200, 200),
    "reports_admin:people": (L, L, L, 200, R, R, 200),
    "reports_admin:quizzes": (L, L, L, 200, 200, 200, 200),
    "wagtail_serve:courses.CourseIndexPage": (200, 200, 200, 200, 200, 200, 200),
    "wagtail_serve:courses.CoursePage": (200, 200, 200, 200, 200, 200, 200),
    "wagtail_serve:courses.ModulePage": (L, 200, 200, 200, 200, 200, 200),
    "wagtail_serve:pages.HomePage": (200, 200, 200, 200, 200, 200, 200),
    "wagtail_serve:pages.StandardPage": (200, 200, 200, 200, 200, 200, 200),
    "wagtail_serve:pages.AccessibilityStatementPage": (200,) * 7,
    "wagtail_serve:pages.EasyLanguagePage": (200,) * 7,
    "wagtail_serve:pages.SignLanguagePage": (200,) * 7,
    "wagtail_serve:quizzes.QuizPage": (200, 200, 200, 200, 200, 200, 200),
    "wagtailadmin_explore": (L, L, L, R, R, R, 200),
    "wagtailadmin_home": (L, L, L, 200, 200, 200, 200),
    "wagtailadmin_pages:edit": (L, L, L, R, R, R, 200),
    "wagtaildocs:index": (L, L, L, 200, R, R, 200),
    "wagtailimages:index": (L, L, L, 200, R, R, 200),
    "wagtailsites:index": (L, L, L, R, R, R, 200),
    f"{CHOOSE_NETWORK}:choose": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_NETWORK}:choose_results": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_NETWORK}:chosen": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_NETWORK}:chosen_multiple": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_NETWORK}:create": (L, L, L, R, R, R, 200),
    f"{CHOOSE_ORGANISATION}:choose": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_ORGANISATION}:choose_results": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_ORGANISATION}:chosen": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_ORGANISATION}:chosen_multiple": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_ORGANISATION}:create": (L, L, L, R, R, R, 200),
    f"{CHOOSE_TEMPLATE}:choose": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_TEMPLATE}:choose_results": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_TEMPLATE}:chosen": (L, L, L, 404, 404, 404, 200),
    f"{CHOOSE_TEMPLATE}:chosen_multiple": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_TEMPLATE}:create": (L, L, L, 200, R, R, 200),
    f"{CHOOSE_PACKAGE}:choose": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_PACKAGE}:choose_results": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_PACKAGE}:chosen": (L, L, L, 404, 404, 404, 200),
    f"{CHOOSE_PACKAGE}:chosen_multiple": (L, L, L, 200, 200, 200, 200),
    f"{CHOOSE_PACKAGE}:create": (L, L, L, 200, R, R, 200),
    f"{NETWORKS}:add": (L, L, L, R, R, R, 200),
    f"{NETWORKS}:copy": (L, L, L, R, R, R, 200),
    f"{NETWORKS}:delete": (L, L, L, R, R, R, 200),
    f"{NETWORKS}:edit": (L, L, L, R, R, R, 200),
    f"{NETWORKS}:history": (L, L, L, R, R, R, 200),
    f"{NETWORKS}:history_results": (L, L, L, R, R, R, 200),
    f"{NETWORKS}:list": (L, L, L, R, R, R, 200),
    f"{NETWORKS}:list_results": (L, L, L, R, R, R, 200),
    f"{NETWORKS}:usage": (L, L, L, R, R, R, 200),
    f"{ORGANISATIONS}:add": (L, L, L, R, R, R, 200),
    f"{ORGANISATIONS}:copy": (L, L, L, R, R, R, 200),
    f"{ORGANISATIONS}:delete": (L, L, L, R, R, R, 200),
    f"{ORGANISATIONS}:edit": (L, L, L, R, R, R, 200),
    f"{ORGANISATIONS}:history": (L, L, L, R, R, R, 200),
    f"{ORGANISATIONS}:history_results": (L, L, L, R, R, R, 200),
    f"{ORGANISATIONS}:list": (L, L, L, R, R, R, 200),
    f"{ORGANISATIONS}:list_results": (L, L, L, R, R, R, 200),
    f"{ORGANISATIONS}:usage": (L, L, L, R, R, R, 200),
    f"{TEMPLATES}:add": (L, L, L, 200, R, R, 200),
    f"{TEMPLATES}:copy": (L, L, L, R, R, R, 200),
    f"{TEMPLATES}:delete": (L, L, L, 404, 404, 404, 200),
    f"{TEMPLATES}:edit": (L, L, L, 404, 404, 404, 200),
    f"{TEMPLATES}:history": (L, L, L, 404, 404, 404, 200),
    f"{TEMPLATES}:history_results": (L, L, L, 404, 404, 404, 200),
    f"{TEMPLATES}:list": (L, L, L, 200, R, R, 200),
    f"{TEMPLATES}:list_results": (L, L, L, 200, R, R, 200),
    f"{TEMPLATES}:revisions_compare": (L, L, L, 404, 404, 404, 200),
    f"{TEMPLATES}:revisions_revert": (L, L, L, 404, 404, 404, 200),
    f"{TEMPLATES}:usage": (L, L, L, 404, 404, 404, 200),
    f"{PACKAGES}:add": (L, L, L, 200, R, R, 200),
    f"{PACKAGES}:delete": (L, L, L, 404, 404, 404, 200),
    f"{PACKAGES}:edit": (L, L, L, 404, 404, 404, 200),
    f"{PACKAGES}:history": (L, L, L, 404, 404, 404, 200),
    f"{PACKAGES}:history_results": (L, L, L, 404, 404, 404, 200),
    f"{PACKAGES}:inspect": (L, L, L, 404, 404, 404, 200),
    f"{PACKAGES}:list": (L, L, L, 200, R, R, 200),
    f"{PACKAGES}:list_results": (L, L, L, 200, R, R, 200),
    f"{PACKAGES}:usage": (L, L, L, 404, 404, 404, 200),
    "wagtailusers_groups:index": (L, L, L, R, R, R, 200),
    "wagtailusers_users:add": (L, L, L, R, R, R, 200),
    "wagtailusers_users:copy": (L, L, L, R, R, R, 200),
    "wagtailusers_users:delete": (L, L, L, R, R, R, 200),
    "wagtailusers_users:edit": (L, L, L, R, R, R, 200),
    "wagtailusers_users:history": (L, L, L, R, R, R, 200),
    "wagtailusers_users:history_results": (L, L, L, R, R, R, 200),
    "wagtailusers_users:index": (L, L, L, R, R, R, 200),
    "wagtailusers_users:index_results": (L, L, L, R, R, R, 200),
    "wagtailusers_users:usage": (L, L, L, R, R, R, 200),
    "workshop_groups:add": (L, L, L, 200, R, R, 200),
    "workshop_groups:delete": (L, L, L, 404, 404, 404, 200),
    "workshop_groups:edit": (L, L, L, 404, R, R, 200),
    "workshop_groups:history": (L, L, L, 404, 404, 404, 200),
    "workshop_groups:history_results": (L, L, L, 404, 404, 404, 200),
    "workshop_groups:index": (L, L, L, 200, R, R, 200),
    "workshop_groups:index_results": (L, L, L, 200, R, R, 200),
    "workshop_groups:inspect": (L, L, L, 404, 404, 404, 200),
    "workshop_groups:usage": (L, L, L, 404, 404, 404, 200),
}

# namespace of a generic admin viewset -> the world's object its views open
GENERIC_OBJECTS = {
    "wagtailsnippets_accounts_network": lambda w: w.network.pk,
    "wagtailsnippetchoosers_accounts_network": lambda w: w.network.pk,
    "wagtailsnippets_accounts_organisation": lambda w: w.organisation.pk,
    "wagtailsnippetchoosers_accounts_organisation": lambda w: w.organisation.pk,
    "wagtailsnippets_content_packages_contentpackage": lambda w: w.h5p_package.pk,
    "wagtailsnippetchoosers_content_packages_contentpackage": (
        lambda w: w.h5p_package.pk
    ),
    "wagtailsnippets_certificates_certificatetemplate": lambda w: w.template.pk,
    "wagtailsnippetchoosers_certificates_certificatetemplate": (
        lambda w: w.template.pk
    ),
    "audit_log": lambda w: w.audit_entry.pk,
    "accessibility_feedback": lambda w: (
        apps.get_model("pages.AccessibilityFeedback")
        .objects.get_or_create(message="Kein Untertitel.")[0]
        .pk
    ),
    "workshop_groups": lambda w: w.group.pk,
    "quiz_attempts": lambda w: w.submitted_attempt.pk,
    "certificates_admin": lambda w: w.certificate.pk,
    "course_teams": lambda w: w.team.pk,
    "esf_organisations": lambda w: w.indicators.pk,
    "wagtailusers_users": lambda w: w.users["learner"].pk,
}

# Third-party admin pages: the admin as a whole is for staff; a sample per role.
ADMIN_SAMPLE: dict[str, Call] = {
    "wagtailadmin_home": Call(),
    "wagtailadmin_explore": Call(kwargs=lambda w: {"parent_page_id": w.course.pk}),
    "wagtailadmin_pages:edit": Call(kwargs=lambda w: {"page_id": w.course.pk}),
    "wagtailimages:index": Call(),
    "wagtaildocs:index": Call(),
    "wagtailusers_groups:index": Call(),
    "wagtailsites:index": Call(),
}
CALLS.update(ADMIN_SAMPLE)
