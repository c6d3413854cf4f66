"""The index follows the content on every flush, whatever changed it, and what is hidden,
deleted or a draft is never found (on SQLite and on PostgreSQL alike)."""

import sqlalchemy as sa

from participa.comments import operations as comment_ops
from participa.extensions import db
from participa.meetings import operations as meeting_ops
from participa.moderation import operations as moderation_ops
from participa.plans.models import PlanStatus
from participa.proposals import operations as proposal_ops
from participa.search.indexing import rebuild_index
from participa.search.models import SearchDocument
from participa.search.queries import search
from tests.support import factories
from tests.support.comments import make_comment
from tests.support.debates import make_debate
from tests.support.meetings import make_meeting
from tests.support.proposals import make_proposal


def document(kind, target_id):
    return db.session.scalar(sa.select(SearchDocument).where(
        SearchDocument.kind == kind, SearchDocument.target_id == target_id))


def test_a_new_proposal_is_found_by_any_spelling(process, resident, found):
    proposal = make_proposal(process, resident, title="Més il·luminació al passatge",
                             body="Els fanals del passatge fan poca llum.")
    for words in ("il·luminació", "illuminacio", "iluminacio", "ILUMINACIÓ", "passatge llum"):
        assert found(words) == [("proposals", proposal.id)], words
    assert found("fanal") == [("proposals", proposal.id)]  # the beginning of a word finds it
    assert found("iluminacio piscina") == []  # every word must be there


def test_an_edit_changes_what_finds_it(process, resident, found):
    proposal = make_proposal(process, resident, title="Bancs a la plaça", body="Per seure.")
    proposal_ops.update_proposal(proposal, {"title": "Ombra a la plaça", "body": "Arbres."},
                                 actor=resident, now=proposal.created_at)
    assert found("bancs") == []
    assert found("arbres") == [("proposals", proposal.id)]


def test_hiding_and_showing_again(process, resident, make_user, found):
    proposal = make_proposal(process, resident, title="Horts urbans al solar")
    comment = make_comment(proposal, make_user(), body="Sí als horts, i amb reg gota a gota.")
    assert set(found("horts")) == {("proposals", proposal.id), ("comments", comment.id)}

    moderation_ops.set_hidden(proposal, factories.utcnow())
    assert found("horts") == []  # the proposal, and the comments on it
    assert document("comments", comment.id).is_public is False

    moderation_ops.set_hidden(proposal, None)
    assert set(found("horts")) == {("proposals", proposal.id), ("comments", comment.id)}

    moderation_ops.set_hidden(comment, factories.utcnow())
    assert found("horts") == [("proposals", proposal.id)]


def test_blocking_the_author_hides_all_they_wrote(process, resident, council, found):
    proposal = make_proposal(process, resident, title="Papereres noves")
    moderation_ops.block_user(resident, actor=council)
    assert found("papereres") == []
    assert document("proposals", proposal.id).is_public is False


def test_a_deleted_comment_is_not_found(process, resident, make_user, found):
    proposal = make_proposal(process, resident, title="Una proposta")
    author = make_user()
    comment = make_comment(proposal, author, body="Cal pensar en les bicicletes.")
    assert found("bicicletes") == [("comments", comment.id)]
    comment_ops.delete_comment(comment, actor=author)
    assert found("bicicletes") == []


def test_draft_meetings_are_found_once_published(process, council, found):
    meeting = make_meeting(process, council, publish=False, title="Assemblea de l'enllumenat")
    assert found("enllumenat") == []
    meeting_ops.publish_meeting(meeting, actor=council)
    assert found("enllumenat") == [("meetings", meeting.id)]


def test_an_unpublished_process_hides_all_it_holds(make_process, resident, found):
    process = make_process(title="Procés de la rambla", slug="rambla")
    proposal = make_proposal(process, resident, title="Voreres amples a la rambla")
    debate = make_debate(process, title="Quina rambla volem?")
    assert set(found("rambla")) == {("processes", process.id), ("proposals", proposal.id),
                                    ("debates", debate.id)}
    process.is_published = False
    db.session.flush()
    assert found("rambla") == []
    process.is_published = True
    db.session.flush()
    assert len(found("rambla")) == 3


