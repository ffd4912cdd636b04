"""What a customer inquiry says, from a web form's fields first and the extractor second.

A form's fields are typed by the customer into labelled boxes, so they are surer than anything
read from free text; they are untrusted all the same, so only short strings are taken from them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from handlers.context import Context
from handlers.lead_lookup import normalise_phone
from handlers.tags import budget_text
from nlp import Extraction

ACK = ("我们的销售顾问会尽快与您联系。", "如有急事，可直接回复本消息补充需求。")
FIELD_LIMITS = {"name": 64, "company": 200, "phone": 32, "email": 200, "city": 32, "product": 100,
                "message": 2000, "source": 32, "title": 32, "phone2": 32, "tags": 200, "lead_ref": 100,
                "supplement": 1}  # fmt: skip
NEED_LIMIT = 40


def form_field(form: Mapping[str, str], key: str) -> str | None:
    value = form.get(key)
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value[: FIELD_LIMITS[key]] or None


def read_inquiry(ctx: Context) -> tuple[Extraction, str | None]:
    """The extraction with form fields laid over it, and the source the form names (if any)."""
    form, ex = ctx.message.form, ctx.extraction
    fields = {key: form_field(form, key) for key in FIELD_LIMITS}
    products = list(ex.products)
    for text in (fields["product"], fields["message"]):
        for mention in ctx.catalog.find(text or ""):
            if mention.kind == "product" and mention.name not in products:
                products.append(mention.name)
    merged = dataclasses.replace(
        ex,
        company=fields["company"] or ex.company,
        contact_name=fields["name"] or ex.contact_name,
        contact_title=fields["title"] or ex.contact_title,
        phone=normalise_phone(fields["phone"]) or normalise_phone(ex.phone),
        email=(fields["email"] or ex.email or "").lower() or None,
        city=(fields["city"] or "").removesuffix("市") or ex.city,
        products=tuple(products),
    )
    return merged, fields["source"]


def need_text(ex: Extraction, text: str) -> str:
    """What the customer asked for, in one short line: products, budget, else their own words."""
    parts = list(ex.products)
    if ex.budget is not None:
        parts.append(f"预算{budget_text(*ex.budget)}")
    if parts:
        return "、".join(parts)
    words = " ".join(text.split())
    return words if len(words) <= NEED_LIMIT else words[: NEED_LIMIT - 1] + "…"


def form_tags(form: Mapping[str, str]) -> list[str]:
    """Tags an ad form's chosen options give ("骨科耗材意向", "预算50-80万"), "、"-separated in the form."""
    text = form_field(form, "tags") or ""
    return [tag.strip()[:32] for tag in text.split("、") if tag.strip()][:10]
