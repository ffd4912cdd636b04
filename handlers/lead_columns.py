"""The spreadsheet columns of `salesbot leads import/export`: their Chinese and English headers, and
the cell escaping that keeps a spreadsheet from running what a customer's name says.

Export writes the Chinese headers in this order; import accepts either language (and a few common
variants) in any order, so an exported file imports back unchanged. Pure data, shared by the import
(bot/leads_io) and the exports (handlers/lead_records).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Column:
    field: str  # the English name, also the key rows are read into
    header: str  # the Chinese header export writes
    aliases: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column("company", "公司", ("公司名称", "客户", "客户名称", "单位", "company name", "customer")),
    Column("city", "城市", ("所在城市",)),
    Column("contact", "联系人", ("联系人姓名", "姓名", "name", "contact name")),
    Column("title", "职务", ("职位", "岗位", "job title")),
    Column("phone", "电话", ("手机", "手机号", "联系电话", "电话号码", "mobile", "tel", "telephone")),
    Column("email", "邮箱", ("电子邮箱", "e-mail", "mail")),
    Column("products", "产品", ("意向产品", "product")),
    Column("competitors", "竞品", ("competitor",)),
    Column("budget", "预算", ("预算金额",)),
    Column("stage", "阶段", ("销售阶段",)),
    Column("owner", "负责人", ("销售", "跟进人", "所属销售")),
    Column("source", "来源", ("客户来源", "线索来源")),
    Column("grade", "等级", ("客户等级",)),
    Column("tags", "标签", ("tag",)),
    Column("next_followup", "下次跟进", ("下次跟进时间", "next follow-up", "next followup")),
    Column("notes", "备注", ("note", "remark", "remarks")),
)
HEADERS: tuple[str, ...] = tuple(c.header for c in COLUMNS)
FIELDS: tuple[str, ...] = tuple(c.field for c in COLUMNS)

# The follow-ups sheet of an xlsx export (read by people; import ignores it).
FOLLOWUP_SHEET = "跟进记录"
FOLLOWUP_HEADERS: tuple[str, ...] = ("公司", "时间", "记录人", "方式", "联系人", "内容")

# Cells a spreadsheet would treat as a formula (OWASP "CSV injection"): = + - @ and the tab / CR
# some programs also honour. A leading apostrophe makes them text; import takes it off again.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SPACES = re.compile(r"[\s_]+")


def _fold(header: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", header).strip().casefold()).replace(" ", "")


_BY_HEADER: dict[str, str] = {}
for _column in COLUMNS:
    for _name in (_column.field, _column.header, *_column.aliases):
        _BY_HEADER.setdefault(_fold(_name), _column.field)


def field_of(header: str) -> str | None:
    """The field a header names (公司, Company, next_followup ...), None when unknown."""
    return _BY_HEADER.get(_fold(header))


def _needs_escape(value: str) -> bool:
    # An apostrophe before something escaped is escaped too, so that unescaping is exact.
    return value.startswith(_FORMULA_START) or (value.startswith("'") and _needs_escape(value[1:]))


def escape_cell(value: str) -> str:
    """A cell's text made safe to open in a spreadsheet."""
    return "'" + value if _needs_escape(value) else value


def unescape_cell(value: str) -> str:
    """Undo `escape_cell`: an apostrophe before what would need escaping is ours."""
    return value[1:] if value.startswith("'") and _needs_escape(value[1:]) else value
