"""A person's public profile as a kind of content: it can be reported and hidden."""

from flask import url_for
from flask_babel import lazy_gettext as _l

from participa.accounts.models import User
from participa.core.content import ContentKind


def _url(user, anchor=None, external=False) -> str:
    return url_for("accounts.profile", id=user.id, _anchor=anchor, _external=external)


PEOPLE = ContentKind(
    value="people", model=User, label=_l("Profile"),
    hidden_label=_l("This profile has been hidden by moderation."),
    title=lambda user: user.name, url=_url, can_view=lambda viewer, user: True,
    author_id=lambda user: user.id, process_id=lambda user: None, author_column=None,
    address_rule="/accounts/people/<int:id>",
)
