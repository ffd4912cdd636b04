"""The ways to break a request body, each drawn from a `random.Random`: bit flips, truncation, doubling,
invalid UTF-8, callback framing with a wrong length or bad padding, XML with DTDs, deep nesting and huge
attributes, JSON nested too deep, numbers too large, and values of the wrong type. Pure: no I/O, no
knowledge of any one edge (bench/hostile_inputs.py applies them to the bot's edges).
"""

from __future__ import annotations

import json
import struct
from random import Random
from typing import Any

from bot.channels.callback_crypto import BLOCK, CallbackCipher, pkcs7_pad

# -- bytes ------------------------------------------------------------------------------------------------

# Each is invalid UTF-8 wherever it is put: a stray continuation byte, a lead byte with no continuation,
# an encoded surrogate, an overlong "/", a 5-byte form, bytes UTF-8 never uses.
INVALID_UTF8 = (
    b"\x80",
    b"\xc3\x28",
    b"\xed\xa0\x80",
    b"\xc0\xaf",
    b"\xf8\x88\x80\x80\x80",
    b"\xff",
    b"\xfe",
    b"\xe2\x82",
)


def flip_bit(data: bytes, rng: Random, lo: int = 0, hi: int | None = None) -> bytes:
    """`data` with one bit of a byte in [lo, hi) flipped."""
    i = rng.randrange(lo, len(data) if hi is None else hi)
    return data[:i] + bytes([data[i] ^ (1 << rng.randrange(8))]) + data[i + 1 :]


def truncate(data: bytes, rng: Random) -> bytes:
    """A proper prefix (never empty past the first byte): what a dropped connection leaves."""
    return data[: rng.randrange(0, len(data))]


def double(data: bytes, rng: Random) -> bytes:
    """The body twice, as a confused proxy or client retry in one request would send it."""
    return data + rng.choice((b"", b"\n", b" ", b"\r\n")) + data


def non_utf8(data: bytes, rng: Random) -> bytes:
    """`data` with an invalid UTF-8 sequence put in at a random place."""
    i = rng.randrange(0, len(data) + 1)
    return data[:i] + rng.choice(INVALID_UTF8) + data[i:]


def padded_to(size: int, rng: Random) -> str:
    """Filler text of `size` ASCII characters."""
    return rng.choice("xyzAB0") * size


# -- callback framing (WeChat Work and DingTalk's event crypto) ------------------------------------------


def frame(
    cipher: CallbackCipher,
    msg: bytes,
    receive_id: bytes,
    rng: Random,
    *,
    length: int | None = None,
    pad: bytes | None = None,
) -> str:
    """A ciphertext of random(16) + length + msg + receive id, with the given (wrong) length or padding."""
    plain = rng.randbytes(16) + struct.pack(">I", len(msg) if length is None else length) + msg + receive_id
    if pad is None:
        return cipher.encrypt_raw(pkcs7_pad(plain))
    return cipher.encrypt_raw(plain + pad)


def wrong_length(msg: bytes, receive_id: bytes, rng: Random) -> int:
    """A length field that is not len(msg): short, long, the receive id swallowed, or absurd."""
    n = len(msg)
    choices = [0, n + 1, n + len(receive_id), 2**32 - 1, rng.randrange(n + 2, 2**32)]
    if n > 1:
        choices += [n - 1, rng.randrange(1, n)]
    return rng.choice(choices)


def bad_padding(plain_len: int, rng: Random) -> bytes:
    """Padding bytes that make a PKCS#7 (32-byte block) check fail: pad byte 0, pad bytes 33 and up, or
    a right last byte whose run is broken."""
    need = BLOCK - plain_len % BLOCK  # 1..32
    way = rng.choice(("zero", "big", "broken") if need > 1 else ("zero", "big"))
    if way == "zero":
        return bytes(need)
    if way == "big":
        return bytes([rng.randrange(BLOCK + 1, 256)]) * need
    run = bytearray([need]) * need
    run[rng.randrange(0, need - 1)] ^= rng.randrange(1, 256)
    return bytes(run)


# -- XML --------------------------------------------------------------------------------------------------


