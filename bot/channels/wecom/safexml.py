"""Parsing a callback's XML safely and fast: the C ElementTree parser, refusing any document type
declaration (so no entity can be declared, let alone expanded, and nothing external is fetched).

This is what defusedxml's `fromstring(..., forbid_dtd=True)` guarantees, on the same expat parser; but
defusedxml builds the tree with ElementTree's pure-Python parser, which cost 15-35 us per parse: two
parses a callback (the envelope and the message) were most of the edge's time.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

# What a refused document raises: syntax errors (ET.ParseError), a document type declaration
# (DoctypeForbidden, a ValueError) and an encoding that cannot be decoded (UnicodeError).
XML_ERRORS = (ET.ParseError, ValueError, UnicodeError)


class DoctypeForbidden(ValueError):
    """The document has a <!DOCTYPE ...>: where entities are declared, so none is accepted."""


class _NoDoctype(ET.TreeBuilder):
    # The C parser calls this when a <!DOCTYPE starts, before any declaration in it is read; raising
    # stops the parse there.
    def doctype(self, name: str, pubid: str | None, system: str | None) -> None:
        raise DoctypeForbidden("document type declarations are not accepted")


def fromstring(data: bytes) -> ET.Element:
    """The root element of `data`; raises one of XML_ERRORS for anything malformed or with a DTD."""
    parser = ET.XMLParser(target=_NoDoctype())
    parser.feed(data)
    return parser.close()
