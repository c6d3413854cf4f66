"""``participa plans refresh-indicators``: the admin page's refresh button, for every plan."""

import click
from flask.cli import with_appcontext

from participa.extensions import db


@click.group("plans")
def plans_group():
    """Community plans: their goals and indicators."""


@plans_group.command("refresh-indicators")
@click.option("--date", "on", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The day to record (YYYY-MM-DD); today by default.")
@with_appcontext
def refresh_indicators_command(on):
    """Record today's value of every indicator computed from the platform, in every plan that
    is not closed (the worker does it once a day; running it again updates today's value)."""
    from participa.core.timeutil import local_date
    from participa.plans.operations import refresh_all_indicators

    day = on.date() if on else local_date()
    count = refresh_all_indicators(on=day, actor=None)
    db.session.commit()
    click.echo(f"Indicators refreshed for {day.isoformat()}: {count}.")
