"""A proposal's images and documents, through the files core (``participa.files``).

Its files are read as its page is: never those of a hidden, withdrawn or deleted proposal,
nor of a process the reader may not see (``can_read_files``). They are added and removed by
whoever may edit it (``can_attach_files``). The new and edit forms carry one image (with its
alternative text) and one PDF (with its title); both are checked before the proposal is saved,
and a refused file refuses the whole form, so nothing is saved."""

from flask_babel import lazy_gettext as _l

from participa.extensions import db
from participa.files.operations import prepare_form_files
from participa.files.registry import register_kind
from participa.processes.permissions import can_view_process
from participa.proposals.models import Proposal
from participa.proposals.permissions import can_edit_proposal

KIND = "proposal"


def _readable(proposal) -> bool:
    return (proposal is not None and getattr(proposal, "deleted_at", None) is None
            and proposal.hidden_at is None and not proposal.is_withdrawn)


def readable_ids(proposals) -> list[int]:
    """The ids of the listed proposals whose files may be shown (the process is the list's)."""
    return [proposal.id for proposal in proposals if _readable(proposal)]


def can_read_files(user, proposal) -> bool:
    return _readable(proposal) and can_view_process(user, proposal.process)


def can_attach_files(user, proposal) -> bool:
    return can_read_files(user, proposal) and can_edit_proposal(user, proposal)


def register() -> None:
    register_kind(
        KIND, _l("Proposals"),
        can_read=lambda user, owner_id: can_read_files(user, db.session.get(Proposal,
                                                                            owner_id)),
        can_attach=lambda user, owner_id: can_attach_files(user, db.session.get(Proposal,
                                                                                owner_id)),
    )


def prepare_uploads(data: dict, *, language: str) -> list:
    """The files a proposal form carries, checked (nothing stored)."""
    return prepare_form_files(KIND, data, language=language)

