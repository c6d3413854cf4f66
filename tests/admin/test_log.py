"""The council's activity: the dashboard's recent entries in words with links, and the whole
log at /admin/log with filters, pages and a CSV export (issue 13)."""

import csv
import io
import re
from datetime import UTC, datetime

import pytest

from participa.core.models import ActionLog, log_action
from participa.extensions import db
from participa.moderation import operations as moderation
from tests.support import factories
from tests.support.moderation import report_by
from tests.support.proposals import make_proposal
from tests.support.web import login, text


def _entry(verb, target_type, target_id, actor=None, when=None, **data):
    entry = ActionLog(actor_id=actor.id if actor else None, verb=verb, target_type=target_type,
                      target_id=target_id, data=data,
                      created_at=when or datetime.now(UTC))
    db.session.add(entry)
    db.session.flush()
    return entry


def test_the_dashboard_says_what_happened_in_words_with_links(client, process, commit):
    council = factories.make_user("council", locale="en")
    author = factories.make_user(name="Aina Autora")
    proposal = make_proposal(process, author, title="Bancs a la plaça")
    report_by(proposal, 1)
    from participa.moderation.queries import moderation_of
    decided = moderation_of(proposal)
    moderation.hide_target(decided, actor=council, reason="Publicitat.")
    commit()
    login(client, council)

    html = text(client.get("/admin/"))

    assert "hid content" in html
    assert (f'<a href="/moderation/{decided.id}">Moderation of Proposal: Bancs a la plaça</a>'
            in html)
    assert (f'<a href="/processes/{process.slug}/proposals/{proposal.id}">'
            "Proposal: Bancs a la plaça</a>") in html
    assert f"moderation {decided.id}" not in html and "<code>" not in html
    assert 'href="/admin/log"' in html


def test_an_entry_about_something_gone_or_unknown_says_so(as_council):
    _entry("hide", "moderation", 999_999)
    _entry("something_new", "gadget", 7)
    db.session.commit()
    html = text(as_council.get("/admin/"))
    assert "Item no. 999999 (no longer available)" in html
    assert "gadget 7" in html  # nobody describes gadgets: it is not called gone
    assert "Item no. 7 (no longer available)" not in html


def test_entries_about_processes_plans_and_results_name_and_link_them(as_council, process):
    plan = factories.make_plan("Pla del Rec", slug="pla-del-rec")
    _entry("update_process", "process", process.id)
    _entry("update_plan", "communityplan", plan.id)
    db.session.commit()
    html = text(as_council.get("/admin/"))
    assert f'<a href="/processes/{process.slug}">Process: {process.title}</a>' in html
    assert '<a href="/plans/pla-del-rec">Community plan: Pla del Rec</a>' in html


def test_the_log_is_the_councils(client, commit):
    facilitator = factories.make_user("facilitator", process=factories.make_process())
    commit()
    response = client.get("/admin/log")
    assert response.status_code == 302 and "/accounts/login" in response.headers["Location"]
    login(client, facilitator)
    assert client.get("/admin/log").status_code == 403
    assert client.get("/admin/log.csv").status_code == 403


