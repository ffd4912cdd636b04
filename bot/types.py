"""Plain data types that cross folder boundaries: what channels produce and handlers return.

Nothing here knows about HTTP, SQL or a platform; every layer can import it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

Platform = Literal["wecom", "dingtalk", "console", "web"]  # web: inquiries from the company's web forms
PLATFORMS: tuple[Platform, ...] = ("wecom", "dingtalk", "console", "web")

Role = Literal["rep", "manager", "admin"]
ROLES: tuple[Role, ...] = ("rep", "manager", "admin")

# The deal stages in order; the last two close a lead.
STAGES: tuple[str, ...] = ("线索", "初筛", "需求确认", "方案演示", "报价", "谈判", "签约", "交付", "输单")
CLOSED_STAGES: tuple[str, ...] = ("交付", "输单")

MessageKind = Literal["text", "inquiry", "button", "event"]


@dataclass(frozen=True, slots=True)
class Message:
    """One inbound message or event, as every channel normalises it."""

    platform: Platform
    platform_msg_id: str  # the idempotency key as the platform gives it
    sender_id: str  # the platform's user id of the sender
    kind: MessageKind
    text: str
    sent_at: datetime  # aware
    chat_id: str | None = None
    raw: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Button:
    """A card button; `key` comes back in the click event."""

    key: str
    label: str


@dataclass(frozen=True, slots=True)
class Reply:
    """What a handler returns; each channel renders it in its own format."""

    to: int | None  # person id; None: whoever sent the message being answered (a customer, a stranger)
    title: str
    lines: tuple[str, ...] = ()
    buttons: tuple[Button, ...] = ()
    image: bytes | None = None  # a PNG sent as a picture (WeChat Work shows the picture alone)
    dedupe_key: str | None = None  # a reply with a key is queued at most once, however often it is made


class PermissionDenied(Exception):
    """The asker has no right to what they asked; turned into a polite refusal reply."""
