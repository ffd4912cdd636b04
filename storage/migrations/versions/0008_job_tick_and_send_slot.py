"""Several instances on one PostgreSQL as one bot: the slot of each scheduled job that an instance
claimed, and the sends reserved per recipient, counted across instances.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-10 10:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.db

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "job_tick",
        sa.Column("job", sa.String(length=64), nullable=False),
        sa.Column("slot", sa.BigInteger(), nullable=False),
        sa.Column("claimed_at", storage.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("job", name=op.f("pk_job_tick")),
    )
    op.create_table(
        "send_slot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("at", storage.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_send_slot")),
    )
    op.create_index("ix_send_slot_key_at", "send_slot", ["key", "at"])
    op.create_index(op.f("ix_send_slot_at"), "send_slot", ["at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_send_slot_at"), table_name="send_slot")
    op.drop_index("ix_send_slot_key_at", table_name="send_slot")
    op.drop_table("send_slot")
    op.drop_table("job_tick")
