"""Production: PostgreSQL, Redis for rate limits, secure cookies. Refuses to start without
PARTICIPA_SECRET_KEY (checked in participa.create_app)."""

SESSION_COOKIE_SECURE = True
REMEMBER_COOKIE_SECURE = True
PUBLIC_URL = None  # required: PARTICIPA_PUBLIC_URL=https://participa.example.cat
MAIL_BACKEND = "smtp"
