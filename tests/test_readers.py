"""Readers for every newsroom format: extracted text, skipped parts, positions in the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA
from mtcheck.readers import ReadError, check_path, read_path

FORMATS = DATA / "formats"


def _docx(tmp_path: Path) -> Path:
    import docx

    d = docx.Document()
    d.add_paragraph("Rail strike disrupts travel across France")
    d.add_paragraph("Trains run by the SNCF were cancelled on Thursday as unions protested against the reform.")
    d.add_paragraph("The head of state will speak on television at 20h, the Elysee said.")
    path = tmp_path / "stringer.docx"
    d.save(str(path))
    return path


def _assert_positions(path: Path, result) -> None:
    """Every finding's line/column points at its text in the original file."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for f in result.findings:
        assert lines[f.line - 1][f.column - 1 :].startswith(f.text), (f.text, f.line, f.column)


def _flagged(result, word: str) -> bool:
    return any(word in f.text or f.text in word for f in result.findings)


def test_nitf_headline_body_and_skips():
    doc = read_path(FORMATS / "story.nitf.xml")
    assert doc.title == "French regulator opens inquiry into Parler moderation"
    assert "Talking Correspondent" not in doc.text  # byline skipped
    assert "PARIS, Dec 1" not in doc.text  # dateline skipped
    assert "MT-20261201" not in doc.text and "PARIS-TECH" not in doc.text  # docdata, head skipped
    assert "«" not in doc.text  # <!-- mtcheck: ignore --> paragraph dropped
    assert doc.text.count("Parler") == 3


def test_nitf_findings_land_on_the_words(detector):
    path = FORMATS / "story.nitf.xml"
    result = check_path(path, detector)
    assert result.error is None
    assert _flagged(result, "Talking")
    _assert_positions(path, result)


@pytest.mark.parametrize("name,expect", [("item-xhtml.newsml.xml", ["The World", "14h30"]), ("item-nitf.newsml.xml", ["put in examination", "20 000"])])
def test_newsml_payloads(detector, name, expect):
    path = FORMATS / name
    doc = read_path(path)
    assert "ignored" not in doc.text and "Staff" not in doc.text
    result = check_path(path, detector)
    for word in expect:
        assert _flagged(result, word), (word, [(f.text, f.rule) for f in result.findings])
    _assert_positions(path, result)


def test_newsml_headline_from_content_meta():
    assert read_path(FORMATS / "item-xhtml.newsml.xml").title == "Le Monde editor resigns after row with owners"


def test_html_skips_chrome_and_maps_positions(detector):
    path = FORMATS / "page.html"
    doc = read_path(path)
    assert "Home" not in doc.text and "Copyright" not in doc.text and "var slip" not in doc.text
    assert doc.text.startswith("Postal workers strike")
    result = check_path(path, detector)
    assert _flagged(result, "The Post") and _flagged(result, "«")
    _assert_positions(path, result)


def test_docx(tmp_path, detector):
    path = _docx(tmp_path)
    doc = read_path(path)
    assert doc.title == "Rail strike disrupts travel across France"
    result = check_path(path, detector)
    assert result.error is None
    assert _flagged(result, "20h")
    f = next(f for f in result.findings if "20h" in f.text)
    assert f.line == 3  # paragraph number in the document


def test_cp1252_text_with_warning(detector):
    result = check_path(FORMATS / "cp1252.txt", detector)
    assert result.error is None
    assert any("cp1252" in w for w in result.warnings)
    assert "à la rentrée" in result.text
    assert _flagged(result, "1,5")


def test_utf16_text(detector):
    result = check_path(FORMATS / "utf16.txt", detector)
    assert result.error is None and result.text.startswith("The strike")
    assert _flagged(result, "18h") and _flagged(result, "15 000")


def test_utf8_bom(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbfHello world.")
    assert read_path(p).text == "Hello world."


@pytest.mark.parametrize(
    "name,data,reason",
    [
        ("bin.txt", b"\x00\x01\x02PNG\x00" * 50, "binary"),
        ("empty.txt", b"", "empty"),
        ("broken.xml", b"<?xml version='1.0'?><nitf><body><p>unclosed", "malformed"),
        ("bomb.xml", b"<?xml version='1.0'?><!DOCTYPE z [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;&a;'>]><nitf><body><p>&b;</p></body></nitf>", "unsafe"),
        ("xxe.xml", b"<?xml version='1.0'?><!DOCTYPE z [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><nitf><body><p>&e;</p></body></nitf>", "unsafe"),
        ("enc.xml", b"<?xml version='1.0' encoding='UT--8'?><nitf><body><p>x</p></body></nitf>", "decode"),
        ("other.xml", b"<?xml version='1.0'?><rss><channel><title>x</title></channel></rss>", "unsupported"),
        ("bad.docx", b"PK\x03\x04 not really a zip", "docx"),
    ],
)
def test_bad_input_gives_clear_error(tmp_path, name, data, reason):
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(ReadError) as exc:
        read_path(p)
    assert reason in str(exc.value).lower()


def test_size_limit(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("word " * 1000)
    with pytest.raises(ReadError, match="limit"):
        read_path(p, max_bytes=100)
