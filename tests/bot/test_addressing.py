"""Where a person is reached when the company runs the bot on two chat platforms."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.channels.dingtalk.groups import group_target
from bot.channels.wecom.channel import webhook_key
from bot.core.outgoing import Addressing
from bot.types import Reply
from storage.db import session_factory
from storage.models import Person

BOTH = Addressing(["wecom", "dingtalk"], {"dingtalk": group_target, "wecom": webhook_key})


def person(**ids: str) -> Person:
    return Person(key="lina", name="李娜", role="rep", active=True, **ids)


def test_a_push_goes_to_the_platform_the_person_last_wrote_from_else_the_first_enabled() -> None:
    lina = person(wecom_userid="LiNa", dingtalk_userid="manager4521")
    assert BOTH.address(lina, None) == ("wecom", "LiNa")
    BOTH.wrote_from(lina, "dingtalk")
    assert BOTH.address(lina, None) == ("dingtalk", "manager4521")
    assert BOTH.address(lina, "wecom") == ("wecom", "LiNa")  # answering a WeChat Work message: there
    BOTH.wrote_from(lina, "console")  # the console is nobody's chat platform
    assert lina.last_platform == "dingtalk"


def test_the_last_platform_is_passed_over_when_the_person_is_no_longer_on_it() -> None:
    lina = person(wecom_userid="LiNa", last_platform="dingtalk")
    assert BOTH.address(lina, None) == ("wecom", "LiNa")
    only_wecom = Addressing(["wecom"], {"wecom": webhook_key})
    assert only_wecom.address(
        person(wecom_userid="LiNa", dingtalk_userid="d1", last_platform="dingtalk"), None
    ) == (
        "wecom",
        "LiNa",
    )


async def test_the_last_platform_is_kept_in_the_database(engine: AsyncEngine) -> None:
    async with session_factory(engine).begin() as session:
        lina = person(wecom_userid="LiNa", dingtalk_userid="manager4521")
        session.add(lina)
        await session.flush()
        BOTH.wrote_from(lina, "dingtalk")
        lina_id = lina.id
    async with session_factory(engine)() as session:
        item = await BOTH.to_person(session, Reply(to=lina_id, title="超时提醒"))
    assert item is not None and (item.platform, item.target, item.kind) == ("dingtalk", "manager4521", "push")


def test_team_groups_are_told_apart_by_their_address() -> None:
    robot = "https://oapi.dingtalk.com/robot/send?access_token=abc123"
    assert BOTH.to_group(robot, "华东一组", Reply(None, "日报")).platform == "dingtalk"  # type: ignore[union-attr]
    assert BOTH.to_group("cidAbC123==", "华东一组", Reply(None, "日报")).target == "cidAbC123=="  # type: ignore[union-attr]
    wecom = BOTH.to_group("6b1c2e0a-robot-key", "华东一组", Reply(None, "日报"))
    assert wecom is not None and (wecom.platform, wecom.target) == ("wecom", "6b1c2e0a-robot-key")
