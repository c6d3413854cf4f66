"""Participa: participatory democracy for neighbourhood community plans."""

import os
from pathlib import Path

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent
ENVIRONMENTS = ("development", "testing", "production")


def create_app(config=None):
    """Build the application: config → extensions → blueprints → error pages.

    ``config`` is a dict of overrides (tests use it); the environment is read from
    ``PARTICIPA_ENV`` (development by default)."""
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(ROOT / "instance"),
    )
    _load_config(app, config or {})

    from participa.core import cache, database, errors, i18n, security, templating

    cache.init_app(app)  # first: a cached page skips all the rest
    database.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    templating.init_app(app)
    _register_blueprints(app)
    errors.init_app(app)

    from participa.cli import register_commands

    register_commands(app)
    return app


def _load_config(app, overrides):
    env = overrides.get("ENV") or os.environ.get("PARTICIPA_ENV", "development")
    if env not in ENVIRONMENTS:
        raise RuntimeError(f"PARTICIPA_ENV must be one of {ENVIRONMENTS}, not {env!r}")
    app.config["ENV_NAME"] = env
    app.config.from_pyfile(str(ROOT / "config" / "default.py"))
    app.config.from_pyfile(str(ROOT / "config" / f"{env}.py"))
    app.config.from_prefixed_env("PARTICIPA")
    app.config.update(overrides)

    if not app.config.get("SECRET_KEY"):
        raise RuntimeError("PARTICIPA_SECRET_KEY must be set in production.")
    if env == "production" and app.config["SECRET_KEY"] == "dev-only-not-secret-change-me":
        raise RuntimeError("PARTICIPA_SECRET_KEY must be a real secret in production.")

    os.makedirs(app.instance_path, exist_ok=True)
    url = app.config.get("DATABASE_URL") or (
        "sqlite:///" + os.path.join(app.instance_path, "participa.sqlite3")
    )
    app.config["SQLALCHEMY_DATABASE_URI"] = url
    app.config.setdefault(
        "MAIL_OUTBOX_DIR", None
    )
    if not app.config["MAIL_OUTBOX_DIR"]:
        app.config["MAIL_OUTBOX_DIR"] = os.path.join(app.instance_path, "outbox")


def _register_blueprints(app):
    from participa.accounts.views import bp as accounts_bp
    from participa.admin.views import bp as admin_bp
    from participa.comments.views import bp as comments_bp
    from participa.core.views import bp as core_bp
    from participa.debates.views import bp as debates_bp
    from participa.meetings.views import bp as meetings_bp
    from participa.moderation.views import bp as moderation_bp
    from participa.neighbourhoods.admin import bp as neighbourhoods_admin_bp
    from participa.neighbourhoods.views import bp as neighbourhoods_bp
    from participa.plans.admin import bp as plans_admin_bp
    from participa.plans.views import bp as plans_bp
    from participa.processes.admin import bp as processes_admin_bp
    from participa.processes.views import bp as processes_bp
    from participa.proposals.views import bp as proposals_bp

    for bp in (
        core_bp,
        accounts_bp,
        neighbourhoods_bp,
        plans_bp,
        processes_bp,
        proposals_bp,
        meetings_bp,
        debates_bp,
        comments_bp,
        moderation_bp,
        admin_bp,
        neighbourhoods_admin_bp,
        plans_admin_bp,
        processes_admin_bp,
    ):
        app.register_blueprint(bp)
