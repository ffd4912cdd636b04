"""The next follow-up a move into a closed stage cleared, kept on that move so that reopening the deal
or undoing a mistaken 输单 gives the plan back.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 12:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.db

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("stage_change") as batch:
        batch.add_column(
            sa.Column("cleared_followup_at", storage.db.UTCDateTime(timezone=True), nullable=True)
        )
        batch.add_column(sa.Column("cleared_followup_has_time", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("stage_change") as batch:
        batch.drop_column("cleared_followup_has_time")
        batch.drop_column("cleared_followup_at")
