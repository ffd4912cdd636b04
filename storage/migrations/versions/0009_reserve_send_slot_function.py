"""A recipient's send reserved in one call on PostgreSQL: a function that takes the key's advisory lock
and then finds and reserves the time, so a reservation is one round trip in autocommit instead of BEGIN,
the lock, the statement and COMMIT (four, on every reply's way out).

The lock must come before the reads: in READ COMMITTED a plain statement's snapshot is taken when it
starts, before a lock inside it would be waited for, and would miss the reservation of the instance it
waited for. Each statement of a PL/pgSQL function takes a new snapshot, so the reads after the lock see it.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-21 10:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The earliest time not before p_now nor the newest reservation and, per window, not before the
# reservation its limit counts back to (the n-th newest) plus the window; reserved unless p_only_now and
# it is later than p_now. The key's reservations at or before p_after (older than every window) are pruned.
RESERVE = """
CREATE OR REPLACE FUNCTION salesbot_reserve_send_slot(
    p_key text, p_lock bigint, p_now timestamptz, p_after timestamptz,
    p_windows interval[], p_mosts integer[], p_only_now boolean
) RETURNS timestamptz LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    slot timestamptz := p_now;
    counted_back timestamptz;
BEGIN
    PERFORM pg_advisory_xact_lock(p_lock);
    DELETE FROM send_slot WHERE key = p_key AND at <= p_after;
    SELECT GREATEST(slot, max(at)) INTO slot FROM send_slot WHERE key = p_key;
    FOR i IN 1 .. coalesce(array_length(p_windows, 1), 0) LOOP
        SELECT at INTO counted_back FROM send_slot WHERE key = p_key
            ORDER BY at DESC OFFSET p_mosts[i] - 1 LIMIT 1;
        IF FOUND THEN
            slot := GREATEST(slot, counted_back + p_windows[i]);
        END IF;
    END LOOP;
    IF NOT p_only_now OR slot <= p_now THEN
        INSERT INTO send_slot (key, at) VALUES (p_key, slot);
    END IF;
    RETURN slot;
END
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":  # SQLite serves one process: its window is in memory
        op.execute(RESERVE)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "DROP FUNCTION IF EXISTS salesbot_reserve_send_slot"
            "(text, bigint, timestamptz, timestamptz, interval[], integer[], boolean)"
        )
