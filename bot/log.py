"""Structured logging: one line per event, as key=value text or JSON, with the message id in it.

`msg_id` is a context variable: the pipeline sets it while it handles one message, and
every log line written meanwhile carries it without being passed around.
"""

from __future__ import annotations

import contextvars
import json
import logging
import sys
from datetime import UTC, datetime

msg_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("msg_id", default=None)

_STANDARD = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "taskName"}


class _Formatter(logging.Formatter):
    def __init__(self, as_json: bool) -> None:
        super().__init__()
        self.as_json = as_json

    def format(self, record: logging.LogRecord) -> str:
        event: dict[str, object] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
        }
        current = msg_id.get()
        if current is not None:
            event["msg_id"] = current
        event.update({k: v for k, v in record.__dict__.items() if k not in _STANDARD})
        if record.exc_info:
            event["exc"] = self.formatException(record.exc_info)
        if self.as_json:
            return json.dumps(event, ensure_ascii=False, default=str)
        ts, level, logger, text = (event.pop(k) for k in ("ts", "level", "logger", "event"))
        head = f"{ts} {str(level).upper():<7} {logger}: {text}"
        rest = " ".join(f"{k}={_text(v)}" for k, v in event.items())
        return f"{head} {rest}".rstrip()


def _text(value: object) -> str:
    s = str(value)
    return json.dumps(s, ensure_ascii=False) if (" " in s or "\n" in s or not s) else s


def setup_logging(level: str = "INFO", fmt: str = "text") -> None:
    """Send every logger's events to stderr in the configured format (idempotent)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter(as_json=fmt == "json"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
