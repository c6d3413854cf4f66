"""The demo town speaks three languages: its council texts are given in Spanish and English
(``participa.seed.translations``), with some left in Catalan to show the fallback."""

import sqlalchemy as sa

from participa.extensions import db
from participa.meetings.models import Meeting
from participa.plans.models import CommunityPlan, Goal
from participa.processes.models import Category, Process
from participa.seed import seed_demo
from participa.seed.translations import seed_translations
from tests.support.web import text


def test_the_demo_gives_its_council_texts_in_spanish_and_english(client):
    seed_demo()
    db.session.commit()
    translated = {model: [row for row in db.session.scalars(sa.select(model))
                          if row.translations]
                  for model in (CommunityPlan, Goal, Process, Category, Meeting)}
    assert len(translated[CommunityPlan]) == 3 and len(translated[Goal]) >= 6
    assert len(translated[Process]) == 7 and len(translated[Category]) >= 16
    assert len(translated[Meeting]) >= 5
    for rows in translated.values():
        for row in rows:
            assert set(row.translations) <= {"es", "en"}
            for texts in row.translations.values():
                assert set(texts) <= set(row.TRANSLATED) and all(texts.values())

    page = text(client.get("/processes/pressupostos-participatius-barri-vell"))
    assert "Barri Vell Participatory Budget 2027" in page and "Public space" in page
    page = text(client.get("/processes/festa-major-compartida"))  # no English: the fallback
    assert '<h1 lang="ca">Festa Major compartida del Nord</h1>' in page
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "es"
    assert "<h1>Fiesta Mayor compartida del Norte</h1>" in text(
        client.get("/processes/festa-major-compartida"))
    assert "Fiesta" in text(client.get("/search?q=fiesta"))

    # run again (or after the council's own edits), it changes nothing
    process = db.session.scalar(sa.select(Process).where(Process.slug == "festa-major-compartida"))
    process.translations = {"en": {"title": "Shared North Festival"}}
    db.session.commit()
    assert seed_translations() == 0
    assert process.translations == {"en": {"title": "Shared North Festival"}}
