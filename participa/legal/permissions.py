"""Who may do what with the legal texts. Pure predicates: views (403) and templates share them.

Everyone, signed in or not, reads every published version of every text: what a person was
asked to accept must stay readable. Only the council publishes."""

from participa.core.permissions import is_council


def can_view_legal_text(user, version) -> bool:
    """Every published version is public (there are no drafts: publishing makes a version)."""
    return version is not None


def can_publish_legal_text(user) -> bool:
    """The council writes and publishes the legal notice, the privacy policy, the terms of use
    and the accessibility statement."""
    return is_council(user)
