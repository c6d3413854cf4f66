"""The ca/es/en catalogs: complete, placeholder-safe, in step with the sources, and served.

Reads the .po files and the sources in place; writes nothing. After adding or changing a
translatable string run ``make translations``, fill in the new msgstr in each catalog, then
``make compile-translations`` (the rendering test reads the compiled .mo files).
"""

import os
import re
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from markupsafe import escape

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "participa" / "translations"
LOCALES = ("ca", "es", "en")
# The keywords `make translations` uses: Babel's defaults (_, gettext, ngettext, ...) plus these.
EXTRA_KEYWORDS = {"_l": None, "lazy_gettext": None, "lazy_ngettext": (1, 2)}
PLURAL_FORMS = "nplurals=2; plural=(n != 1);"  # Catalan, Spanish and English alike
HINT = (
    "run `make translations`, fill in every new msgstr in "
    "participa/translations/{ca,es,en}/LC_MESSAGES/messages.po, then `make compile-translations`"
)

# A printf-style conversion: %(name)s, %s, %5.2f, %% ...
FORMAT_SPEC = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrsa%]"
)


def po_path(locale: str) -> Path:
    return TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po"


def shown(locale: str) -> str:
    path = po_path(locale)
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def load(locale: str):
    with open(po_path(locale), "rb") as f:
        return read_po(f, locale=locale)


@pytest.fixture(scope="module")
def catalogs():
    return {locale: load(locale) for locale in LOCALES}


def entries(catalog):
    """Every real message (not the header), as (message, [msgids], [msgstrs])."""
    for message in catalog:
        if not message.id:
            continue
        ids = list(message.id) if message.pluralizable else [message.id]
        if message.pluralizable:
            strings = list(message.string) if message.string else []
        else:
            strings = [message.string]
        yield message, ids, strings


def specs(text: str) -> Counter:
    return Counter(match.group(0) for match in FORMAT_SPEC.finditer(text or ""))


def stray_percent(text: str) -> bool:
    """A '%' left over once the conversions are taken out (a typo such as '%(n)' or '50 %')."""
    return "%" in FORMAT_SPEC.sub("", text or "")


def short(msgid) -> str:
    text = msgid[0] if isinstance(msgid, (list, tuple)) else msgid
    return repr(text if len(text) <= 70 else text[:67] + "...")


# (a) complete, nothing fuzzy, right headers ---------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_header_names_the_language_and_plural_forms(catalogs, locale):
    catalog = catalogs[locale]
    assert str(catalog.locale) == locale
    headers = dict(catalog.mime_headers)
    assert headers.get("Language") == locale
    assert headers.get("Plural-Forms") == PLURAL_FORMS
    assert "utf-8" in headers.get("Content-Type", "").lower()
    assert not catalog.fuzzy, f"the {locale} catalog header is marked fuzzy"


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_is_translated_and_none_is_fuzzy(catalogs, locale):
    catalog = catalogs[locale]
    nplurals = catalog.num_plurals
    problems = []
    for message, _ids, strings in entries(catalog):
        if "fuzzy" in message.flags:
            problems.append(f"fuzzy: {short(message.id)}")
        if message.pluralizable and len(strings) != nplurals:
            problems.append(f"{len(strings)} plural forms, {nplurals} needed: {short(message.id)}")
        if not strings or not all(s and s.strip() for s in strings):
            problems.append(f"untranslated: {short(message.id)}")
    assert not problems, f"{len(problems)} problem(s) in {shown(locale)}:\n  " + "\n  ".join(
        problems
    )


def test_english_repeats_the_source_text(catalogs):
    """Sources are written in English, so the en catalog is the identity."""
    different = []
    for message, ids, strings in entries(catalogs["en"]):
        expected = ids if message.pluralizable else ids[:1]
        if strings != expected:
            different.append(f"{short(message.id)} -> {strings!r}")
    assert not different, "en msgstr differs from its msgid:\n  " + "\n  ".join(different)


def test_all_catalogs_hold_the_same_messages(catalogs):
    ids = {
        locale: {m.id if not m.pluralizable else m.id[0] for m in c if m.id}
        for locale, c in catalogs.items()
    }
    for locale in LOCALES[1:]:
        assert ids[locale] == ids["ca"], (
            f"ca and {locale} differ: only in ca {sorted(ids['ca'] - ids[locale])[:10]}, "
            f"only in {locale} {sorted(ids[locale] - ids['ca'])[:10]}; {HINT}"
        )


# (b) placeholders -------------------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_placeholders_match_the_source(catalogs, locale):
    """Each msgstr keeps exactly the msgid's conversions (%(name)s, %%...), so formatting in
    the page can neither raise KeyError nor drop a value."""
    problems = []
    for message, ids, strings in entries(catalogs[locale]):
        source = specs(ids[0])
        for msgid in ids[1:]:
            source |= specs(msgid)  # msgid_plural may add the count
        for index, string in enumerate(strings):
            if not string:
                continue  # reported as untranslated by the test above
            form = f"[{index}]" if message.pluralizable else ""
            if specs(string) != source:
                problems.append(
                    f"{short(message.id)}{form}: {sorted(specs(string).elements())} "
                    f"!= {sorted(source.elements())}"
                )
            elif stray_percent(string) and not any(stray_percent(i) for i in ids):
                problems.append(f"{short(message.id)}{form}: stray '%' in {string!r}")
        if "python-format" in message.flags:
            names = {
                m.group("name")
                for m in FORMAT_SPEC.finditer(" ".join(ids))
                if m.group("name") is not None
            }
            values = dict.fromkeys(names, 1)
            for string in strings:
                try:
                    string % values
                except (KeyError, ValueError, TypeError) as error:
                    problems.append(f"{short(message.id)}: {string!r} fails: {error!r}")
    assert not problems, f"placeholders differ in {shown(locale)}:\n  " + "\n  ".join(problems)


