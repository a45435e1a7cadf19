"""Hearth settings.

Everything that differs between a laptop and a council's server comes from the environment.
The defaults are safe for development only: SQLite in the working tree, DEBUG on, a throwaway
secret key. Setting HEARTH_ENV=production turns every default off and insists on real values.
"""

import datetime as dt
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
NODE_MODULES = BASE_DIR / "node_modules"

HEARTH_ENV = os.environ.get("HEARTH_ENV", "development")
PRODUCTION = HEARTH_ENV == "production"


def env(name: str, default: str | None = None) -> str:
    value = os.environ.get(name)
    if value is not None:
        return value
    if PRODUCTION or default is None:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return default


SECRET_KEY = env("DJANGO_SECRET_KEY", "development-only-not-secret")
DEBUG = os.environ.get("DJANGO_DEBUG", "0" if PRODUCTION else "1") == "1"
ALLOWED_HOSTS = env("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o
]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "dbbackup",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "hearth.core",
    "hearth.accounts",
    "hearth.workingdays",
    "hearth.people",
    "hearth.cases",
    "hearth.frontdoor",
    "hearth.assessments",
    "hearth.protection",
    "hearth.cin",
    "hearth.care",
    "hearth.missing",
    "hearth.leaving_care",
    "hearth.iro",
    "hearth.fostering",
    "hearth.court",
    "hearth.health_education",
    "hearth.permanence",
    "hearth.performance",
    "hearth.workforce",
    "hearth.complaints",
    "hearth.audits",
    "hearth.governance",
    "hearth.lado",
    "hearth.drafts",
    "hearth.imports",
    "hearth.returns",
    "hearth.dataquality",
    "hearth.synthetic",
    "hearth.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "hearth.core.static.GovukAssetsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "hearth.core.middleware.RequestContextMiddleware",
    "hearth.core.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "hearth.accounts.middleware.InactivityTimeoutMiddleware",
    "hearth.accounts.middleware.TwoFactorMiddleware",
    "hearth.drafts.middleware.DraftsMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, so a locked-out sign-in is answered with the lockout page (django-axes).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "hearth" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hearth.core.context_processors.service",
            ],
        },
    },
]
# Form fields render GOV.UK Design System markup through Django's own form-rendering API
# (docs/adr/0002-templates.md).
FORM_RENDERER = "hearth.core.forms.GovukFormRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'hearth.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        # A connection the server dropped is noticed before a request reuses it.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
# django-axes first: it refuses a locked-out sign-in before any password is checked.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend",
                           "hearth.accounts.backends.RoleBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Sessions end after this many minutes without a request (InactivityTimeoutMiddleware).
