"""One spreadsheet row read into a lead's facts, the way the extractor reads the same words in chat:
phones normalised by nlp.phones (digits only, +86 dropped, landlines with their area code, an
extension left out), budgets by nlp.numbers ("30-50万", "1.2亿", "不超过20万"), products and
competitors through the catalog's names and aliases.

A cell that cannot be read is never guessed at: the row is refused with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time

from bot.leads_io.files import Cell
from bot.types import STAGES
from handlers.lead_columns import unescape_cell
from nlp import Catalog, FollowUpTime, company_key
from nlp.numbers import find_budget
from nlp.phones import find_emails, find_phones

_SPLIT = re.compile(r"[、，,;；\n]+")
_DATE = re.compile(
    r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:(?:\s+|T|\s*日?\s*)(?P<H>\d{1,2})\s*[:：点]\s*(?P<M>\d{2})?(?:[:：]\d{2}(?:\.\d+)?)?\s*分?)?"
)
_LIMITS = {"company": 200, "city": 32, "contact": 64, "title": 64, "email": 200, "source": 32, "grade": 8}


class RowError(Exception):
    """The row is refused; the message (English) says why."""


@dataclass(frozen=True, slots=True)
class LeadRow:
    number: int  # the row number in the file, as a spreadsheet shows it
    company: str | None = None
    company_key: str | None = None  # folded as chat folds it (nlp.company_key); None when it folds to nothing
    city: str | None = None
    contact: str | None = None
    title: str | None = None
    phone: str | None = None
    email: str | None = None
    products: tuple[str, ...] = ()
    competitors: tuple[str, ...] = ()
    budget: tuple[int | None, int | None] | None = None
    stage: str | None = None
    owner: str | None = None  # as written: an [org] id or a person's name
    source: str | None = None
    grade: str | None = None
    tags: tuple[str, ...] = ()
    next_followup: FollowUpTime | None = None
    notes: str | None = None
    warnings: tuple[str, ...] = ()


def text_of(cell: Cell) -> str | None:
    """A cell as text: numbers without a spurious ".0" (phones typed into a number cell)."""
    if cell is None:
        return None
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, datetime | date | time):
        return cell.isoformat()
    text = unescape_cell(str(cell).strip())
    return text or None


def read_row(number: int, cells: Mapping[str, Cell], catalog: Catalog) -> LeadRow:
    """The row's facts; RowError when the row is refused."""
    warnings: list[str] = []
    text = {field: text_of(cell) for field, cell in cells.items()}
    for field, limit in _LIMITS.items():
        value = text.get(field)
        if value is not None and len(value) > limit:
            raise RowError(f"{field} is longer than {limit} characters")
    phone = read_phone(text.get("phone"), warnings)
    if not (text.get("company") or phone):
        raise RowError("neither company nor phone")
    products, unknown_products = names_in(text.get("products"), catalog, "product")
    competitors, unknown_competitors = names_in(text.get("competitors"), catalog, "competitor")
    warnings += [f"product {p!r} is not in the catalog, kept as written" for p in unknown_products]
    warnings += [f"competitor {c!r} is not in the catalog, kept as written" for c in unknown_competitors]
    stage = text.get("stage")
    if stage is not None and stage not in STAGES:
        raise RowError(f"unknown stage {stage!r} (one of {'、'.join(STAGES)})")
    return LeadRow(
        number=number,
        company=text.get("company"),
        company_key=company_key(text["company"]) or None if text.get("company") else None,
        city=text.get("city"),
        contact=text.get("contact"),
        title=text.get("title"),
        phone=phone,
        email=read_email(text.get("email")),
        products=products,
        competitors=competitors,
        budget=read_budget(cells.get("budget")),
        stage=stage,
        owner=text.get("owner"),
        source=text.get("source"),
        grade=text.get("grade"),
        tags=tuple(dict.fromkeys(t for t in _SPLIT.split(text.get("tags") or "") if t.strip())),
        next_followup=read_when(cells.get("next_followup")),
        notes=text.get("notes"),
        warnings=tuple(warnings),
    )


def read_phone(text: str | None, warnings: list[str]) -> str | None:
    """The first phone number in the cell, normalised as chat does; RowError when there is none."""
    if text is None:
        return None
    found = find_phones(text)
    if not found:
        raise RowError(f"phone {text!r} is not a mobile or a landline with its area code")
    if len(found) > 1:
        warnings.append(f"{len(found)} phone numbers in one cell: the first kept")
    return found[0][0]


def read_email(text: str | None) -> str | None:
    if text is None:
        return None
    found = find_emails(text)
    if not found:
        raise RowError(f"email {text!r} is not an e-mail address")
    return found[0][0]


def names_in(text: str | None, catalog: Catalog, kind: str) -> tuple[tuple[str, ...], list[str]]:
    """(canonical names in order, the names the catalog does not know) of a list cell."""
    names: list[str] = []
    unknown: list[str] = []
    for part in _SPLIT.split(text or ""):
        word = part.strip()
        if not word:
            continue
        entry = catalog.entry(word)
        name = entry.name if entry is not None and entry.kind == kind else word
        if entry is None or entry.kind != kind:
            unknown.append(word)
        if name not in names:
            names.append(name)
    return tuple(names), unknown


def read_budget(cell: Cell) -> tuple[int | None, int | None] | None:
    """A budget cell read as the extractor reads "预算…" in chat; a plain number is yuan."""
    if cell is None:
        return None
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        if cell <= 0:
            raise RowError(f"budget {cell!r} is not a positive amount")
        return (round(cell), round(cell))
    text = text_of(cell)
    if text is None:
        return None
    found = find_budget(f"预算{text}")
    if found is None:
        raise RowError(f"budget {text!r} is not an amount (e.g. 80万, 30-50万, 1.2亿, 不超过20万)")
    return found[0]


def read_when(cell: Cell) -> FollowUpTime | None:
    """A date or date-time cell, or text such as "2026-03-18 14:00" / "2026年3月18日"; a date-time
    cell at midnight is a day without a time (that is how Excel stores a plain date)."""
    if cell is None:
        return None
    if isinstance(cell, datetime):
        if cell.time() == time(0):
            return FollowUpTime(cell.date().isoformat())
        return FollowUpTime(cell.date().isoformat(), cell.strftime("%H:%M"))
    if isinstance(cell, date):
        return FollowUpTime(cell.isoformat())
    text = text_of(cell)
    if text is None:
        return None
    m = _DATE.fullmatch(text)
    try:
        if m is None:
            raise ValueError(text)
        day = date(int(m["y"]), int(m["m"]), int(m["d"]))
        if m["H"] is None:
            return FollowUpTime(day.isoformat())
        return FollowUpTime(day.isoformat(), time(int(m["H"]), int(m["M"] or 0)).strftime("%H:%M"))
    except ValueError:
        raise RowError(
            f"next_followup {text!r} is not a date (e.g. 2026-03-18 or 2026-03-18 14:00)"
        ) from None
