"""Plain data types that cross folder boundaries: what channels produce and handlers return.

Nothing here knows about HTTP, SQL or a platform; every layer can import it.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

# web: inquiries from the company's web forms; ads: leads from ad platforms' forms ([[lead_sources]])
Platform = Literal["wecom", "dingtalk", "console", "web", "ads"]
PLATFORMS: tuple[Platform, ...] = ("wecom", "dingtalk", "console", "web", "ads")

Role = Literal["rep", "manager", "admin"]
ROLES: tuple[Role, ...] = ("rep", "manager", "admin")

# The deal stages in order; the last two close a lead.
STAGES: tuple[str, ...] = ("线索", "初筛", "需求确认", "方案演示", "报价", "谈判", "签约", "交付", "输单")
CLOSED_STAGES: tuple[str, ...] = ("交付", "输单")

MessageKind = Literal["text", "inquiry", "button", "event"]

# What an inquiry's form says, in these keys only: the customer typed each into a labelled box.
FORM_FIELDS: tuple[str, ...] = (
    "name", "company", "phone", "email", "city", "product", "message", "source", "source_detail",
    # ad platforms' forms: the contact's title, a second phone, tags from the options chosen, the
    # platform's lead ("baidu:123"), and "1" on a later push that only adds detail to that lead
    "title", "phone2", "tags", "lead_ref", "supplement",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Message:
    """One inbound message or event, as every channel normalises it.

    The core reads the typed fields only; `raw` is the platform's own payload, kept for the channel
    that made the message and for audits."""

    platform: Platform
    platform_msg_id: str  # the idempotency key as the platform gives it
    sender_id: str  # the platform's user id of the sender
    kind: MessageKind
    text: str
    sent_at: datetime  # aware
    chat_id: str | None = None
    # Where a reply to the sender goes when not to their user id (a 微信客服 account, a session
    # webhook): opaque to the core, handed back to the channel with the reply.
    reply_route: Mapping[str, str] = field(default_factory=dict)
    card_handle: str | None = None  # a button click: the clicked card's handle, to update it once
    form: Mapping[str, str] = field(default_factory=dict)  # an inquiry's fields (FORM_FIELDS)
    # The sender has no chat with us: they read the answer some other way (a web form's HTTP response).
    answered_elsewhere: bool = False
    raw: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Button:
    """A card button; `key` comes back in the click event."""

    key: str
    label: str


# The largest file a reply may carry: WeChat Work's limit for a file message, the strictest of the
# platforms. A bigger one is refused by whoever makes it, with a reply saying so, never queued.
FILE_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file sent as itself (an exported spreadsheet): the name the recipient sees, and its bytes."""

    name: str
    data: bytes

    def __post_init__(self) -> None:
        # The name goes into a multipart header and a browser's download: one plain printable name.
        if not self.name or not self.name.isprintable() or any(c in self.name for c in '/\\"'):
            raise ValueError(f"not a plain file name: {self.name!r}")
        if len(self.data) > FILE_MAX_BYTES:
            raise ValueError(f"a file of {len(self.data)} bytes is over the {FILE_MAX_BYTES} bytes limit")


@dataclass(frozen=True, slots=True)
class Reply:
    """What a handler returns; each channel renders it in its own format."""

    to: int | None  # person id; None: whoever sent the message being answered (a customer, a stranger)
    title: str
    lines: tuple[str, ...] = ()
    buttons: tuple[Button, ...] = ()
    image: bytes | None = None  # a PNG sent as a picture (WeChat Work shows the picture alone)
    file: Attachment | None = None  # a file sent as a file message (WeChat Work shows the file alone)
    dedupe_key: str | None = None  # a reply with a key is queued at most once, however often it is made


OutgoingKind = Literal["reply", "push", "card_update", "group"]


