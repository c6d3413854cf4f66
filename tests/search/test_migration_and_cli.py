"""The search's revision indexes the content already there, and ``participa search reindex``
rebuilds the index."""

import pytest
from flask_migrate import downgrade, upgrade

from participa import create_app
from participa.extensions import db
from participa.search.queries import search
from tests.support import factories
from tests.support.comments import make_comment
from tests.support.proposals import make_proposal


@pytest.fixture
def fresh_app(tmp_path):
    app = create_app({"ENV": "testing", "DATABASE_URL": f"sqlite:///{tmp_path}/fresh.sqlite3",
                      "MAIL_OUTBOX_DIR": str(tmp_path / "outbox")})
    yield app
    with app.app_context():
        db.engine.dispose()


def test_the_revision_indexes_existing_content(fresh_app):
    with fresh_app.app_context(), fresh_app.test_request_context():
        upgrade()
        process = factories.make_process(title="Procés de les places")
        proposal = make_proposal(process, factories.make_user(),
                                 title="Il·luminació de la plaça", body="Fanals nous.")
        make_comment(proposal, factories.make_user(), body="Amb llum càlida, si us plau.")
        hidden = make_proposal(process, factories.make_user(), title="Il·luminació amagada")
        hidden.hidden_at = factories.utcnow()
        db.session.commit()
        db.session.remove()

        downgrade(revision="-1")  # the index goes; the content stays
        upgrade()
        results = search("illuminacio")
        assert [hit.row.id for hit in results.page.items] == [proposal.id]
        assert search("llum").counts["comments"] == 1
        assert search("procés places").counts["processes"] == 1


def test_the_reindex_command_rebuilds_the_index(app, process, resident, commit):
    proposal = make_proposal(process, resident, title="Horts al terrat")
    commit()
    db.session.execute(db.text("DELETE FROM search_documents"))
    commit()
    assert search("horts").page.items == []
    result = app.test_cli_runner().invoke(args=["search", "reindex"])
    assert result.exit_code == 0, result.output
    assert "proposals: 1 documents" in result.output
    assert [hit.row.id for hit in search("horts").page.items] == [proposal.id]

    result = app.test_cli_runner().invoke(args=["search", "reindex", "--kind", "nothing"])
    assert result.exit_code != 0 and "nothing" in result.output
