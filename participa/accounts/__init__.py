"""Accounts: registration, sign-in, password reset, "my account" and roles."""


def init_app(app):
    from participa.accounts import content, sessions, views
    from participa.accounts.operations import VERBS
    from participa.core.content import register_kind
    from participa.core.models import register_verbs
    from participa.extensions import login_manager

    register_verbs(VERBS)
    login_manager.user_loader(sessions.load_user)
    register_kind(content.PEOPLE)
    app.register_blueprint(views.bp)
