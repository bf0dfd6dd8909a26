"""IPTC NITF and NewsML-G2 (with an NITF or XHTML payload), parsed with defusedxml.

A SAX pass through defusedxml's expat reader refuses DTDs, entity declarations and
external references (billion laughs, XXE) and gives the line/column of every text run,
so findings point back into the agency file. Headlines and body paragraphs are kept;
bylines, datelines and metadata are skipped.
"""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax import SAXException
from xml.sax.handler import ContentHandler, property_lexical_handler

from mtcheck.readers.base import Document, ReadError
from mtcheck.readers.html import IGNORE_MARK, document_from_blocks

ROOTS = {"nitf", "newsItem", "newsMessage", "packageItem", "html"}
_BLOCKS = {"p", "hl1", "hl2", "headline", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote"}
_HEADLINES = {"hl1", "headline", "h1"}
_SKIP = {"byline", "dateline", "docdata", "head", "tagline", "distributor", "rightsInfo", "itemMeta",
         "catalogRef", "media-caption", "media-producer", "script", "style", "signal", "subject"}


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


class _Handler(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[tuple[str, list[tuple[str, int, int]]]] = []
        self.root = ""
        self._locator = None
        self._skip = 0
        self._block: list[tuple[str, int, int]] | None = None
        self._block_tag = ""
        self._depth = 0
        self._block_depth = 0
        self._ignore_next = False
        self._ignoring = False

    def setDocumentLocator(self, locator):  # noqa: N802 (SAX API)
        self._locator = locator

    def startElement(self, name, attrs):  # noqa: N802
        tag = _local(name)
        self._depth += 1
        if not self.root:
            self.root = tag
            if tag not in ROOTS:
                raise SAXException(f"unsupported XML root <{tag}>; expected NITF or NewsML-G2")
        # <head> is NITF/XHTML metadata, but NewsML's <contentMeta> holds the headline
        if tag in _SKIP:
            self._skip += 1
        elif tag in _BLOCKS and self._skip == 0 and self._block is None:
            self._block, self._block_tag, self._block_depth = [], tag, self._depth
            self._ignoring, self._ignore_next = self._ignore_next, False

    def endElement(self, name):  # noqa: N802
        tag = _local(name)
        if tag in _SKIP and self._skip:
            self._skip -= 1
        elif self._block is not None and tag == self._block_tag and self._depth == self._block_depth:
            if not self._ignoring and "".join(t for t, _, _ in self._block).strip():
                self.blocks.append((self._block_tag, self._block))
            self._block = None
        self._depth -= 1

    def characters(self, content):
        if self._block is not None and self._skip == 0:
            line = self._locator.getLineNumber() if self._locator else 1
            col = (self._locator.getColumnNumber() or 0) + 1 if self._locator else 1
            self._block.append((content, line, col))

    # lexical handler: comments
    def comment(self, content):
        if IGNORE_MARK in content:
            self._ignore_next = True

    def startDTD(self, *args):  # noqa: N802
        pass

    def endDTD(self):  # noqa: N802
        pass

    def startCDATA(self):  # noqa: N802
        pass

    def endCDATA(self):  # noqa: N802
        pass


def read_xml_document(data: bytes, path: Path) -> Document:
    import defusedxml.sax  # imported when an XML file is read, not at start-up
    from defusedxml import DefusedXmlException

    handler = _Handler()
    parser = defusedxml.sax.make_parser()
    parser.forbid_dtd = True
    parser.forbid_entities = True
    parser.forbid_external = True
    parser.setContentHandler(handler)
    parser.setProperty(property_lexical_handler, handler)
    try:
        parser.parse(io.BytesIO(data))
    except DefusedXmlException as exc:
        raise ReadError(f"refused unsafe XML ({type(exc).__name__}: DTDs, entities and external references are not allowed)") from None
    except SAXException as exc:
        raise ReadError(f"malformed XML: {exc}") from None
    except (ValueError, UnicodeError, LookupError) as exc:  # LookupError: an unknown declared encoding
        raise ReadError(f"cannot decode XML: {exc}") from None
    if not handler.blocks:
        raise ReadError(f"no headline or body paragraphs found in <{handler.root or '?'}>")
    title = next(("".join(t for t, _, _ in runs).strip() for tag, runs in handler.blocks if tag in _HEADLINES), "")
    return document_from_blocks([runs for _, runs in handler.blocks], title[:200], [])


def looks_like_xml(data: bytes) -> bool:
    head = data[:512].lstrip(b"\xef\xbb\xbf").lstrip()
    return head.startswith(b"<?xml") or head.startswith(b"<nitf") or head.startswith(b"<newsItem")
