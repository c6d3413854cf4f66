"""The one Markdown renderer (Markdown → HTML → bleach allowlist → Markup) against hostile input."""

import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from participa.core.markdown import COMMENT_TAGS, TAGS, is_safe_url, render_markdown

REL = "nofollow noopener ugc"


class Collector(HTMLParser):
    """Every start tag of a fragment, with its attributes as the browser would read them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def parse(fragment) -> list[tuple[str, dict]]:
    collector = Collector()
    collector.feed(str(fragment))
    collector.close()
    return collector.tags


def url_scheme(href: str) -> str:
    """The scheme a browser sees: entities decoded, whitespace and control characters gone."""
    cleaned = re.sub(r"[\x00-\x20\x7f-\xa0\s]+", "", href)  # the parser decoded entities
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.\-]*):", cleaned)
    return match.group(1).lower() if match else ""


def assert_safe(output, tags=TAGS):
    """What must hold for any output, whatever went in."""
    text = str(output)
    assert "<script" not in text.lower()
    for tag, attrs in parse(text):
        assert tag in tags, (tag, text)
        for name in attrs:
            assert not name.lower().startswith("on"), (name, text)
        if tag == "a":
            assert set(attrs) <= {"href", "title", "rel"}, text
            assert attrs.get("rel") == REL, text
            assert attrs.get("href"), text
            assert url_scheme(attrs["href"]) in ("", "http", "https", "mailto"), text
            assert "javascript:" not in attrs["href"].lower()
        else:
            assert attrs == {}, (tag, attrs, text)


def links(output) -> list[dict]:
    return [attrs for tag, attrs in parse(output) if tag == "a"]


# --- what is kept -----------------------------------------------------------------------------


def test_the_result_is_markup():
    output = render_markdown("*hola*")
    assert isinstance(output, Markup)
    assert output == Markup("<p><em>hola</em></p>")


@pytest.mark.parametrize("empty", [None, ""])
def test_nothing_renders_as_nothing(empty):
    assert render_markdown(empty) == Markup("")


def test_paragraphs_emphasis_and_lists():
    output = render_markdown(
        "Primer paràgraf amb *èmfasi* i **força**.\n\nSegon.\n\n- u\n- dos\n\n1. un\n2. dos"
    )
    assert "<p>Primer paràgraf amb <em>èmfasi</em> i <strong>força</strong>.</p>" in output
    assert "<p>Segon.</p>" in output
    assert "<ul>\n<li>u</li>\n<li>dos</li>\n</ul>" in output
    assert "<ol>\n<li>un</li>\n<li>dos</li>\n</ol>" in output
    assert_safe(output)


def test_headings_two_to_four_only():
    output = render_markdown("# Un\n\n## Dos\n\n### Tres\n\n#### Quatre\n\n##### Cinc")
    assert "<h2>Dos</h2>" in output and "<h3>Tres</h3>" in output
    assert "<h4>Quatre</h4>" in output
    assert "<h1>" not in output and "<h5>" not in output
    assert "Un" in output and "Cinc" in output  # the words stay, as text
    assert_safe(output)


def test_blockquote_and_code():
    output = render_markdown(
        "> Una cita\n\nCodi `<b>x & y</b>` en línia\n\n    bloc <script> & https://x.org\n"
    )
    assert "<blockquote>\n<p>Una cita</p>\n</blockquote>" in output
    # escaped once: the reader sees the code as written
    assert "<code>&lt;b&gt;x &amp; y&lt;/b&gt;</code>" in output
    assert "<pre><code>bloc &lt;script&gt; &amp; https://x.org\n</code></pre>" in output
    assert_safe(output)


@pytest.mark.parametrize(
    "source, href",
    [
        ("[web](https://example.org/pla?x=1&y=2)", "https://example.org/pla?x=1&y=2"),
        ("[web](http://example.org)", "http://example.org"),
        ("[escriu](mailto:taula@example.org)", "mailto:taula@example.org"),
        ("[relatiu](/plans/barri-vell)", "/plans/barri-vell"),
        ("<https://example.org>", "https://example.org"),
        ("Mireu https://example.org/taula ara", "https://example.org/taula"),
        ('<a href="https://example.org" title="Taula">raw</a>', "https://example.org"),
    ],
)
def test_safe_links_are_kept_and_marked(source, href):
    [link] = links(render_markdown(source))
    assert link["href"] == href
    assert link["rel"] == REL
    assert_safe(render_markdown(source))


def test_a_link_keeps_its_title_but_not_its_target_nor_its_rel():
    source = '<a href="https://example.org" title="T" target="_blank" rel="opener">x</a>'
    [link] = links(render_markdown(source))
    assert link == {"href": "https://example.org", "title": "T", "rel": REL}


def test_comment_tags_are_smaller():
    output = render_markdown("## Títol\n\n---\n\n*ok*", tags=COMMENT_TAGS)
    assert "<h2>" not in output and "<hr" not in output
    assert "<em>ok</em>" in output
    assert_safe(output, COMMENT_TAGS)


# --- what is removed --------------------------------------------------------------------------

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    "<<script>script>alert(1)<</script>/script>",
    '<img src="x" onerror="alert(1)">',
    "<img src=x onerror=alert(1)//",
    '<p onclick="alert(1)">clic</p>',
    '<a href="https://example.org" onclick="alert(1)">x</a>',
    '<strong onmouseover="alert(1)">x</strong>',
    "<svg onload=alert(1)>",
    '<iframe src="https://evil.example"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>">',
    "<style>body { display: none }</style>text",
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="https://evil.example"><input name="p"></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="https://evil.example/">',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<!-- <script>alert(1)</script> -->",
    '<a href="javascript:alert(1)"',
    "<p><em>unclosed <strong>tags",
    "</p></div></body></html>",
    '<a href="https://example.org">unclosed link',
]


@pytest.mark.parametrize("source", HOSTILE)
def test_hostile_html_is_neutralised(source):
    output = render_markdown(source)
    assert_safe(output)  # only allowed tags, no attributes but a link's href, title and rel
    assert {tag for tag, _ in parse(output)}.isdisjoint(
        {"script", "img", "iframe", "style", "svg", "object", "embed", "form", "input", "meta",
         "base", "math", "div"}
    )


JAVASCRIPT_LINKS = [
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](javascript:1)",  # bleach reads "1" as a port and keeps it: we must not
    '<a href="javascript:1">x</a>',
    '<a href="javascript:alert(1)">x</a>',
    "<a href=javascript:alert(1)>x</a>",
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="java&#9;script:alert(1)">x</a>',
    '<a href="java&#x0A;script:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href="java\nscript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="&#x6A;avascript:alert(1)">x</a>',
    '<a href="&#0000106;avascript:alert(1)">x</a>',
    "[x](&#106;avascript:alert(1))",
    '<a href="  javascript:alert(1)">x</a>',
    '<a href="\njavascript:alert(1)">x</a>',
    '<a href="\x00javascript:alert(1)">x</a>',
    '<a href="java\x00script:alert(1)">x</a>',
    "[x](java\x00script:alert(1))",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    "[x](<javascript:alert(1)>)",
    "<javascript:alert(1)>",
    "[x](javascript://example.org/%0Aalert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "[x](vbscript:msgbox(1))",
    '<a href="VBScript:msgbox(1)">x</a>',
    "[x](file:///etc/passwd)",
    "[x](ftp://example.org)",
]


@pytest.mark.parametrize("source", JAVASCRIPT_LINKS)
def test_links_with_other_schemes_lose_their_link(source):
    output = render_markdown(source)
    assert_safe(output)
    assert links(output) == [], str(output)


def test_an_html5_entity_bleach_does_not_know_is_escaped_not_decoded():
    """Browsers read "&colon;" as ":"; bleach escapes its "&", leaving a harmless relative link."""
    output = render_markdown('<a href="javascript&colon;alert(1)">x</a>')
    assert_safe(output)
    assert 'href="javascript&amp;colon;alert(1)"' in output


def test_a_bare_javascript_text_is_not_linked():
    output = render_markdown("escriu javascript:alert(1) i data:text/html,x")
    assert links(output) == []
    assert "javascript:alert(1)" in output  # as plain text


def test_a_title_cannot_break_out_of_its_attribute():
    output = render_markdown('[x](https://example.org "t" onmouseover="alert(1)")')
    assert_safe(output)
    output = render_markdown('[x](https://example.org "a\\" onmouseover=\\"alert(1)")')
    assert_safe(output)


@pytest.mark.parametrize(
    "url, safe",
    [
        ("https://example.org", True), ("HTTP://EXAMPLE.ORG", True), ("mailto:a@b.org", True),
        ("/relatiu", True), ("#seccio", True), ("?page=2", True), ("pla/barri", True),
        ("javascript:1", False), ("JavaScript:alert(1)", False), (" javascript:x", False),
        ("java\tscript:x", False), ("java\x00script:x", False), ("vbscript:x", False),
        ("data:text/html,x", False), ("foo:bar", False), ("tel:+34600000000", False),
        ("javascript\u200b:x", False), ("http://[::1", False),
    ],
)
def test_is_safe_url(url, safe):
    assert is_safe_url(url) is safe


# --- whatever comes in ------------------------------------------------------------------------

FRAGMENTS = [
    "<script>", "</script>", "alert(1)", "<img src=x onerror=alert(1)>", "javascript:",
    "JaVaScRiPt:", "java&#x09;script:", "&#106;avascript:", "javascript:1", "vbscript:",
    "data:text/html,", "[", "]", "(", ")", "<", ">", '"', "'", "`", "=", "on", "onerror=",
    "onclick=", "<a href=", "</a>", "<a href=\"", "<p ", "<iframe>", "<style>", "\n", "\n\n",
    " ", "\t", "\x00", "&", "&#", ";", "#", "##", "- ", "> ", "*", "**", "    ", "https://x.org",
    "mailto:a@b.org", "www.example.org", "[x]", "(javascript:alert(1))", "[r]: ", "/", "//",
    "\\", ":", "<svg/onload=alert(1)>", "<!--", "-->", "<![CDATA[", "]]>", "&lt;", "&amp;",
]


SCHEME_SPELLINGS = [
    "javascript:", "JaVaScRiPt:", "java&#x09;script:", "java&#9;script:", "&#106;avascript:",
    "&#x6A;avascript:", " javascript:", "\njavascript:", "\x00javascript:", "java\x00script:",
    "java\tscript:", "vbscript:", "data:text/html,", "https:", "mailto:", "", "//",
]
TARGETS = st.builds(lambda scheme, rest: scheme + rest, st.sampled_from(SCHEME_SPELLINGS),
                    st.sampled_from(["1", "alert(1)", "//x.org", "a@b.org", "x"]))
LINKS = st.one_of(
    st.builds("[x]({})".format, TARGETS),
    st.builds('<a href="{}">x</a>'.format, TARGETS),
    st.builds("<a href={}>x</a>".format, TARGETS),
    st.builds("[x][r]\n\n[r]: {}\n".format, TARGETS),
)


@settings(max_examples=400, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8), LINKS), max_size=30))
def test_no_input_ever_yields_script_javascript_links_or_handlers(parts):
    source = "".join(parts)
    output = render_markdown(source)
    assert isinstance(output, Markup)
    assert_safe(output)
    assert_safe(render_markdown(source, tags=COMMENT_TAGS), COMMENT_TAGS)


@settings(max_examples=150, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.text())
def test_any_text_renders_safely(source):
    assert_safe(render_markdown(source))
