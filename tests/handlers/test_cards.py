"""Lead cards: short lines, full phones in private replies and masked ones when shared."""

from __future__ import annotations

from datetime import UTC, datetime

from handlers.cards import contact_text, lead_buttons, lead_lines
from storage.models import Contact, Lead
from tests.handlers.sales_fixtures import SHANGHAI


def test_contacts_read_naturally_and_mask_on_request() -> None:
    assert contact_text(Contact(name="王", title="主任", phone="13812345678")) == "王主任 13812345678"
    assert contact_text(Contact(name="刘晓明", title="采购经理")) == "刘晓明 采购经理"
    assert contact_text(Contact(name="王", phone="13812345678"), masked=True) == "王 138****5678"
    assert contact_text(None) == "未定"


def test_lead_lines_show_the_decision_chain() -> None:
    lead = Lead(id=7, company="仁济医院", stage="报价", budget_min=500_000, budget_max=800_000,
                products=["64排CT"], tags=["决策人"], next_followup_has_time=True,
                next_followup_at=datetime(2026, 3, 18, 6, 0, tzinfo=UTC))  # fmt: skip
    contacts = [Contact(name="王", title="主任", phone="13812345678"), Contact(name="李", title="院长")]
    assert lead_lines(lead, contacts, SHANGHAI, masked=True) == [
        "客户：仁济医院", "阶段：报价", "联系人：王主任 138****5678", "联系人：李院长", "预算：50-80万",
        "产品：64排CT", "标签：决策人", "下次跟进：3月18日(周三) 14:00",
    ]  # fmt: skip
    assert [b.key for b in lead_buttons(7, snooze=True)] == ["contacted:7", "snooze:7", "reassign:7"]