def test_the_log_filters_by_verb_actor_and_days(as_council):
    aina = factories.make_user(name="Aina Autora", email="aina@example.org")
    biel = factories.make_user(name="Biel Veí", email="biel@example.org")
    _entry("hide", "moderation", 1, actor=aina, when=datetime(2026, 3, 1, 10, tzinfo=UTC))
    _entry("block_user", "user", biel.id, actor=aina,
           when=datetime(2026, 3, 5, 10, tzinfo=UTC))
    _entry("hide", "moderation", 2, actor=biel, when=datetime(2026, 3, 9, 22, 30, tzinfo=UTC))
    db.session.commit()

    def rows(query):
        html = text(as_council.get("/admin/log" + query))
        body = html[html.index("<tbody>"):html.index("</tbody>")]
        return body.count("<tr>") - body.count('colspan="4"')

    assert rows("") >= 3
    assert rows("?verb=hide") == 2
    assert rows("?verb=hide&actor=biel@example.org") == 1
    assert rows("?actor=aina") == 2
    assert rows("?actor=Autora") == 2
    assert rows("?since=2026-03-02&until=2026-03-05") == 1
    # the days are the town's: 22:30 UTC on 9 March is 23:30 on the 9th in Madrid
    assert rows("?since=2026-03-09&until=2026-03-09") == 1
    assert rows("?since=2026-03-10&until=2026-03-10") == 0

    assert rows("?since=2026-03-10&until=2026-03-31") == 0
    assert "No entries match these filters." in text(
        as_council.get("/admin/log?since=2026-03-10&until=2026-03-31"))
    html = text(as_council.get("/admin/log?verb=hide"))
    assert '<option value="hide" selected>hid content</option>' in html
    # nonsense filters are ignored, never a 500
    for query in ("?verb=nope", "?since=yesterday", "?until=2026-13-45", "?page=-3",
                  "?actor=" + "x" * 500):
        assert as_council.get("/admin/log" + query).status_code == 200


def test_the_log_is_paginated_without_counting(app, as_council, monkeypatch):
    monkeypatch.setitem(app.config, "PAGE_SIZE", 2)
    for n in range(5):
        _entry("hide", "moderation", 1000 + n)
    db.session.commit()
    first = text(as_council.get("/admin/log?verb=hide"))
    assert 'rel="next" href="/admin/log?verb=hide&amp;page=2"' in first
    last = text(as_council.get("/admin/log?verb=hide&page=3"))
    assert 'rel="next"' not in last and "Item no. 1000 (no longer available)" in last


def test_the_csv_export_keeps_the_filters_and_neutralises_formulas(as_council):
    sneaky = factories.make_user(name="=HYPERLINK(\"http://evil.example\")")
    log_action("block_user", sneaky, actor=sneaky, reason="@SUM(1+1)")
    _entry("hide", "moderation", 5)
    db.session.commit()

    html = text(as_council.get("/admin/log?verb=block_user&page=2"))
    assert 'href="/admin/log.csv?verb=block_user"' in html

    response = as_council.get("/admin/log.csv?verb=block_user")

    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Cache-Control"] == "private, no-store"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(text(response))))
    assert [row["verb"] for row in rows] == ["block_user"]
    (row,) = rows
    assert row["who"].startswith("'=HYPERLINK")
    assert row["what"] == "blocked a person"
    assert row["target"] == "Profile: =HYPERLINK(\"http://evil.example\")"  # not a formula
    assert row["url"].startswith("http://participa.test/")
    assert '"reason": "@SUM(1+1)"' in row["data"]


@pytest.mark.parametrize("path", ["/admin/", "/admin/log"])
def test_the_admin_navigation_has_the_log(as_council, path):
    html = text(as_council.get(path))
    assert 'href="/admin/log"' in html and "Activity log" in html


def test_every_entry_of_the_demo_town_is_named_in_words(app, as_council):
    """Each kind of thing the platform logs is described by the feature that logs it: the
    demo town logs every kind (budgets, projects, polls, goals, indicators, measurements,
    evaluations, results, moderation…), and no entry reads as a raw "type id"."""
    import sqlalchemy as sa

    from participa.core.activity import describe_targets

    assert app.test_cli_runner().invoke(args=["seed-demo"]).exit_code == 0
    entries = list(db.session.scalars(sa.select(ActionLog)))
    kinds = {entry.target_type for entry in entries if entry.target_id is not None}
    assert {"budget", "budgetproject", "poll", "goal", "indicator", "measurement",
            "evaluation", "result", "moderation", "meeting"} <= kinds
    described = describe_targets(entries)
    raw = sorted({described[e.id].text for e in entries if e.target_id is not None
                  and described[e.id].text == f"{e.target_type} {e.target_id}"})
    assert raw == []
    assert all(described[e.id].url for e in entries if e.target_id is not None), \
        "every target still there is linked"
    html = text(as_council.get("/admin/log"))  # the newest entries: the demo's evaluation
    assert "Evaluation: " in html and not re.search(r">\s*[a-z]+ \d+\s*<", html)
