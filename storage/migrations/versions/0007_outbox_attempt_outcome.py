"""An outbox row records when its current attempt started, before the platform is called, and since when
an attempt's outcome is unknown: a retry after a crash mid-call asks the platform to drop a duplicate.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-20 10:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.db

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox_message") as batch:
        batch.add_column(
            sa.Column("attempt_started_at", storage.db.UTCDateTime(timezone=True), nullable=True)
        )
        batch.add_column(sa.Column("uncertain_since", storage.db.UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox_message") as batch:
        batch.drop_column("uncertain_since")
        batch.drop_column("attempt_started_at")
