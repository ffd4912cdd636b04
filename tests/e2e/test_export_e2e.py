"""导出客户 end to end: the command in through the encrypted WeChat Work callback, the workbook out as
a file message (media/upload type=file, then message/send), holding what the asker may see."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from storage.leads import create_lead
from storage.people import find_person_by_key
from tests.e2e.harness import Bot


def companies(data: bytes) -> list[str]:
    book = load_workbook(io.BytesIO(data), read_only=True)
    try:
        return sorted(str(row[0]) for row in book.worksheets[0].iter_rows(min_row=2, values_only=True))
    finally:
        book.close()


def received_file(bot: Bot, user: str) -> tuple[str, bytes]:
    """The name and bytes of the one file `user` received, after a markdown summary."""
    summary, sent = bot.fake.delivered(user)[-2:]
    assert summary.msgtype == "markdown" and "已导出" in summary.payload["content"]
    assert sent.msgtype == "file"
    media_id = sent.payload["media_id"]
    return bot.fake.media_names[media_id], bot.fake.media[media_id]


async def test_a_rep_gets_their_own_leads_and_the_manager_the_team_s_as_a_file(bot: Bot) -> None:
    await bot.say("lina", "今天拜访了苏州仁济医院王主任，电话13812345678，下周三再联系")
    async with bot.sessions.begin() as session:  # a lead of the manager's own, which the rep may not see
        manager = await find_person_by_key(session, "zhangwei")
        assert manager is not None
        await create_lead(
            session, company="无锡华光电子", company_key="华光电子", source="rep", created_at=bot.clock.now(),
            owner_id=manager.id, team_id=manager.team_id,
        )  # fmt: skip
    bot.fake.requests.clear()

    await bot.say("lina", "导出客户")
    name, data = received_file(bot, "LiNa")
    assert name == "我的客户-20260310-0930.xlsx"
    assert companies(data) == ["苏州仁济医院"]
    calls = [r for r in bot.fake.requests if r.path != "/cgi-bin/gettoken"]
    assert [r.path for r in calls] == [
        "/cgi-bin/message/send",
        "/cgi-bin/media/upload",
        "/cgi-bin/message/send",
    ]
    assert calls[1].query["type"] == "file"

    await bot.say("zhangwei", "导出本组线索")
    name, data = received_file(bot, "ZhangWei")
    assert name.startswith("团队客户-") and companies(data) == ["无锡华光电子", "苏州仁济医院"]


async def test_a_rep_asking_for_the_team_s_file_gets_a_polite_no(bot: Bot) -> None:
    await bot.say("lina", "导出本组客户")
    [reply] = bot.inbox("lina")
    assert "无权导出" in reply and "导出我的客户" in reply
    assert bot.fake.calls("/cgi-bin/media/upload") == []
