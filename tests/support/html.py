"""Checks on the HTML a page serves: hostile text made inert, the option a select shows or sends,
the error beside a field."""

import re
from html.parser import HTMLParser

HOSTILE_BODY = (
    "Hola **veïns**.\n\n"
    "<script>alert('xss-script')</script>\n\n"
    '<img src="x" onerror="alert(\'xss-img\')">\n\n'
    "[fes clic](javascript:alert('xss-md'))\n\n"
    '<a href="javascript:1">enllaç</a>\n'
)


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []  # (tag, attrs dict)
        self.script_text = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script_text.append(data)


def assert_inert(html: str) -> None:
    """No script a visitor's browser would run: no inline script, no event handler
    attributes, no javascript: URL in any link or source, no image from user text."""
    parser = _Collector()
    parser.feed(html)
    assert "".join(parser.script_text).strip() == "", parser.script_text
    for tag, attrs in parser.elements:
        if tag == "script":
            assert attrs.get("src", "").startswith("/static/"), attrs
        assert tag != "img", attrs
        for name, value in attrs.items():
            assert not name.lower().startswith("on"), (tag, attrs)
            folded = re.sub(r"\s", "", (value or "")).lower()
            assert not folded.startswith("javascript:"), (tag, attrs)


def selected_option(html: str, select_id: str) -> str | None:
    """The value of the selected option of ``<select id=select_id>``."""
    block = re.search(rf'<select id="{select_id}"[^>]*>(.*?)</select>', html, re.S)
    assert block, f"no select #{select_id}"
    match = re.search(r'<option value="([^"]*)"\s+selected', block.group(1))
    return match.group(1) if match else None


def field_error(html, name) -> str:
    """The error shown beside the form field ``name``."""
    match = re.search(rf'<p class="error" id="{name}-error">([^<]*)</p>', html)
    assert match, f"no error beside {name}"
    return match.group(1)


def form_choice(html, name):
    """The value of the option a browser would send for ``<select name=name>``."""
    block = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    match = re.search(r'<option(?=[^>]*\bselected\b)[^>]*value="([^"]*)"', block)
    return match.group(1) if match else None
