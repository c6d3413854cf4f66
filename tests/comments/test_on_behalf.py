"""Comments written on behalf of an association: the operation and its refusals, the form
that offers only the associations one represents (the kept empty form never shows one
reader's associations to another), the thread (its kept pieces, and a long thread kept whole,
follow a rename), votes that stay personal, editing and "my participation"."""

from datetime import timedelta

import pytest
import sqlalchemy as sa
from flask_babel import force_locale

from participa.comments import operations
from participa.comments.behalf import NOT_YOURS
from participa.comments.models import Comment, CommentVote
from participa.comments.queries import LONG_THREAD
from participa.core.errors import DomainError
from participa.core.types import utcnow
from participa.extensions import db
from tests.associations.conftest import make_association, make_link
from tests.support.comments import (
    TARGETS,
    comments_url,
    count_comments,
    make_target,
    target_path,
    veteran,
)
from tests.support.web import login, post, sync, text

AVV = "Associació de Veïns del Barri Vell"


@pytest.fixture
def marta():
    return veteran(name="Marta Soler")


@pytest.fixture
def avv(marta):
    return make_association("verified", admin=marta, name=AVV)


def byline(association) -> str:
    return (f'<a href="/associations/{association.slug}" class="association">'
            f'{association.name}</a>, by <a href="/accounts/people/')


@pytest.mark.parametrize("kind", TARGETS)
def test_a_representative_comments_as_the_association(process, marta, avv, kind):
    target = make_target(kind, process)
    comment = operations.create_comment(target, {"body": "Hi donem suport.",
                                                 "association_id": avv.id}, actor=marta)
    assert comment.association_id == avv.id and comment.author_id == marta.id
    reply = operations.create_comment(target, {"body": "I jo, a títol personal."},
                                      actor=marta, parent=comment)
    assert reply.association_id is None


@pytest.mark.parametrize("case", ["stranger", "pending", "refused", "missing", "removed"])
def test_commenting_as_an_association_one_may_not_act_for_is_refused(process, marta, case):
    target = make_target("proposal", process)
    if case == "stranger":
        association_id = make_association("verified").id
    elif case in ("pending", "refused"):
        association_id = make_association(case, admin=marta).id
    elif case == "missing":
        association_id = 424_242
    else:
        association = make_association("verified")
        link = make_link(association, marta)
        admin = next(r.user for r in association.representatives if r.is_administrator)
        from participa.associations.operations import remove_representative
        remove_representative(link, actor=admin)
        db.session.expire_all()
        association_id = association.id
    with pytest.raises(DomainError) as refused:
        operations.create_comment(target, {"body": "En nom seu.",
                                           "association_id": association_id}, actor=marta)
    with force_locale("en"):
        assert str(refused.value.message) == NOT_YOURS._args[0]
    assert count_comments() == 0 and target.comments_count == 0


def test_votes_on_comments_stay_personal(process, marta, avv):
    target = make_target("proposal", process)
    comment = operations.create_comment(target, {"body": "Una idea."},
                                        actor=veteran())
    operations.vote_comment(comment, 1, actor=marta)
    assert "association_id" not in CommentVote.__table__.columns
    assert db.session.scalar(sa.select(CommentVote.user_id)) == marta.id


# --- the form and the thread ---------------------------------------------------------------


def test_the_form_offers_the_association_only_to_its_representatives(client, process, marta,
                                                                     avv, commit):
    target = make_target("proposal", process)
    other = veteran()
    commit()
    login(client, marta)
    page = text(client.get(target_path(target)))
    assert "Publish as" in page and f'<option value="{avv.id}">{AVV}</option>' in page
    # the empty form is kept per target: another reader never gets Marta's choice
    elsewhere = client.another()
    login(elsewhere, other)
    page = text(elsewhere.get(target_path(target)))
    assert "Publish as" not in page and AVV not in page
    assert 'name="association_id"' not in text(client.another().get(target_path(target)))


def test_publishing_as_the_association_through_the_form(client, process, marta, avv, commit):
    target = make_target("proposal", process)
    commit()
    login(client, marta)
    response = post(client, comments_url(target), {
        "body": "L'assemblea hi està a favor.", "alignment": "in_favour",
        "association_id": avv.id}, token_from=target_path(target))
    assert response.status_code == 302
    page = text(client.get(target_path(target)))
    assert byline(avv) in page
    sync()
    assert db.session.scalars(sa.select(Comment.association_id)).one() == avv.id


@pytest.mark.parametrize("forged", ["stranger", "pending", "missing", "garbage"])
def test_a_forged_association_id_is_refused(client, process, marta, commit, forged):
    target = make_target("proposal", process)
    association_id = {"stranger": lambda: make_association("verified").id,
                      "pending": lambda: make_association("pending", admin=marta).id,
                      "missing": lambda: 999_999, "garbage": lambda: "x1"}[forged]()
    commit()
    login(client, marta)
    response = post(client, comments_url(target), {"body": "Colat.",
                                                   "association_id": association_id},
                    token_from=target_path(target))
    assert response.status_code == 400
    assert "You cannot publish on behalf of this association" in text(response)
    sync()
    assert count_comments() == 0


def test_the_reply_page_offers_it_too(client, process, marta, avv, commit):
    target = make_target("proposal", process)
    parent = operations.create_comment(target, {"body": "Primer.", "association_id": avv.id},
                                       actor=marta)
    commit()
    login(client, marta)
    html = text(client.get(comments_url(target, "new") + f"?parent={parent.id}"))
    assert "Publish as" in html
    assert f'<a href="/associations/{avv.slug}" class="association">{AVV}</a>, by' in html


def test_editing_keeps_on_whose_behalf(client, process, marta, avv, commit):
    target = make_target("proposal", process)
    comment = operations.create_comment(target, {"body": "Primer.", "association_id": avv.id},
                                        actor=marta)
    commit()
    login(client, marta)
    edit = f"/comments/{comment.id}/edit"
    assert 'name="association_id"' not in text(client.get(edit))
    assert post(client, edit, {"body": "Corregit.", "association_id": ""},
                token_from=edit).status_code == 302
    sync()
    assert db.session.get(Comment, comment.id).association_id == avv.id


@pytest.mark.parametrize("size", [3, LONG_THREAD + 5], ids=["short", "long"])
def test_a_rename_shows_in_a_kept_thread(client, process, marta, avv, commit, size):
    """Short threads are joined from kept pieces, long ones kept whole: both are keyed by
    each comment's version, which holds the association's name."""
    target = make_target("proposal", process)
    start = utcnow() - timedelta(days=1)
    for i in range(size):
        operations.create_comment(target, {"body": f"Comentari {i}.",
                                           "association_id": avv.id if i == 0 else None},
                                  actor=marta if i == 0 else veteran(),
                                  now=start + timedelta(minutes=i))
    commit()
    assert byline(avv) in text(client.get(target_path(target)))
    avv.name = "AVV Barri Vell i Rec"
    commit()
    page = text(client.get(target_path(target)))
    assert byline(avv) in page and AVV not in page


def test_my_participation_says_on_whose_behalf(client, process, marta, avv, commit):
    target = make_target("proposal", process)
    operations.create_comment(target, {"body": "Primer.", "association_id": avv.id},
                              actor=marta)
    commit()
    login(client, marta)
    assert f"On behalf of {AVV}" in text(client.get("/accounts/me/participation"))
