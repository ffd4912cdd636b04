"""Render an `Outgoing` for DingTalk: markdown (`sampleMarkdown`) for replies and pushes, the team's
interactive card template where a reply has buttons and a template is configured, and otherwise the
buttons as text commands under the markdown ("回复 1 已联系"), which `commands` lets the channel read back.

DingTalk markdown is a subset of Markdown: a line break needs two trailing spaces, and `#`, `*`, `[`,
`` ` `` and `>` start markup. A reply's text is what customers and reps typed, so those become their
full-width twins, which read the same in Chinese and cannot be markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.channels.text import clip_chars, fit
from bot.types import Outgoing

MARKDOWN_LIMIT = 5000  # bytes: robot markdown is cut well below the platform's message size
MAX_BUTTONS = 6  # the card template's button slots (and the most a handler puts on a card)
TITLE_CHARS = 30  # the notification line and the card title show this much
PHOTO_NOTE = "（图表无法通过群机器人发送，请在管理看板查看）"  # a custom robot takes no uploaded picture

_MARKDOWN_CHARS = str.maketrans({"[": "［", "]": "］", "<": "＜", ">": "＞", "*": "＊", "`": "｀", "#": "＃"})
# A body that numbers its own lines ("1. 无锡华康…") is answered by those numbers: its buttons then go
# by their labels only.
_NUMBERED = re.compile(r"^\s*(\d{1,2})[.、．)]\s*")


@dataclass(frozen=True, slots=True)
class Rendered:
    """One robot message: `msg_key` and `msg_param` for batchSend and group send."""

    msg_key: str
    msg_param: dict[str, str]

    def session_body(self) -> dict[str, Any]:
        """The same message for a session webhook, which takes the older msgtype format."""
        if self.msg_key == "sampleText":
            return {"msgtype": "text", "text": {"content": self.msg_param["content"]}}
        return {"msgtype": "markdown", "markdown": dict(self.msg_param)}


def escape(text: str) -> str:
    return text.translate(_MARKDOWN_CHARS)


def commands(item: Outgoing) -> list[tuple[str, str]]:
    """What a reader types for each button when there is no card, paired with its key: the button's
    label, and its number unless the body already answers by number."""
    numbered = any(_NUMBERED.match(line) for line in item.lines)
    typed: list[tuple[str, str]] = []
    for i, button in enumerate(item.buttons[:MAX_BUTTONS], 1):
        if not numbered:
            typed.append((str(i), button.key))
        typed.append((button.label, button.key))
    return typed


def markdown(item: Outgoing, *, with_commands: bool = True) -> Rendered:
    """The item as a markdown message; its buttons as text commands unless `with_commands` is False (a
    card carries them)."""
    lines = [escape(line) for line in item.lines]
    if item.image is not None:
        lines.append(PHOTO_NOTE)
    if with_commands and item.buttons:
        numbered = any(_NUMBERED.match(line) for line in item.lines)
        options = [
            f"「{escape(b.label)}」" if numbered else f"{i} {escape(b.label)}"
            for i, b in enumerate(item.buttons[:MAX_BUTTONS], 1)
        ]
        lines.append("回复 " + " · ".join(options))
    body = "  \n".join(lines)
    text = f"#### {escape(item.title)}\n\n{body}" if item.title else body
    title = clip_chars(item.title or (item.lines[0] if item.lines else "salesbot"), TITLE_CHARS)
    return Rendered("sampleMarkdown", {"title": title, "text": fit(text, MARKDOWN_LIMIT)})


def card_params(item: Outgoing) -> dict[str, str]:
    """The variables of the card template README describes: `title`, `content` (markdown), and per
    button slot i (1..6) `button_i` (its label, empty hides it) and `key_i` (sent back when clicked)."""
    if len(item.buttons) > MAX_BUTTONS:
        raise ValueError(f"a card holds at most {MAX_BUTTONS} buttons, got {len(item.buttons)}")
    params = {
        "title": clip_chars(item.title, TITLE_CHARS),
        "content": fit("  \n".join(escape(line) for line in item.lines), MARKDOWN_LIMIT),
    }
    for i in range(1, MAX_BUTTONS + 1):
        button = item.buttons[i - 1] if i <= len(item.buttons) else None
        params[f"button_{i}"] = clip_chars(button.label, 10) if button else ""
        params[f"key_{i}"] = button.key if button else ""
    return params


def handled_params(label: str) -> dict[str, str]:
    """A sent card's buttons replaced by one line (已处理), once a button was used or its breach closed."""
    params = {f"button_{i}": "" for i in range(1, MAX_BUTTONS + 1)}
    params["status"] = label
    return params
