"""Who may do what with volunteering. Pure predicates shared by views (403/404) and templates,
with the reasons a page shows ("why not") where it needs them.

- Everyone sees published, closed and cancelled opportunities; a draft only its organisers.
- The organisers of an opportunity are the council and, for one an association posts, the
  accepted representatives of that association while it is verified (``can_act_for``).
- The council posts for the council; a representative of a verified association posts for it.
  A representative of an unverified association, or someone who does not represent it, is
  refused (``why_not_post``).
- Anyone signed in (and not blocked) signs up to a published opportunity that has not ended,
  once; they leave while it has not ended.
- Only the organisers see the volunteers' names and e-mail addresses, and write to them."""

from flask_babel import lazy_gettext as _l

from participa.associations.permissions import can_act_for, is_representative
from participa.core.enums import LabelledEnum
from participa.core.permissions import is_council, is_signed_in
from participa.core.types import utcnow
from participa.volunteering.models import OpportunityStatus, SignupStatus


class PostRefusal(LabelledEnum):
    SIGN_IN = "sign_in", _l("Sign in to post a volunteering opportunity.")
    COUNCIL_ONLY = "council_only", _l("Only the council can post an opportunity in its "
                                      "own name.")
    NOT_REPRESENTATIVE = "not_representative", _l("You do not represent this association, so "
                                                  "you cannot act on its behalf.")
    UNVERIFIED = "unverified", _l("This association has not been verified by the council yet, "
                                  "so it cannot publish on the platform.")


class SignupRefusal(LabelledEnum):
    SIGN_IN = "sign_in", _l("Sign in to volunteer.")
    NOT_OPEN = "not_open", _l("This opportunity is not open for volunteers.")
    CLOSED = "closed", _l("This opportunity no longer takes volunteers.")
    CANCELLED = "cancelled", _l("This opportunity has been cancelled.")
    PAST = "past", _l("This opportunity has already ended.")
    BLOCKED = "blocked", _l("Your account cannot sign up.")
    ALREADY = "already", _l("You have already signed up for this opportunity.")


def _active(user) -> bool:
    return is_signed_in(user) and not getattr(user, "is_blocked", False)


def why_not_post(user, association=None) -> PostRefusal | None:
    """Why ``user`` may not post an opportunity for ``association`` (None: for the council);
    None when they may."""
    if not _active(user):
        return PostRefusal.SIGN_IN
    if association is None:
        return None if is_council(user) else PostRefusal.COUNCIL_ONLY
    if can_act_for(user, association):
        return None
    if is_representative(user, association):
        return PostRefusal.UNVERIFIED
    return PostRefusal.NOT_REPRESENTATIVE


def can_post_for(user, association=None) -> bool:
    return why_not_post(user, association) is None


def can_post_any(user, associations=()) -> bool:
    """Whether ``user`` may post at all: council, or representing one of ``associations``
    (``represented_associations(user)``: the verified ones they act for)."""
    return _active(user) and (is_council(user) or bool(associations))


def can_manage_opportunity(user, opportunity) -> bool:
    """The council, and the representatives of the verified association that posted it."""
    if not _active(user):
        return False
    if is_council(user):
        return True
    return opportunity.association is not None and can_act_for(user, opportunity.association)


def can_view_opportunity(user, opportunity) -> bool:
    return (opportunity.status != OpportunityStatus.DRAFT
            or can_manage_opportunity(user, opportunity))


def can_edit_opportunity(user, opportunity) -> bool:
    return can_manage_opportunity(user, opportunity) and opportunity.status in (
        OpportunityStatus.DRAFT, OpportunityStatus.PUBLISHED)


def can_publish_opportunity(user, opportunity) -> bool:
    return (can_manage_opportunity(user, opportunity)
            and opportunity.status == OpportunityStatus.DRAFT)


def can_close_opportunity(user, opportunity) -> bool:
    return (can_manage_opportunity(user, opportunity)
            and opportunity.status == OpportunityStatus.PUBLISHED)


def can_cancel_opportunity(user, opportunity) -> bool:
    return can_edit_opportunity(user, opportunity)


def can_see_volunteers(user, opportunity) -> bool:
    """Names and e-mail addresses: the organisers only."""
    return can_manage_opportunity(user, opportunity)


def can_contact_volunteers(user, opportunity) -> bool:
    return (can_manage_opportunity(user, opportunity)
            and opportunity.status != OpportunityStatus.DRAFT)


def is_over(opportunity, now=None) -> bool:
    return (now or utcnow()) >= opportunity.ends_at


def why_not_sign_up(user, opportunity, *, signup=None, now=None) -> SignupRefusal | None:
    """Why ``user`` may not sign up (None: they may). ``signup``: their current one."""
    if opportunity.status == OpportunityStatus.DRAFT:
        return SignupRefusal.NOT_OPEN
    if opportunity.status == OpportunityStatus.CANCELLED:
        return SignupRefusal.CANCELLED
    if opportunity.status == OpportunityStatus.CLOSED:
        return SignupRefusal.CLOSED
    if is_over(opportunity, now):
        return SignupRefusal.PAST
    if not is_signed_in(user):
        return SignupRefusal.SIGN_IN
    if getattr(user, "is_blocked", False):
        return SignupRefusal.BLOCKED
    if signup is not None and signup.status != SignupStatus.LEFT:
        return SignupRefusal.ALREADY
    return None


def can_sign_up(user, opportunity, *, signup=None, now=None) -> bool:
    return why_not_sign_up(user, opportunity, signup=signup, now=now) is None


def can_leave(user, opportunity, *, signup=None, now=None) -> bool:
    """A volunteer (or someone waiting) leaves while the opportunity has not ended."""
    return (
        is_signed_in(user)
        and signup is not None
        and signup.user_id == user.id
        and signup.status != SignupStatus.LEFT
        and opportunity.status in (OpportunityStatus.PUBLISHED, OpportunityStatus.CLOSED)
        and not is_over(opportunity, now)
    )


def can_review_volunteering(user) -> bool:
    """The council's list of every opportunity."""
    return is_council(user)
