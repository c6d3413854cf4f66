"""Publishing a proposal on behalf of an association: the operation (who may, the refusals
that change nothing), the permission grid (role × association state × link state), the form
that offers only the associations one represents, the page, the cards (kept renderings follow
a rename), "my participation", the association's page and the open data."""

import json

import pytest
import sqlalchemy as sa
from flask_babel import force_locale

from participa.associations import operations as associations
from participa.comments.behalf import NOT_YOURS, association_to_publish_as
from participa.core.errors import DomainError
from participa.core.models import ActionLog
from participa.extensions import db
from participa.proposals import operations
from participa.proposals.models import Proposal, Support
from participa.proposals.queries import count_authored
from tests.associations.conftest import make_association, make_link
from tests.support import factories
from tests.support.proposals import count_proposals, make_proposal, url
from tests.support.web import login, post, sync, text

REFUSED = NOT_YOURS._args[0]  # the message as English readers read it


def data(**values):
    return {"title": "Voreres amples al carrer Major", "body": "Sense pals ni jardineres.",
            **values}


@pytest.fixture
def marta():
    return factories.person(name="Marta Soler")


@pytest.fixture
def avv(marta):
    """A verified association Marta administers (she registered it)."""
    return make_association("verified", admin=marta, name="Associació de Veïns del Barri Vell")


# --- operations ------------------------------------------------------------------------------


def test_a_representative_publishes_as_the_association(process, marta, avv):
    proposal = operations.create_proposal(process, data(association_id=avv.id), actor=marta)
    assert proposal.association_id == avv.id
    assert proposal.author_id == marta.id  # the person stays the author
    entry = db.session.scalars(sa.select(ActionLog).where(
        ActionLog.verb == "create_proposal")).one()
    assert entry.actor_id == marta.id and entry.data["association_id"] == avv.id


def test_an_accepted_plain_representative_may_too(process, avv):
    jordi = factories.person()
    make_link(avv, jordi)
    proposal = operations.create_proposal(process, data(association_id=avv.id), actor=jordi)
    assert proposal.association_id == avv.id


def test_without_an_association_it_is_the_persons(process, marta, avv):
    assert operations.create_proposal(process, data(association_id=None),
                                      actor=marta).association_id is None


def test_the_persons_limit_counts_proposals_published_as_an_association(make_process, marta,
                                                                       avv):
    process = make_process(proposals_per_person=1)
    operations.create_proposal(process, data(association_id=avv.id), actor=marta)
    assert count_authored(process, marta) == 1
    with pytest.raises(DomainError):
        operations.create_proposal(process, data(), actor=marta)


def _refusal_case(case, marta):
    """An association id ``marta`` may not publish as, and the state that makes it so."""
    if case == "not_a_representative":
        return make_association("verified").id
    if case == "requested_only":
        association = make_association("verified")
        make_link(association, marta, accepted=False)
        return association.id
    if case == "pending_association":
        return make_association("pending", admin=marta).id
    if case == "refused_association":
        return make_association("refused", admin=marta).id
    if case == "missing":
        return 987_654
    if case == "removed":
        association = make_association("verified")
        link = make_link(association, marta)
        admin = next(r.user for r in association.representatives if r.is_administrator)
        associations.remove_representative(link, actor=admin)
        db.session.expire_all()
        return association.id
    if case == "blocked":
        association = make_association("verified", admin=marta)
        marta.blocked_at = marta.created_at
        return association.id
    raise AssertionError(case)


CASES = ("not_a_representative", "requested_only", "pending_association",
         "refused_association", "missing", "removed", "blocked")


@pytest.mark.parametrize("case", CASES)
def test_publishing_as_an_association_one_may_not_act_for_is_refused(process, marta, case):
    association_id = _refusal_case(case, marta)
    before = count_proposals()
    with pytest.raises(DomainError) as refused:
        operations.create_proposal(process, data(association_id=association_id), actor=marta)
    if case != "blocked":  # a blocked account may not propose at all: that refusal comes first
        with force_locale("en"):
            assert str(refused.value.message) == REFUSED
        assert refused.value.field == "association_id"
    with pytest.raises(DomainError):
        association_to_publish_as(marta, association_id)
    assert count_proposals() == before


@pytest.mark.parametrize("value", ["abc", "-1", 0, "", None])
def test_garbage_ids_are_refused_or_mean_yourself(marta, value):
    if value in (0, "", None):
        assert association_to_publish_as(marta, value) is None
    else:
        with pytest.raises(DomainError):
            association_to_publish_as(marta, value)


