"""SLA scan indexes for stage_stuck, going_cold and unanswered leads; outbox rows know their alert

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 17:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.db

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("lead") as batch:
        batch.add_column(sa.Column("cold_at", storage.db.UTCDateTime(timezone=True), nullable=True))
        batch.create_index("ix_lead_stage_stage_changed_at", ["stage", "stage_changed_at"])
        batch.create_index("ix_lead_cold_at", ["cold_at"])
    unanswered = sa.text("first_response_at IS NULL AND stage NOT IN ('交付', '输单')")
    op.create_index(
        "ix_lead_unanswered", "lead", ["assigned_at"], postgresql_where=unanswered, sqlite_where=unanswered
    )
    still_open = sa.text("closed_at IS NULL")
    op.create_index(
        "ix_alert_open", "alert", ["lead_id"], postgresql_where=still_open, sqlite_where=still_open
    )
    # Closed deals are no longer followed up (storage.leads.change_stage now clears this too).
    op.execute("UPDATE lead SET next_followup_at = NULL WHERE stage IN ('交付', '输单')")
    with op.batch_alter_table("outbox_message") as batch:
        batch.add_column(sa.Column("alert_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_outbox_message_alert_id_alert"), "alert", ["alert_id"], ["id"], ondelete="SET NULL"
        )
        batch.create_index(op.f("ix_outbox_message_alert_id"), ["alert_id"])
        batch.create_index(op.f("ix_outbox_message_response_code"), ["response_code"])


def downgrade() -> None:
    with op.batch_alter_table("outbox_message") as batch:
        batch.drop_index(op.f("ix_outbox_message_response_code"))
        batch.drop_index(op.f("ix_outbox_message_alert_id"))
        batch.drop_constraint(op.f("fk_outbox_message_alert_id_alert"), type_="foreignkey")
        batch.drop_column("alert_id")
    op.drop_index("ix_alert_open", "alert")
    op.drop_index("ix_lead_unanswered", "lead")
    with op.batch_alter_table("lead") as batch:
        batch.drop_index("ix_lead_cold_at")
        batch.drop_index("ix_lead_stage_stage_changed_at")
        batch.drop_column("cold_at")
