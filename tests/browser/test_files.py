"""A resident illustrates a proposal, in Chromium: the photo chosen with its alternative text
is published with the proposal, shows as the card's thumbnail and in the proposal's gallery,
and is served as an image. axe-core scans the form, the page and the index."""

import uuid
from pathlib import Path

from playwright.sync_api import expect

from tests.support.browser import flash, main, open_page, process_action, scan, sign_in, text

PROCESS = "/processes/pressupostos-participatius-barri-vell"
AUTHOR = "marta@riuclar.example"
PHOTO = Path(__file__).resolve().parents[2] / "participa" / "seed" / "images" / "parc-infantil.jpg"


def test_a_resident_adds_a_photo_with_alt_text(new_context, live_server):
    title = f"Ombra al parc infantil {uuid.uuid4().hex[:6]}"
    alt = "Gronxadors i un tobogan groc sobre la sorra del parc"
    page = open_page(new_context)
    sign_in(page, AUTHOR)
    page.goto(PROCESS)
    process_action(page, text("Proposals")).click()
    main(page).get_by_role("link", name=text("New proposal")).click()
    page.get_by_label(text("Title"), exact=True).fill(title)
    page.get_by_label(text("Your proposal"), exact=True).fill(
        "Posem un tendal sobre els gronxadors: a l'estiu la sorra crema.")
    page.get_by_role("button", name=text("Preview")).click()
    expect(page.get_by_role("region", name=text("Preview"))).to_be_visible()

    # the files are chosen with the publishing (a preview does not keep them)
    page.get_by_label(text("Image"), exact=True).set_input_files(str(PHOTO))
    page.get_by_label(text("Describe the image"), exact=True).fill(alt)
    page.get_by_role("button", name=text("Publish"), exact=True).click()
    expect(flash(page)).to_contain_text(text("Your proposal has been published."))
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    proposal_url = page.url

    # the proposal's page: the gallery, each image with its alternative text
    gallery = page.get_by_role("region", name=text("Images"))
    image = gallery.get_by_role("img", name=alt)
    expect(image).to_be_visible()
    assert image.get_attribute("width") and image.get_attribute("height")
    assert page.evaluate("(img) => img.naturalWidth", image.element_handle()) > 0
    scan(page)

    # the card: a lazy thumbnail with its size, fetched as an image
    page.goto(PROCESS + "/proposals/")
    card = page.locator("article.proposal-card").filter(has_text=title)
    thumbnail = card.get_by_role("img", name=alt)
    expect(thumbnail).to_have_attribute("loading", "lazy")
    assert thumbnail.get_attribute("width") == "480"
    served = page.request.get(thumbnail.get_attribute("src"))
    assert served.status == 200 and served.headers["content-type"] == "image/webp"
    assert served.headers["x-content-type-options"] == "nosniff"
    scan(page)

    # a second photo without its description is refused, and the form keeps the text
    page.goto(proposal_url + "/edit")
    page.get_by_label(text("Image"), exact=True).set_input_files(str(PHOTO))
    page.get_by_role("button", name=text("Save"), exact=True).click()
    expect(page.locator("#alt_text-error")).to_contain_text(text(
        "Describe the image in a few words (its alternative text), for people who cannot "
        "see it."))
    expect(page.get_by_label(text("Title"), exact=True)).to_have_value(title)
    expect(main(page).get_by_role("img", name=alt)).to_have_count(1)  # the first one, kept
    scan(page)