# the grid: who may publish as the association, by the person's role toward it (its
# administrator, a representative, nobody), the association's state and the link's state
GRID = [(role, link) for role in ("administrator", "representative")
        for link in ("accepted", "requested", "refused", "removed")
        if not (role == "administrator" and link in ("requested", "refused"))] + [("none", None)]


@pytest.mark.parametrize("role, link_state", GRID)
@pytest.mark.parametrize("state", ["verified", "pending", "refused"])
def test_who_may_publish_as_an_association(process, role, link_state, state):
    person = factories.person()
    admin = person if role == "administrator" else factories.person()
    association = make_association("pending", admin=admin)
    if role == "representative":
        link = make_link(association, person, accepted=link_state != "requested")
        if link_state == "refused":
            link.status = link.status.__class__("refused")
            db.session.flush()
    if link_state == "removed":
        db.session.delete(association.link_of(person))
        db.session.flush()
        db.session.expire_all()
    council = factories.person("council")
    if state == "verified":
        associations.verify_association(association, actor=council)
    elif state == "refused":
        associations.refuse_association(association, "No consta.", actor=council)
    if state == "verified" and link_state == "accepted":
        assert association_to_publish_as(person, association.id) == association
        assert operations.create_proposal(process, data(association_id=association.id),
                                          actor=person).association_id == association.id
    else:
        with pytest.raises(DomainError):
            association_to_publish_as(person, association.id)
        with pytest.raises(DomainError):
            operations.create_proposal(process, data(association_id=association.id),
                                       actor=person)


def test_supports_stay_personal(process, marta, avv):
    proposal = operations.create_proposal(process, data(association_id=avv.id), actor=marta)
    jordi = factories.person()
    make_link(avv, jordi)
    operations.support_proposal(proposal, actor=jordi)
    assert "association_id" not in Support.__table__.columns
    assert db.session.scalar(sa.select(Support.user_id)) == jordi.id


# --- the form and the pages ------------------------------------------------------------------


def test_the_form_offers_publishing_as_only_to_representatives(client, process, marta, avv,
                                                               commit):
    other = factories.person()
    make_association("pending", admin=other, name="Colla en tràmit")
    commit()
    login(client, other)
    html = text(client.get(url(process, action="new")))
    assert 'name="association_id"' not in html and "Publish as" not in html
    client = client.another()
    login(client, marta)
    html = text(client.get(url(process, action="new")))
    assert "Publish as" in html and "Yourself" in html
    assert f'<option value="{avv.id}">Associació de Veïns del Barri Vell</option>' in html
    assert "Colla en tràmit" not in html


def test_publishing_as_the_association_through_the_form(client, process, marta, avv, commit):
    commit()
    login(client, marta)
    preview = post(client, url(process, action="new"),
                   data(association_id=avv.id, action="preview"),
                   token_from=url(process, action="new"))
    assert preview.status_code == 200
    assert "Associació de Veïns del Barri Vell</a>, by Marta Soler" in text(preview)
    response = post(client, url(process, action="new"),
                    data(association_id=avv.id, action="publish"),
                    token_from=url(process, action="new"))
    assert response.status_code == 302
    sync()
    proposal = db.session.scalars(sa.select(Proposal)).one()
    assert proposal.association_id == avv.id and proposal.author_id == marta.id
    page = text(client.get(response.location))
    assert (f'By <span class="byline"><a href="/associations/{avv.slug}" class="association">'
            'Associació de Veïns del Barri Vell</a>, by Marta Soler</span> on') in page
    cards = text(client.get(url(process)))
    assert (f'<a href="/associations/{avv.slug}" class="association">Associació de Veïns del '
            'Barri Vell</a>, by Marta Soler') in cards


@pytest.mark.parametrize("case", ["not_a_representative", "pending_association", "missing"])
def test_a_forged_association_id_is_refused_by_the_form(client, process, marta, commit, case):
    association_id = _refusal_case(case, marta)
    commit()
    login(client, marta)
    response = post(client, url(process, action="new"),
                    data(association_id=association_id, action="publish"),
                    token_from=url(process, action="new"))
    assert response.status_code == 400
    assert REFUSED.replace("'", "&#39;") in text(response)
    sync()
    assert count_proposals() == 0


def test_a_representative_removed_after_the_form_was_shown_is_refused(client, process, avv,
                                                                      commit):
    jordi = factories.person()
    link = make_link(avv, jordi)
    commit()
    login(client, jordi)
    form = text(client.get(url(process, action="new")))
    assert f'value="{avv.id}"' in form
    admin = next(r.user for r in avv.representatives if r.is_administrator)
    associations.remove_representative(link, actor=admin)
    commit()
    response = post(client, url(process, action="new"),
                    data(association_id=avv.id, action="publish"),
                    token_from=url(process, action="new"))
    assert response.status_code == 400
    sync()
    assert count_proposals() == 0


