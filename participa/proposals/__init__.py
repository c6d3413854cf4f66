"""Proposals and supports: residents propose and support; facilitators and the council answer."""


def init_app(app):
    from participa.accounts.signals import participation_page
    from participa.core.content import register_kind
    from participa.core.models import register_verbs
    from participa.files.uploads import accept_uploads
    from participa.processes.signals import process_actions
    from participa.proposals import (
        actions,
        associations,
        content,
        files,
        indicators,
        participation,
        views,
    )
    from participa.proposals.operations import VERBS

    register_verbs(VERBS)
    register_kind(content.KIND)
    files.register()  # a proposal may carry images and documents
    accept_uploads("proposals.new", "proposals.edit")
    app.register_blueprint(views.bp)
    indicators.register()  # the plans' indicators computed from proposals
    associations.register()  # an association's page lists the proposals it (co-)authors
    process_actions.connect(actions.proposal_actions)
    participation_page.connect(participation.my_proposals)
    participation_page.connect(participation.my_supports)
    participation_page.connect(participation.my_invitations)