def xml_with_dtd(inner: str, rng: Random) -> str:
    """`<xml>inner</xml>` behind a DTD: entities (internal, nested "billion laughs", external file or URL,
    parameter), or a bare DOCTYPE."""
    way = rng.randrange(6)
    if way == 0:
        text = padded_to(rng.randrange(1, 200), rng)
        return f'<!DOCTYPE xml [<!ENTITY e "{text}">]><xml>{inner}<X>&e;</X></xml>'
    if way == 1:
        levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
        return f'<!DOCTYPE xml [<!ENTITY l0 "lol">{levels}]><xml>{inner}<X>&l9;</X></xml>'
    if way == 2:
        return f'<!DOCTYPE xml [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml>{inner}<X>&e;</X></xml>'
    if way == 3:
        url = "http://127.0.0.1:9/evil.dtd"
        return f'<!DOCTYPE xml [<!ENTITY % p SYSTEM "{url}"> %p;]><xml>{inner}</xml>'
    if way == 4:
        return f'<!DOCTYPE xml SYSTEM "http://127.0.0.1:9/x.dtd"><xml>{inner}</xml>'
    return f"<!DOCTYPE xml><xml>{inner}</xml>"


def deep_xml(depth: int, rng: Random) -> str:
    """`depth` nested elements (a tag name of 1 to 3 letters), holding a text."""
    tag = rng.choice(("a", "b", "Item", "x"))
    return f"<{tag}>" * depth + "t" + f"</{tag}>" * depth


def broken_huge_attribute(size: int, rng: Random) -> str:
    """An element with an attribute of about `size` characters that is not well-formed XML: a repeated
    name, a "<" in the value, an undefined entity, an unclosed quote."""
    value = padded_to(size, rng)
    way = rng.randrange(4)
    if way == 0:
        return f'<A v="{value}" v="{value[:10]}">t</A>'
    if way == 1:
        return f'<A v="{value[: size // 2]}<{value[size // 2 :]}">t</A>'
    if way == 2:
        return f'<A v="{value}&undefined;">t</A>'
    return f'<A v="{value}>t</A>'


# -- JSON -------------------------------------------------------------------------------------------------

PLACEHOLDER = "\x01hostile\x01"  # a string value replaced in the serialised JSON by raw text


def dumps(payload: Any) -> bytes:
    return json.dumps(payload, ensure_ascii=False).encode("utf-8")


def with_raw(payload: Any, raw: str) -> bytes:
    """`payload` serialised with its PLACEHOLDER string replaced by `raw` JSON text."""
    text = json.dumps(payload, ensure_ascii=False)
    return text.replace(json.dumps(PLACEHOLDER), raw, 1).encode("utf-8")


def deep_json(depth: int, rng: Random) -> str:
    """JSON nested `depth` levels (arrays, objects or both): more than any parser here takes."""
    way = rng.randrange(3)
    if way == 0:
        return "[" * depth + "]" * depth
    if way == 1:
        return '{"a":' * depth + "1" + "}" * depth
    return '[{"a":' * (depth // 2) + "0" + "}]" * (depth // 2)


def huge_number(rng: Random) -> str:
    """A JSON number no field of ours holds: more than 64 digits, or beyond a float's range."""
    way = rng.randrange(4)
    if way == 0:
        return rng.choice(("", "-")) + "9" * rng.randrange(65, 5000)
    if way == 1:
        return rng.choice(("", "-")) + f"1e{rng.randrange(309, 100000)}"
    if way == 2:
        return f"{rng.randrange(1, 9)}.{'9' * rng.randrange(1, 50)}E+{rng.randrange(400, 9999)}"
    return "1" + "0" * rng.randrange(65, 400)


# Values by JSON type, for a field that must hold another type.
TYPED: dict[str, Any] = {
    "int": 7, "float": 1.5, "bool": True, "null": None, "list": [1], "dict": {"a": 1}, "str": "x",
    "empty": "", "blank": "   ", "nonprintable": "a\tb\n", "long": "x" * 300,
}  # fmt: skip


def set_path(payload: Any, path: tuple[str, ...], value: Any) -> Any:
    """A copy of `payload` with the value at `path` (keys of nested objects) replaced."""
    if not path:
        return value
    copy = dict(payload)
    copy[path[0]] = set_path(copy.get(path[0], {}), path[1:], value)
    return copy
