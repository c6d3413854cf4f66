"""How text is made comparable for the site search, the same way for what is indexed and what is
asked: lower case, no accents, and Catalan's geminated L written any way — "il·luminació",
"il.luminació", "iŀluminació", "illuminacio" and "iluminacio" all become "iluminacio".

Only words are kept (letters and digits, separated by one space), so SQLite's FTS5 tokenizer
and PostgreSQL's ``simple`` configuration see the same words in the index and in the query."""

import re

from participa.core.text import fold as fold_accents
from participa.core.text import words

MAX_QUERY_LENGTH = 200  # characters a person may type in the search box
MAX_QUERY_WORDS = 8  # more words than this are ignored (each one narrows the search)

# the middle dot of "l·l" and the characters people type for it (a full stop, the hyphenation
# point, the dot operator, a bullet) — only between two l's
_GEMINATE = re.compile(r"l[.·\u2027\u22c5\u2022\u0387]l")
_DOUBLE_L = re.compile(r"l{2,}")
_WORD = re.compile(r"[^\W_]+")


def fold(text: str | None) -> str:
    """The words of ``text``, folded: "Il·luminació de la Plaça!" → "iluminacio de la placa"
    (the project's accent folding, whose NFKD makes "ŀ" "l·", then the geminated L)."""
    plain = _DOUBLE_L.sub("l", _GEMINATE.sub("l", fold_accents(text)))
    return " ".join(_WORD.findall(plain))


def query_words(query: str | None) -> list[str]:
    """The distinct folded words of a query, in order, at most ``MAX_QUERY_WORDS``."""
    return words(fold(query))[:MAX_QUERY_WORDS]
