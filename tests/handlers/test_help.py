"""help lists one example per capability whose handler exists; other answers briefly with a hint;
an unknown member is told an admin must add them, and the event is logged."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config
from handlers import help as help_handler
from handlers import other, query_overdue, query_stats, unknown_user
from tests.handlers.query_fixtures import make_ctx, make_org


async def test_help_lists_existing_capabilities(session: AsyncSession, config: Config) -> None:
    org = await make_org(session)
    (reply,) = await help_handler.handle(make_ctx(session, org.lina, config, "help", text="帮助"))
    assert reply.to == org.lina.id and reply.title == "我能帮你做这些"
    assert f"· 超时线索：{query_overdue.EXAMPLES[0]}" in reply.lines
    assert f"· 看数据：{query_stats.EXAMPLES[0]}" in reply.lines


def test_help_skips_modules_that_do_not_exist(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        help_handler, "CAPABILITIES", (("query_overdue", "超时线索"), ("no_such_feature", "不存在的功能"))
    )
    assert help_handler.capabilities() == [("超时线索", query_overdue.EXAMPLES[0])]


async def test_other_is_short_and_points_to_help(session: AsyncSession, config: Config) -> None:
    org = await make_org(session)
    (hello,) = await other.handle(make_ctx(session, org.lina, config, "other", text="你好"))
    assert hello.lines == ("李娜，你好！我是销售助手。", other.HINT)
    (odd,) = await other.handle(make_ctx(session, org.lina, config, "other", text="晚上吃啥"))
    assert odd.lines[-1] == "发“帮助”看看我能做什么。" and len(odd.lines) == 2


async def test_unknown_user_gets_a_polite_answer(
    session: AsyncSession, config: Config, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="handlers.unknown_user")
    ctx = make_ctx(session, None, config, "query_overdue", text="我的超时线索")
    (reply,) = await unknown_user.handle(ctx)
    assert reply.to is None and reply.lines == ("你还不在销售组织里，请联系管理员把你加入。",)
    assert "Stranger" in caplog.text and "not in [org]" in caplog.text
    # The router sends a stranger there; a query handler given one shows nothing, it fails loudly.
    with pytest.raises(RuntimeError, match="not in \\[org\\]"):
        await query_overdue.handle(ctx)
