"""The tables: the sales organisation, leads and their history, and the durable message queues.

Every `*_at` column is an aware UTC datetime. Relationships raise on lazy load, so a query
says up front what it needs instead of issuing hidden I/O in async code.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bot.types import CLOSED_STAGES as CLOSED_STAGES  # re-exported: storage code reads them here
from bot.types import STAGES as STAGES
from storage.db import Base, UTCDateTime

# An open lead, as literal SQL: a partial index is used only when the query repeats its predicate
# with the same constants (bound parameters would not match it).
OPEN_LEAD_SQL = "stage NOT IN ({})".format(", ".join(f"'{stage}'" for stage in CLOSED_STAGES))
UNANSWERED_SQL = f"first_response_at IS NULL AND {OPEN_LEAD_SQL}"


class Team(Base):
    __tablename__ = "team"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    manager_key: Mapped[str | None] = mapped_column(String(64))
    group_webhook: Mapped[str | None] = mapped_column(String(500))


class Person(Base):
    """A rep, manager or admin of the sales organisation, as configured in [org]."""

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)  # the [org] id, stable across renames
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"))
    wecom_userid: Mapped[str | None] = mapped_column(String(64), unique=True)
    dingtalk_userid: Mapped[str | None] = mapped_column(String(64), unique=True)
    # The chat platform they last wrote from: where an unasked push reaches them when they are on two.
    last_platform: Mapped[str | None] = mapped_column(String(16))
    cities: Mapped[list[str]] = mapped_column(JSON, default=list)
    product_lines: Mapped[list[str]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    team: Mapped[Team | None] = relationship(lazy="raise")


class Lead(Base):
    """A customer organisation being sold to, with where the deal stands and its SLA clocks."""

    __tablename__ = "lead"
    __table_args__ = (
        Index("ix_lead_owner_id_stage", "owner_id", "stage"),
        Index("ix_lead_next_followup_at", "next_followup_at"),
        Index("ix_lead_assigned_at", "assigned_at"),
        # The SLA scan reads by these, so that it reads what can be due, not every lead: the never
        # answered (few, unlike the leads assigned long ago), a stage held since before its limit,
        # and the leads past the moment they go cold.
        Index(
            "ix_lead_unanswered",
            "assigned_at",
            postgresql_where=text(UNANSWERED_SQL),
            sqlite_where=text(UNANSWERED_SQL),
        ),
        Index("ix_lead_stage_stage_changed_at", "stage", "stage_changed_at"),
        Index("ix_lead_cold_at", "cold_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company: Mapped[str] = mapped_column(String(200))
    company_key: Mapped[str] = mapped_column(String(200), index=True)  # folded form for deduplication
    city: Mapped[str | None] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(32))  # wecom, dingtalk, console, web, rep ...
    source_detail: Mapped[str | None] = mapped_column(String(200))  # e.g. a WeChat Work State tag
    grade: Mapped[str | None] = mapped_column(String(8))
    product_line: Mapped[str | None] = mapped_column(String(32))  # for assignment and line isolation
    stage: Mapped[str] = mapped_column(String(16), default="线索")
    # owner None with a team: waiting in that team manager's queue
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"))
    products: Mapped[list[str]] = mapped_column(JSON, default=list)
    competitors: Mapped[list[str]] = mapped_column(JSON, default=list)
    budget_min: Mapped[int | None] = mapped_column(BigInteger)
    budget_max: Mapped[int | None] = mapped_column(BigInteger)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    assigned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    first_response_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_contact_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    next_followup_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    next_followup_has_time: Mapped[bool] = mapped_column(Boolean, default=False)
    stage_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # When the lead counts as going cold: the last contact plus a multiple of its usual interval
    # between contacts; None until it has a rhythm of its own.
    cold_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    owner: Mapped[Person | None] = relationship(lazy="raise")
    contacts: Mapped[list[Contact]] = relationship(lazy="raise", back_populates="lead", order_by="Contact.id")


class Contact(Base):
    """A person at the customer; a lead keeps several (the decision chain)."""

    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    lead_id: Mapped[int] = mapped_column(ForeignKey("lead.id", ondelete="CASCADE"), index=True)
    name: Mapped[str | None] = mapped_column(String(64))
    title: Mapped[str | None] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(20), index=True)
    email: Mapped[str | None] = mapped_column(String(200))
    # "<platform>:<user id>" of the chat a customer wrote from (e.g. 微信客服), so a later message
    # with no name or phone still finds their lead
    external_id: Mapped[str | None] = mapped_column(String(200), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    lead: Mapped[Lead] = relationship(lazy="raise", back_populates="contacts")


class FollowUp(Base):
    """One logged contact with a customer, with the rep's words and what was understood from them."""

    __tablename__ = "follow_up"

    id: Mapped[int] = mapped_column(primary_key=True)
    lead_id: Mapped[int] = mapped_column(ForeignKey("lead.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    inbound_id: Mapped[int | None] = mapped_column(ForeignKey("inbound_message.id"))
    # the contact this record was about, so a correction ("电话错了") fixes that person's details
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"))
    kind: Mapped[str | None] = mapped_column(String(16))  # visit, call, online, demo, inquiry, lead
    text: Mapped[str] = mapped_column(Text)
    extracted: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    happened_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    next_followup_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # What the bot asked the rep about this record and is waiting for ("next_followup"), so the
    # answer completes this record, and the question is asked once only.
    awaiting: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class StageChange(Base):
    """Every move of a deal between stages, so time-in-stage and conversion can be computed."""

    __tablename__ = "stage_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    lead_id: Mapped[int] = mapped_column(ForeignKey("lead.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    from_stage: Mapped[str | None] = mapped_column(String(16))
    to_stage: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(Text)
    awaiting: Mapped[str | None] = mapped_column(String(32))  # "reason": a lost deal's reason was asked for
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The next follow-up a move into a closed stage cleared, given back when the deal is reopened or
    # the move undone ("搞错了 没丢"): a mistaken 输单 must not lose the plan.
    cleared_followup_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cleared_followup_has_time: Mapped[bool | None] = mapped_column(Boolean)


class PendingQuestion(Base):
    """A question the bot asked a member about a message it could not place ("是哪个客户？"), with
    that message's whole extraction, so the answer completes it and nothing said is lost. One per
    member: a later question replaces an earlier one; it is dropped when answered or expired."""

    __tablename__ = "pending_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), unique=True)
    intent: Mapped[str] = mapped_column(String(32))  # the workflow the message went to
    text: Mapped[str] = mapped_column(Text)  # the rep's words, recorded with the follow-up
    extracted: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # Extraction.to_slots()
    candidates: Mapped[list[int]] = mapped_column(JSON, default=list)  # lead ids offered, in order
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)  # when the message was sent
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class InboundMessage(Base):
    """The idempotency record and durable queue of everything a channel accepted."""

    __tablename__ = "inbound_message"
    __table_args__ = (
        UniqueConstraint("platform", "platform_msg_id"),
        Index("ix_inbound_message_status_next_attempt_at", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    platform_msg_id: Mapped[str] = mapped_column(String(200))
    sender_id: Mapped[str] = mapped_column(String(128))
    chat_id: Mapped[str | None] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    raw: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Message's typed fields the core reads (reply_route, card_handle, form, answered_elsewhere).
    envelope: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending, done, failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime)  # a failed attempt backs off
    processed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    error: Mapped[str | None] = mapped_column(Text)


class Alert(Base):
    """One SLA breach notice at one escalation level; the unique key makes a second send impossible."""

    __tablename__ = "alert"
    __table_args__ = (
        UniqueConstraint("lead_id", "rule", "breach_key", "level"),
        # Every scan reads the open alerts; closed ones pile up forever and must not be read.
        Index(
            "ix_alert_open",
            "lead_id",
            postgresql_where=text("closed_at IS NULL"),
            sqlite_where=text("closed_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    lead_id: Mapped[int] = mapped_column(ForeignKey("lead.id", ondelete="CASCADE"))
    rule: Mapped[str] = mapped_column(String(32))  # first_response, followup_due, stage_stuck
    breach_key: Mapped[str] = mapped_column(String(64))  # identifies this breach of the rule
    level: Mapped[int] = mapped_column(Integer)  # 0 owner, 1 manager, 2 admin
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    breached_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class OutboxMessage(Base):
    """A push waiting to go out, written in the same transaction as the change that caused it."""

    __tablename__ = "outbox_message"
    __table_args__ = (Index("ix_outbox_message_status_next_attempt_at", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    target: Mapped[str] = mapped_column(String(500))  # platform user id, chat id or webhook key
    kind: Mapped[str] = mapped_column(String(16))  # reply, push, card_update, group (bot.types.Outgoing)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)  # the neutral reply (storage.outbox.payload_of)
    dedupe_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending, sent, dead
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # When attempt number `attempts` started ("sending"), committed before the platform is called and
    # cleared when its outcome is recorded: still set on a row found due again, its sender died or hung
    # mid-call. `uncertain_since`: the start of the first attempt whose outcome is unknown (the platform
    # may have shown it), so that every later attempt asks the platform to drop a duplicate.
    attempt_started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    uncertain_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    # The channel's handle to update a sent card later; cleared once used (it works once), looked
    # up on a click.
    card_handle: Mapped[str | None] = mapped_column(String(200), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The SLA alert this card announces, so that its card can be updated when the breach closes.
    alert_id: Mapped[int | None] = mapped_column(ForeignKey("alert.id", ondelete="SET NULL"), index=True)


class AccessToken(Base):
    """A platform access token shared by every sender of every instance, so they fetch it once."""

    __tablename__ = "access_token"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)  # platform + app identity
    token: Mapped[str] = mapped_column(String(1000))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SyncCursor(Base):
    """Where a pull-style feed was read up to (e.g. 微信客服 kf/sync_msg per 客服 account)."""

    __tablename__ = "sync_cursor"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    cursor: Mapped[str] = mapped_column(String(500))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class JobTick(Base):
    """The last time slot of a scheduled job that an instance claimed (PostgreSQL): several instances
    tick, one of them does each slot's work."""

    __tablename__ = "job_tick"

    job: Mapped[str] = mapped_column(String(64), primary_key=True)
    slot: Mapped[int] = mapped_column(BigInteger)  # the tick's time // the job's interval
    claimed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SendSlot(Base):
    """A send reserved for one recipient of one platform app (PostgreSQL), so that a per-recipient rate
    limit is counted across instances. Rows older than the longest window are pruned."""

    __tablename__ = "send_slot"
    __table_args__ = (Index("ix_send_slot_key_at", "key", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200))  # platform, app and recipient
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
