"""The chat platform a person last wrote from: unasked pushes (alerts, digests, notices) go there when a
company runs the bot on WeChat Work and DingTalk both.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 16:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.add_column(sa.Column("last_platform", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.drop_column("last_platform")
