"""Folding: what is indexed and what is asked are made comparable the same way."""

import pytest

from participa.search.folding import MAX_QUERY_WORDS, fold, query_words


@pytest.mark.parametrize("text", [
    "il·luminació", "illuminacio", "iluminacio", "IL·LUMINACIÓ", "il.luminació", "iŀluminació",
    "Il•luminació", "ILLUMINACIÓ",
])
def test_every_spelling_of_the_catalan_geminate_l_folds_alike(text):
    assert fold(text) == "iluminacio"


def test_accents_case_and_punctuation_go():
    assert fold("Plaça de l'Església, 2026!") == "placa de l esglesia 2026"
    assert fold("Àvia ÉS aquí: über_carrer") == "avia es aqui uber carrer"


def test_a_full_stop_between_two_sentences_is_not_a_geminate():
    # "l.l" only joins when written inside a word; here it is a full stop, kept as a break
    assert fold("un carrer gentil. Les voreres") == "un carrer gentil les voreres"


def test_query_words_are_distinct_folded_and_few():
    assert query_words("  Plaça  plaça PLACA ombra ") == ["placa", "ombra"]
    assert query_words("!!! ··· ---") == []
    assert query_words(None) == []
    many = " ".join(f"paraula{i}" for i in range(20))
    assert len(query_words(many)) == MAX_QUERY_WORDS
