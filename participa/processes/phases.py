"""The one place that knows what a process's active phase allows.

Every feature asks ``phase_allows(process, Action.SUPPORT)``; nothing else compares dates."""

import enum
from datetime import datetime

from flask_babel import lazy_gettext as _l

from participa.core.types import utcnow
from participa.processes.models import PhaseKind


class Action(enum.Enum):
    PROPOSE = "propose"
    SUPPORT = "support"
    COMMENT = "comment"
    REGISTER = "register"
    VOTE = "vote"
    DEBATE = "debate"

    @property
    def label(self):
        return ACTION_LABELS[self]


ACTION_LABELS = {
    Action.PROPOSE: _l("Propose"),
    Action.SUPPORT: _l("Support proposals"),
    Action.COMMENT: _l("Comment on proposals, debates and meetings"),
    Action.REGISTER: _l("Register for meetings"),
    Action.VOTE: _l("Vote"),
    Action.DEBATE: _l("Open debates"),
}


ALLOWED: dict[PhaseKind, frozenset[Action]] = {
    PhaseKind.INFORMATION: frozenset({Action.COMMENT, Action.REGISTER, Action.DEBATE}),
    PhaseKind.PROPOSALS: frozenset(
        {Action.PROPOSE, Action.SUPPORT, Action.COMMENT, Action.REGISTER, Action.DEBATE}
    ),
    PhaseKind.DEBATE: frozenset({Action.SUPPORT, Action.COMMENT, Action.REGISTER,
                                 Action.DEBATE}),
    PhaseKind.VOTING: frozenset({Action.VOTE, Action.REGISTER}),
    PhaseKind.IMPLEMENTATION: frozenset({Action.COMMENT, Action.REGISTER}),
    PhaseKind.EVALUATION: frozenset({Action.COMMENT, Action.REGISTER}),
}


class ProcessStatus(enum.Enum):
    UPCOMING = "upcoming"
    ACTIVE = "active"
    FINISHED = "finished"

    @property
    def label(self):
        return STATUS_LABELS[self]


STATUS_LABELS = {
    ProcessStatus.UPCOMING: _l("Upcoming"),
    ProcessStatus.ACTIVE: _l("Active"),
    ProcessStatus.FINISHED: _l("Finished"),
}


def active_phase(process, now: datetime | None = None):
    """The phase running at ``now``; if phases overlap, the one latest in the order."""
    now = now or utcnow()
    running = [p for p in process.phases if p.starts_at <= now < p.ends_at]
    return max(running, key=lambda p: (p.position, p.starts_at)) if running else None


def phase_allows(process, action: Action, now: datetime | None = None) -> bool:
    """Whether the process is published and its active phase allows ``action`` at ``now``."""
    if not process.is_published:
        return False
    phase = active_phase(process, now)
    return phase is not None and action in ALLOWED[phase.kind]


def process_status(process, now: datetime | None = None) -> ProcessStatus:
    now = now or utcnow()
    if active_phase(process, now) is not None:
        return ProcessStatus.ACTIVE
    if any(p.starts_at > now for p in process.phases):
        return ProcessStatus.UPCOMING
    if not process.phases:
        return ProcessStatus.UPCOMING
    return ProcessStatus.FINISHED
