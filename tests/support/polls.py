"""Builders for polls: they call the real operations (so every rule they enforce holds for the
rows they make) and flush, never commit."""

from participa.census.models import CensusVerification
from participa.core.types import utcnow
from participa.extensions import db
from participa.polls import operations
from participa.processes.models import PhaseKind
from tests.support import factories

SECRET = "testing-ballot-key"  # config/testing.py's BALLOT_KEY: what the views use
VOTING = ((PhaseKind.VOTING, -5, 5),)
OPTIONS = ["Plaça de la Font", "Parc del Rec", "Pati de l'escola Sant Jordi"]


def voting_process(**kwargs):
    """A published process whose voting phase is running."""
    return factories.make_process(phases=VOTING, **kwargs)


def make_poll(process=None, *, actor=None, open=True, **data):  # noqa: A002 - reads well
    """A poll (yes/no unless ``kind=`` says otherwise; approval and ranked polls get
    ``OPTIONS``), opened unless ``open=False``."""
    process = process or voting_process()
    actor = actor or factories.make_user("council")
    values = {"title": "Tanquem el carrer Major al trànsit els diumenges?",
              "description": "La proposta de l'AV Barri Vell.", "kind": "yes_no"}
    values.update(data)
    if values["kind"] != "yes_no":
        values.setdefault("options", list(OPTIONS))
    if values["kind"] == "approval":
        values.setdefault("max_choices", 2)
    poll = operations.create_poll(process, values, actor=actor)
    if open:
        operations.open_poll(poll, actor=actor)
    return poll


def vote(poll, user, choice, *, now=None):
    """Cast ``user``'s ballot (options as objects or ids); returns (ballot, changed)."""
    if isinstance(choice, list | tuple):
        choice = [getattr(o, "id", o) for o in choice]
    return operations.cast_ballot(poll, choice, actor=user, ballot_key=SECRET, now=now)


def verify(user, neighbourhood, birth_year=1980):
    """Record ``user`` as verified by the census (as census.operations would)."""
    verification = CensusVerification(user_id=user.id, neighbourhood_id=neighbourhood.id,
                                       birth_year=birth_year, verified_on=utcnow().date())
    db.session.add(verification)
    db.session.flush()
    return verification