HEARTH_SESSION_IDLE_MINUTES = int(os.environ.get("HEARTH_SESSION_IDLE_MINUTES", "30"))
# The local pre-proceedings timescale in weeks (TIMESCALES.md T51: no statutory limit; PLWG 2021
# recommends 16). ADR 14.
HEARTH_PRE_PROCEEDINGS_WEEKS = int(os.environ.get("HEARTH_PRE_PROCEEDINGS_WEEKS", "16"))
# Sign-in throttling (django-axes, ADR 17): after this many failed sign-ins for one username
# from one address, that pair is refused for the cool-off time. Locking the username alone
# would let anyone lock a colleague out; locking the address alone would lock a whole office
# behind one council gateway. A successful sign-in clears the count.
AXES_FAILURE_LIMIT = int(os.environ.get("HEARTH_SIGN_IN_ATTEMPTS", "5"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("HEARTH_SIGN_IN_LOCKOUT_MINUTES",
                                                            "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "hearth.accounts.throttling.locked_out"
AXES_VERBOSE = False
# The client address as the audit trail records it (REMOTE_ADDR): forwarded-for headers can
# be forged, so a proxy in front must pass the real address (e.g. gunicorn --forwarded-allow-ips).
AXES_CLIENT_IP_CALLABLE = "hearth.accounts.throttling.client_address"
# Two-factor authentication for staff (TOTP, django-otp, ADR 17): on in production unless
# HEARTH_REQUIRE_2FA=0; off by default on a laptop so `bin/run` and the tests sign in with a
# password alone (HEARTH_REQUIRE_2FA=1 turns it on anywhere).
HEARTH_REQUIRE_2FA = os.environ.get("HEARTH_REQUIRE_2FA", "1" if PRODUCTION else "0") == "1"
OTP_TOTP_ISSUER = os.environ.get("HEARTH_SERVICE_NAME", "Hearth")
SESSION_COOKIE_AGE = 12 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = PRODUCTION and os.environ.get("HEARTH_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = 31536000 if PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
    }
}

# Background jobs (ADR 0029): django-tasks with its database backend; `manage.py db_worker` runs
# them (bin/run starts one beside the server). HEARTH_TASKS_BACKEND=immediate runs each job
# inside the request that queues it, as the tests do.
TASKS = {"default": {"BACKEND": {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}[os.environ.get("HEARTH_TASKS_BACKEND", "database")], "QUEUES": ["default"]}}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d", "%d %m %Y"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "hearth" / "static",
    ("govuk", NODE_MODULES / "govuk-frontend" / "dist" / "govuk"),
    ("moj", NODE_MODULES / "@ministryofjustice" / "frontend" / "moj"),
]
WHITENOISE_USE_FINDERS = DEBUG

# Uploaded documents, and where `manage.py backup` writes (docs/backup-and-restore.md). Keep the
# backups on other storage than the database in production.
MEDIA_ROOT = Path(os.environ.get("HEARTH_MEDIA_ROOT", BASE_DIR / "media"))
BACKUP_ROOT = Path(os.environ.get("HEARTH_BACKUP_DIR", BASE_DIR / "backups"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "dbbackup": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                 "OPTIONS": {"location": str(BACKUP_ROOT)}},
}
DBBACKUP_SEND_EMAIL = False
DBBACKUP_FILENAME_TEMPLATE = "{databasename}-{datetime}.{extension}"
DBBACKUP_MEDIA_FILENAME_TEMPLATE = "media-{datetime}.{extension}"
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # pg_dump's custom format, restored by pg_restore in one transaction.
    DBBACKUP_CONNECTORS = {"default": {"CONNECTOR": "dbbackup.db.postgresql.PgDumpBinaryConnector"}}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Deny by default: an API view that forgets to declare a permission refuses everyone.
    "DEFAULT_PERMISSION_CLASSES": ["hearth.api.permissions.DenyAll"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {"user": "600/minute"},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Hearth API",
    "DESCRIPTION": "Children's social care records. Every call is permission-checked and audited "
    "exactly as the pages are.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums",
                             "hearth.api.schema.document_not_found"],
    # Choice sets whose field names collide with another app's ("category").
    "ENUM_NAME_OVERRIDES": {
        "CareLeaverCategoryEnum": "hearth.leaving_care.codes.Category",
        "IroChallengeReasonEnum": "hearth.iro.codes.Reason",
        "PlaceProviderEnum": "hearth.care.codes.ProviderType",
        "CourtHearingKindEnum": "hearth.court.codes.HearingKind",
        "CourtMeetingKindEnum": "hearth.court.codes.MeetingKind",
        "CourtInterimOrderKindEnum": "hearth.court.codes.InterimOrderKind",
        "PermanenceStageEnum": "hearth.permanence.codes.Stage",
        "AdopterSexEnum": "hearth.permanence.codes.AdopterSex",
        "AdopterLegalStatusEnum": "hearth.permanence.codes.AdopterLegalStatus",
        # The names these had before the adopters' fields shared their field names.
        "SexEnum": "hearth.people.codes.Sex",
        "LegalStatusEnum": "hearth.care.codes.LegalStatus",
        "StageEnum": "hearth.iro.codes.Stage",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("HEARTH_LOG_LEVEL", "WARNING")},
}

# The local authority this installation serves. Its 0-17 population is the denominator of every
# rate per 10,000 children; the synthetic authority sets it from its profile.
HEARTH_SERVICE_NAME = os.environ.get("HEARTH_SERVICE_NAME", "Hearth")

# Notifications (hearth.complaints.notifications): "console" writes messages to the log and
# standard output and sends nothing; "notify" sends them by GOV.UK Notify with an email template
# whose subject is ((subject)) and body ((body)). HEARTH_BASE_URL makes the links in them.
HEARTH_NOTIFY_BACKEND = os.environ.get("HEARTH_NOTIFY_BACKEND", "console")
HEARTH_NOTIFY_API_KEY = os.environ.get("HEARTH_NOTIFY_API_KEY", "")
HEARTH_NOTIFY_EMAIL_TEMPLATE_ID = os.environ.get("HEARTH_NOTIFY_EMAIL_TEMPLATE_ID", "")
HEARTH_BASE_URL = os.environ.get("HEARTH_BASE_URL", "http://localhost:8000")

# The local authority's 9-character ONS code (the SSDA903 validator decides in-area and
# out-of-area placements by it). Outside production it defaults to Dudley, the area the
# synthetic authority is modelled on; a council's server must set it.
HEARTH_LA_ONS_CODE = os.environ.get("HEARTH_LA_ONS_CODE", "" if PRODUCTION else "E08000027")
