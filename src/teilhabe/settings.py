"""Settings for Teilhabe, read from environment variables.

Defaults are safe for production (DEBUG off, secure cookies, HSTS, CSP). Local
development and the demo set TEILHABE_DEBUG=1 through `make run`.
"""

import os
import sys
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


DEBUG = env_bool("TEILHABE_DEBUG", False)
# The test suite runs under pytest (or with TEILHABE_TESTING=1); production never imports pytest.
TESTING = env_bool("TEILHABE_TESTING", False) or "pytest" in sys.modules
# Demo mode allows the well-known demo passwords and shows them on the login page.
DEMO_MODE = env_bool("TEILHABE_DEMO", False)

SECRET_KEY = env_str("TEILHABE_SECRET_KEY")
if not SECRET_KEY and (DEBUG or DEMO_MODE or TESTING):
    SECRET_KEY = "insecure-development-key-never-use-in-production"
# Otherwise an empty key stays empty: Django then refuses to serve requests
# (ImproperlyConfigured on first use) while commands like makemigrations still work.

ALLOWED_HOSTS = env_list("TEILHABE_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("TEILHABE_CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("TEILHABE_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Who runs this installation: the imprint, the privacy policy and the accessibility
# statement (footer) are built from these. The operator can replace each page's text
# in the admin ("Legal pages"); without that the pages show a default filled from here.
OPERATOR = {
    "name": env_str("TEILHABE_OPERATOR_NAME", "Programmbüro Teilhabe (Demo)"),
    "address": env_str("TEILHABE_OPERATOR_ADDRESS", "Musterstraße 1\n12345 Musterstadt"),
    "email": env_str("TEILHABE_OPERATOR_EMAIL", "kontakt@teilhabe.example"),
    "phone": env_str("TEILHABE_OPERATOR_PHONE", ""),
    "representative": env_str("TEILHABE_OPERATOR_REPRESENTATIVE", ""),
    "data_protection_officer": env_str(
        "TEILHABE_DATA_PROTECTION_OFFICER", "datenschutz@teilhabe.example"
    ),
    "supervisory_authority": env_str(
        "TEILHABE_SUPERVISORY_AUTHORITY",
        "die Datenschutzaufsichtsbehörde Ihres Bundeslandes",
    ),
    "accessibility_contact": env_str(
        "TEILHABE_ACCESSIBILITY_CONTACT", "barrierefreiheit@teilhabe.example"
    ),
}

INSTALLED_APPS = [
    "teilhabe.core",
    "teilhabe.accounts",
    "teilhabe.programmes",
    "teilhabe.processes",
    "teilhabe.stakeholders",
    "teilhabe.selfcheck",
    "teilhabe.dashboards",
    "teilhabe.demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_htmx",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads the body: a too large upload is refused unread.
    "teilhabe.core.middleware.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "teilhabe.accounts.middleware.PreferredLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After OTPMiddleware: sends people who still owe a second factor to verify or set it up.
    "teilhabe.accounts.middleware.RequireTwoFactor",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Axes must come last so it sees the authentication result.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "teilhabe.urls"
WSGI_APPLICATION = "teilhabe.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "teilhabe.core.context_processors.site",
                "teilhabe.demo.context_processors.demo_logins",
            ],
        },
    },
]
# All form fields render through the project's own field template.
FORM_RENDERER = "teilhabe.core.forms.TeilhabeFormRenderer"

