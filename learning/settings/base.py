"""Settings shared by every environment: safe defaults, read from the environment."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# H5P and SCORM packages run on this origin, a host name of its own that is not
# in ALLOWED_HOSTS and receives none of the platform's cookies (for example
# https://inhalte.example.org; content_packages/origin.py, `check --deploy`).
CONTENT_ORIGIN = os.environ.get("CONTENT_ORIGIN", "")
# Other servers package content may load from (added to the content origin's CSP).
CONTENT_PACKAGES_ALLOWED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("CONTENT_PACKAGES_ALLOWED_ORIGINS", "").split(",")
    if origin.strip()
]

INSTALLED_APPS = [
    "learning",
    "accounts",
    "pages",
    "courses",
    "teams",
    "quizzes",
    "certificates",
    "reports",
    "content_packages",
    "live",
    "demo",
    "bench",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.wagtail_users.UsersAppConfig",  # wagtail.users, audited
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "pages.cache.ContentVersionMiddleware",
    "pages.middleware.CachedSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Administrators and personal-data staff reach nothing without TOTP.
    "accounts.middleware.TwoFactorRequiredMiddleware",
    # A signed-in learner at /admin/ gets the 403 page, not a redirect loop.
    "accounts.admin_access.AdminAccessDeniedMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "learning.urls"
WSGI_APPLICATION = "learning.wsgi.application"
# Wraps the platform so the same process serves the content origin (learning/wsgi.py).
WSGI_WRAPPER = "content_packages.origin.with_content_origin"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pages.context_processors.site_navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The `make run` database, written by the web server and the task worker side
    # by side: WAL lets readers go on while one process writes; IMMEDIATE takes
    # the write lock when a transaction begins (a read lock upgraded later fails
    # at once with "database is locked" instead of waiting); and a writer waits
    # up to `timeout` seconds for the lock. PostgreSQL needs none of this.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:my_learning"

# django-allauth: email is the login; registration needs a verified address.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[IQ Lernplattform] "
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}

# The client address of rate limits (learning.ratelimit, allauth's limits through
# accounts.adapter): with no proxy the forwarded header is ignored; behind nginx set
# TRUSTED_PROXY_COUNT=1. Only requests from TRUSTED_PROXY_ADDRESSES are believed.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
TRUSTED_PROXY_HEADER = os.environ.get("TRUSTED_PROXY_HEADER", "X-Forwarded-For")
TRUSTED_PROXY_ADDRESSES = env_list("TRUSTED_PROXY_ADDRESSES", "127.0.0.1,::1")

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "IQ Lernplattform"
# One 30-second step either side, for phones whose clock is a little off (RFC 6238).
MFA_TOTP_TOLERANCE = 1

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # content_packages: the H5P and SCORM players from npm (package-lock.json).
    ("vendor/h5p", BASE_DIR / "node_modules/h5p-standalone/dist"),
    ("vendor/scorm-again", BASE_DIR / "node_modules/scorm-again/dist"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Certificate PDFs, content packages and exports: never below MEDIA_ROOT, so never
# reachable through MEDIA_URL; served only by views that check permissions.
# Unset, they live in "<MEDIA_ROOT>-private" (learning.storage.private_media_root).
if os.environ.get("PRIVATE_MEDIA_ROOT"):
    PRIVATE_MEDIA_ROOT = Path(os.environ["PRIVATE_MEDIA_ROOT"])
if os.environ.get("CERTIFICATE_ISSUER_NAME"):
    CERTIFICATE_ISSUER_NAME = os.environ["CERTIFICATE_ISSUER_NAME"]
# Optional external learning record store for the xAPI statements.
XAPI_LRS_ENDPOINT = os.environ.get("XAPI_LRS_ENDPOINT", "")
XAPI_LRS_KEY = os.environ.get("XAPI_LRS_KEY", "")
XAPI_LRS_SECRET = os.environ.get("XAPI_LRS_SECRET", "")
# An xAPI Agent (JSON) sent as `authority`; empty: the LRS sets it.
XAPI_LRS_AUTHORITY = os.environ.get("XAPI_LRS_AUTHORITY", "")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Request bodies other than file uploads (forms, JSON tracking) up to 5 MB; files
# above 2.5 MB are streamed to a temporary file. Image and document uploads have
# their own limits (WAGTAILIMAGES_MAX_UPLOAD_SIZE, WAGTAILDOCS_MAX_UPLOAD_SIZE).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_PERMISSIONS = 0o640

# Background work (emails, certificate PDFs, large exports) goes through the
# tasks framework; `manage.py db_worker` runs the queue.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# manage.py task_worker (learning/worker.py): a running task whose worker has not
# written its heartbeat for the lease is queued again, up to TASK_MAX_ATTEMPTS.
TASK_WORKER_HEARTBEAT_SECONDS = float(
    os.environ.get("TASK_WORKER_HEARTBEAT_SECONDS", "5")
)
TASK_WORKER_LEASE_SECONDS = float(os.environ.get("TASK_WORKER_LEASE_SECONDS", "60"))
TASK_MAX_ATTEMPTS = int(os.environ.get("TASK_MAX_ATTEMPTS", "3"))
# Live sessions: the reminder email goes out this many hours before the start (0: none).
LIVE_REMINDER_HOURS = int(os.environ.get("LIVE_REMINDER_HOURS", "24"))
# manage.py backup encrypts every file to this GnuPG key when set (learning/backup.py).
BACKUP_GPG_RECIPIENT = os.environ.get("BACKUP_GPG_RECIPIENT", "")

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "IQ Lernplattform <noreply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The benchmark server mounts a bare view for comparison (bench/run.py).
BENCHMARK_ENDPOINTS = os.environ.get("BENCHMARK_ENDPOINTS") == "1"

# Learner accounts without a login for this long are anonymised by
# `manage.py anonymise_inactive_accounts` (run daily by a timer).
RETENTION_INACTIVE_DAYS = int(os.environ.get("RETENTION_INACTIVE_DAYS", str(3 * 365)))
# Every erasure is appended here (ids only, outside the database and its backups)
# so `manage.py reapply_erasures` can repeat them after a restore.
ERASURE_LOG_PATH = os.environ.get("ERASURE_LOG_PATH", "")
# Retention of records that hold personal data (manage.py apply_retention).
TASK_RESULTS_KEEP_DAYS = int(os.environ.get("TASK_RESULTS_KEEP_DAYS", "7"))
EMAIL_RECORDS_KEEP_DAYS = int(os.environ.get("EMAIL_RECORDS_KEEP_DAYS", "30"))
AUDIT_KEEP_DAYS = int(os.environ.get("AUDIT_KEEP_DAYS", str(2 * 365)))

WAGTAIL_SITE_NAME = "IQ Lernplattform"
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatar from an external service: the admin shows its own default image
# (and no hash of a staff email goes to a third party).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Sessions read from the cache (Redis in production), written through to the
# database: no session query on a page view.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content-Security-Policy (django-csp): the platform's own pages run only scripts and
# styles from /static/ (or, where ever needed, a tag carrying
# nonce="{{ request.csp_nonce }}"); never 'unsafe-inline'. The Wagtail admin relies
# on inline scripts and styles and keeps only X-Frame-Options. Lesson pages with a
# package add CONTENT_ORIGIN to frame-src; the content origin's players and files
# have their own policy (content_packages.content_views.package_policy).
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "media-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

LOG_FORMAT = os.environ.get("LOG_FORMAT", "plain")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level"},
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"wagtail": {"level": "WARNING"}},
}
