"""PIPL export and erasure: everything about a person is found, and erasure keeps the statistics."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.types import Attachment, Outgoing
from storage.followups import record_followup
from storage.leads import add_contact, change_stage, create_lead
from storage.models import (
    Contact,
    FollowUp,
    InboundMessage,
    Lead,
    OutboxMessage,
    PendingQuestion,
    Person,
    StageChange,
)
from storage.outbox import enqueue_outbox, mark_outbox_sent
from storage.privacy import ErasureReport, collect_personal_data, erase_personal_data, normalise_phone

NOW = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)
PHONE = "13953112288"


def inbound(n: int, sender: str, text: str, raw: dict[str, object] | None = None) -> InboundMessage:
    return InboundMessage(
        platform="wecom", platform_msg_id=f"m{n}", sender_id=sender, kind="text", text=text,
        raw=raw or {}, sent_at=NOW, received_at=NOW, next_attempt_at=NOW,
    )  # fmt: skip


async def seed(session: AsyncSession) -> dict[str, int]:
    """张三 (the person) on a private lead and at a company; 李四 and 王五 are somebody else."""
    rep = Person(key="lina", name="李娜", role="rep", cities=[], product_lines=[])
    session.add(rep)
    await session.flush()
    private = await create_lead(
        session,
        company="张三（个人）",
        company_key=f"phone:{PHONE}",
        source="wecom",
        created_at=NOW,
        owner_id=rep.id,
    )
    company = await create_lead(
        session, company="苏州恒通机械", company_key="恒通机械", source="rep", created_at=NOW
    )
    other = await create_lead(session, company="无锡新材", company_key="新材", source="rep", created_at=NOW)
    me = await add_contact(
        session, private.id, now=NOW, name="张三", phone=PHONE, external_id="wecom:wmZhang"
    )
    await add_contact(
        session, company.id, now=NOW, name="张三", title="采购经理", phone=PHONE, email="z@hengtong.cn"
    )
    colleague = await add_contact(
        session, company.id, now=NOW, name="李四", title="总经理", phone="13800001111"
    )
    stranger = await add_contact(session, other.id, now=NOW, name="王五", phone="13700002222")
    asked = inbound(1, "wmZhang", "想了解一下MES，预算50万")
    relayed = inbound(
        2, "LiNa", "张三电话 +86 139-5311-2288 要报价", {"Content": "张三电话 +86 139-5311-2288"}
    )
    unrelated = inbound(3, "LiNa", "王五电话13700002222，订单号 5139531122880")
    session.add_all([asked, relayed, unrelated])
    await session.flush()
    slots = {
        "contact_name": "张三",
        "phone": PHONE,
        "products": ["MES"],
        "budget": [500000, 500000],
        "kind": "inquiry",
    }
    common = {"person_id": rep.id, "happened_at": NOW, "created_at": NOW}
    await record_followup(
        session, lead_id=private.id, text="想了解一下MES", kind="inquiry", extracted=slots,
        inbound_id=asked.id, contact_id=me.id, **common,
    )  # fmt: skip
    await record_followup(
        session, lead_id=company.id, text="拜访采购，电话 139 5311 2288", kind="visit",
        extracted={"stage": "需求确认", "products": ["MES"]}, **common,
    )  # fmt: skip
    await record_followup(
        session, lead_id=company.id, text="见了李四总", kind="visit", extracted={"contact_name": "李四"},
        contact_id=colleague.id, **common,
    )  # fmt: skip
    await record_followup(
        session, lead_id=other.id, text="王五说下周定", kind="call", extracted={"phone": "13700002222"},
        contact_id=stranger.id, **common,
    )  # fmt: skip
    await change_stage(session, company, "需求确认", person_id=rep.id, at=NOW)
    await change_stage(session, private, "初筛", person_id=rep.id, at=NOW)
    push = Outgoing("wecom", "LiNa", "push", title="新线索", lines=(f"张三 {PHONE}",))
    sent = await enqueue_outbox(session, push, NOW)
    await mark_outbox_sent(session, sent.id, NOW, None)
    await enqueue_outbox(session, Outgoing("wecom", "wmZhang", "reply", lines=("您好，已收到",)), NOW)
    await enqueue_outbox(session, Outgoing("wecom", "LiNa", "push", lines=("王五 13700002222",)), NOW)
    await session.commit()
    return {"private": private.id, "company": company.id, "other": other.id}


@pytest.mark.parametrize("raw", ["13953112288", "+86 139-5311-2288", "0086 13953112288", "8613953112288"])
def test_normalise_phone_matches_the_extractor(raw: str) -> None:
    assert normalise_phone(raw) == PHONE


def test_normalise_phone_keeps_a_service_line_as_the_extractor_stores_it() -> None:
    assert normalise_phone("400-611-7788") == "4006117788"


@pytest.mark.parametrize("raw", ["", "abc", "12345", "139531122889", "1395311228８", "8000000000"])
def test_normalise_phone_rejects_what_is_no_phone(raw: str) -> None:
    with pytest.raises(ValueError):
        normalise_phone(raw)


async def test_export_finds_everything(session: AsyncSession) -> None:
    ids = await seed(session)
    data = await collect_personal_data(session, "+86 139 5311 2288")
    assert data["phone"] == PHONE
    assert [(c["name"], c["title"], c["email"]) for c in data["contacts"]] == [
        ("张三", None, None),
        ("张三", "采购经理", "z@hengtong.cn"),
    ]
    assert [(lead["id"], lead["owner"]) for lead in data["leads"]] == [
        (ids["private"], "lina"),
        (ids["company"], None),
    ]
    assert [f["text"] for f in data["follow_ups"]] == ["想了解一下MES", "拜访采购，电话 139 5311 2288"]
    assert [m["text"] for m in data["inbound_messages"]] == [
        "想了解一下MES，预算50万",
        "张三电话 +86 139-5311-2288 要报价",
    ]
    assert [(o["target"], o["status"]) for o in data["outbox_messages"]] == [
        ("LiNa", "sent"),
        ("wmZhang", "pending"),
    ]


async def count(session: AsyncSession, model: type[object]) -> int:
    return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_erase_blanks_personal_fields_and_keeps_the_statistics(session: AsyncSession) -> None:
    ids = await seed(session)
    before = {m: await count(session, m) for m in (Lead, Contact, FollowUp, StageChange, InboundMessage)}
    report = await erase_personal_data(session, PHONE, NOW)
    await session.commit()
    assert report == ErasureReport(
        contacts=2, leads_renamed=1, follow_ups=2, inbound_messages=2, outbox_messages=2
    )
    assert {m: await count(session, m) for m in before} == before
    session.expunge_all()

    contacts = (await session.scalars(select(Contact).order_by(Contact.id))).all()
    assert [(c.name, c.title, c.phone, c.email, c.external_id) for c in contacts] == [
        ("已删除", None, None, None, None),
        ("已删除", "采购经理", None, None, None),
        ("李四", "总经理", "13800001111", None, None),
        ("王五", None, "13700002222", None, None),
    ]
    leads = (await session.scalars(select(Lead).order_by(Lead.id))).all()
    assert [(lead.company, lead.stage) for lead in leads] == [
        ("已删除客户", "初筛"),
        ("苏州恒通机械", "需求确认"),
        ("无锡新材", "线索"),
    ]
    assert leads[0].company_key == f"erased:{ids['private']}"
    followups = (await session.scalars(select(FollowUp).order_by(FollowUp.id))).all()
    assert [(f.text, f.extracted) for f in followups] == [
        ("[已删除]", {"products": ["MES"], "budget": [500000, 500000], "kind": "inquiry"}),
        ("[已删除]", {"stage": "需求确认", "products": ["MES"]}),
        ("见了李四总", {"contact_name": "李四"}),
        ("王五说下周定", {"phone": "13700002222"}),
    ]
    messages = (await session.scalars(select(InboundMessage).order_by(InboundMessage.id))).all()
    assert [(m.text, m.raw) for m in messages][:2] == [("[已删除]", {"erased": True})] * 2
    assert messages[2].text.startswith("王五电话")
    outbox = (await session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))).all()
    assert [(o.status, o.payload) for o in outbox] == [
        ("sent", {"erased": True}),
        ("dead", {"erased": True}),  # a reply not yet sent is cancelled, not delivered after erasure
        ("pending", {"title": "", "lines": ["王五 13700002222"], "buttons": []}),
    ]
    assert outbox[1].last_error == "cancelled: personal data erased"


async def test_erase_is_idempotent(session: AsyncSession) -> None:
    await seed(session)
    await erase_personal_data(session, PHONE, NOW)
    await session.commit()
    assert await erase_personal_data(session, PHONE, NOW) == ErasureReport()
    data = await collect_personal_data(session, PHONE)
    assert all(
        data[key] == [] for key in ("contacts", "leads", "follow_ups", "inbound_messages", "outbox_messages")
    )


async def test_erase_of_an_unknown_phone_changes_nothing(session: AsyncSession) -> None:
    await seed(session)
    assert await erase_personal_data(session, "13600000000", NOW) == ErasureReport()


async def test_erase_sweeps_the_phone_out_of_columns_no_rule_names(session: AsyncSession) -> None:
    ids = await seed(session)
    lead = await session.get(Lead, ids["other"])
    assert lead is not None
    await change_stage(session, lead, "输单", person_id=None, at=NOW, reason=f"张三（{PHONE}）说不要了")
    await session.commit()
    report = await erase_personal_data(session, PHONE, NOW)
    await session.commit()
    assert report.other_rows == 1
    reasons = (await session.scalars(select(StageChange.reason).where(StageChange.reason.is_not(None)))).all()
    assert reasons == ["张三（[已删除]）说不要了"]


async def test_erase_sweeps_the_phone_out_of_a_message_kept_with_its_question(session: AsyncSession) -> None:
    await seed(session)
    rep = await session.scalar(select(Person).where(Person.key == "lina"))
    assert rep is not None
    said = f"海晨那边张三电话{PHONE}，下周再聊"
    session.add(
        PendingQuestion(person_id=rep.id, intent="log_followup", text=said,
                        extracted={"phone": PHONE, "contact_name": "张三"}, candidates=[],
                        sent_at=NOW, asked_at=NOW, expires_at=NOW)
    )  # fmt: skip
    await session.commit()
    await erase_personal_data(session, PHONE, NOW)
    await session.commit()
    row = await session.scalar(select(PendingQuestion))
    assert row is not None and PHONE not in row.text and PHONE not in str(row.extracted)


async def test_erase_drops_the_bytes_of_exported_files_it_cannot_search(session: AsyncSession) -> None:
    await seed(session)
    export = Attachment("我的客户-20260310.xlsx", b"PK\x03\x04 zipped rows with " + PHONE.encode())
    sent = await enqueue_outbox(session, Outgoing("console", "lina", "push", file=export), NOW)
    await mark_outbox_sent(session, sent.id, NOW, "console-1")
    waiting = await enqueue_outbox(session, Outgoing("wecom", "LiNa", "push", file=export), NOW)
    await session.commit()
    report = await erase_personal_data(session, PHONE, NOW)
    await session.commit()
    assert report.files == 2
    for row_id, status in ((sent.id, "sent"), (waiting.id, "dead")):
        row = await session.get(OutboxMessage, row_id)
        assert row is not None and row.status == status
        assert "file_base64" not in row.payload and row.payload["file_name"] == export.name
