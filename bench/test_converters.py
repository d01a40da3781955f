"""The emulated converters read every page: an XML declaration or an odd link target breaks none."""

from __future__ import annotations

import pytest

from bench.converters import CONVERTERS, _lynx_target

PAGE = (
    "<html><head><title>Rates rise</title></head><body><h1>Rates rise</h1>"
    "<p>The bank raised its rate on <a href='/news/rates'>Tuesday</a>, officials said.</p></body></html>"
)
DECLARED = "<?xml version='1.0' encoding='utf-8'?>\n" + PAGE


@pytest.mark.parametrize("converter", ["textnodes", "titled", "lynx", "htmltotext"])
def test_an_xml_declaration_changes_nothing(converter: str) -> None:
    if converter in ("lynx", "htmltotext"):
        pytest.importorskip("inscriptis")
    text = CONVERTERS[converter](DECLARED)
    assert "The bank raised its rate on" in text
    assert text == CONVERTERS[converter](PAGE)


def test_lynx_lists_a_target_that_is_no_url_as_written() -> None:
    assert _lynx_target("/news/rates") == "file://localhost/news/rates"
    assert _lynx_target(" a b ") == "file://localhost/a%20b"
    assert _lynx_target("http://[ccpa-preferences]") == "http://[ccpa-preferences]"
