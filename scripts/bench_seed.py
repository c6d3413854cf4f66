"""Bulk-load the benchmark data set into an empty, migrated database (PARTICIPA_DATABASE_URL).

Processes: "bench" (10,000 proposals, 200,000 supports from 2,000 people, and one more
proposal, titled with LONG_THREAD_MARKER, holding 500 threaded comments), "bench-1k" (1,000
proposals) and "bench-100k" (100,000 proposals), all in a proposals phase that is running
now; "bench-vote", in its voting phase, with a budget of 20 projects in which 10,000 people
have voted. Twenty public community plans "bench-plan-0".."bench-plan-19" (the dashboards'
data set), each with 50 goals, 200 indicators of 100 measurements each and 2,000 published
results in ten neighbourhoods; the first plan holds the process "bench-1k". The site search's
data set: "bench-100k" also holds 200,000 comments (two on each proposal), and one proposal and
one comment in a thousand say SEARCH_WORD; every row is then indexed (``rebuild_index``). Fast:
executemany inserts in chunks, no ORM objects."""

import random
import sys
from datetime import timedelta

import sqlalchemy as sa

from participa import create_app
from participa.accounts.models import User
from participa.accounts.passwords import hash_password
from participa.budgets.models import Budget, BudgetBallot, BudgetProject, BudgetVoter
from participa.budgets.operations import BALLOT_PURPOSE
from participa.comments.models import Alignment, Comment
from participa.core.secrecy import keyed_digest, new_receipt
from participa.core.text import fold
from participa.core.types import utcnow
from participa.extensions import db
from participa.neighbourhoods.models import Neighbourhood
from participa.plans.models import (
    CommunityPlan,
    Direction,
    Goal,
    Indicator,
    Measurement,
    PlanStatus,
    plan_neighbourhoods,
)
from participa.processes.models import Category, Phase, PhaseKind, Process
from participa.proposals.content import KIND as PROPOSAL_KIND
from participa.proposals.models import Proposal, ProposalState, Support
from participa.results.models import Result
from participa.results.operations import ensure_default_statuses
from participa.search.indexing import rebuild_index

PASSWORD = "benchmark-password-2026"
# the site search's benchmark: one bench-100k proposal and one comment in a thousand say it;
# bench.py searches for it as people type it, without accents ("iluminacio")
SEARCH_WORD = "il·luminació"
SEARCH_EVERY = 1000
LONG_THREAD_MARKER = "Conversa llarga"  # no WORDS in it: a search for it finds only that proposal
LONG_THREAD_COMMENTS = (250, 170, 80)  # comments, replies, replies to replies: 500
WORDS = ("plaça arbres ombra bancs casal gent gran horts escola cinema bicicletes biblioteca "
         "mural papereres contenidors enllumenat passatge carrer festa joves esport pista "
         "mercat voluntariat cultura medi ambient mobilitat accessibilitat").split()


def chunks(rows, size=5000):
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def insert(table, rows):
    for part in chunks(rows):
        db.session.execute(sa.insert(table), part)


def make_process(slug, now):
    process = Process(title=f"Benchmark {slug}", slug=slug, summary="", description="",
                      is_published=True, supports_per_person=0)
    process.phases = [Phase(kind=PhaseKind.PROPOSALS, position=0,
                            starts_at=now - timedelta(days=10),
                            ends_at=now + timedelta(days=365))]
    process.categories = [Category(name=f"Categoria {i}", position=i) for i in range(5)]
    db.session.add(process)
    db.session.flush()
    return process


def proposals_rows(process, authors, count, now, rng):
    rows = []
    categories = [c.id for c in process.categories]
    for i in range(count):
        title = " ".join(rng.sample(WORDS, 5)).capitalize() + f" {i}"
        body = " ".join(rng.choices(WORDS, k=60))
        created = now - timedelta(minutes=count - i)
        rows.append({
            "process_id": process.id, "author_id": authors[i % len(authors)],
            "title": title, "body": body, "search_text": fold(f"{title}\n{body}"),
            "category_id": categories[i % len(categories)], "neighbourhood_id": None,
            "address": "", "state": ProposalState.PUBLISHED, "supports_count": 0,
            "comments_count": 0,
            "answer": "", "created_at": created, "updated_at": created,
        })
    return rows


