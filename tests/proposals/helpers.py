"""Builders and checks the proposals tests share. Builders call the real operations (so every
rule they enforce holds for the rows they make) and flush, never commit."""

import itertools
import re
from datetime import timedelta
from html.parser import HTMLParser

import sqlalchemy as sa

from participa.core.models import ActionLog
from participa.extensions import db
from participa.processes.models import PhaseKind
from participa.processes.phases import Action, phase_allows
from participa.proposals import operations
from participa.proposals.models import Proposal, Support
from tests import factories

_counter = itertools.count(1)

HOSTILE_BODY = (
    "Hola **veïns**.\n\n"
    "<script>alert('xss-script')</script>\n\n"
    '<img src="x" onerror="alert(\'xss-img\')">\n\n'
    "[fes clic](javascript:alert('xss-md'))\n\n"
    '<a href="javascript:1">enllaç</a>\n'
)


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


def make_proposal(process, author, *, now=None, **data) -> Proposal:
    """A published proposal by ``author`` through ``create_proposal``. When the process's
    current phase does not allow proposing, it is made at a moment of its proposals phase."""
    n = next(_counter)
    data.setdefault("title", f"Proposta número {n}")
    data.setdefault("body", f"El text de la proposta {n}.")
    if now is None and not phase_allows(process, Action.PROPOSE):
        now = proposing_time(process)
    return operations.create_proposal(process, data, actor=author, now=now)


def make_supporters(proposal, n):
    """``n`` new residents supporting ``proposal``; returns them."""
    people = [factories.make_user() for _ in range(n)]
    for person in people:
        operations.support_proposal(proposal, actor=person)
    return people


def answer(proposal, actor, state="accepted", text="La resposta oficial.", publish=True):
    return operations.answer_proposal(proposal, state=state, answer=text, publish=publish,
                                      actor=actor)


def support_rows(proposal) -> int:
    return db.session.scalar(
        sa.select(sa.func.count()).select_from(Support).where(Support.proposal_id == proposal.id)
    )


def stored_count(proposal) -> int:
    """The supports counter as the database holds it now."""
    return db.session.scalar(sa.select(Proposal.supports_count).where(Proposal.id == proposal.id))


def count_proposals() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Proposal))


def log_entries(verb, target=None) -> list[ActionLog]:
    query = sa.select(ActionLog).where(ActionLog.verb == verb).order_by(ActionLog.id)
    if target is not None:
        query = query.where(ActionLog.target_type == "proposal",
                            ActionLog.target_id == target.id)
    return list(db.session.scalars(query))


def url(process, proposal=None, action=None) -> str:
    base = f"/processes/{process.slug}/proposals"
    if proposal is None:
        return base + "/" + (action or "")
    return f"{base}/{proposal.id}" + (f"/{action}" if action else "")


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []  # (tag, attrs dict)
        self.script_text = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script_text.append(data)


def assert_inert(html: str) -> None:
    """No script a visitor's browser would run: no inline script, no event handler
    attributes, no javascript: URL in any link or source, no image from user text."""
    parser = _Collector()
    parser.feed(html)
    assert "".join(parser.script_text).strip() == "", parser.script_text
    for tag, attrs in parser.elements:
        if tag == "script":
            assert attrs.get("src", "").startswith("/static/"), attrs
        assert tag != "img", attrs
        for name, value in attrs.items():
            assert not name.lower().startswith("on"), (tag, attrs)
            folded = re.sub(r"\s", "", (value or "")).lower()
            assert not folded.startswith("javascript:"), (tag, attrs)


def selected_option(html: str, select_id: str) -> str | None:
    """The value of the selected option of ``<select id=select_id>``."""
    block = re.search(rf'<select id="{select_id}"[^>]*>(.*?)</select>', html, re.S)
    assert block, f"no select #{select_id}"
    match = re.search(r'<option value="([^"]*)"\s+selected', block.group(1))
    return match.group(1) if match else None
