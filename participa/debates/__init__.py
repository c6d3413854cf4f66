"""Debates of a process: a question, arguments for and against, a closing conclusion."""


def init_app(app):
    from participa.core.content import register_kind
    from participa.core.models import register_verbs
    from participa.debates import actions, content, files, views
    from participa.debates.operations import VERBS
    from participa.files.uploads import accept_uploads
    from participa.processes.signals import process_actions

    register_verbs(VERBS)
    register_kind(content.KIND)
    files.register()  # a debate may carry images and documents
    accept_uploads("debates.new", "debates.edit")
    app.register_blueprint(views.bp)
    process_actions.connect(actions.debate_actions)
