"""Reading proposals without HTTP: similar proposals, search, filters, sorting and pages."""

from participa.core.types import utcnow
from participa.extensions import db
from participa.proposals import operations, queries
from participa.proposals.models import ProposalState
from tests.support.proposals import (
    answer,
    make_supporters,
)

# --- similar proposals ------------------------------------------------------------------------


def test_similar_finds_shared_title_words_without_accents(process, author, make_proposal):
    match = make_proposal(process, author, title="Més ombra a la Plaça Major",
                          body="Arbres i pèrgoles.")
    make_proposal(process, author, title="Carril bici al passeig", body="Mobilitat.")

    found = queries.similar_proposals(process, "placa major sense ombra")
    assert found == [match]


def test_similar_matches_body_words(process, author, make_proposal):
    match = make_proposal(process, author, title="Un espai per al jovent",
                          body="Volem un casal amb biblioteca oberta.")
    assert queries.similar_proposals(process, "Ampliar horaris", "la biblioteca") == [match]


def test_similar_returns_at_most_five_and_excludes_withdrawn(process, author, make_proposal):
    made = [make_proposal(process, author, title=f"Fonts d'aigua {i}") for i in range(7)]
    operations.withdraw_proposal(made[0], actor=author)
    found = queries.similar_proposals(process, "Més fonts d'aigua")
    assert len(found) == 5
    assert made[0] not in found


def test_similar_stays_in_the_process_and_ignores_short_words(
        process, author, make_process, make_proposal):
    elsewhere = make_process()
    make_proposal(elsewhere, author, title="Bancs al parc")
    make_proposal(process, author, title="Un pla per al barri")
    assert queries.similar_proposals(process, "Bancs al parc") == []
    assert queries.similar_proposals(process, "un pla al") == []  # words under 4 letters


def test_similar_ranks_title_matches_first(process, author, make_proposal):
    in_body = make_proposal(process, author, title="Neteja de carrers",
                            body="També calen papereres noves.")
    in_title = make_proposal(process, author, title="Papereres noves", body="Al parc.")
    assert queries.similar_proposals(process, "papereres noves") == [in_title, in_body]


# --- list_proposals ---------------------------------------------------------------------------


def _titles(page):
    return [p.title for p in page.items]


def test_search_over_title_and_body_all_words_without_accents(process, author, make_proposal):
    make_proposal(process, author, title="Plaça més verda", body="Arbres i gespa.")
    make_proposal(process, author, title="Arbres al carrer", body="Al carrer Major.")
    make_proposal(process, author, title="Bancs", body="A la plaça del Mercat.")

    assert _titles(queries.list_proposals(process, q="placa")) == ["Bancs", "Plaça més verda"]
    assert _titles(queries.list_proposals(process, q="PLAÇA arbres")) == ["Plaça més verda"]
    assert _titles(queries.list_proposals(process, q="arbres")) == [
        "Arbres al carrer", "Plaça més verda"]
    assert _titles(queries.list_proposals(process, q="mercat major")) == []


def test_search_treats_like_wildcards_as_text(process, author, make_proposal):
    # bodies of their own: the builder's default body holds a counter, which may contain "50"
    make_proposal(process, author, title="Descompte del 50% al bus", body="Per a la gent gran.")
    make_proposal(process, author, title="Res a veure", body="Una altra cosa.")
    assert _titles(queries.list_proposals(process, q="50%")) == ["Descompte del 50% al bus"]
    assert _titles(queries.list_proposals(process, q="r_s")) == []  # "_" is not a wildcard
    assert len(queries.list_proposals(process, q="%").items) == 2  # no words: no filter


def test_filters_by_state_category_neighbourhood_author_and_supporter(
        process, author, other, council, make_neighbourhood, make_proposal):
    barri = make_neighbourhood()
    process.neighbourhoods.append(barri)
    culture = process.categories[1]
    a = make_proposal(process, author, title="A", category_id=culture.id)
    b = make_proposal(process, author, title="B", neighbourhood_id=barri.id)
    c = make_proposal(process, other, title="C")
    answer(a, council, state="accepted")
    operations.support_proposal(c, actor=author)
    operations.support_proposal(b, actor=other)

    def titles(**kw):
        return _titles(queries.list_proposals(process, **kw))

    assert titles(state=ProposalState.ACCEPTED) == ["A"]
    assert titles(state=ProposalState.PUBLISHED) == ["C", "B"]
    assert titles(category_id=culture.id) == ["A"]
    assert titles(neighbourhood_id=barri.id) == ["B"]
    assert titles(author_id=author.id) == ["B", "A"]
    assert titles(supporter_id=author.id) == ["C"]
    assert titles(supporter_id=other.id, author_id=author.id) == ["B"]


