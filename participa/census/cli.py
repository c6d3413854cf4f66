"""``participa census import FILE.csv``: the admin page's upload, from the command line."""

import click
from flask import current_app
from flask.cli import with_appcontext

from participa.core.errors import DomainError
from participa.extensions import db


@click.group("census")
def census_group():
    """The census residents verify against (keyed hashes only)."""


@census_group.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@with_appcontext
def import_command(path):
    """Load a census FILE (CSV: document number, birth date as YYYY-MM-DD or DD/MM/YYYY,
    neighbourhood name or web address name). Whole or not at all; loading it again adds
    nobody twice."""
    from participa.census.operations import load_census
    from participa.core.timeutil import utc_to_local
    from participa.core.types import utcnow

    with open(path, "rb") as handle:
        content = handle.read()
    try:
        upload = load_census(content, key=current_app.config["BALLOT_KEY"], actor=None,
                             today=utc_to_local(utcnow()).date())
    except DomainError as error:
        db.session.rollback()
        raise click.ClickException(f"{path}: {error.message}") from error
    db.session.commit()
    click.echo(f"Census loaded from {path}: {upload.lines} lines, {upload.added} new, "
               f"{upload.moved} moved, {upload.unchanged} already there.")