def thumbnails(app, process, proposal_ids, counts, now, stored=200):
    """Every "bench" proposal has a photo (so the index measures cards with thumbnails: the
    batched first-image query and the image markup). The image is re-encoded once through the
    files core; its objects are stored for the ``stored`` newest and the ``stored`` most
    supported proposals (the first pages people see), not for all 10,000."""
    from participa.files.images import process_image
    from participa.files.models import Attachment
    from participa.files.storage import new_key
    from participa.seed.photos import photo

    image = process_image(photo("placa-arbres.jpg"), max_bytes=5 * 1024 * 1024)
    card, page = image.variants["card"], image.variants["page"]
    store = app.extensions["participa_files"]
    shown = set(sorted(proposal_ids)[-stored:]) | set(
        sorted(proposal_ids, key=lambda pid: -counts[pid])[:stored])
    rows = []
    for proposal_id in proposal_ids:
        key = new_key()
        rows.append({
            "owner_kind": "proposal", "owner_id": proposal_id, "kind": "image",
            "storage_key": key, "content_type": image.content_type,
            "byte_size": len(image.full), "width": image.width, "height": image.height,
            "card_width": card[1], "card_height": card[2], "page_width": page[1],
            "page_height": page[2], "alt_text": "Una plaça amb arbres i bancs", "title": "",
            "language": "ca", "position": 0, "uploaded_by_id": None, "created_at": now})
        if proposal_id in shown:
            store.put(key, image.full, image.content_type)
            store.put(f"{key}-card", card[0], "image/webp")
            store.put(f"{key}-page", page[0], "image/webp")
    insert(Attachment.__table__, rows)


def long_thread(process, authors, now, rng):
    """One proposal with 500 comments three levels deep (alignments, votes, a little
    Markdown); its stored counter says 500. Inserted before the 10,000 others, so those keep
    consecutive ids (bench.py's first_proposal_id counts on it)."""
    title = f"{LONG_THREAD_MARKER}: ombra, bancs i fonts a la plaça"
    body = "Una proposta molt comentada, per mesurar una conversa llarga."
    proposal_id = db.session.execute(sa.insert(Proposal.__table__).returning(
        Proposal.__table__.c.id), [{
            "process_id": process.id, "author_id": authors[0], "title": title, "body": body,
            "search_text": fold(f"{title}\n{body}"), "category_id": process.categories[0].id,
            "neighbourhood_id": None, "address": "", "state": ProposalState.PUBLISHED,
            "supports_count": 0, "comments_count": sum(LONG_THREAD_COMMENTS), "answer": "",
            "created_at": now - timedelta(days=30), "updated_at": now - timedelta(days=30)},
        ]).scalar_one()
    alignments = list(Alignment)
    table = Comment.__table__
    parents = [None]
    made = 0
    for depth, count in enumerate(LONG_THREAD_COMMENTS):
        rows = []
        for _ in range(count):
            made += 1
            words = rng.choices(WORDS, k=rng.randint(12, 40))
            words[rng.randrange(len(words))] = f"**{words[0]}**"
            text = " ".join(words).capitalize() + f". Comentari {made}."
            if made % 7 == 0:
                text += f"\n\n- {rng.choice(WORDS)}\n- {rng.choice(WORDS)}"
            created = now - timedelta(days=20) + timedelta(minutes=made * 10)
            rows.append({
                "process_id": process.id, "target_kind": PROPOSAL_KIND.value,
                "target_id": proposal_id, "author_id": authors[(made * 7) % len(authors)],
                "parent_id": rng.choice(parents), "depth": depth, "body": text,
                "alignment": alignments[made % len(alignments)],
                "up_votes": rng.randint(0, 30), "down_votes": rng.randint(0, 10),
                "created_at": created, "updated_at": created,
            })
        insert(table, rows)
        parents = list(db.session.scalars(
            sa.select(Comment.id).where(Comment.target_kind == PROPOSAL_KIND.value,
                                        Comment.target_id == proposal_id,
                                        Comment.depth == depth)))
    return proposal_id