CLOCK_ARTICLE = re.compile(r"\b(les|las|la|a l')\s*%\((time|start|end|starts_at|ends_at)\)s",
                           re.IGNORECASE)


@pytest.mark.parametrize("locale", ("ca", "es"))
def test_no_fixed_article_before_a_clock_time(catalogs, locale):
    """Catalan and Spanish put "la" before one o'clock and "les"/"las" before the other hours
    ("a la 1:30", "a les 18:00"): a translation that fixes the article before a time it is
    given reads wrong at one o'clock, so it names the time without one ("Inici: 1:30")."""
    wrong = [f"{short(message.id)}: {string!r}"
             for message, _ids, strings in entries(catalogs[locale])
             for string in strings if string and CLOCK_ARTICLE.search(string)]
    assert not wrong, f"a fixed article before a time in {shown(locale)}:\n  " + "\n  ".join(wrong)


# (c) in step with the sources -------------------------------------------------------------


def source_directory_filter(path: str) -> bool:
    """Like `make translations` (--ignore-dirs '.* __pycache__'): skip .venv, .git and caches,
    but walk underscore folders such as templates/_macros."""
    name = os.path.basename(path)
    return not (name.startswith(".") or name == "__pycache__")


@pytest.fixture(scope="module")
def extracted():
    """msgid -> first place it is used, extracted in-process with the project's babel.cfg."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f, str(ROOT / "babel.cfg"))
    keywords = dict(DEFAULT_KEYWORDS)
    keywords.update(EXTRA_KEYWORDS)
    found = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(ROOT),
        method_map,
        options_map,
        keywords=keywords,
        directory_filter=source_directory_filter,
        strip_comment_tags=True,
    ):
        msgid = message[0] if isinstance(message, (list, tuple)) else message
        if msgid:
            found.setdefault(msgid, (f"{filename}:{lineno}", isinstance(message, tuple)))
    return found


def test_extraction_finds_the_sources(extracted):
    """A guard for the test below: Python and template strings are both seen."""
    places = {place.split(":")[0] for place, _plural in extracted.values()}
    assert any(p.startswith("participa/") and p.endswith(".py") for p in places)
    assert any(p.startswith("templates/") for p in places)
    assert any(p.startswith("templates/_macros/") for p in places)  # underscore folders too
    assert "Skip to content" in extracted  # templates/base.html


@pytest.mark.parametrize("locale", LOCALES)
def test_catalog_has_every_string_of_the_sources(catalogs, extracted, locale):
    catalog = catalogs[locale]
    missing, not_plural = [], []
    for msgid, (place, plural) in sorted(extracted.items()):
        message = catalog.get(msgid)
        if message is None:
            missing.append(f"{short(msgid)} ({place})")
        elif plural and not message.pluralizable:
            not_plural.append(f"{short(msgid)} ({place})")
    assert not missing, (
        f"{len(missing)} string(s) of the sources missing from "
        f"{shown(locale)}; {HINT}:\n  " + "\n  ".join(missing)
    )
    assert not not_plural, (
        f"used with ngettext but singular in the {locale} catalog; {HINT}:\n  "
        + "\n  ".join(not_plural)
    )


# (d) served in the visitor's language ------------------------------------------------------


def translation(catalogs, locale, msgid) -> str:
    message = catalogs[locale].get(msgid)
    assert message is not None and message.string, f"{msgid!r} untranslated in {locale}; {HINT}"
    return message.string


@pytest.mark.parametrize(
    ("accept_language", "locale"),
    [("es-ES,es;q=0.9", "es"), ("en-GB,en;q=0.8", "en"), ("ca", "ca"), ("fr-FR,fr;q=0.9", "ca")],
)
def test_home_page_is_served_in_the_accepted_language(client, catalogs, accept_language, locale):
    response = client.get("/", headers={"Accept-Language": accept_language})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert f'<html lang="{locale}">' in page
    expected = {
        msgid: str(escape(translation(catalogs, locale, msgid)))
        for msgid in ("Main", "Processes", "Community plans", "Neighbourhoods", "Sign in")
    }
    absent = [f"{msgid!r} -> {text!r}" for msgid, text in expected.items() if text not in page]
    assert not absent, (
        f"not shown in {locale} (is the compiled .mo stale? run `make compile-translations`):\n  "
        + "\n  ".join(absent)
    )
    assert f'aria-label="{expected["Main"]}"' in page  # the main navigation's name
    if locale != "en":
        for msgid in ("Community plans", "Neighbourhoods"):
            assert f">{msgid}<" not in page, f"{msgid!r} left in English on the {locale} page"