# --- Database -----------------------------------------------------------------
DATA_DIR = Path(env_str("TEILHABE_DATA_DIR", str(PROJECT_DIR / "var")))
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env_str("TEILHABE_SQLITE_PATH", str(DATA_DIR / "teilhabe.sqlite3")),
            # WAL plus IMMEDIATE transactions: concurrent writers wait instead of
            # failing with "database is locked" (see shared/TOOLCHAIN.md). They wait
            # up to `timeout` seconds; no PRAGMA busy_timeout here, which would
            # silently replace it with a shorter wait (bench/contention.py: 72 of 806
            # writes failed with 5 s under 50 writers, none with 20 s).
            "OPTIONS": {
                "init_command": (
                    "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON;"
                ),
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts -----------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "teilhabe.accounts.backends.OperatorModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "dashboards:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3  # invitations use the same tokens: three days

# Login throttling: five failures lock that account for 30 minutes, from every IP
# address. Failures are counted under the normalised e-mail address, so spellings
# (`Team@…`, `TEAM@…`) share one count. Locking the account rather than the pair
# (address, IP) means an attacker with many IPs gets five guesses, not five per IP;
# the price is that anyone can lock an account out for half an hour, which an
# operator can lift in the admin (Axes → access attempts).
AXES_FAILURE_LIMIT = env_int("TEILHABE_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.5  # hours
# The pair (IP, account) is implied by the account alone; it is listed because axes
# (check W006) insists that some parameter contain the IP address.
AXES_LOCKOUT_PARAMETERS = ["username", ["ip_address", "username"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "teilhabe.accounts.emails.lockout_username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Two-factor authentication (django-otp): an authenticator app (TOTP) plus ten
# recovery codes. Required for the programme office, facilitators and operators,
# offered to everybody else on the profile; not enforced in demo mode, where the demo
# accounts log in with their password alone (accounts.middleware.RequireTwoFactor).
OTP_TOTP_ISSUER = "Teilhabe"
# Wrong codes lock a device for 1, 2, 4, 8 … seconds (django-otp's throttling).
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# Operators reset lost devices in the admin by deleting them; they never need to see
# anybody's secret key or recovery codes there.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# --- Languages and formats ----------------------------------------------------
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
# Off: with it, every {{ obj.pk }} above 999 became "1.040" in ids, data attributes
# and htmx targets. Money (format_eur) and figures (|intcomma) group explicitly.
USE_THOUSAND_SEPARATOR = False
# Our own English formats: dates day first or ISO, never the American month first
# (core/formats/en/formats.py). German uses Django's.
FORMAT_MODULE_PATH = ["teilhabe.core.formats"]
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static and uploaded files ------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
# The project package is not an app, so its static/ folder is listed explicitly.
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env_str("TEILHABE_MEDIA_ROOT", str(DATA_DIR / "media")))
# Uploaded documents are never served from a public URL: a view checks permissions
# and streams them. MEDIA_URL is therefore unused on purpose.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
# The largest file anybody may upload (documents, actor imports).
MAX_UPLOAD_MB = env_int("TEILHABE_MAX_UPLOAD_MB", 10)
# A request declaring a larger body is answered 413 before it is read
# (core.middleware.RequestSizeLimitMiddleware): the largest file plus room for the
# multipart framing and the form's other fields. The reverse proxy should refuse
# earlier still (README, "Production").
MAX_REQUEST_BYTES = (MAX_UPLOAD_MB + 1) * 1024 * 1024
# Form fields other than files are held in memory; no form here needs more.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Files up to this size stay in memory while the request is handled, larger ones go
# to a temporary file (Django's default, stated here next to the other limits).
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_PERMISSIONS = 0o640

# --- E-mail -------------------------------------------------------------------
EMAIL_BACKEND = env_str(
    "TEILHABE_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG or DEMO_MODE
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("TEILHABE_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("TEILHABE_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("TEILHABE_EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("TEILHABE_EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("TEILHABE_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("TEILHABE_FROM_EMAIL", "Teilhabe <noreply@teilhabe.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Seconds before an unanswering SMTP server counts as failed; without it a hanging
# server would block the mail worker for good.
EMAIL_TIMEOUT = env_int("TEILHABE_EMAIL_TIMEOUT", 30)

# --- Background tasks ---------------------------------------------------------
# Mail (and later other slow work) runs in `manage.py db_worker`, a second process
# next to the web server; the queue is a table in the same database. The tests switch
# to the immediate backend (tests/conftest.py), which runs each task on the spot.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# --- Security -----------------------------------------------------------------
SECURE = not (DEBUG or TESTING or env_bool("TEILHABE_INSECURE_HTTP", False))
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = SECURE and env_bool("TEILHABE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("TEILHABE_BEHIND_PROXY") else None
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy: only our own scripts and styles; htmx is served by us.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# --- Logging ------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("TEILHABE_LOG_LEVEL", "WARNING")},
}

# --- Domain settings ----------------------------------------------------------
DEFAULT_CONSULTING_BUDGET = 40000
# A new funding round's day rate (Tagessatz) for consulting, in euros; the programme
# office sets it per round. An hour of consulting is a day's share of it.
DEFAULT_CONSULTING_DAY_RATE = 1200
CONSULTING_HOURS_PER_DAY = 8
# Warn when the remaining consulting budget falls below this share of the total.
BUDGET_WARNING_SHARE = 0.15
PAGE_SIZE = 20
# Self-check invitation links stay valid this long.
SELFCHECK_INVITATION_DAYS = env_int("TEILHABE_SELFCHECK_INVITATION_DAYS", 28)
# After a process closed, its facilitators read it (and the municipality's stakeholder
# analysis and self-check) this many days for reports and the handover; then no longer.
FACILITATOR_READ_DAYS = env_int("TEILHABE_FACILITATOR_READ_DAYS", 90)
