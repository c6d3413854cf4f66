"""The content-kind protocol: every kind of content answers the same questions, and the
registry finds a kind by its stored value or by one of its items."""

import pytest

from participa.core.content import content_kinds, kind_named, kind_of
from tests.support import factories
from tests.support.comments import make_comment, make_target


def test_the_registered_kinds(app):
    kinds = {kind.value: kind for kind in content_kinds()}
    assert set(kinds) == {"people", "proposals", "debates", "meetings", "comments"}
    assert {v for v, k in kinds.items() if k.commentable} == {"proposals", "debates",
                                                               "meetings"}
    assert all(kind.reportable for kind in kinds.values())
    assert {v for v, k in kinds.items() if k.contribution_label} == {"proposals", "debates",
                                                                      "comments"}


@pytest.mark.parametrize("value", ["proposals", "debates", "meetings"])
def test_every_commentable_kind_answers_the_protocol(app, value):
    process = factories.make_process(categories=("Cultura",))
    author = factories.make_user("facilitator", process=process, locale="en")
    target = make_target(value.rstrip("s"), process, author)
    comment = make_comment(target, author, "Un comentari.")
    kind = kind_of(target)
    assert kind is kind_named(value)
    assert kind.get(target.id) is target
    assert kind.title(target)
    assert kind.url(target).startswith(f"/processes/{process.slug}/{value}/{target.id}")
    assert kind.address(target) == kind.url(target)
    assert kind.can_view(author, target)
    assert kind.accepts_comments(target)
    assert kind.process_id(target) == process.id
    assert kind.author_id(target) == author.id
    comments = kind_of(comment)
    assert comments.url(comment) == kind.url(target, anchor=f"comment-{comment.id}")
    assert comments.address(comment) == f"/comments/{comment.id}"
    assert comments.process_id(comment) == process.id


def test_a_profile_belongs_to_no_process(app):
    person = factories.make_user(name="Aina Puig")
    kind = kind_of(person)
    assert kind.value == "people"
    assert kind.process_id(person) is None
    assert kind.author_id(person) == person.id
    assert kind.title(person) == "Aina Puig"
    assert not kind.commentable


def test_an_unknown_kind_is_none_and_an_unregistered_item_a_type_error(app):
    assert kind_named("ballots") is None
    with pytest.raises(TypeError):
        kind_of(factories.make_neighbourhood())
