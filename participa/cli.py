"""The ``participa`` command: Flask's (run, shell, routes), Flask-Migrate's ``db`` and ours."""

import click
from flask.cli import FlaskGroup, with_appcontext

from participa.extensions import db


def _create_app():
    from participa import create_app

    return create_app()


@click.group(cls=FlaskGroup, create_app=_create_app)
def main():
    """Participa: participatory democracy for neighbourhood community plans."""


@click.command("seed-demo")
@with_appcontext
def seed_demo_command():
    """Load the demo town (idempotent: running it twice adds nothing)."""
    from participa.seed import DEMO_ACCOUNTS, seed_demo

    created = seed_demo()
    db.session.commit()
    click.echo(f"Demo town ready ({created} new records).")
    click.echo(f"Demo accounts (password for all: {DEMO_ACCOUNTS[0][3]}):")
    for email, name, role, _password in DEMO_ACCOUNTS:
        click.echo(f"  {role:<12} {email:<32} {name}")


@click.command("create-user")
@click.argument("email")
@click.option("--name", required=True, help="Name shown next to what the person publishes.")
@click.option(
    "--role", type=click.Choice(["resident", "facilitator", "council"]), default="resident"
)
@click.option("--process", "process_slugs", multiple=True,
              help="Slug of a process the facilitator facilitates (repeatable).")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help="Asked for when not given.")
@click.option("--locale", type=click.Choice(["ca", "es", "en"]), default="ca")
@with_appcontext
def create_user_command(email, name, role, process_slugs, password, locale):
    """Create an account with a role."""
    from participa.accounts.operations import register_user
    from participa.accounts.passwords import password_problem
    from participa.core.errors import DomainError
    from participa.processes.operations import assign_facilitator
    from participa.processes.queries import get_process_by_slug

    problem = password_problem(password, email=email, name=name)
    if problem:
        raise click.BadParameter(str(problem), param_hint="--password")
    processes = []
    for slug in process_slugs:
        process = get_process_by_slug(slug)
        if process is None:
            raise click.BadParameter(f"no process with slug {slug!r}", param_hint="--process")
        processes.append(process)
    if role == "facilitator" and not processes:
        click.echo("Note: a facilitator facilitates processes; give --process SLUG to assign one.")
    try:
        user = register_user(
            name=name, email=email, password=password, locale=locale,
            is_council=(role == "council"), confirmed=True,
        )
        for process in processes:
            assign_facilitator(process, user, actor=None)
    except DomainError as error:
        raise click.ClickException(str(error.message)) from error
    db.session.commit()
    click.echo(f"Created {role} {user.email} (id {user.id}).")


@click.command("worker")
@click.option("--once", is_flag=True, help="Run the jobs that are due, then stop.")
@with_appcontext
def worker_command(once):
    """Run the job queue: send the e-mails waiting to go, retrying those that fail."""
    import signal
    from datetime import timedelta

    from flask import current_app

    from participa.core.jobs import run_due_jobs, work

    config = current_app.config
    if once:
        click.echo(f"Jobs run: {run_due_jobs(config)}.")
        return
    stopping = []
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stopping.append(True))
    click.echo(f"Participa worker: looking for due jobs every {config['JOBS_POLL_SECONDS']} s.")
    work(config, poll_seconds=config["JOBS_POLL_SECONDS"],
         keep_done=timedelta(days=config["JOBS_KEEP_DONE_DAYS"]), stop=lambda: bool(stopping),
         on_error=lambda error: click.echo(f"worker: the database failed: {error}", err=True))
    click.echo("Participa worker: stopped.")


@main.group("budgets")
def budgets_group():
    """Participatory budgets: recount a result from its published ballots."""


@budgets_group.command("tally")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--rule", type=click.Choice(["greedy", "equal-shares"]), required=True)
@click.option("--completion", type=click.Choice(["add1", "add1-greedy", "none"]),
              default="add1", show_default=True,
              help="How equal shares spends what its first count leaves.")
@click.option("--json", "as_json", is_flag=True, help='Print {"selected": [...], "cost": N}.')
def tally_command(path, rule, completion, as_json):
    """Count the approval ballots of a Pabulib FILE: the chosen projects (their project_id)
    and the money spent. Needs no database: anyone can check a published result."""
    import json

    from participa.budgets.counting import tally
    from participa.budgets.pabulib import PabulibError, parse

    try:
        with open(path, encoding="utf-8") as handle:
            election = parse(handle.read()).election()
    except (PabulibError, UnicodeDecodeError) as error:
        raise click.ClickException(f"{path}: {error}") from error
    outcome = tally(election, rule, completion)
    if as_json:
        click.echo(json.dumps(outcome.as_dict()))
        return
    for project in outcome.selected:
        click.echo(project)
    click.echo(f"cost: {outcome.cost} of {election.budget}")


@budgets_group.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--process", "slug", required=True, help="The process the budget belongs to.")
@with_appcontext
def import_command(path, slug):
    """Load a Pabulib FILE (approval ballots) as a closed budget of the process, with its
    ballots and its results published. A malformed file names its line; nothing is loaded."""
    from participa.budgets.operations import import_pabulib
    from participa.budgets.pabulib import PabulibError, parse
    from participa.core.errors import DomainError
    from participa.extensions import db
    from participa.processes.queries import get_process_by_slug

    process = get_process_by_slug(slug)
    if process is None:
        raise click.ClickException(f"no process {slug!r}")
    try:
        with open(path, encoding="utf-8") as handle:
            parsed = parse(handle.read())
        budget = import_pabulib(db.session.merge(process), parsed)
    except (PabulibError, UnicodeDecodeError, DomainError) as error:
        db.session.rollback()
        raise click.ClickException(f"{path}: {getattr(error, 'message', error)}") from error
    db.session.commit()
    click.echo(f"budget {budget.id}: {len(budget.projects)} projects, "
               f"{budget.results['voters']} ballots; results at "
               f"/processes/{slug}/budgets/{budget.id}/results")


@main.group("search")
def search_group():
    """The site search's index."""


@search_group.command("reindex")
@click.option("--kind", "kinds", multiple=True,
              help="Only this kind (proposals, debates, meetings, processes, plans, comments; "
                   "repeatable).")
@with_appcontext
def search_reindex_command(kinds):
    """Rebuild the search index from the content (after loading rows with plain SQL, or to
    repair it): every document is written anew, in one transaction."""
    from participa.search.indexing import rebuild_index
    from participa.search.kinds import BY_VALUE

    unknown = [kind for kind in kinds if kind not in BY_VALUE]
    if unknown:
        raise click.BadParameter(", ".join(unknown), param_hint="--kind")
    counts = rebuild_index(db.session.connection(), kinds=kinds or None)
    db.session.commit()
    for kind, count in counts.items():
        click.echo(f"{kind}: {count} documents")


def register_commands(app):
    app.cli.add_command(seed_demo_command)
    app.cli.add_command(worker_command)
    app.cli.add_command(create_user_command)
    app.cli.add_command(budgets_group)
    app.cli.add_command(search_group)
