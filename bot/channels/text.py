"""Cutting text to a platform's size limit, counted in UTF-8 bytes, at a character boundary: for every
channel.

Platforms truncate an over-long text mid-character (or refuse it); we cut ourselves, never inside a
code point or right after a zero-width joiner, and point the reader to the rest.
"""

from __future__ import annotations

import unicodedata

MORE_HINT = "…（内容较长，回复“更多”查看其余）"

_ZWJ = "\u200d"


def byte_len(text: str) -> int:
    return len(text.encode("utf-8"))


def _joins_previous(ch: str) -> bool:
    """Characters that belong to the character before them: combining marks, variation selectors, ZWJ,
    emoji skin-tone modifiers and tag characters (flag sequences)."""
    code = ord(ch)
    return (
        ch == _ZWJ
        or unicodedata.combining(ch) != 0
        or 0xFE00 <= code <= 0xFE0F
        or 0x1F3FB <= code <= 0x1F3FF
        or 0xE0020 <= code <= 0xE007F
    )


def cut(text: str, limit_bytes: int) -> tuple[str, str]:
    """(head, rest): the longest head of at most `limit_bytes` UTF-8 bytes that does not split a character
    or an obvious grapheme (combining marks, ZWJ emoji sequences)."""
    if limit_bytes < 0:
        raise ValueError("limit_bytes must not be negative")
    if byte_len(text) <= limit_bytes:
        return text, ""
    used = 0
    end = 0
    for i, ch in enumerate(text):
        size = len(ch.encode("utf-8"))
        if used + size > limit_bytes:
            break
        used += size
        end = i + 1
    # Back off so the cut is not in the middle of a grapheme.
    while 0 < end < len(text) and (_joins_previous(text[end]) or text[end - 1] == _ZWJ):
        end -= 1
    return text[:end], text[end:]


def fit(content: str, limit_bytes: int, more_hint: str = MORE_HINT) -> str:
    """`content` if it fits in `limit_bytes`, else its head plus `more_hint`, together within the limit."""
    if byte_len(content) <= limit_bytes:
        return content
    room = limit_bytes - byte_len(more_hint)
    if room < 0:
        return cut(more_hint, limit_bytes)[0]
    head, _ = cut(content, room)
    return head.rstrip() + more_hint


def clip_chars(text: str, max_chars: int) -> str:
    """Shorten to `max_chars` characters with a trailing ellipsis (card fields have character guidance)."""
    return text if len(text) <= max_chars else text[: max(max_chars - 1, 0)] + "…"
