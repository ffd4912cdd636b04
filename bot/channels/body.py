"""What every HTTP edge does with a request body before trusting it: read it to its end under a cap,
parse JSON so that hostile input ends in `BadBody` and never in a 500, and refuse text no database
can store (NUL, lone surrogates). Shared by the channels and the web-form intake.
"""

from __future__ import annotations

import json
import math
import re
from typing import NoReturn

from aiohttp import web

_UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")  # NUL and every surrogate code point
MAX_INT_DIGITS = 64  # no field of ours holds a longer number; Python refuses 4,301+ digits with ValueError
# No payload of any platform nests more than a handful of levels. The parser itself gives up only near the
# interpreter's recursion limit (about 1,000 levels, depending on the stack it is called from), and a body
# that it took would be written out and read back (the raw payload) from deeper stacks: refuse far earlier.
MAX_DEPTH = 64


class BadBody(Exception):
    """The body cannot be used; the message says why, in words fit for the client (400)."""


async def read_capped(request: web.Request, cap: int) -> bytes | None:
    """The whole body, or None when it is longer than `cap` (reading no further than one byte past it).

    One `content.read(n)` returns only what has arrived so far, so a body that comes in several TCP
    segments (TLS records, a streaming proxy) is read in a loop until its end."""
    if request.content_length is not None and request.content_length > cap:
        return None
    chunks: list[bytes] = []
    size = 0
    while size <= cap:
        chunk = await request.content.read(cap + 1 - size)
        if not chunk:  # end of the body
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    return None


def loads_json(body: bytes) -> object:
    """The parsed body; raises BadBody for anything but strict, storable JSON of sane depth."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadBody("body is not JSON: not UTF-8") from None
    try:
        data = json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_no_constant)
    except RecursionError:  # the C parser recurses once per nesting level
        raise BadBody("body is not JSON we accept: nested too deeply") from None
    except ValueError as e:  # JSONDecodeError, or a number refused by _int
        raise BadBody(f"body is not JSON: {e}") from None
    check_strings(data)
    return data


def check_text(value: str, where: str) -> None:
    """Refuse a NUL (PostgreSQL cannot store it) or a lone surrogate (it cannot be encoded as UTF-8)."""
    if "\x00" in value:
        raise BadBody(f"{where} contains a NUL character (\\u0000)")
    if _UNSTORABLE.search(value):
        raise BadBody(f"{where} contains a lone surrogate (\\ud800-\\udfff); send valid Unicode")


def storable_text(value: str) -> str:
    """`value` without NULs and with lone surrogates replaced by U+FFFD: for text from a platform's API,
    which cannot be refused (the platform would not resend it) but must still be storable."""
    return _UNSTORABLE.sub(lambda m: "" if m[0] == "\x00" else "\ufffd", value)


def check_strings(data: object) -> None:
    """check_text on every key and string value, and no more than MAX_DEPTH levels of nesting (walked
    iteratively: the depth is the client's); the error names the top-level field the bad text is in."""
    stack: list[tuple[str, object, int]] = [("the body", data, 0)]
    while stack:
        where, item, depth = stack.pop()
        if isinstance(item, str):
            check_text(item, where)
        elif isinstance(item, dict | list) and depth >= MAX_DEPTH:
            raise BadBody(f"body is not JSON we accept: nested too deeply (more than {MAX_DEPTH} levels)")
        elif isinstance(item, dict):
            for key, value in item.items():
                check_text(key, "a field name")
                stack.append((f"field {key!r}" if where == "the body" else where, value, depth + 1))
        elif isinstance(item, list):
            stack.extend((where, value, depth + 1) for value in item)


def _int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError(f"a number has more than {MAX_INT_DIGITS} digits")
    return int(digits)


def _float(text: str) -> float:
    # 1e999 parses as inf: not JSON's number, and PostgreSQL's jsonb refuses it when the payload is stored.
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"a number is beyond a float's range: {text[:20]}")
    return value


def _no_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not JSON")
