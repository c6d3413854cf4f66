"""Production: PostgreSQL, Redis for rate limits, secure cookies. Refuses to start without
PARTICIPA_SECRET_KEY (checked in participa.create_app)."""

SESSION_COOKIE_SECURE = True
REMEMBER_COOKIE_SECURE = True
PREFERRED_URL_SCHEME = "https"
MAIL_BACKEND = "smtp"
