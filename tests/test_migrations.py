"""The migrations are the only way the schema is made: they must match the models exactly, and
every one must go down and up again."""

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade

from participa import ROOT, create_app
from participa.extensions import db
from participa.search.models import FULL_TEXT_PREFIX

MIGRATIONS = ROOT / "migrations"


def differences(connection) -> list:
    """What autogenerate would write into a new revision (nothing, if models = migrations)."""
    context = MigrationContext.configure(
        connection,
        opts={
            "compare_type": True,
            "compare_server_default": False,
            "render_as_batch": connection.dialect.name == "sqlite",
            # the search's full-text objects are made by hand (FTS5, a tsvector and its index)
            "include_name": lambda name, _type, _parents: not (name or "").startswith(
                FULL_TEXT_PREFIX),
        },
    )
    return compare_metadata(context, db.metadata)


def revisions() -> list[str]:
    """Every revision id, oldest first."""
    from alembic.config import Config

    config = Config(str(MIGRATIONS / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def test_the_migrated_database_matches_the_models(app):
    """conftest ran ``upgrade()`` on the test database (SQLite or PostgreSQL)."""
    with db.engine.connect() as connection:
        assert differences(connection) == []


def test_there_is_one_head_and_file_names_are_dated():
    from alembic.config import Config

    config = Config(str(MIGRATIONS / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    assert len(script.get_heads()) == 1
    for path in (MIGRATIONS / "versions").glob("*.py"):
        assert path.name[:8].isdigit() and path.name[8] == "_", path.name


def test_revisions_import_no_app_code():
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "import participa" not in source and "from participa" not in source, path.name


@pytest.fixture
def fresh_app(tmp_path):
    """A second app on its own new SQLite file (the suite's database stays untouched)."""
    app = create_app({"ENV": "testing", "DATABASE_URL": f"sqlite:///{tmp_path}/fresh.sqlite3",
                      "MAIL_OUTBOX_DIR": str(tmp_path / "outbox")})
    yield app
    with app.app_context():
        db.engine.dispose()


def table_names(engine) -> set[str]:
    return set(sa.inspect(engine).get_table_names())


def test_downgrade_to_base_and_upgrade_again(fresh_app):
    with fresh_app.app_context():
        engine = db.engine
        upgrade()
        model_tables = set(db.metadata.tables)
        assert model_tables <= table_names(engine)
        with engine.connect() as connection:
            assert differences(connection) == []

        downgrade(revision="base")
        assert table_names(engine) <= {"alembic_version"}

        upgrade()
        assert model_tables <= table_names(engine)
        with engine.connect() as connection:
            assert differences(connection) == []


def test_every_revision_goes_down_and_up_again(fresh_app):
    """Step by step: up to each revision, down one, and up again."""
    with fresh_app.app_context():
        all_revisions = revisions()
        assert all_revisions
        for revision in all_revisions:
            upgrade(revision=revision)
            downgrade(revision="-1")
            upgrade(revision=revision)
            with db.engine.connect() as connection:
                current = MigrationContext.configure(connection).get_current_revision()
            assert current == revision
        with db.engine.connect() as connection:
            assert differences(connection) == []


def test_data_survives_a_round_trip_of_the_latest_revision(fresh_app):
    """Downgrading and upgrading the newest revision keeps the rows of older tables (SQLite's
    batch migrations copy tables: with foreign keys on, a careless copy would cascade)."""
    with fresh_app.app_context():
        upgrade()
        with db.engine.begin() as connection:
            connection.execute(sa.text(
                "INSERT INTO neighbourhoods (name, slug, district, created_at, updated_at) "
                "VALUES ('Sant Roc', 'sant-roc', 'Nord', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            ))
            connection.execute(sa.text(
                "INSERT INTO processes (title, slug, summary, description, is_published, "
                "proposal_body_limit, proposal_edit_minutes, proposals_per_person, "
                "supports_enabled, supports_per_person, support_threshold, supports_visible, "
                "created_at, updated_at) VALUES ('P', 'p', '', '', true, 3000, 15, 0, true, 0, "
                "0, true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            ))
            process_id = connection.execute(sa.text("SELECT id FROM processes")).scalar()
            connection.execute(sa.text(
                "INSERT INTO phases (process_id, kind, title, starts_at, ends_at, position) "
                "VALUES (:p, 'proposals', '', '2026-01-01 00:00:00', '2026-02-01 00:00:00', 0)"
            ), {"p": process_id})
        downgrade(revision="-1")
        upgrade()
        with db.engine.connect() as connection:
            assert connection.execute(sa.text("SELECT count(*) FROM neighbourhoods")).scalar() == 1
            assert connection.execute(sa.text("SELECT count(*) FROM phases")).scalar() == 1
