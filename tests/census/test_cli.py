"""``participa census import FILE.csv`` and the demo census."""

import sqlalchemy as sa

from participa.census.models import CensusEntry, CensusVerification
from participa.census.queries import census_counts
from participa.extensions import db
from tests.census.conftest import CSV
from tests.support.records import log_entries


def test_the_command_loads_a_file(app, places, tmp_path):
    db.session.commit()
    path = tmp_path / "census.csv"
    path.write_text(CSV, encoding="utf-8")
    runner = app.test_cli_runner()
    result = runner.invoke(args=["census", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "2 lines, 2 new, 0 moved, 0 already there" in result.output
    db.session.expire_all()
    assert census_counts() == (2, 0)
    [entry] = log_entries("load_census")
    assert entry.actor_id is None
    again = runner.invoke(args=["census", "import", str(path)])
    assert "0 new, 0 moved, 2 already there" in again.output
    db.session.expire_all()
    assert census_counts() == (2, 0)


def test_a_malformed_file_loads_nothing(app, places, tmp_path):
    db.session.commit()
    path = tmp_path / "census.csv"
    path.write_text(CSV + "12345678Z,1980-05-17\n", encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["census", "import", str(path)])
    assert result.exit_code == 1
    assert "census.csv" in result.output and "4" in result.output
    db.session.expire_all()
    assert census_counts() == (0, 0)


def test_the_demo_census_verifies_the_demo_people(app):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    db.session.expire_all()
    entries, verified = census_counts()
    verifications = db.session.scalar(sa.select(sa.func.count())
                                      .select_from(CensusVerification))
    assert verified == verifications == 3 + 24  # the residents and the neighbours
    assert entries == verified + 5  # and five people with no account yet
    second = runner.invoke(args=["seed-demo"])
    assert "(0 new records)" in second.output
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(CensusEntry)) == entries
