"""Polls of a process: yes/no/abstain, approval and ranked questions with secret ballots.

The voter roll and the ballot box are separate tables with nothing to join them (see
``models``); ranked polls are counted by Schulze, with instant runoff shown alongside
(``counting``); every closed poll publishes its ballots as CSV, so anyone can recount."""


def init_app(app):
    from flask import url_for
    from flask_babel import lazy_gettext as _l
    from sqlalchemy.orm import joinedload

    from participa.accounts.signals import participation_page
    from participa.core.activity import register_log_targets, titled
    from participa.core.models import register_verbs
    from participa.polls import actions, admin, participation, views
    from participa.polls.models import Poll
    from participa.polls.operations import VERBS
    from participa.processes.signals import process_actions

    register_verbs(VERBS)
    register_log_targets({"poll": titled(Poll, _l("Poll"), lambda row: url_for(
        "polls.show", slug=row.process.slug, id=row.id), load=(joinedload(Poll.process),))})
    app.register_blueprint(views.bp)
    app.register_blueprint(admin.bp)
    process_actions.connect(actions.poll_actions)
    participation_page.connect(participation.my_poll_votes)