def with_search_word(rows, every=SEARCH_EVERY):
    """One proposal in ``every`` says SEARCH_WORD in its title (the site search's benchmark
    looks for it without its accent and its middle dot)."""
    for i, row in enumerate(rows):
        if i % every == 0:
            row["title"] = f"{row['title']}: {SEARCH_WORD}"
            row["search_text"] = fold(f"{row['title']}\n{row['body']}")
    return rows


def site_search_comments(process, authors, now, rng, per_proposal=2):
    """Two comments on each proposal of ``process`` (bench-100k: 200,000), one in SEARCH_EVERY
    saying SEARCH_WORD (the proposals were inserted with their counters saying two)."""
    proposal_ids = list(db.session.scalars(
        sa.select(Proposal.id).where(Proposal.process_id == process.id).order_by(Proposal.id)))
    alignments = list(Alignment)
    table = Comment.__table__
    made = 0
    for _round in range(per_proposal):
        rows = []
        for proposal_id in proposal_ids:
            words = rng.choices(WORDS, k=rng.randint(12, 30))
            if made % SEARCH_EVERY == 0:
                words[rng.randrange(len(words))] = SEARCH_WORD
            created = now - timedelta(minutes=made % 50_000)
            rows.append({
                "process_id": process.id, "target_kind": PROPOSAL_KIND.value,
                "target_id": proposal_id, "author_id": authors[made % len(authors)],
                "parent_id": None, "depth": 0, "body": " ".join(words).capitalize() + ".",
                "alignment": alignments[made % len(alignments)], "up_votes": 0,
                "down_votes": 0, "created_at": created, "updated_at": created,
            })
            made += 1
        insert(table, rows)
    return made


def voting_budget(app, people, now, rng, password_hash, voters=10_000):
    """"bench-vote": a process in its voting phase with a budget of 1,000,000 € and 20
    projects, in which ``voters`` people have already voted (the roll and the box, keyed with
    the configured ballot key as the site keys them). The benchmark's people bench1..bench16
    have not: their first ballot is cast, the next ones replace it."""
    process = Process(title="Benchmark vote", slug="bench-vote", summary="", description="",
                      is_published=True)
    process.phases = [Phase(kind=PhaseKind.VOTING, position=0, starts_at=now - timedelta(days=5),
                            ends_at=now + timedelta(days=365))]
    db.session.add(process)
    db.session.flush()
    budget_id = db.session.execute(sa.insert(Budget.__table__).returning(Budget.id), {
        "process_id": process.id, "title": "Benchmark budget", "description": "",
        "amount": 1_000_000, "ballot_kind": "knapsack", "minimum_share": 0, "min_choices": 1,
        "rule": "equal-shares", "census_required": False, "state": "open",
        "frozen_at": now, "created_at": now, "updated_at": now}).scalar_one()
    costs = [40_000 + 4_000 * i for i in range(20)]
    insert(BudgetProject.__table__, [
        {"budget_id": budget_id, "title": f"Projecte {i}", "description": "", "cost": cost,
         "position": i} for i, cost in enumerate(costs)])
    project_ids = list(db.session.scalars(sa.select(BudgetProject.id).where(
        BudgetProject.budget_id == budget_id).order_by(BudgetProject.id)))
    extra = voters - (len(people) - 100)
    insert(User.__table__, [
        {"email": f"voter{i}@example.org", "name": f"Votant {i}", "password_hash":
         password_hash, "locale": "ca", "is_council": False, "session_token": f"v{i:031d}",
         "created_at": now, "updated_at": now, "confirmed_at": now} for i in range(extra)])
    voter_ids = people[100:] + list(db.session.scalars(
        sa.select(User.id).where(User.email.like("voter%@example.org"))))
    secret = app.config["BALLOT_KEY"]
    today = now.date()
    roll, box = [], []
    for user_id in voter_ids[:voters]:
        chosen = sorted(rng.sample(project_ids, 8))
        roll.append({"budget_id": budget_id, "user_id": user_id, "voted_on": today})
        box.append({"key": keyed_digest(secret, BALLOT_PURPOSE, budget_id, user_id),
                    "budget_id": budget_id, "choices": ",".join(map(str, chosen)),
                    "receipt": new_receipt(), "cast_on": today})
    insert(BudgetVoter.__table__, roll)
    insert(BudgetBallot.__table__, box)


