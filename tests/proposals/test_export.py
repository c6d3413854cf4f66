"""The open-data exports: /processes/<slug>/proposals.json and .csv (public fields only)."""

import csv
import io
import json
import re

import pytest

from participa.core.types import utcnow
from participa.extensions import db
from participa.proposals import operations
from tests.support import factories
from tests.support.proposals import answer, make_proposal, make_supporters

REQUIRED = {"id", "title", "state", "supports", "comments", "url"}
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


def export(client, process, fmt):
    response = client.get(f"/processes/{process.slug}/proposals.{fmt}")
    assert response.status_code == 200
    return response


def rows_json(client, process):
    response = export(client, process, "json")
    assert response.mimetype == "application/json"
    return json.loads(response.get_data(as_text=True))


def rows_csv(client, process):
    response = export(client, process, "csv")
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


@pytest.fixture
def filled(process, author, other, facilitator, commit):
    """Three proposals: one answered and published, one with a draft answer, one withdrawn,
    plus a deleted one and one in another process that must never show."""
    accepted = make_proposal(process, author, title="Més bancs", body="Al parc.",
                             category_id=process.categories[0].id)
    make_supporters(accepted, 2)
    answer(accepted, facilitator, state="accepted", text="La farem aquest any.")
    accepted.comments_count = 4
    draft = make_proposal(process, other, title="Fonts d'aigua", body="A la plaça.")
    answer(draft, facilitator, state="rejected", text="RESPOSTA-ESBORRANY", publish=False)
    withdrawn = make_proposal(process, author, title="Retirada")
    operations.withdraw_proposal(withdrawn, actor=author)
    deleted = make_proposal(process, author, title="ESBORRADA")
    deleted.deleted_at = utcnow()
    make_proposal(factories.make_process(), author, title="D'UN ALTRE PROCÉS")
    commit()
    return accepted, draft, withdrawn


def test_json_is_a_list_of_public_objects(client, process, filled):
    accepted, draft, withdrawn = filled
    rows = rows_json(client, process)

    assert isinstance(rows, list)
    assert [row["id"] for row in rows] == [accepted.id, draft.id, withdrawn.id]
    for row in rows:
        assert REQUIRED <= row.keys()
    first = rows[0]
    assert (first["title"], first["state"], first["supports"], first["comments"]) == (
        "Més bancs", "accepted", 2, 4)
    assert first["url"] == f"http://participa.test/processes/{process.slug}/proposals/{accepted.id}"
    assert first["answer"] == "La farem aquest any."
    assert first["category"] == process.categories[0].name
    assert first["author"] == "Aina Autora"
    assert (rows[1]["state"], rows[2]["state"]) == ("published", "withdrawn")


def test_csv_has_the_same_fields_and_rows(client, process, filled):
    accepted, draft, withdrawn = filled
    rows = rows_csv(client, process)

    assert REQUIRED <= set(rows[0].keys())
    assert set(rows[0].keys()) == set(rows_json(client, process)[0].keys())
    assert [int(row["id"]) for row in rows] == [accepted.id, draft.id, withdrawn.id]
    assert (rows[0]["title"], rows[0]["state"], rows[0]["supports"], rows[0]["comments"]) == (
        "Més bancs", "accepted", "2", "4")
    assert rows[0]["url"].endswith(f"/proposals/{accepted.id}")


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_no_email_addresses_deleted_or_foreign_rows(client, process, filled, author, other,
                                                    facilitator, fmt):
    body = export(client, process, fmt).get_data(as_text=True)
    for person in (author, other, facilitator):
        assert person.email not in body
    assert not EMAIL_RE.search(body)
    assert "ESBORRADA" not in body
    assert "ALTRE PROCÉS" not in body


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_unpublished_answers_are_absent(client, process, filled, fmt):
    body = export(client, process, fmt).get_data(as_text=True)
    assert "RESPOSTA-ESBORRANY" not in body
    assert "rejected" not in body
    assert "La farem aquest any." in body


def test_hidden_supports_are_null_or_empty(client, author, commit, make_process, make_proposal):
    process = make_process(supports_visible=False)
    make_supporters(make_proposal(process, author), 3)
    commit()
    assert [row["supports"] for row in rows_json(client, process)] == [None]
    assert [row["supports"] for row in rows_csv(client, process)] == [""]


def test_csv_neutralizes_spreadsheet_formulas(client, author, commit, make_process, make_proposal):
    process = make_process(categories=("=Cultura",))
    titles = ['=HYPERLINK("http://evil.example","clic")', "+1+1", "-2+3", "@SUM(A1:A2)",
              "Normal"]
    for title in titles:
        make_proposal(process, author, title=title, body="=cmd|' /C calc'!A0",
                      category_id=process.categories[0].id, address="-Carrer")
    commit()

    rows = rows_csv(client, process)

    assert [row["title"] for row in rows] == ["'" + t for t in titles[:4]] + ["Normal"]
    for row in rows:
        for value in row.values():
            assert value[:1] not in ("=", "+", "-", "@"), row
        assert row["category"] == "'=Cultura"
        assert row["body"] == "'=cmd|' /C calc'!A0"
    # JSON is data, not a spreadsheet: it keeps the text as written
    assert rows_json(client, process)[0]["title"] == titles[0]


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_unpublished_process_is_404(client, author, fmt, make_process, make_proposal):
    process = make_process()
    make_proposal(process, author)
    process.is_published = False
    db.session.commit()
    assert client.get(f"/processes/{process.slug}/proposals.{fmt}").status_code == 404
    assert client.get(f"/processes/no-such-process/proposals.{fmt}").status_code == 404


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_empty_process_exports_nothing(client, process, commit, fmt):
    commit()
    body = export(client, process, fmt).get_data(as_text=True)
    if fmt == "json":
        assert json.loads(body) == []
    else:
        assert REQUIRED <= set(next(csv.reader(io.StringIO(body))))
