"""Settings for ITA Portal, read from the environment.

DATABASE_URL unset means a SQLite file next to manage.py; PostgreSQL is production.
With DEBUG off the portal refuses to start without a real SECRET_KEY.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


DEBUG = env_bool("DEBUG", False)

_DEV_SECRET = "django-insecure-dev-only-key-never-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", _DEV_SECRET if DEBUG else "")
if not DEBUG and (
    len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure") or len(set(SECRET_KEY)) < 5
):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters when DEBUG is off."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "auditlog",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tables2",
    "django_filters",
    "ita_portal",  # before django_tasks_db: its db_worker recovers jobs of dead workers first
    "django_tasks",
    "django_tasks_db",
    "organizations",
    "indicators",
    "measures",
    "disclosure",
    "reports",
    "imports",
    "api",
    "demo",
]

MIDDLEWARE = [
    "ita_portal.middleware.RequestContext",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "ita_portal.sessions.SlidingSessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "ita_portal.middleware.CsrfCookieHeld",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "organizations.middleware.TwoFactorMiddleware",
    "organizations.middleware.OverseerReadingMiddleware",
    "organizations.middleware.AuditActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "ita_portal.middleware.SecurityHeaders",
]

ROOT_URLCONF = "ita_portal.urls"
WSGI_APPLICATION = "ita_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "ita_portal.navigation.navigation",
            ],
            "builtins": ["ita_portal.templatetags.thai",
                         "indicators.templatetags.indicator_tags"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60,
        conn_health_checks=True,  # a PostgreSQL restart must not cost each worker a 500
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "organizations.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "organizations.backends.MemberBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Sessions end when the browser closes and after 8 idle hours (a working day).
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", 8 * 3600))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Idle timeout: the expiry slides with use, refreshed at most every SESSION_REFRESH_SECONDS
# (ita_portal/sessions.py), so a page costs no session write.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_REFRESH_SECONDS = int(os.environ.get("SESSION_REFRESH_SECONDS", 300))

# Failed logins: locked per account and, separately, per address.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", 15)))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Reverse proxies in front: the client is read from X-Forwarded-For by ita_portal.client_ip,
# for the lockout and the audit trail alike (never the proxy's own address).
PROXY_COUNT = int(os.environ.get("PROXY_COUNT", 0))
AXES_CLIENT_IP_CALLABLE = "ita_portal.client_ip.client_ip"

# Password reset: Django's views, at most this many requests per address and per e-mail an hour.
PASSWORD_RESET_TIMEOUT = 3 * 3600
PASSWORD_RESET_LIMIT_PER_HOUR = int(os.environ.get("PASSWORD_RESET_LIMIT_PER_HOUR", 5))
INVITATION_VALID_HOURS = 72
# Two-factor (django-otp): TOTP issuer shown in the authenticator app.
OTP_TOTP_ISSUER = "ITA Portal"
AUDITLOG_STORE_JSON_CHANGES = True

LANGUAGE_CODE = "th"
# English returns when its catalogue covers every page (locale/en); until then Thai only, so an
# English browser never gets a half-translated page.
LANGUAGES = [("th", "ไทย")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

# Under a path of the municipality's own site (https://www.<town>.go.th/ita/, the proxy passing
# /ita/ on with the prefix removed): URL_PREFIX=/ita puts every link, redirect, static file and
# cookie under it, so the public pages and published documents are on the main website.
URL_PREFIX = "/" + os.environ.get("URL_PREFIX", "").strip("/") if os.environ.get(
    "URL_PREFIX", "").strip("/") else ""
FORCE_SCRIPT_NAME = URL_PREFIX or None
STATIC_URL = f"{URL_PREFIX}/static/"
SESSION_COOKIE_PATH = CSRF_COOKIE_PATH = LANGUAGE_COOKIE_PATH = f"{URL_PREFIX}/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "uploads"))
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "var" / "backups"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# More than one server: uploads, evidence and PDFs in an S3-compatible bucket that every app
# server and worker reads (files stay private: downloads go through the portal's permission
# checks, never a public bucket URL).
S3_BUCKET = os.environ.get("S3_BUCKET", "")
if S3_BUCKET:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
        "bucket_name": S3_BUCKET,
        "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("S3_REGION", "ap-southeast-1"),
        "access_key": os.environ.get("S3_ACCESS_KEY_ID", ""),
        "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY", ""),
        "default_acl": None, "querystring_auth": True, "file_overwrite": False,
        "location": os.environ.get("S3_PREFIX", ""),
    }}
# Serve straight from the app folders when collectstatic has not run (tests, demo).
WHITENOISE_USE_FINDERS = True
WHITENOISE_MIMETYPES = {".ttf": "font/ttf"}

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 25))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "ITA Portal <noreply@localhost>")

TASKS = {"default": {"BACKEND": os.environ.get(
    "TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
# Redis and RQ for more than one machine: TASKS_BACKEND=django_tasks_rq.RQBackend, REDIS_URL,
# and `manage.py rqworker default --job-class django_tasks_rq.Job` as the worker.
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
if TASKS["default"]["BACKEND"].startswith("django_tasks_rq"):
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 1800}}

# The cache holds counters every server must share (the password-reset throttle): the
# database by default (its table is made by a migration), Redis where the jobs use RQ.
if TASKS["default"]["BACKEND"].startswith("django_tasks_rq"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                          "LOCATION": "ita_portal_cache"}}
# Rendered page parts, kept in each process's memory and keyed by the organisation's data
# version (read from the database on every request): correct with any number of servers.
# The store is Django's local-memory cache less its pickling of text (ita_portal/kept_store.py).
CACHES["fragments"] = {"BACKEND": "ita_portal.kept_store.KeptStore",
                       "LOCATION": "fragments",
                       "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("FRAGMENT_ENTRIES", 2000))}}
FRAGMENT_SECONDS = int(os.environ.get("FRAGMENT_SECONDS", 900))

# Transport security: on by default whenever DEBUG is off (check --deploy stays silent).
_SECURE = not DEBUG and env_bool("SECURE_COOKIES", True)
SESSION_COOKIE_SECURE = _SECURE
CSRF_COOKIE_SECURE = _SECURE
SECURE_SSL_REDIRECT = not DEBUG and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("SECURE_HSTS_SECONDS", 31536000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
# Our own scripts and styles only; inline style attributes remain (SVG charts, progress bars).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'")
X_FRAME_OPTIONS = "DENY"
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

EVIDENCE_MAX_BYTES = int(os.environ.get("EVIDENCE_MAX_BYTES", 10 * 1024 * 1024))
# All files of one progress update together (nginx's client_max_body_size is a little above).
EVIDENCE_MAX_TOTAL_BYTES = int(os.environ.get("EVIDENCE_MAX_TOTAL_BYTES", 40 * 1024 * 1024))
DATA_UPLOAD_MAX_NUMBER_FILES = 20
REMINDER_STALE_DAYS = 60

# Link checker: bounded, polite, and never aimed at private networks unless allowed (tests).
LINKCHECK_TIMEOUT_SECONDS = float(os.environ.get("LINKCHECK_TIMEOUT_SECONDS", 10))
LINKCHECK_CONCURRENCY = int(os.environ.get("LINKCHECK_CONCURRENCY", 8))  # per website
# The nightly check: organisations per job, and checks in flight per job (all websites).
LINKCHECK_BATCH = int(os.environ.get("LINKCHECK_BATCH", 128))
LINKCHECK_JOB_CONCURRENCY = int(os.environ.get("LINKCHECK_JOB_CONCURRENCY", 1024))
LINKCHECK_MAX_REDIRECTS = 5
# Private networks the checker may reach anyway (CIDRs), e.g. "127.0.0.1/32" for tests.
LINKCHECK_ALLOWED_NETWORKS = env_list("LINKCHECK_ALLOWED_NETWORKS")
LINKCHECK_BROKEN_AFTER_FAILURES = 3
LINKCHECK_BROKEN_AFTER_HOURS = 48

HEALTH_MAX_QUEUE_AGE_SECONDS = int(os.environ.get("HEALTH_MAX_QUEUE_AGE_SECONDS", 900))

# Server errors go to ADMINS ("Name <mail>, …") by mail and, with SENTRY_DSN, to Sentry or
# GlitchTip. Logs are JSON lines on stderr (LOG_FORMAT=text for reading by eye).
ADMINS = [(a.split("<")[0].strip() or a, a.split("<")[-1].rstrip(">").strip())
          for a in env_list("ADMINS")]
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "ita_portal.logs.JsonFormatter"},
                   "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {"production": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler",
                    "formatter": os.environ.get("LOG_FORMAT", "json")},
        "mail_admins": {"class": "django.utils.log.AdminEmailHandler", "level": "ERROR",
                        "filters": ["production"]},
    },
    "loggers": {
        "django.request": {"handlers": ["console", "mail_admins"], "level": "ERROR",
                           "propagate": False},
        "ita_portal.request": {"handlers": ["console"], "propagate": False,
                               "level": os.environ.get("REQUEST_LOG_LEVEL", "INFO")},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Where links in e-mails point (the portal's public address).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
if os.environ.get("SENTRY_DSN"):
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(dsn=os.environ["SENTRY_DSN"], integrations=[DjangoIntegration()],
                    environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
                    send_default_pii=False, traces_sample_rate=0.0)