def dashboard_plans(now, rng, plans=20, goals=50, indicators=200, measurements=100,
                    results=2000):
    """``plans`` public plans in ten neighbourhoods, each with ``goals`` goals sharing
    ``indicators`` indicators (weekly measurements, the latest a week ago) and ``results``
    published results in every status; returns the plans' ids."""
    insert(Neighbourhood.__table__, [
        {"name": f"Barri de prova {i}", "slug": f"bench-barri-{i}", "district": "Prova",
         "population": 5000 + 500 * i} for i in range(10)])
    places = list(db.session.scalars(sa.select(Neighbourhood.id).where(
        Neighbourhood.slug.like("bench-barri-%")).order_by(Neighbourhood.id)))
    statuses = [s.id for s in ensure_default_statuses()]
    today = now.date()
    insert(CommunityPlan.__table__, [
        {"title": f"Pla comunitari de prova {p:02d}", "slug": f"bench-plan-{p}",
         "summary": "Un pla per mesurar els taulers.", "body": "", "starts_on":
         today - timedelta(days=800), "ends_on": None, "status": PlanStatus.ACTIVE,
         "created_at": now, "updated_at": now} for p in range(plans)])
    plan_ids = list(db.session.scalars(sa.select(CommunityPlan.id).where(
        CommunityPlan.slug.like("bench-plan-%")).order_by(CommunityPlan.id)))
    insert(plan_neighbourhoods, [{"plan_id": plan_id, "neighbourhood_id": places[(p + k) % 10]}
                                 for p, plan_id in enumerate(plan_ids) for k in range(2)])
    insert(Goal.__table__, [
        {"plan_id": plan_id, "title": f"Objectiu {g + 1}: {' '.join(rng.sample(WORDS, 3))}",
         "description": "", "position": g, "created_at": now, "updated_at": now}
        for plan_id in plan_ids for g in range(goals)])
    goal_ids = list(db.session.scalars(sa.select(Goal.id).where(
        Goal.plan_id.in_(plan_ids)).order_by(Goal.id)))
    per_goal = indicators // goals
    insert(Indicator.__table__, [
        {"goal_id": goal_id, "name": f"Indicador {n + 1}: {rng.choice(WORDS)}",
         "unit": "persones", "decimals": n % 2,
         "direction": Direction.HIGHER if n % 3 else Direction.LOWER,
         "baseline_value": 100 if n % 3 else 300, "baseline_on": today - timedelta(days=800),
         "target_value": 200, "target_on": today + timedelta(days=200), "source": None,
         "position": n, "created_at": now, "updated_at": now}
        for goal_id in goal_ids for n in range(per_goal)])
    indicator_ids = list(db.session.scalars(sa.select(Indicator.id).join(Goal).where(
        Goal.plan_id.in_(plan_ids)).order_by(Indicator.id)))
    rows = []
    for indicator_id in indicator_ids:
        level = rng.uniform(100, 200)
        for k in range(measurements, 0, -1):
            level += rng.uniform(-2, 3)
            rows.append({"indicator_id": indicator_id, "measured_on": today - timedelta(days=7 * k),
                         "value": round(level, 1), "source": "Recompte", "note": "",
                         "created_at": now, "updated_at": now})
        if len(rows) >= 50_000:
            insert(Measurement.__table__, rows)
            rows = []
    insert(Measurement.__table__, rows)
    rows = []
    for plan_id in plan_ids:
        for r in range(results):
            status = statuses[r % len(statuses)]
            planned = 1000 * rng.randint(1, 100)
            rows.append({
                "plan_id": plan_id, "title": f"Acció {r}: {' '.join(rng.sample(WORDS, 4))}",
                "description": "", "neighbourhood_id": places[r % 10] if r % 7 else None,
                "responsible": "Ajuntament", "planned_budget": planned,
                "executed_budget": planned * (r % 5) // 4,
                "status_id": status, "progress": (r * 13) % 101, "published_at": now,
                "created_at": now, "updated_at": now})
    insert(Result.__table__, rows)
    return plan_ids


