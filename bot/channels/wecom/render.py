"""Render a `Reply` as a message/send payload: markdown for plain replies, a button card when it has buttons.

Sizes follow the platform: markdown at most 4,096 bytes; card fields are clipped to the documented
character guidance; at most 6 buttons with keys of at most 1,024 bytes (more is a handler bug).
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from dataclasses import dataclass
from typing import Any

from bot.channels.text import byte_len, clip_chars, fit
from bot.channels.wecom.limits import MARKDOWN_LIMIT
from bot.types import Outgoing, Reply

MAX_BUTTONS = 6
MAX_KEY_BYTES = 1024
MAX_HORIZONTAL = 6
_KEY_VALUE = re.compile(r"^\s*([^:：]{1,5})[:：]\s*(.+)$")


@dataclass(frozen=True, slots=True)
class Rendered:
    payload: dict[str, Any]  # for WeComClient.send_message
    task_id: str | None  # the card's task_id, echoed back as TaskId in the click event


def new_task_id() -> str:
    """Unique per send, random, meaning nothing; only [0-9a-zA-Z_-@] and under 128 bytes as required."""
    return f"sb_{secrets.token_hex(12)}"


# A Reply's title and lines are plain text, full of what customers and reps typed (names, companies, their
# words): the only markup is what this module adds. So every character that starts WeChat Work markdown
# (links, <font> colours, bold, code, quotes, headings) is turned into its full-width twin, which reads the
# same in Chinese text and cannot be markup. Escaping with backslashes is not documented for WeChat Work.
_MARKDOWN_CHARS = str.maketrans({"[": "［", "]": "］", "<": "＜", ">": "＞", "*": "＊", "`": "｀", "#": "＃"})


def escape_markdown(text: str) -> str:
    """`text` shown as itself in a WeChat Work markdown message: no link, colour, bold or heading."""
    return text.translate(_MARKDOWN_CHARS)


def render_markdown(reply: Reply | Outgoing) -> str:
    lines = [escape_markdown(line) for line in reply.lines]
    text = "\n".join([f"**{escape_markdown(reply.title)}**", *lines]) if reply.title else "\n".join(lines)
    return fit(text, MARKDOWN_LIMIT)


def render(reply: Reply | Outgoing, touser: str, *, task_id: str | None = None) -> Rendered:
    """The payload for `touser`; a card (with a fresh task_id unless given) when the reply has buttons."""
    if not reply.buttons:
        payload = {"touser": touser, "msgtype": "markdown", "markdown": {"content": render_markdown(reply)}}
        return Rendered(payload, None)
    if len(reply.buttons) > MAX_BUTTONS:
        raise ValueError(f"a card holds at most {MAX_BUTTONS} buttons, got {len(reply.buttons)}")
    for b in reply.buttons:
        if not b.key or byte_len(b.key) > MAX_KEY_BYTES:
            raise ValueError(f"button key must be 1..{MAX_KEY_BYTES} bytes: {b.key[:40]!r}")
    task_id = task_id or new_task_id()
    horizontal: list[dict[str, Any]] = []
    rest: list[str] = []
    for line in reply.lines:
        m = _KEY_VALUE.match(line)
        if m and len(horizontal) < MAX_HORIZONTAL:
            horizontal.append({"keyname": m[1].strip(), "value": clip_chars(m[2].strip(), 30)})
        else:
            rest.append(line)
    card: dict[str, Any] = {
        "card_type": "button_interaction",
        "main_title": {"title": clip_chars(reply.title, 36)},
        "task_id": task_id,
        "button_list": [{"text": clip_chars(b.label, 10), "style": 1, "key": b.key} for b in reply.buttons],
    }
    if rest:
        card["sub_title_text"] = clip_chars("\n".join(rest), 160)
    if horizontal:
        card["horizontal_content_list"] = horizontal
    return Rendered({"touser": touser, "msgtype": "template_card", "template_card": card}, task_id)


IMAGE_FILENAME = "chart.png"


def render_webhook(reply: Reply | Outgoing) -> dict[str, Any]:
    """A group robot message (webhook/send): the picture itself, base64 with its MD5 as the robot
    wants it (at most 2 MB), or markdown."""
    if reply.image is not None:
        image = {
            "base64": base64.b64encode(reply.image).decode("ascii"),
            "md5": hashlib.md5(reply.image, usedforsecurity=False).hexdigest(),
        }
        return {"msgtype": "image", "image": image}
    return {"msgtype": "markdown", "markdown": {"content": render_markdown(reply)}}
