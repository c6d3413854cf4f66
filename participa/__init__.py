"""Participa: participatory democracy for neighbourhood community plans."""

import importlib
import os
from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent
ENVIRONMENTS = ("development", "testing", "production")
# the feature packages, each with an ``init_app(app)``: those that register kinds of content
# before moderation, which gives every reportable kind its report address
FEATURES = (
    "legal", "accounts", "neighbourhoods", "files", "town", "plans", "processes", "census",
    "associations", "facilities",
    "proposals", "debates", "meetings", "volunteering", "agenda", "budgets", "polls", "results",
    "evaluations", "comments",
    "moderation", "search", "site", "admin",
)


class Participa(Flask):
    """Flask, with every absolute address built from the configured public URL: links in
    e-mails, feeds and exports never follow the Host header a request came with."""

    def url_for(self, endpoint, *, _anchor=None, _method=None, _scheme=None, _external=None,
                **values):
        if _external:
            _scheme = _scheme or self.config["PREFERRED_URL_SCHEME"]
        return super().url_for(endpoint, _anchor=_anchor, _method=_method, _scheme=_scheme,
                               _external=_external, **values)


def create_app(config=None):
    """Build the application: config → extensions → blueprints → error pages.

    ``config`` is a dict of overrides (tests use it); the environment is read from
    ``PARTICIPA_ENV`` (development by default)."""
    app = Participa(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(ROOT / "instance"),
    )
    _load_config(app, config or {})

    from participa.core import cache, database, errors, i18n, security, templating

    cache.init_app(app)  # first: a cached page skips all the rest
    database.init_app(app)
    import participa.models  # noqa: F401  every model, so the metadata is complete

    i18n.init_app(app)
    security.init_app(app)
    templating.init_app(app)
    for name in FEATURES:
        # each feature registers its blueprints, content kinds, template globals and receivers
        importlib.import_module(f"participa.{name}").init_app(app)
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
        raise RuntimeError("PARTICIPA_SECRET_KEY must be set (development and testing set one).")
    if env == "production" and app.config["SECRET_KEY"] == "dev-only-not-secret-change-me":
        raise RuntimeError("PARTICIPA_SECRET_KEY must be a real secret in production.")
    if not app.config.get("BALLOT_KEY"):
        raise RuntimeError("PARTICIPA_BALLOT_KEY must be set: the key of ballots' and the "
                           "census's keyed hashes, kept out of the database (development and "
                           "testing set one).")
    if env == "production" and app.config["BALLOT_KEY"] == "dev-only-ballot-key-change-me":
        raise RuntimeError("PARTICIPA_BALLOT_KEY must be a real secret in production.")

    _public_address(app, env)
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


def _public_address(app, env):
    """PUBLIC_URL (https://participa.example.cat) is where people reach the site: every absolute
    link is built from it (SERVER_NAME, the scheme) and, in production, requests naming another
    host are refused (TRUSTED_HOSTS), so a forged Host header can reach neither a link nor the
    page cache."""
    url = app.config.get("PUBLIC_URL")
    if not url:
        raise RuntimeError("PARTICIPA_PUBLIC_URL must be set: the address people use, e.g. "
                           "https://participa.example.cat (production has no default).")
    public = urlsplit(url)
    if public.scheme not in ("http", "https") or not public.hostname:
        raise RuntimeError(f"PARTICIPA_PUBLIC_URL must be an http(s) address, not {url!r}.")
    app.config["SERVER_NAME"] = public.netloc
    app.config["PREFERRED_URL_SCHEME"] = public.scheme
    app.config["APPLICATION_ROOT"] = public.path.rstrip("/") or "/"
    if env == "production" and app.config.get("TRUSTED_HOSTS") is None:
        app.config["TRUSTED_HOSTS"] = [public.hostname]