def test_withdrawn_hidden_unless_asked_for(process, author, make_proposal):
    kept = make_proposal(process, author, title="Es queda")
    gone = make_proposal(process, author, title="Retirada")
    operations.withdraw_proposal(gone, actor=author)
    assert _titles(queries.list_proposals(process)) == [kept.title]
    assert _titles(queries.list_proposals(process, q="retirada")) == []
    assert _titles(queries.list_proposals(process, state=ProposalState.WITHDRAWN)) == [
        gone.title]


def test_deleted_and_other_processes_are_never_listed(process, author, make_process, make_proposal):
    make_proposal(make_process(), author, title="D'un altre procés")
    deleted = make_proposal(process, author, title="Esborrada")
    deleted.deleted_at = utcnow()
    db.session.flush()
    assert _titles(queries.list_proposals(process)) == []


def test_sorts_recent_supports_and_comments(process, author, make_proposal):
    old = make_proposal(process, author, title="Antiga")
    popular = make_proposal(process, author, title="Popular")
    new = make_proposal(process, author, title="Nova")
    make_supporters(popular, 3)
    make_supporters(old, 1)
    old.comments_count = 5
    new.comments_count = 2
    db.session.flush()

    assert _titles(queries.list_proposals(process)) == ["Nova", "Popular", "Antiga"]
    assert _titles(queries.list_proposals(process, sort="supports")) == [
        "Popular", "Antiga", "Nova"]
    assert _titles(queries.list_proposals(process, sort="comments")) == [
        "Antiga", "Nova", "Popular"]


def test_random_sort_is_stable_per_seed_and_differs_between_seeds(process, author, make_proposal):
    for i in range(12):
        make_proposal(process, author, title=f"P{i:02d}")

    def order(seed):
        return _titles(queries.list_proposals(process, sort="random", seed=seed))

    assert order(7) == order(7)
    assert sorted(order(7)) == sorted(order(8))
    assert len({tuple(order(seed)) for seed in (1, 2, 3, 7, 8, 1234, 2**31 - 1)}) >= 5
    recent = _titles(queries.list_proposals(process))
    oldest_first = list(reversed(recent))
    assert all(order(seed) not in (recent, oldest_first) for seed in (1, 2, 3))


def test_random_sort_pages_do_not_overlap(process, author, make_proposal):
    for i in range(7):
        make_proposal(process, author, title=f"P{i}")
    seen = []
    for page in (1, 2, 3):
        seen += _titles(queries.list_proposals(process, sort="random", seed=99, page=page,
                                               per_page=3))
    assert sorted(seen) == sorted(f"P{i}" for i in range(7))


def test_pagination_has_next_and_prev(process, author, make_proposal):
    for i in range(5):
        make_proposal(process, author, title=f"P{i}")

    first = queries.list_proposals(process, per_page=2)
    middle = queries.list_proposals(process, per_page=2, page=2)
    last = queries.list_proposals(process, per_page=2, page=3)
    beyond = queries.list_proposals(process, per_page=2, page=4)

    assert (_titles(first), first.has_prev, first.has_next) == (["P4", "P3"], False, True)
    assert (_titles(middle), middle.has_prev, middle.has_next) == (["P2", "P1"], True, True)
    assert (_titles(last), last.has_prev, last.has_next) == (["P0"], True, False)
    assert (beyond.items, beyond.has_next) == ([], False)


def test_exact_page_size_has_no_next_page(process, author, make_proposal):
    for _ in range(2):
        make_proposal(process, author)
    assert not queries.list_proposals(process, per_page=2).has_next


def test_count_authored_and_supports_used(process, author, other, make_proposal):
    proposal = make_proposal(process, author)
    make_proposal(process, author)
    operations.support_proposal(proposal, actor=other)
    assert queries.count_authored(process, author) == 2
    assert queries.count_authored(process, other) == 0
    assert queries.supports_used(process, other) == 1
    assert queries.has_supported(proposal, other)
    assert not queries.has_supported(proposal, author)
    second = make_proposal(process, author)
    # what a page needs of its reader, in one query, agrees with the separate counts
    assert queries.reader_figures(process, other, [proposal.id, second.id]) == (
        0, 1, {proposal.id})
    assert queries.reader_figures(process, author, [proposal.id]) == (3, 0, set())
    assert queries.reader_figures(process, other, []) == (0, 1, set())
