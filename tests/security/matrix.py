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
CHOOSE_CATEGORY = "wagtailsnippetchoosers_quizzes_questioncategory"
CHOOSE_BANK_QUESTION = "wagtailsnippetchoosers_quizzes_bankquestion"
CATEGORIES = "wagtailsnippets_quizzes_questioncategory"
BANK_QUESTIONS = "wagtailsnippets_quizzes_bankquestion"
PACKAGES = "wagtailsnippets_content_packages_contentpackage"
NETWORKS = "wagtailsnippets_accounts_network"
ORGANISATIONS = "wagtailsnippets_accounts_organisation"

# (anonymous, learner, other_learner, trainer_other_course,
#  coordinator_other_network, coordinator, admin)
# Reviewed row by row: a learner reaches only their own attempts and
# certificates (404 for anyone else's); staff reach certificates, groups and
# exports only within their courses and networks; the admin is staff-only
# (signed-in learners get the platform's 403 page there, accounts/admin_access.py).
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
    "accessibility_feedback:add": (L, 403, 403, R, R, R, 200),
    "accessibility_feedback:delete": (L, 403, 403, R, R, R, 200),
    "accessibility_feedback:edit": (L, 403, 403, R, R, R, 200),
    "accessibility_feedback:history": (L, 403, 403, R, R, R, 200),
    "accessibility_feedback:history_results": (L, 403, 403, R, R, R, 200),
    "accessibility_feedback:index": (L, 403, 403, R, R, R, 200),
    "accessibility_feedback:index_results": (L, 403, 403, R, R, R, 200),
    "accessibility_feedback:inspect": (L, 403, 403, R, R, R, 200),
    "accessibility_feedback:usage": (L, 403, 403, R, R, R, 200),
    "audit_log:add": (L, 403, 403, R, R, R, R),
    "audit_log:delete": (L, 403, 403, 404, 404, R, R),
    "audit_log:edit": (L, 403, 403, R, R, R, R),
    "audit_log:history": (L, 403, 403, 404, 404, R, R),
    "audit_log:history_results": (L, 403, 403, 404, 404, R, R),
    "audit_log:index": (L, 403, 403, R, R, R, 200),
    "audit_log:index_results": (L, 403, 403, R, R, R, 200),
    "audit_log:inspect": (L, 403, 403, 404, 404, R, 200),
    "audit_log:usage": (L, 403, 403, 404, 404, R, R),
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
    "certificates_admin:add": (L, 403, 403, R, R, R, R),
    "certificates_admin:archive_download": (L, 403, 403, 404, R, R, 200),
    "certificates_admin:delete": (L, 403, 403, 404, 404, R, R),
    "certificates_admin:edit": (L, 403, 403, R, R, R, R),
    "certificates_admin:group": (L, 403, 403, 404, R, R, 200),
    "certificates_admin:groups": (L, 403, 403, 200, R, R, 200),
    "certificates_admin:history": (L, 403, 403, 404, 404, R, R),
    "certificates_admin:history_results": (L, 403, 403, 404, 404, R, R),
    "certificates_admin:index": (L, 403, 403, 200, 200, 200, 200),
    "certificates_admin:index_results": (L, 403, 403, 200, 200, 200, 200),
    "certificates_admin:inspect": (L, 403, 403, 404, 404, 200, 200),
    "certificates_admin:issue": (L, 403, 403, 200, R, R, 200),
    "certificates_admin:reissue": (L, 403, 403, 404, R, R, 200),
    "certificates_admin:revoke": (L, 403, 403, 404, R, R, 200),
    "certificates_admin:usage": (L, 403, 403, 404, 404, R, R),
    "course_teams:delete": (L, 403, 403, 404, 404, 404, R),
    "course_teams:edit": (L, 403, 403, R, R, R, 200),
    "course_teams:history": (L, 403, 403, 404, 404, 404, 200),
    "course_teams:history_results": (L, 403, 403, 404, 404, 404, 200),
    "course_teams:index": (L, 403, 403, 200, R, R, 200),
    "course_teams:index_results": (L, 403, 403, 200, R, R, 200),
    "course_teams:inspect": (L, 403, 403, 404, 404, 404, 200),
    "course_teams:usage": (L, 403, 403, 404, 404, 404, 200),
    # The platform launches a package (enrolled learners and staff previews) ...
    "content_packages:launch": (404, R, R, R, R, R, R),
    # The xAPI forwarding backlog: staff who see packages (rows scoped to them).
    "content_packages_xapi_backlog": (L, 403, 403, 200, R, R, 200),
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
    "courses_enrol_learners:enrol": (L, 403, 403, 200, R, R, 200),
    "esf_organisations:add": (L, 403, 403, R, R, R, 200),
    "esf_organisations:copy": (L, 403, 403, R, R, R, 200),
    "esf_organisations:delete": (L, 403, 403, R, R, R, 200),
    "esf_organisations:edit": (L, 403, 403, R, R, R, 200),
    "esf_organisations:history": (L, 403, 403, R, R, R, 200),
    "esf_organisations:history_results": (L, 403, 403, R, R, R, 200),
    "esf_organisations:index": (L, 403, 403, R, R, R, 200),
    "esf_organisations:index_results": (L, 403, 403, R, R, R, 200),
    "esf_organisations:usage": (L, 403, 403, R, R, R, 200),
    "healthz": (200, 200, 200, 200, 200, 200, 200),
    "quiz_attempts:add": (L, 403, 403, R, R, R, R),
    "quiz_attempts:delete": (L, 403, 403, 404, 404, R, R),
    "quiz_attempts:edit": (L, 403, 403, R, R, R, R),
    "quiz_attempts:history": (L, 403, 403, 404, 404, R, R),
    "quiz_attempts:history_results": (L, 403, 403, 404, 404, R, R),
    "quiz_attempts:index": (L, 403, 403, R, R, R, 200),
    "quiz_attempts:index_results": (L, 403, 403, R, R, R, 200),
    "quiz_attempts:inspect": (L, 403, 403, 404, 404, R, 200),
    "quiz_attempts:usage": (L, 403, 403, 404, 404, R, R),
    "quizzes:attempt": (L, 200, 404, 404, 404, 404, 404),
    "quizzes:result": (L, 200, 404, 404, 404, 404, 404),
    "quizzes:save_draft": (L, 200, 404, 404, 404, 404, 404),
    "quizzes:start": (L, R, R, R, R, R, R),
    "reports:my_indicators": (L, 200, 200, 200, 200, 200, 200),
    # The exit questions of the learner's own completed enrolment: nobody else's.
    "reports:exit_questionnaire": (L, 200, 404, 404, 404, 404, 404),
    "reports_admin:dashboard": (L, 403, 403, 200, 200, 200, 200),
    "reports_admin:esf": (L, 403, 403, 200, 200, 200, 200),
    "reports_admin:export_people": (L, 403, 403, R, R, R, 200),
    "reports_admin:export_table": (L, 403, 403, 200, 200, 200, 200),
    "reports_admin:job": (L, 403, 403, 404, 404, 200, 404),
    "reports_admin:job_download": (L, 403, 403, 404, 404, 200, 404),
    "reports_admin:job_status": (L, 403, 403, 404, 404, 200, 404),
    "reports_admin:jobs": (L, 403, 403, 200, 200, 200, 200),
    "reports_admin:people": (L, 403, 403, 200, R, R, 200),
    "reports_admin:quizzes": (L, 403, 403, 200, 200, 200, 200),
    "wagtail_serve:courses.CourseIndexPage": (200, 200, 200, 200, 200, 200, 200),
    "wagtail_serve:courses.CoursePage": (200, 200, 200, 200, 200, 200, 200),
    "wagtail_serve:courses.ModulePage": (L, 200, 200, 200, 200, 200, 200),
    "wagtail_serve:pages.HomePage": (200, 200, 200, 200, 200, 200, 200),
    "wagtail_serve:pages.StandardPage": (200, 200, 200, 200, 200, 200, 200),
    "wagtail_serve:pages.AccessibilityStatementPage": (200,) * 7,
    "wagtail_serve:pages.EasyLanguagePage": (200,) * 7,
    "wagtail_serve:pages.SignLanguagePage": (200,) * 7,
    "wagtail_serve:quizzes.QuizPage": (200, 200, 200, 200, 200, 200, 200),
    "wagtailadmin_explore": (L, 403, 403, R, R, R, 200),
    "wagtailadmin_home": (L, 403, 403, 200, 200, 200, 200),
    "wagtailadmin_pages:edit": (L, 403, 403, R, R, R, 200),
    "wagtaildocs:index": (L, 403, 403, 200, R, R, 200),
    "wagtailimages:index": (L, 403, 403, 200, R, R, 200),
    "wagtailsites:index": (L, 403, 403, R, R, R, 200),
    f"{CHOOSE_NETWORK}:choose": (L, 403, 403, 200, 200, 200, 200),
    f"{CHOOSE_NETWORK}:choose_results": (L, 403, 403, 200, 200, 200, 200),
    f"{CHOOSE_NETWORK}:chosen": (L, 403, 403, 200, 200, 200, 200),
    f"{CHOOSE_NETWORK}:chosen_multiple": (L, 403, 403, 200, 200, 200, 200),
    f"{CHOOSE_NETWORK}:create": (L, 403, 403, R, R, R, 200),
    f"{CHOOSE_ORGANISATION}:choose": (L, 403, 403, 200, 200, 200, 200),
    f"{CHOOSE_ORGANISATION}:choose_results": (L, 403, 403, 200, 200, 200, 200),
    f"{CHOOSE_ORGANISATION}:chosen": (L, 403, 403, 200, 200, 200, 200),
    f"{CHOOSE_ORGANISATION}:chosen_multiple": (L, 403, 403, 200, 200, 200, 200),
    f"{CHOOSE_ORGANISATION}:create": (L, 403, 403, R, R, R, 200),
    f"{CHOOSE_TEMPLATE}:choose": (L, 403, 403, 200, 200, 200, 200),
    f"{CHOOSE_TEMPLATE}:choose_results": (L, 403, 403, 200, 200, 200, 200),
    f"{CHOOSE_TEMPLATE}:chosen": (L, 403, 403, 404, 404, 404, 200),
    f"{CHOOSE_TEMPLATE}:chosen_multiple": (L, 403, 403, 200, 200, 200, 200),
    f"{CHOOSE_TEMPLATE}:create": (L, 403, 403, 200, R, R, 200),
    f"{CHOOSE_PACKAGE}:choose": (L, 403, 403, 200, 200, 200, 200),
    f"{CHOOSE_PACKAGE}:choose_results": (L, 403, 403, 200, 200, 200, 200),
    f"{CHOOSE_PACKAGE}:chosen": (L, 403, 403, 404, 404, 404, 200),
    f"{CHOOSE_PACKAGE}:chosen_multiple": (L, 403, 403, 200, 200, 200, 200),
    f"{CHOOSE_PACKAGE}:create": (L, 403, 403, 200, R, R, 200),
    f"{NETWORKS}:add": (L, 403, 403, R, R, R, 200),
    f"{NETWORKS}:copy": (L, 403, 403, R, R, R, 200),
    f"{NETWORKS}:delete": (L, 403, 403, R, R, R, 200),
    f"{NETWORKS}:edit": (L, 403, 403, R, R, R, 200),
    f"{NETWORKS}:history": (L, 403, 403, R, R, R, 200),
    f"{NETWORKS}:history_results": (L, 403, 403, R, R, R, 200),
    f"{NETWORKS}:list": (L, 403, 403, R, R, R, 200),
    f"{NETWORKS}:list_results": (L, 403, 403, R, R, R, 200),
    f"{NETWORKS}:usage": (L, 403, 403, R, R, R, 200),
    f"{ORGANISATIONS}:add": (L, 403, 403, R, R, R, 200),
    f"{ORGANISATIONS}:copy": (L, 403, 403, R, R, R, 200),
    f"{ORGANISATIONS}:delete": (L, 403, 403, R, R, R, 200),
    f"{ORGANISATIONS}:edit": (L, 403, 403, R, R, R, 200),
    f"{ORGANISATIONS}:history": (L, 403, 403, R, R, R, 200),
    f"{ORGANISATIONS}:history_results": (L, 403, 403, R, R, R, 200),
    f"{ORGANISATIONS}:list": (L, 403, 403, R, R, R, 200),
    f"{ORGANISATIONS}:list_results": (L, 403, 403, R, R, R, 200),
    f"{ORGANISATIONS}:usage": (L, 403, 403, R, R, R, 200),
    f"{TEMPLATES}:add": (L, 403, 403, 200, R, R, 200),
    f"{TEMPLATES}:copy": (L, 403, 403, R, R, R, 200),
    f"{TEMPLATES}:delete": (L, 403, 403, 404, 404, 404, 200),
    f"{TEMPLATES}:edit": (L, 403, 403, 404, 404, 404, 200),
    f"{TEMPLATES}:history": (L, 403, 403, 404, 404, 404, 200),
    f"{TEMPLATES}:history_results": (L, 403, 403, 404, 404, 404, 200),
    f"{TEMPLATES}:list": (L, 403, 403, 200, R, R, 200),
    f"{TEMPLATES}:list_results": (L, 403, 403, 200, R, R, 200),
    f"{TEMPLATES}:revisions_compare": (L, 403, 403, 404, 404, 404, 200),
    f"{TEMPLATES}:revisions_revert": (L, 403, 403, 404, 404, 404, 200),
    f"{TEMPLATES}:usage": (L, 403, 403, 404, 404, 404, 200),
    # The question bank of team A (quizzes/bank): like certificate templates.
    f"{CHOOSE_CATEGORY}:choose": (L, 403, 403, 200, 200, 200, 200),
    f"{CHOOSE_CATEGORY}:choose_results": (L, 403, 403, 200, 200, 200, 200),
    f"{CHOOSE_CATEGORY}:chosen": (L, 403, 403, 404, 404, 404, 200),
    f"{CHOOSE_CATEGORY}:chosen_multiple": (L, 403, 403, 200, 200, 200, 200),
    f"{CHOOSE_CATEGORY}:create": (L, 403, 403, 200, R, R, 200),
    f"{CHOOSE_BANK_QUESTION}:choose": (L, 403, 403, 200, 200, 200, 200),
    f"{CHOOSE_BANK_QUESTION}:choose_results": (L, 403, 403, 200, 200, 200, 200),
    f"{CHOOSE_BANK_QUESTION}:chosen": (L, 403, 403, 404, 404, 404, 200),
    f"{CHOOSE_BANK_QUESTION}:chosen_multiple": (L, 403, 403, 200, 200, 200, 200),
    f"{CHOOSE_BANK_QUESTION}:create": (L, 403, 403, 200, R, R, 200),
    f"{CATEGORIES}:add": (L, 403, 403, 200, R, R, 200),
    f"{CATEGORIES}:copy": (L, 403, 403, R, R, R, 200),
    f"{CATEGORIES}:delete": (L, 403, 403, 404, 404, 404, 200),
    f"{CATEGORIES}:edit": (L, 403, 403, 404, 404, 404, 200),
    f"{CATEGORIES}:history": (L, 403, 403, 404, 404, 404, 200),
    f"{CATEGORIES}:history_results": (L, 403, 403, 404, 404, 404, 200),
    f"{CATEGORIES}:list": (L, 403, 403, 200, R, R, 200),
    f"{CATEGORIES}:list_results": (L, 403, 403, 200, R, R, 200),
    f"{CATEGORIES}:usage": (L, 403, 403, 404, 404, 404, 200),
    f"{BANK_QUESTIONS}:add": (L, 403, 403, 200, R, R, 200),
    f"{BANK_QUESTIONS}:copy": (L, 403, 403, R, R, R, 200),
    f"{BANK_QUESTIONS}:delete": (L, 403, 403, 404, 404, 404, 200),
    f"{BANK_QUESTIONS}:edit": (L, 403, 403, 404, 404, 404, 200),
    f"{BANK_QUESTIONS}:history": (L, 403, 403, 404, 404, 404, 200),
    f"{BANK_QUESTIONS}:history_results": (L, 403, 403, 404, 404, 404, 200),
    f"{BANK_QUESTIONS}:list": (L, 403, 403, 200, R, R, 200),
    f"{BANK_QUESTIONS}:list_results": (L, 403, 403, 200, R, R, 200),
    f"{BANK_QUESTIONS}:usage": (L, 403, 403, 404, 404, 404, 200),
    f"{BANK_QUESTIONS}:revisions_compare": (L, 403, 403, 404, 404, 404, 200),
    f"{BANK_QUESTIONS}:revisions_revert": (L, 403, 403, 404, 404, 404, 200),
    f"{PACKAGES}:add": (L, 403, 403, 200, R, R, 200),
    f"{PACKAGES}:delete": (L, 403, 403, 404, 404, 404, 200),
    f"{PACKAGES}:edit": (L, 403, 403, 404, 404, 404, 200),
    f"{PACKAGES}:history": (L, 403, 403, 404, 404, 404, 200),
    f"{PACKAGES}:history_results": (L, 403, 403, 404, 404, 404, 200),
    f"{PACKAGES}:inspect": (L, 403, 403, 404, 404, 404, 200),
    f"{PACKAGES}:list": (L, 403, 403, 200, R, R, 200),
    f"{PACKAGES}:list_results": (L, 403, 403, 200, R, R, 200),
    f"{PACKAGES}:usage": (L, 403, 403, 404, 404, 404, 200),
    "wagtailusers_groups:index": (L, 403, 403, R, R, R, 200),
    "wagtailusers_users:add": (L, 403, 403, R, R, R, 200),
    "wagtailusers_users:copy": (L, 403, 403, R, R, R, 200),
    "wagtailusers_users:delete": (L, 403, 403, R, R, R, 200),
    "wagtailusers_users:edit": (L, 403, 403, R, R, R, 200),
    "wagtailusers_users:history": (L, 403, 403, R, R, R, 200),
    "wagtailusers_users:history_results": (L, 403, 403, R, R, R, 200),
    "wagtailusers_users:index": (L, 403, 403, R, R, R, 200),
    "wagtailusers_users:index_results": (L, 403, 403, R, R, R, 200),
    "wagtailusers_users:usage": (L, 403, 403, R, R, R, 200),
    "workshop_groups:add": (L, 403, 403, 200, R, R, 200),
    "workshop_groups:delete": (L, 403, 403, 404, 404, 404, 200),
    "workshop_groups:edit": (L, 403, 403, 404, R, R, 200),
    "workshop_groups:history": (L, 403, 403, 404, 404, 404, 200),
    "workshop_groups:history_results": (L, 403, 403, 404, 404, 404, 200),
    "workshop_groups:index": (L, 403, 403, 200, R, R, 200),
    "workshop_groups:index_results": (L, 403, 403, 200, R, R, 200),
    "workshop_groups:inspect": (L, 403, 403, 404, 404, 404, 200),
    "workshop_groups:usage": (L, 403, 403, 404, 404, 404, 200),
}


def bank_of(w) -> dict:
    """Both teams' bank category and question, made on first use."""
    from quizzes.bank.models import BankQuestion
    from tests.quizzes.bank_helpers import make_bank_question, make_category

    bank = w.extra.get("bank")
    # The world outlives each test's transaction: make them again after a rollback.
    if bank is None or not BankQuestion.objects.filter(pk=bank["question"].pk).exists():
        category = make_category(w.team.collection, "Kategorie Team A")
        other = make_category(w.other_team.collection, "Kategorie Team B")
        w.extra["bank"] = {
            "category": category,
            "question": make_bank_question(category, title="Frage Team A"),
            "other_category": other,
            "other_question": make_bank_question(other, title="Frage Team B"),
        }
    return w.extra["bank"]


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
    CATEGORIES: lambda w: bank_of(w)["category"].pk,
    CHOOSE_CATEGORY: lambda w: bank_of(w)["category"].pk,
    BANK_QUESTIONS: lambda w: bank_of(w)["question"].pk,
    CHOOSE_BANK_QUESTION: lambda w: bank_of(w)["question"].pk,
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