@dataclass(frozen=True, slots=True)
class CardUpdate:
    """Replace a sent card's buttons with `label`, once (a card handle works a single time)."""

    handle: str
    label: str
    issued_at: datetime  # when the platform gave the handle; it may refuse old ones (the channel knows)


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One thing to deliver, as the outbox keeps it: a neutral reply that the recipient's channel
    renders at delivery. kind "reply" answers who wrote, "push" is unasked (notices, alerts,
    digests), "card_update" changes a card sent before, "group" posts to a team's group."""

    platform: Platform
    target: str  # the platform's user id, group address or console person key
    kind: OutgoingKind
    title: str = ""
    lines: tuple[str, ...] = ()
    buttons: tuple[Button, ...] = ()
    image: bytes | None = None
    file: Attachment | None = None
    route: Mapping[str, str] = field(default_factory=dict)  # the Message.reply_route it answers
    update: CardUpdate | None = None  # kind "card_update" only
    person_id: int | None = None
    # Set by the sender for one attempt, never stored in the payload. `delivery_key`: the same on every
    # attempt at one outbox row, unique across rows, in [0-9A-Za-z_] ("" outside the outbox): what a
    # platform's idempotent send keys on. `uncertain_since`: when an earlier attempt whose outcome is
    # unknown started (the sender died, hung or timed out mid-call; the platform may have shown it), None
    # when every earlier attempt is known to have failed: the channel then asks the platform to drop a
    # duplicate of what it showed since then, where the platform offers that.
    delivery_key: str = ""
    uncertain_since: datetime | None = None

    @property
    def attempt_uncertain(self) -> bool:
        """An earlier attempt may have been shown: this one must not show it a second time."""
        return self.uncertain_since is not None

    @classmethod
    def of(
        cls,
        platform: Platform,
        target: str,
        kind: OutgoingKind,
        reply: Reply,
        person_id: int | None = None,
        route: Mapping[str, str] | None = None,
    ) -> Outgoing:
        return cls(
            platform, target, kind, reply.title, reply.lines, reply.buttons, reply.image, reply.file,
            dict(route or {}), None, person_id,
        )  # fmt: skip

    def as_json(self) -> dict[str, Any]:
        """What the outbox row keeps: the neutral reply and its route, never a platform's format (each
        channel renders at delivery, so a row written before an upgrade is rendered by the new code)."""
        data: dict[str, Any] = {
            "title": self.title,
            "lines": list(self.lines),
            "buttons": [{"key": b.key, "label": b.label} for b in self.buttons],
        }
        if self.image is not None:
            data["image_png_base64"] = base64.b64encode(self.image).decode("ascii")
        if self.file is not None:
            data["file_name"] = self.file.name
            data["file_base64"] = base64.b64encode(self.file.data).decode("ascii")
        if self.route:
            data["route"] = dict(self.route)
        if self.update is not None:
            u = self.update
            data["update"] = {"handle": u.handle, "label": u.label, "issued_at": u.issued_at.isoformat()}
        return data

    @classmethod
    def from_json(
        cls,
        platform: Platform,
        target: str,
        kind: OutgoingKind,
        data: Mapping[str, Any],
        person_id: int | None = None,
    ) -> Outgoing:
        image, update = data.get("image_png_base64"), data.get("update")
        file, file_name = data.get("file_base64"), data.get("file_name")
        return cls(
            platform=platform,
            target=target,
            kind=kind,
            title=str(data.get("title") or ""),
            lines=tuple(str(line) for line in data.get("lines") or ()),
            buttons=tuple(Button(str(b["key"]), str(b["label"])) for b in data.get("buttons") or ()),
            image=base64.b64decode(image, validate=True) if isinstance(image, str) else None,
            file=Attachment(str(file_name or ""), base64.b64decode(file, validate=True))
            if isinstance(file, str)
            else None,
            route={str(k): str(v) for k, v in (data.get("route") or {}).items()},
            update=None
            if not isinstance(update, Mapping)
            else CardUpdate(
                str(update["handle"]), str(update["label"]), datetime.fromisoformat(update["issued_at"])
            ),
            person_id=person_id,
        )

    def plain_text(self) -> str:
        """Title and lines as plain text, for platforms (and routes) without cards or markdown."""
        return "\n".join([self.title, *self.lines]) if self.title else "\n".join(self.lines)


class PermissionDenied(Exception):
    """The asker has no right to what they asked; turned into a polite refusal reply."""
