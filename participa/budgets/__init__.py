"""Participatory budgets: projects, ballots, and counting them (greedy and the Method of Equal
Shares), with every closed budget's ballots published as a Pabulib file anyone can recount.

The domain (``models``, ``operations``, ``permissions``, ``ballots``, ``queries``), the counting
(``counting``), Pabulib files (``pabulib``) and ``participa budgets tally``/``import``."""


def init_app(app):
    from flask import url_for
    from flask_babel import lazy_gettext as _l
    from sqlalchemy.orm import joinedload

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
    from participa.budgets.models import Budget, BudgetProject
    from participa.core.activity import register_log_targets, titled
    from participa.core.models import register_verbs
    from participa.core.money import format_euros
    from participa.processes.signals import process_actions

    app.jinja_env.filters["euros"] = format_euros
    app.add_template_global(queries.budget_projects_from)
    app.register_blueprint(views.bp)
    indicators.register()  # the plans' indicators computed from budgets
    app.register_blueprint(admin.bp)
    register_verbs(operations.VERBS)
    register_log_targets({
        "budget": titled(Budget, _l("Participatory budget"), lambda row: url_for(
            "budgets.show", slug=row.process.slug, id=row.id), load=(joinedload(Budget.process),)),
        "budgetproject": titled(BudgetProject, _l("Budget project"), lambda row: url_for(
            "budgets.show", slug=row.budget.process.slug, id=row.budget_id,
            _anchor=f"project-{row.id}"),
            load=(joinedload(BudgetProject.budget).joinedload(Budget.process),)),
    })
    process_actions.connect(actions.budget_actions)
    participation_page.connect(participation.my_budget_votes)
