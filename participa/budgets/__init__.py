"""Participatory budgets: projects, ballots, and counting them (greedy and the Method of Equal
Shares), with every closed budget's ballots published as a Pabulib file anyone can recount.

The domain (``models``, ``operations``, ``permissions``, ``ballots``, ``queries``), the counting
(``counting``), Pabulib files (``pabulib``) and ``participa budgets tally``/``import``."""


def init_app(app):
    from participa.accounts.signals import participation_page
    from participa.budgets import (
        actions,
        admin,
        indicators,
        operations,
        participation,
        queries,
        views,
    )
    from participa.core.models import register_verbs
    from participa.core.money import format_euros
    from participa.processes.signals import process_actions

    app.jinja_env.filters["euros"] = format_euros
    app.add_template_global(queries.budget_projects_from)
    app.register_blueprint(views.bp)
    indicators.register()  # the plans' indicators computed from budgets
    app.register_blueprint(admin.bp)
    register_verbs(operations.VERBS)
    process_actions.connect(actions.budget_actions)
    participation_page.connect(participation.my_budget_votes)
