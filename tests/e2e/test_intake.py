"""Web-form inquiries: stored first, then the same dedupe, assignment and notice as any inquiry."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import func, select

from storage.models import InboundMessage, Lead
from tests.e2e.harness import INTAKE_TOKEN, Bot
from tests.raw_http import post_in_two_writes

AUTH = {"Authorization": f"Bearer {INTAKE_TOKEN}"}
FORM = {
    "name": "陈院长",
    "company": "杭州明德口腔医院",
    "phone": "136-0000-1111",
    "city": "杭州",
    "product": "激光焊接机",
    "message": "想了解价格，尽快联系",
    "source": "官网表单",
}


async def post(bot: Bot, body: Any, headers: dict[str, str] | None = None) -> tuple[int, dict[str, Any]]:
    assert bot.client is not None
    data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
    response = await bot.client.post("/api/inquiries", data=data, headers={**AUTH, **(headers or {})})
    return response.status, await response.json()


async def status_of(bot: Bot, inquiry_id: int) -> dict[str, Any]:
    assert bot.client is not None
    response = await bot.client.get(f"/api/inquiries/{inquiry_id}", headers=AUTH)
    assert response.status == 200
    return dict(await response.json())


async def test_an_inquiry_is_stored_then_becomes_a_lead(bot: Bot) -> None:
    status, answer = await post(bot, FORM)
    assert status == 202
    assert await status_of(bot, answer["id"]) == {
        "id": answer["id"],
        "status": "pending",
        "lead_id": None,
        "duplicate": None,
    }
    await bot.settle()
    done = await status_of(bot, answer["id"])
    assert done["status"] == "done" and done["duplicate"] is False
    async with bot.sessions() as session:
        lead = await session.get(Lead, done["lead_id"])
    assert lead is not None and lead.company == "杭州明德口腔医院" and lead.source == "官网表单"


async def test_a_second_inquiry_from_the_same_customer_is_a_duplicate_and_the_owner_is_told(bot: Bot) -> None:
    _, first = await post(bot, FORM)
    await bot.settle()
    owner_inbox = {user: len(bot.inbox(user)) for user in ("LiNa", "ZhangWei")}
    _, second = await post(bot, {"phone": "13600001111", "message": "上次问的焊接机，报价出来了吗"})
    await bot.settle()
    one, two = await status_of(bot, first["id"]), await status_of(bot, second["id"])
    assert two["duplicate"] is True and two["lead_id"] == one["lead_id"]
    async with bot.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Lead)) == 1
    told = [u for u, n in owner_inbox.items() if len(bot.inbox(u)) > n]
    assert len(told) == 1, "exactly one person (the owner) hears of the repeat inquiry"


async def test_a_resend_with_the_same_idempotency_key_gets_the_first_answer(bot: Bot) -> None:
    key = {"Idempotency-Key": "form-7f3a"}
    first = await post(bot, FORM, key)
    # The same form, serialised differently (key order, spacing around values), is the same inquiry.
    resent = json.dumps(dict(reversed(FORM.items())), ensure_ascii=False, indent=2).encode()
    again = await post(bot, resent, key)
    padded = await post(bot, {**FORM, "name": f"  {FORM['name']} "}, key)
    assert first == again == padded and first[0] == 202
    async with bot.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(InboundMessage)) == 1


async def test_an_idempotency_key_reused_for_another_inquiry_is_422_and_the_first_is_kept(bot: Bot) -> None:
    key = {"Idempotency-Key": "form-7f3a"}
    first = await post(bot, FORM, key)
    other = {"name": "李经理", "company": "宁波海达机械", "phone": "13900002222", "message": "要报价"}
    status, answer = await post(bot, other, key)
    assert first[0] == 202
    assert status == 422 and "Idempotency-Key" in answer["error"] and "id" not in answer
    async with bot.sessions() as session:
        rows = (await session.scalars(select(InboundMessage))).all()
    assert [row.raw["company"] for row in rows] == [FORM["company"]]
    assert await post(bot, FORM, key) == first  # the first inquiry's own resend still gets its answer


async def test_a_body_arriving_in_two_writes_is_accepted(bot: Bot) -> None:
    """Over the internet a form post can arrive in several TCP segments; the intake reads to the end."""
    assert bot.client is not None
    body = json.dumps(FORM, ensure_ascii=False).encode()
    headers = {**AUTH, "Content-Type": "application/json"}
    status, answer = await post_in_two_writes(bot.client.server, "/api/inquiries", body, headers)
    assert status == 202, answer
    async with bot.sessions() as session:
        [row] = (await session.scalars(select(InboundMessage))).all()
    assert row.id == json.loads(answer)["id"] and row.raw["company"] == FORM["company"]


async def test_nul_or_a_lone_surrogate_in_any_field_is_400_and_nothing_is_stored(bot: Bot) -> None:
    """Neither can be stored (PostgreSQL refuses NUL; no UTF-8 encodes a lone surrogate), so they are
    refused at the edge rather than failing in the database or, later, in processing."""
    for field in ("name", "company", "phone", "message", "source"):
        for bad in (r"\u0000", r"\ud800", r"\udfff"):  # JSON escapes as a client sends them
            body = json.dumps({**FORM, field: "x"}, ensure_ascii=False).replace('"x"', f'"a{bad}b"', 1)
            status, answer = await post(bot, body.encode())
            assert status == 400 and f"field {field!r}" in answer["error"], (field, bad, answer)
    status, answer = await post(bot, json.dumps({**FORM, "fax\u0000": "1"}).encode())
    assert status == 400 and "field name" in answer["error"]
    await bot.settle()
    async with bot.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(InboundMessage)) == 0
        assert await session.scalar(select(func.count()).select_from(Lead)) == 0


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (b"[" * 1100 + b"]" * 1100, "nested too deeply"),
        (b'{"company": "x", "phone": ' + b"1" * 4301 + b"}", "more than 64 digits"),
        (b'{"company": "x", "phone": NaN}', "NaN is not JSON"),
        (b'{"company": "x", "n": -1e999}', "beyond a float's range"),
    ],
    ids=["deep", "long-int", "nan", "infinite"],
)
async def test_hostile_json_is_400(bot: Bot, body: bytes, problem: str) -> None:
    status, answer = await post(bot, body)
    assert status == 400 and problem in answer["error"], answer
    async with bot.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(InboundMessage)) == 0


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (b"{not json", "not JSON"),
        (b"[1, 2]", "JSON object"),
        ({"name": "张三", "message": "hi"}, "phone or a company"),
        ({"company": ["a"]}, "'company' must be a string"),
        ({"company": "x", "fax": "1"}, "unknown field"),
        ({"company": "x", "message": "长" * 6000}, "larger than"),
        (b"\xff\xfe", "not JSON"),
    ],
)
async def test_bad_bodies_are_400_naming_the_problem(bot: Bot, body: Any, problem: str) -> None:
    status, answer = await post(bot, body)
    assert status == 400 and problem in answer["error"]
    async with bot.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(InboundMessage)) == 0


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic " + INTAKE_TOKEN, INTAKE_TOKEN])
async def test_no_or_wrong_token_is_401(bot: Bot, header: str | None) -> None:
    assert bot.client is not None
    headers = {"Authorization": header} if header else {}
    response = await bot.client.post("/api/inquiries", json=FORM, headers=headers)
    assert response.status == 401
    assert (await bot.client.get("/api/inquiries/1", headers=headers)).status == 401


async def test_unknown_or_malformed_ids_are_404(bot: Bot) -> None:
    assert bot.client is not None
    for path in (
        "/api/inquiries/999",
        "/api/inquiries/abc",
        "/api/inquiries/１２",
        "/api/inquiries/" + "9" * 40,
    ):
        assert (await bot.client.get(path, headers=AUTH)).status == 404
