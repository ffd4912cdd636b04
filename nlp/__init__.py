"""Understanding reps' and customers' free Chinese chat: one message in, intent and slots out.

    from nlp import Extractor, load_catalog
    extractor = Extractor(load_catalog("catalog.toml"))
    extraction = extractor.extract("今天拜访了苏州仁济医院王主任", sent_at)

Pure library: no I/O besides the catalog and data files, jieba loaded on first use.
"""

from __future__ import annotations

from datetime import datetime

from nlp.catalog import Catalog, Entry, load_catalog, parse_catalog
from nlp.company_key import company_key
from nlp.extractor import Extractor
from nlp.phones import find_phones
from nlp.types import Extraction, FollowUpTime, Intent, Period

__all__ = [
    "Catalog",
    "Entry",
    "Extraction",
    "Extractor",
    "FollowUpTime",
    "Intent",
    "Period",
    "company_key",
    "extract",
    "find_phones",
    "load_catalog",
    "parse_catalog",
]

_default: Extractor | None = None


def extract(text: str, sent_at: datetime, channel: str = "rep") -> Extraction:
    """Extract with a shared default extractor that has an empty catalog (built on first call)."""
    global _default
    if _default is None:
        _default = Extractor(Catalog.build())
    return _default.extract(text, sent_at, channel)
