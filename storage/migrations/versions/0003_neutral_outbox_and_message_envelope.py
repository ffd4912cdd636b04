"""Platform-neutral rows: outbox payloads hold the neutral reply (each channel renders at delivery),
`response_code` becomes `card_handle`, and inbound rows get the typed fields the core reads
(`envelope`: reply route, card handle, form fields), taken out of the platform's raw payload.

Existing rows are converted, so a row queued by the previous version is delivered by this one.
The conversion reads WeChat Work's formats as the previous version wrote them; it lives here, with
no import of the application, because a migration must keep working as the code moves on.
Downgrading restores the columns; payloads stay neutral, which the previous version cannot send.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 03:00:00
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FORM_KEYS = ("name", "company", "phone", "email", "city", "product", "message", "source", "source_detail")
_BOLD_TITLE = re.compile(r"^\*\*(.*)\*\*$")


def upgrade() -> None:
    with op.batch_alter_table("outbox_message") as batch:
        batch.drop_index("ix_outbox_message_response_code")
        batch.alter_column("response_code", new_column_name="card_handle", existing_type=sa.String(200))
    with op.batch_alter_table("outbox_message") as batch:
        batch.create_index("ix_outbox_message_card_handle", ["card_handle"])
    with op.batch_alter_table("inbound_message") as batch:
        batch.add_column(sa.Column("envelope", sa.JSON(), nullable=False, server_default="{}"))
    _convert_outbox()
    _convert_inbound()


def downgrade() -> None:
    with op.batch_alter_table("inbound_message") as batch:
        batch.drop_column("envelope")
    with op.batch_alter_table("outbox_message") as batch:
        batch.drop_index("ix_outbox_message_card_handle")
        batch.alter_column("card_handle", new_column_name="response_code", existing_type=sa.String(200))
    with op.batch_alter_table("outbox_message") as batch:
        batch.create_index("ix_outbox_message_response_code", ["response_code"])


def _rows(table: str, columns: str) -> list[Any]:
    return list(op.get_bind().execute(sa.text(f"SELECT id, {columns} FROM {table}")).all())


def _convert_outbox() -> None:
    outbox = sa.table(
        "outbox_message",
        sa.column("id", sa.Integer),
        sa.column("kind", sa.String),
        sa.column("payload", sa.JSON),
    )
    for row_id, platform, kind, payload, created_at in _rows(
        "outbox_message", "platform, kind, payload, created_at"
    ):
        converted = neutral_outbox(platform, kind, _json(payload), str(created_at))
        if converted is not None:
            new_kind, new_payload = converted
            op.get_bind().execute(
                outbox.update().where(outbox.c.id == row_id).values(kind=new_kind, payload=new_payload)
            )


def neutral_outbox(platform: str, kind: str, p: dict[str, Any], created_at: str) -> tuple[str, dict] | None:
    """(kind, payload) of a row in the neutral form, or None where it is neutral already (console)."""
    if platform != "wecom":
        return None
    if kind == "card_update":
        update = {"handle": str(p.get("response_code", "")), "label": str(p.get("replace_name", "已处理"))}
        return "card_update", {
            "title": "",
            "lines": [],
            "buttons": [],
            "update": {**update, "issued_at": _iso(created_at)},
        }
    if kind == "kf":
        lines = str(p.get("content", "")).split("\n")
        return "reply", {
            "title": "",
            "lines": lines,
            "buttons": [],
            "route": {"open_kfid": str(p.get("open_kfid", ""))},
        }
    if kind == "image":
        return "push", {
            "title": "",
            "lines": [],
            "buttons": [],
            "image_png_base64": str(p.get("image_base64", "")),
        }
    if kind == "webhook":
        if p.get("msgtype") == "image":
            image = str((p.get("image") or {}).get("base64", ""))
            return "group", {"title": "", "lines": [], "buttons": [], "image_png_base64": image}
        return "group", _from_markdown(str((p.get("markdown") or {}).get("content", "")))
    if p.get("msgtype") == "template_card":
        return kind, _from_card(p.get("template_card") or {})
    if p.get("msgtype") == "markdown":
        return kind, _from_markdown(str((p.get("markdown") or {}).get("content", "")))
    return None


def _from_markdown(content: str) -> dict[str, Any]:
    first, _, rest = content.partition("\n")
    title = _BOLD_TITLE.match(first)
    if title:
        return {"title": title[1], "lines": rest.split("\n") if rest else [], "buttons": []}
    return {"title": "", "lines": content.split("\n"), "buttons": []}


def _from_card(card: dict[str, Any]) -> dict[str, Any]:
    lines = [
        f"{h.get('keyname', '')}：{h.get('value', '')}" for h in card.get("horizontal_content_list") or []
    ]
    if card.get("sub_title_text"):
        lines += str(card["sub_title_text"]).split("\n")
    buttons = [
        {"key": str(b.get("key", "")), "label": str(b.get("text", ""))} for b in card.get("button_list") or []
    ]
    return {"title": str((card.get("main_title") or {}).get("title", "")), "lines": lines, "buttons": buttons}


def _convert_inbound() -> None:
    inbound = sa.table("inbound_message", sa.column("id", sa.Integer), sa.column("envelope", sa.JSON))
    for row_id, platform, kind, raw in _rows("inbound_message", "platform, kind, raw"):
        envelope = envelope_of(platform, kind, _json(raw))
        if envelope:
            op.get_bind().execute(inbound.update().where(inbound.c.id == row_id).values(envelope=envelope))


def envelope_of(platform: str, kind: str, raw: dict[str, Any]) -> dict[str, Any]:
    """The typed fields the previous version read out of `raw` itself."""
    envelope: dict[str, Any] = {}
    if platform == "wecom" and kind == "button" and raw.get("ResponseCode"):
        envelope["card_handle"] = str(raw["ResponseCode"])
    if platform == "wecom" and raw.get("open_kfid"):
        envelope["reply_route"] = {"open_kfid": str(raw["open_kfid"])}
    if kind == "inquiry":
        form = {k: str(raw[k]) for k in FORM_KEYS if isinstance(raw.get(k), str | int) and str(raw[k])}
        if form:
            envelope["form"] = form
    if raw.get("form") is True:
        envelope["answered_elsewhere"] = True
    return envelope


def _json(value: Any) -> dict[str, Any]:
    if isinstance(value, str):  # SQLite hands JSON back as text through a plain SELECT
        value = json.loads(value)
    return value if isinstance(value, dict) else {}


def _iso(created_at: str) -> str:
    """An ISO time with its zone from the column's text (stored in UTC)."""
    text = created_at.replace(" ", "T")
    return text if "+" in text[10:] or text.endswith("Z") else f"{text}+00:00"
