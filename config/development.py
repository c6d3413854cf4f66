"""Development: SQLite in instance/, outbox mail, a fixed insecure key."""

SECRET_KEY = "dev-only-not-secret-change-me"
DEBUG = False