def test_draft_plans_are_not_found(make_plan, found):
    plan = make_plan("Pla comunitari del Barri Vell", status=PlanStatus.DRAFT)
    assert found("barri vell") == []
    plan.status = PlanStatus.ACTIVE
    db.session.flush()
    assert found("barri vell") == [("plans", plan.id)]


def test_a_stale_document_never_shows_a_hidden_row(process, resident, found):
    """Even if the index were out of step (rows changed with plain SQL), the rows found are
    checked again before they are shown."""
    proposal = make_proposal(process, resident, title="Mural a la paret de l'escola")
    db.session.execute(sa.update(proposal.__table__).where(proposal.__table__.c.id == proposal.id)
                       .values(hidden_at=factories.utcnow()))
    db.session.expire_all()
    assert document("proposals", proposal.id).is_public is True  # the index did not see it
    assert found("mural") == []


def test_a_deleted_row_loses_its_document(process, resident, found):
    proposal = make_proposal(process, resident, title="Cinema a la fresca")
    db.session.delete(proposal)
    db.session.flush()
    assert document("proposals", proposal.id) is None
    assert found("cinema") == []


def test_neighbourhoods_filter_and_follow_the_process(make_process, make_neighbourhood,
                                                      resident, found):
    north, south, east = (make_neighbourhood(name) for name in ("Nord", "Sud", "Est"))
    process = make_process(neighbourhoods=[north, south])
    own = make_proposal(process, resident, title="Festa major", neighbourhood_id=south.id)
    inherited = make_proposal(process, resident, title="Festa de la castanyada")
    comment = make_comment(own, resident, body="Una festa per a tothom.")
    assert found("festa", neighbourhood_id=north.id) == [("proposals", inherited.id)]
    assert set(found("festa", neighbourhood_id=south.id)) == {
        ("proposals", own.id), ("proposals", inherited.id), ("comments", comment.id)}
    assert found("festa", neighbourhood_id=east.id) == []

    process.neighbourhoods = [south, east]
    db.session.flush()
    assert found("festa", neighbourhood_id=east.id) == [("proposals", inherited.id)]
    assert found("festa", neighbourhood_id=north.id) == []


def test_grouped_counts_kind_filter_and_ranking(process, resident, council, found):
    in_title = make_proposal(process, resident, title="Biblioteca oberta al vespre",
                             body="Més hores.")
    in_body = make_proposal(process, resident, title="Horaris",
                            body="Que la biblioteca obri més hores.")
    debate = make_debate(process, title="Una biblioteca nova?")
    results = search("biblioteca")
    assert results.counts["proposals"] == 2 and results.counts["debates"] == 1
    assert results.total == 3
    assert found("biblioteca", kind="debates") == [("debates", debate.id)]
    proposals = found("biblioteca", kind="proposals")
    assert proposals == [("proposals", in_title.id), ("proposals", in_body.id)]  # title first


def test_pages(process, resident, found):
    made = [make_proposal(process, resident, title=f"Contenidors {i}") for i in range(5)]
    first = search("contenidors", per_page=2)
    assert len(first.page.items) == 2 and first.page.has_next
    last = search("contenidors", per_page=2, page=3)
    assert len(last.page.items) == 1 and not last.page.has_next
    seen = {hit.row.id for page in (1, 2, 3)
            for hit in search("contenidors", per_page=2, page=page).page.items}
    assert seen == {p.id for p in made}


def test_rebuilding_the_index_gives_the_same_documents(process, resident, make_user, found):
    proposal = make_proposal(process, resident, title="Pista de patinatge")
    comment = make_comment(proposal, make_user(), body="La pista, a prop de l'escola.")
    before = sorted((d.kind, d.target_id, d.title, d.body, d.is_public, d.neighbourhood_ids)
                    for d in db.session.scalars(sa.select(SearchDocument)))
    counts = rebuild_index(db.session.connection())
    db.session.expire_all()
    after = sorted((d.kind, d.target_id, d.title, d.body, d.is_public, d.neighbourhood_ids)
                   for d in db.session.scalars(sa.select(SearchDocument)))
    assert after == before and counts["proposals"] >= 1
    assert set(found("pista")) == {("proposals", proposal.id), ("comments", comment.id)}


def test_queries_without_words_find_nothing():
    results = search("··· !!")
    assert results.words == [] and results.page.items == [] and results.total == 0
