"""What the extractor reads of a message sent on a fixed Tuesday morning, for the tests of kinds."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from nlp import Extractor

SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Tuesday


def read(extractor: Extractor, text: str) -> tuple[str, dict[str, Any]]:
    """The intent and the slots of `text`, sent at SENT."""
    ex = extractor.extract(text, SENT)
    return str(ex.intent), ex.to_slots()