def main(users=2000, proposals=10_000, supports_each=100):
    app = create_app()
    rng = random.Random(2026)
    with app.app_context():
        now = utcnow()
        password_hash = hash_password(PASSWORD)
        insert(User.__table__, [
            {"email": f"bench{i}@example.org", "name": f"Persona {i}", "password_hash":
             password_hash, "locale": "ca", "is_council": False, "session_token": f"t{i:031d}",
             "created_at": now, "updated_at": now, "confirmed_at": now}
            for i in range(users)
        ])
        author_ids = list(db.session.scalars(sa.select(User.id).order_by(User.id)))

        main_process = make_process("bench", now)
        long_thread_id = long_thread(main_process, author_ids, now, rng)
        insert(Proposal.__table__, proposals_rows(main_process, author_ids, proposals, now, rng))
        proposal_ids = list(db.session.scalars(
            sa.select(Proposal.id).where(Proposal.process_id == main_process.id,
                                         Proposal.id != long_thread_id)))
        counts = dict.fromkeys(proposal_ids, 0)
        support_rows = []
        for user_id in author_ids:
            for proposal_id in rng.sample(proposal_ids, supports_each):
                counts[proposal_id] += 1
                support_rows.append({"proposal_id": proposal_id, "user_id": user_id,
                                     "process_id": main_process.id, "created_at": now})
        insert(Support.__table__, support_rows)
        table = Proposal.__table__
        db.session.connection().execute(
            sa.update(table).where(table.c.id == sa.bindparam("pid"))
            .values(supports_count=sa.bindparam("n")),
            [{"pid": pid, "n": n} for pid, n in counts.items()],
        )
        thumbnails(app, main_process, proposal_ids, counts, now)
        plan_ids = dashboard_plans(now, rng)
        for slug, count in (("bench-1k", 1000), ("bench-100k", 100_000)):
            process = make_process(slug, now)
            if slug == "bench-1k":
                process.plan_id = plan_ids[0]
            rows = proposals_rows(process, author_ids, count, now, rng)
            if slug == "bench-100k":  # with the two comments site_search_comments adds
                rows = [{**row, "comments_count": 2} for row in with_search_word(rows)]
            insert(Proposal.__table__, rows)
        comment_count = site_search_comments(process, author_ids, now, rng)
        voting_budget(app, author_ids, now, rng, password_hash)
        indexed = rebuild_index(db.session.connection())  # the site search's documents
        db.session.commit()
        if db.engine.dialect.name == "postgresql":
            with db.engine.connect() as conn:
                conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
        else:
            with db.engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE")
        print(f"seeded {users} people, {proposals + 101_001} proposals, "
              f"{len(support_rows)} supports, {comment_count} comments on bench-100k, "
              f"{sum(indexed.values())} search documents", file=sys.stderr)


if __name__ == "__main__":
    main()