def test_the_operation_refuses_what_the_form_let_through(process, marta, avv):
    """The form is not the only guard: the operation reads the links afresh."""
    avv_id = avv.id
    link = avv.link_of(marta)
    link.status = link.status.__class__("refused")
    link.role = link.role.__class__("representative")
    db.session.flush()
    with pytest.raises(DomainError):
        operations.create_proposal(process, data(association_id=avv_id), actor=marta)


def test_editing_keeps_the_association_and_offers_no_choice(client, process, marta, avv,
                                                           commit):
    proposal = make_proposal(process, marta, association_id=avv.id)
    commit()
    login(client, marta)
    edit = url(process, proposal, "edit")
    assert 'name="association_id"' not in text(client.get(edit))
    response = post(client, edit, {"title": "Un títol nou", "body": "Text",
                                   "association_id": ""}, token_from=edit)
    assert response.status_code == 302
    sync()
    assert db.session.get(Proposal, proposal.id).association_id == avv.id


def test_a_rename_shows_on_the_kept_cards_and_the_page(client, process, marta, avv, commit):
    proposal = make_proposal(process, marta, association_id=avv.id)
    commit()
    assert "Associació de Veïns del Barri Vell" in text(client.get(url(process)))
    avv.name = "AVV Barri Vell i Rec"  # a rename: the card kept for the old name is stale
    commit()
    cards = text(client.get(url(process)))
    assert "AVV Barri Vell i Rec" in cards and "Associació de Veïns del Barri Vell" not in cards
    assert "AVV Barri Vell i Rec</a>, by Marta Soler" in text(client.get(url(process, proposal)))


def test_my_participation_says_on_whose_behalf(client, process, marta, avv, commit):
    make_proposal(process, marta, association_id=avv.id)
    commit()
    login(client, marta)
    html = text(client.get("/accounts/me/participation"))
    assert "On behalf of Associació de Veïns del Barri Vell" in html


def test_the_association_page_lists_its_proposals(client, process, marta, avv, commit):
    own = make_proposal(process, marta, title="Voreres amples", association_id=avv.id)
    make_proposal(process, marta, title="Una proposta de la Marta sola")
    commit()
    html = text(client.get(f"/associations/{avv.slug}"))
    assert "<h3>Proposals</h3>" in html
    assert url(process, own) in html and "Una proposta de la Marta sola" not in html


def test_the_open_data_names_the_association(client, process, marta, avv, commit):
    make_proposal(process, marta, title="Voreres amples", association_id=avv.id)
    make_proposal(process, marta, title="Sola")
    commit()
    rows = json.loads(text(client.get(f"/processes/{process.slug}/proposals.json")))
    by_title = {row["title"]: row for row in rows}
    assert by_title["Voreres amples"]["association"] == "Associació de Veïns del Barri Vell"
    assert by_title["Sola"]["association"] is None
    csv = text(client.get(f"/processes/{process.slug}/proposals.csv"))
    assert csv.splitlines()[0].split(",")[8:10] == ["association", "coauthors"]
    assert "Associació de Veïns del Barri Vell" in csv


# --- the demo town ---------------------------------------------------------------------------


def test_the_demo_town_acts_on_behalf_and_co_authors(app, client):
    from participa.accounts.queries import get_user_by_email
    from participa.associations.models import Association
    from participa.comments.models import Comment
    from participa.proposals.models import CoauthorStatus, ProposalCoauthor
    from participa.seed.town import seed_demo

    seed_demo()
    db.session.commit()
    avv = db.session.scalars(sa.select(Association).where(
        Association.name == "Associació de Veïns del Barri Vell")).one()
    marta = get_user_by_email("marta@riuclar.example")
    [published] = db.session.scalars(sa.select(Proposal).where(
        Proposal.association_id == avv.id))
    assert published.author_id == marta.id
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Comment).where(
        Comment.association_id == avv.id)) >= 2
    invitations = {(c.user.email if c.user else c.association.name): c.status
                   for c in db.session.scalars(sa.select(ProposalCoauthor))}
    assert invitations == {"jordi@riuclar.example": CoauthorStatus.ACCEPTED,
                           "Casal de la Gent Gran del Barri Vell": CoauthorStatus.ACCEPTED,
                           "fatima@riuclar.example": CoauthorStatus.INVITED}
    page = text(client.get(f"/associations/{avv.slug}"))
    assert url(published.process, published) in page
    assert seed_demo() >= 0 and db.session.scalar(  # seeding again adds nothing of this
        sa.select(sa.func.count()).select_from(ProposalCoauthor)) == 3
