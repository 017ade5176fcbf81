import io

import pypdf
import zxingcpp
from PIL import Image

from certificates.services import verification_url


def _reader(certificate) -> pypdf.PdfReader:
    certificate.refresh_from_db()
    with certificate.pdf.open("rb") as handle:
        return pypdf.PdfReader(io.BytesIO(handle.read()))


def test_pdf_opens_and_states_name_course_and_code(issued):
    reader = _reader(issued)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)

    assert len(reader.pages) == 1
    assert "Ayşe Özdemir-Müller" in text
    assert issued.display_code in text
    assert "Anerkennung ausländischer Abschlüsse" in text
    assert "Dr. Erika Beispiel" in text


def test_pdf_is_a4_landscape_tagged_with_language_and_embedded_fonts(issued):
    reader = _reader(issued)
    page = reader.pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert round(width / 72 * 25.4) == 297 and round(height / 72 * 25.4) == 210

    catalog = reader.trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "de"
    fonts = page["/Resources"]["/Font"]
    for font in fonts.values():
        font = font.get_object()
        descendant = font["/DescendantFonts"][0].get_object()
        descriptor = descendant["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor


def test_qr_code_in_the_pdf_decodes_to_the_verification_url(issued):
    reader = _reader(issued)
    images = reader.pages[0].images
    decoded = []
    for image in images:
        picture = Image.open(io.BytesIO(image.data)).convert("L")
        decoded += [result.text for result in zxingcpp.read_barcodes(picture)]

    expected = verification_url(issued.code)
    assert expected == f"https://lernen.example.org/verify/{issued.display_code}/"
    assert decoded == [expected]


def test_verification_address_is_a_link_to_the_configured_base_url(issued):
    page = _reader(issued).pages[0]
    links = [
        annotation.get_object()["/A"]["/URI"]
        for annotation in page.get("/Annots", [])
        if annotation.get_object().get("/Subtype") == "/Link"
    ]
    expected = verification_url(issued.code)
    assert expected.startswith("https://lernen.example.org/")  # BASE_URL, tests
    assert links == [expected]
