"""The one place that knows what a process's active phase allows.

Every feature asks ``phase_allows(process, Action.SUPPORT)``; nothing else compares dates."""

from datetime import datetime

from flask_babel import lazy_gettext as _l

from participa.core.enums import LabelledEnum
from participa.core.translated import text_in
from participa.core.types import utcnow
from participa.processes.models import PhaseKind


class Action(LabelledEnum):
    PROPOSE = "propose", _l("Propose")
    SUPPORT = "support", _l("Support proposals")
    COMMENT = "comment", _l("Comment on proposals, debates and meetings")
    REGISTER = "register", _l("Register for meetings")
    VOTE = "vote", _l("Vote")
    DEBATE = "debate", _l("Open debates")


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


class ProcessStatus(LabelledEnum):
    UPCOMING = "upcoming", _l("Upcoming")
    ACTIVE = "active", _l("Active")
    FINISHED = "finished", _l("Finished")


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


def phase_title(phase) -> str:
    """The phase's title in the reader's language, or its kind's name when it has none."""
    return text_in(phase, "title") or str(phase.kind.label)
