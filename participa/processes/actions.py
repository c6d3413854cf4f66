"""What a process page offers, asked of each feature (the frame imports none of them).

Each feature answers for itself through ``signals.process_actions``: its links (with their
figures), what they let people do *now* — computed from the process's real settings and the
feature's own state (a budget open to voting, debates residents may open, supports switched
on), not from the phase's kind alone — and, once the process is over, what came of it."""

from dataclasses import dataclass

from flask import current_app

from participa.processes.signals import process_actions


@dataclass(frozen=True)
class ProcessAction:
    """One entry of a process page's action bar.

    ``offers``: what "In this phase you can" lists because of it (empty when nothing can be
    done there now); ``primary``: the page's main call to action (make a proposal, vote);
    ``outcome``: it shows what came of the process, shown first once the process is over;
    ``url`` None: an offer with no link of its own (commenting happens on each item)."""

    key: str
    label: str
    url: str | None = None
    order: int = 50
    count: int | None = None
    note: str = ""
    primary: bool = False
    offers: tuple = ()
    outcome: bool = False


@dataclass(frozen=True)
class ProcessActions:
    links: list  # the action bar, in order
    offers: list  # what people can do in the active phase, each said once
    outcomes: list  # what came of the process

    @property
    def primary(self):
        return [a for a in self.links if a.primary]


def actions_of(process, *, finished: bool = False) -> ProcessActions:
    """Every feature's actions for ``process``, in order. A finished process's outcomes are
    listed apart (and not again in the bar)."""
    actions = []
    for _receiver, returned in process_actions.send(current_app._get_current_object(),
                                                    process=process):
        actions.extend(returned or ())
    actions.sort(key=lambda a: (a.order, a.key))
    offers = []
    for action in actions:
        for offer in action.offers:
            if str(offer) not in map(str, offers):
                offers.append(offer)
    outcomes = [a for a in actions if a.outcome and a.url] if finished else []
    links = [a for a in actions if a.url and a not in outcomes]
    return ProcessActions(links=links, offers=offers, outcomes=outcomes)
