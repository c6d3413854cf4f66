from tests.browser.conftest import assert_accessible
def test_probe(page):
    page.goto("/")
    print(page.evaluate("document.documentElement.lang"))
    assert_accessible(page)
