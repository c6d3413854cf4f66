"""Defaults shared by every environment. Environment variables prefixed PARTICIPA_ override
any of these (PARTICIPA_DATABASE_URL, PARTICIPA_SECRET_KEY, PARTICIPA_RATELIMIT_STORAGE_URI,
PARTICIPA_MAIL_BACKEND, ...)."""

SECRET_KEY = None
BALLOT_KEY = None  # required: PARTICIPA_BALLOT_KEY (the key of ballots' and the census's hashes)
# where people reach the site: every absolute link (e-mails, feeds, exports) is built from it
PUBLIC_URL = "http://127.0.0.1:5000"
TRUSTED_HOSTS = None  # production: the PUBLIC_URL's host unless listed here
DATABASE_URL = None  # None: SQLite in instance/participa.sqlite3

SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
DATABASE_CONNECT_TIMEOUT = 5  # seconds to connect (or to wait for a pooled connection)
DATABASE_STATEMENT_TIMEOUT_MS = 15_000  # PostgreSQL cancels a statement running longer

BABEL_DEFAULT_LOCALE = "ca"
BABEL_DEFAULT_TIMEZONE = "Europe/Madrid"
LANGUAGES = ["ca", "es", "en"]

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = False
REMEMBER_COOKIE_HTTPONLY = True
REMEMBER_COOKIE_SAMESITE = "Lax"
REMEMBER_COOKIE_DURATION = 30 * 24 * 60 * 60  # "keep me signed in", when chosen: 30 days
PERMANENT_SESSION_LIFETIME = 60 * 60 * 12

WTF_CSRF_TIME_LIMIT = None
MAX_CONTENT_LENGTH = 2 * 1024 * 1024

RATELIMIT_STORAGE_URI = "memory://"
RATELIMIT_ENABLED = True
RATELIMIT_HEADERS_ENABLED = False
RATELIMIT_LOGIN = "10 per minute;50 per hour"  # per client address
RATELIMIT_LOGIN_ACCOUNT = "10 per minute;50 per hour"  # per account, from any address
# how many proxies (nginx, a load balancer) stand in front and add X-Forwarded-For: the
# client's address is read through that many, so one client cannot exhaust everyone's limits
PROXY_COUNT = 0
RATELIMIT_REGISTER = "5 per minute;30 per hour"
RATELIMIT_RESET = "5 per minute;20 per hour"

MAIL_BACKEND = "outbox"  # outbox (a folder of .eml files) or smtp
MAIL_OUTBOX_DIR = None  # None: instance/outbox
MAIL_DEFAULT_SENDER = "Participa <no-reply@participa.localhost>"
MAIL_SERVER = "localhost"
MAIL_PORT = 25
MAIL_USE_TLS = False
MAIL_USERNAME = None
MAIL_PASSWORD = None
MAIL_TIMEOUT = 10  # seconds the worker waits for the mail server

# the job queue (participa/core/jobs.py), run by `participa worker`
JOB_RETRY_DELAYS = [10, 60, 300, 1800, 7200]  # seconds before each retry; then it has failed
JOBS_POLL_SECONDS = 1.0  # how often an idle worker looks for due jobs
JOBS_KEEP_DONE_DAYS = 7  # jobs done are forgotten after this; failed ones wait for the council

PASSWORD_HASHING = {}  # argon2id's cost (time_cost, memory_cost, parallelism): its defaults
PASSWORD_RESET_MAX_AGE = 60 * 60  # seconds a reset link stays valid
SITE_NAME = "Participa"
PAGE_SIZE = 20
RATELIMIT_POST = "10 per minute;100 per hour"
RATELIMIT_SUPPORT = "60 per minute;1000 per hour"
RATELIMIT_REGISTER_MEETING = "20 per minute;200 per hour"
RATELIMIT_BALLOT = "30 per minute;300 per hour"  # checking and casting a ballot
# failed census verifications, per client address and per account
RATELIMIT_CENSUS = "10 per minute;30 per hour"
RATELIMIT_CENSUS_ACCOUNT = "5 per minute;10 per hour;20 per day"
PAGE_CACHE_SECONDS = 5  # anonymous visitors' public pages (see participa/core/cache.py); 0 = off
PAGE_CACHE_ENTRIES = 512
DASHBOARD_CACHE_SECONDS = 60  # a dashboard's rendering is kept this long per worker (aggregates); 0 = off
PROPOSAL_CARDS = 5000  # proposal cards kept per worker (participa/proposals/rendering.py)
PROCESS_FRAMES = 256  # process frames kept per worker (participa/processes/queries.py)
COMMENT_FORMS = 2000  # empty comment forms kept per worker (participa/comments/rendering.py)
THREAD_FRAGMENTS = 200  # long threads kept whole per worker (participa/comments/rendering.py)
CONFIRM_MAX_AGE = 7 * 24 * 60 * 60  # seconds a registration link stays valid
# debates, comments and moderation
RATELIMIT_COMMENT = "10 per minute;100 per hour"
RATELIMIT_COMMENT_VOTE = "60 per minute;600 per hour"
RATELIMIT_REPORT = "10 per minute;50 per hour"
NEW_ACCOUNT_COMMENTS = 5  # comments a new account may post in its first hour (0 = no limit)
MODERATION_HIDE_AFTER = 3  # reports from different people that hide a profile (0 = never)

# files (participa/files): where they are kept, and the largest request a form with files may
# send. local: a folder (FILE_DIR; by default instance/files); s3: an S3-compatible bucket
FILE_STORAGE = "local"  # PARTICIPA_FILE_STORAGE=local|s3
FILE_DIR = None  # None: instance/files
FILE_S3_BUCKET = None
FILE_S3_ENDPOINT_URL = None  # e.g. https://s3.fr-par.scw.cloud or a MinIO address
FILE_S3_REGION = None
FILE_S3_ACCESS_KEY = None
FILE_S3_SECRET_KEY = None
FILE_MAX_REQUEST_MB = 30  # a form with files (each file's own limit is the council's rule)
