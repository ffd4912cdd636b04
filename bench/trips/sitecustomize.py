"""Round trips the bot sends PostgreSQL, by what they send: every asyncpg call that goes to the server
(statements, prepares, BEGIN and COMMIT, the notifier's NOTIFY), counted in the bot process and written
as JSON to $TRIPS_OUT when it exits.

Python imports a `sitecustomize` on its path at start-up, and bench/latency.py hands its PYTHONPATH to the
bot it starts, so:

    TRIPS_OUT=/tmp/trips.json PYTHONPATH=$PWD:$PWD/bench/trips python bench/latency.py --db postgresql+asyncpg://…
    python bench/trips/sitecustomize.py /tmp/trips.json MESSAGES   # a message's share of each

Only `salesbot run` counts (not `db upgrade`, not the bench itself). The wrappers cost a little CPU: time
runs without them.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from typing import Any


def _install(out: str) -> None:
    import atexit
    import json

    import asyncpg.connection
    import asyncpg.prepared_stmt

    tally: Counter[str] = Counter()

    def wrap(cls: Any, name: str, kind: str, query_of: Any) -> None:
        original = getattr(cls, name)

        async def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
            query = " ".join(str(query_of(self, args)).split())
            tally[f"{kind}: {query[:150]}"] += 1
            return await original(self, *args, **kwargs)

        setattr(cls, name, counted)

    # What SQLAlchemy's asyncpg adapter and the notifier call; asyncpg's own methods call none of these
    # in turn, so each call is one round trip (executemany: one, pipelined).
    for name in ("execute", "executemany", "prepare", "fetch", "fetchrow", "fetchval"):
        wrap(asyncpg.connection.Connection, name, name, lambda _self, args: args[0])
    wrap(asyncpg.prepared_stmt.PreparedStatement, "fetch", "statement", lambda self, _args: self.get_query())

    def dump() -> None:
        with open(out, "w", encoding="utf-8") as f:
            json.dump(dict(tally), f, ensure_ascii=False, indent=0)

    atexit.register(dump)


def summary(path: str, messages: int) -> str:
    import json

    with open(path, encoding="utf-8") as f:
        tally: dict[str, int] = json.load(f)
    groups = Counter[str]()
    for key, n in tally.items():
        if key.startswith(("execute: BEGIN", "execute: COMMIT", "execute: ROLLBACK")):
            groups["BEGIN/COMMIT"] += n
        elif key.startswith("execute: SELECT pg_notify"):
            groups["NOTIFY"] += n
        elif key.startswith("prepare"):
            groups["prepare"] += n
        else:
            groups["statements"] += n
    lines = [
        f"round trips a message: {sum(tally.values()) / messages:.2f} ("
        + ", ".join(f"{group} {n / messages:.2f}" for group, n in groups.items())
        + ")"
    ]
    for key, n in sorted(tally.items(), key=lambda kv: -kv[1]):
        if n / messages >= 0.05:
            lines.append(f"{n / messages:6.2f}  {key[:120]}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(summary(sys.argv[1], int(sys.argv[2])))
elif os.environ.get("TRIPS_OUT") and "bot.cli" in sys.orig_argv and "run" in sys.orig_argv:
    _install(os.environ["TRIPS_OUT"])
