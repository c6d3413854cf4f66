"""Processes in a chosen phase, and moments inside a phase that allows an action."""

from datetime import timedelta

from participa.processes.models import PhaseKind
from participa.processes.phases import ALLOWED, phase_allows
from tests.support import factories


def process_in_phase(kind, **kwargs):
    """A published process whose active phase is ``kind`` (None: no active phase).

    A proposals phase always comes first (in the past unless ``kind`` is PROPOSALS), so
    proposals can be made with ``make_proposal`` whatever the phase is now."""
    if kind is PhaseKind.PROPOSALS:
        phases = ((PhaseKind.PROPOSALS, -5, 5),)
    elif kind is None:
        phases = ((PhaseKind.PROPOSALS, -20, -10),)
    else:
        phases = ((PhaseKind.PROPOSALS, -20, -10), (kind, -10, 10))
    return factories.make_process(phases=phases, **kwargs)


def proposing_time(process):
    """A moment inside the process's proposals phase."""
    phase = next(p for p in process.phases if p.kind is PhaseKind.PROPOSALS)
    return phase.starts_at + timedelta(minutes=1)


def moment_allowing(process, action):
    """Now, if the process's phase allows ``action``; else a moment of a phase that did."""
    if phase_allows(process, action):
        return None
    phase = next(p for p in process.phases if action in ALLOWED[p.kind])
    return phase.starts_at + timedelta(minutes=1)
