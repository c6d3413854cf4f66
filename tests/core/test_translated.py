"""The council's texts in the town's other languages: which text a reader sees, in which
language, and what an operation accepts to store."""

import pytest
from flask_babel import force_locale

from participa.core.errors import DomainError
from participa.core.translated import (
    all_texts,
    clean_translations,
    language_of,
    set_translations,
    submitted_translations,
    text_in,
    translation_form_data,
)
from participa.extensions import db
from participa.meetings.models import Meeting
from participa.plans.models import CommunityPlan, Goal
from participa.processes import operations
from participa.processes.models import Category, Phase, Process
from tests.support import factories


@pytest.fixture
def translated():
    process = factories.make_process(title="Festa major", summary="La festa del barri")
    process.translations = {"es": {"title": "Fiesta mayor", "summary": ""},
                            "en": {"title": "Town festival"}}
    db.session.flush()
    return process


@pytest.mark.parametrize("locale, title, language", [
    ("ca", "Festa major", "ca"),
    ("es", "Fiesta mayor", "es"),
    ("en", "Town festival", "en"),
    ("en_GB", "Town festival", "en"),
    ("fr", "Festa major", "ca"),  # a language the town does not offer: its own
])
def test_the_text_in_a_given_language(translated, locale, title, language):
    assert text_in(translated, "title", locale) == title
    assert language_of(translated, "title", locale) == language


def test_a_missing_or_empty_translation_falls_back_to_the_towns_language(translated):
    assert text_in(translated, "summary", "es") == "La festa del barri"  # empty
    assert language_of(translated, "summary", "es") == "ca"
    assert text_in(translated, "summary", "en") == "La festa del barri"  # missing
    assert language_of(translated, "summary", "en") == "ca"
    assert text_in(translated, "description", "en") == ""


def test_the_readers_language_is_the_pages(translated):
    with force_locale("es"):
        assert text_in(translated, "title") == "Fiesta mayor"
        assert language_of(translated, "title") == "es"
        assert translated.text_in("title") == "Fiesta mayor"
    with force_locale("ca"):
        assert text_in(translated, "title") == "Festa major"
        assert translated.language_of("title") == "ca"


def test_a_field_that_is_not_translated_is_always_the_base_column(translated):
    translated.translations = {"en": {"slug": "town-festival"}}
    assert text_in(translated, "slug", "en") == translated.slug
    assert language_of(translated, "slug", "en") == "ca"
    assert text_in(None, "title", "en") == ""


def test_every_council_text_is_translatable():
    assert Process.TRANSLATED == ("title", "summary", "description")
    assert CommunityPlan.TRANSLATED == ("title", "summary", "body")
    assert Goal.TRANSLATED == ("title", "description")
    assert Phase.TRANSLATED == ("title",)
    assert Category.TRANSLATED == ("name",)
    assert Meeting.TRANSLATED == ("title", "description")


def test_a_new_row_has_no_translations():
    process = factories.make_process()
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(Process, process.id).translations == {}


# --- cleaning what a form sent -------------------------------------------------------------------


def test_cleaning_strips_drops_empties_and_keeps_the_models_fields():
    cleaned = clean_translations(Process, {
        "es": {"title": "  Fiesta mayor ", "summary": "   ", "description": ""},
        "en": {"title": "", "summary": None},
    })
    assert cleaned == {"es": {"title": "Fiesta mayor"}}
    assert clean_translations(Process, None) == {}


@pytest.mark.parametrize("submitted, field", [
    ({"ca": {"title": "Festa"}}, None),  # the town's own language lives in the columns
    ({"fr": {"title": "Fête"}}, None),
    ({"es": {"slug": "fiesta"}}, None),  # not a translated field
    ({"es": "Fiesta"}, None),
    (["es"], None),
    ({"es": {"title": 3}}, "title_es"),
    ({"es": {"title": "x" * 201}}, "title_es"),  # the column holds 200
    ({"en": {"summary": "x" * 501}}, "summary_en"),
    ({"en": {"title": "Two\nlines"}}, "title_en"),
    ({"en": {"description": "a\x00b"}}, "description_en"),
])
def test_cleaning_refuses_what_cannot_be_stored(submitted, field):
    with pytest.raises(DomainError) as refused:
        clean_translations(Process, submitted)
    assert refused.value.field == field


def test_a_long_description_may_have_line_breaks_up_to_its_limit():
    text = "Línia\n" * 3000
    assert clean_translations(Process, {"en": {"description": text}}) == {
        "en": {"description": text.strip()}}
    with pytest.raises(DomainError):
        clean_translations(Goal, {"en": {"description": "x" * 5001}})  # the goal form's limit


def test_the_form_helpers_round_trip():
    process = factories.make_process()
    process.translations = {"es": {"title": "Fiesta"}}
    data = translation_form_data(process, Process.TRANSLATED)
    assert data["title_es"] == "Fiesta" and data["title_en"] == "" and "summary_en" in data
    submitted = submitted_translations({**data, "summary_en": "Summer"}, Process.TRANSLATED)
    assert clean_translations(Process, submitted) == {"es": {"title": "Fiesta"},
                                                      "en": {"summary": "Summer"}}


def test_operations_save_translations_and_keep_them_when_given_none(council):
    process = operations.create_process(
        {"title": "Festa major", "summary": "", "description": ""}, actor=council,
        translations={"es": {"title": "Fiesta mayor"}, "en": {"title": ""}})
    assert process.translations == {"es": {"title": "Fiesta mayor"}}
    operations.update_process(process, {"title": "Festa major del barri"}, actor=council)
    assert process.translations == {"es": {"title": "Fiesta mayor"}}
    with pytest.raises(DomainError):
        operations.update_process(process, {"title": "Festa"}, actor=council,
                                  translations={"es": {"title": "x" * 300}})
    category = operations.add_category(process, "Cultura", actor=council,
                                       translations={"en": {"name": "Culture"}})
    assert text_in(category, "name", "en") == "Culture"


def test_setting_none_keeps_and_an_empty_form_clears():
    process = factories.make_process()
    process.translations = {"es": {"title": "Fiesta"}}
    set_translations(process, None)
    assert process.translations == {"es": {"title": "Fiesta"}}
    set_translations(process, submitted_translations({}, Process.TRANSLATED))
    assert process.translations == {}


def test_search_reads_every_translated_text():
    assert all_texts({"es": {"title": "Fiesta", "summary": " "}, "en": {"title": "Festival"},
                      "ca": {"title": "no"}}, ("title", "summary")) == ["Fiesta", "Festival"]
    assert all_texts(None, ("title",)) == []
