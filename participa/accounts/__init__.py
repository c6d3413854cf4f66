"""Accounts: registration, sign-in, password reset, "my account" and roles."""


def init_app(app):
    from participa.accounts import content, sessions, views
    from participa.core.content import register_kind
    from participa.extensions import login_manager

    login_manager.user_loader(sessions.load_user)
    register_kind(content.PEOPLE)
    app.register_blueprint(views.bp)
