"""Flask extensions, created unbound and initialised in create_app."""

import flask_babel
from babel.support import NullTranslations
from flask_babel import Babel, Domain
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# expire_on_commit=False: what a request loaded stays readable after its one commit, so the
# redirect, the flash and the response's headers never go back to the database (DESIGN: nothing
# after the commit needs it). Code that must see another transaction's writes refreshes.
db = SQLAlchemy(metadata=MetaData(naming_convention=NAMING_CONVENTION),
                session_options={"expire_on_commit": False})
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()


class RequestDomain(Domain):
    """Flask-Babel's message domain, but the request's translations are looked up once: Flask-
    Babel finds them afresh for every string (the context, the locale, its cache), some 20 µs
    each, and a page translates a hundred strings. They are kept in the slot Flask-Babel itself
    gives them (``babel_translations``), which ``force_locale`` and ``refresh`` reset, so an
    e-mail written in its recipient's language inside a request is still written in it."""

    def get_translations(self):
        ctx = flask_babel._get_current_context()
        if ctx is None:
            return NullTranslations()
        translations = getattr(ctx, "babel_translations", None)
        if translations is None:
            translations = ctx.babel_translations = super().get_translations()
        return translations


class RequestBabel(Babel):
    @flask_babel.cached_property
    def domain_instance(self):
        return RequestDomain(domain=self.domain)


babel = RequestBabel()
limiter = Limiter(key_func=get_remote_address, default_limits=[])
