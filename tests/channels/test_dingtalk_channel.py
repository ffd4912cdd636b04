"""The DingTalk channel's own decisions: how a neutral item is rendered and routed, what a typed command
means, and which failures are retried, waited out or reported."""

# ruff: noqa: F811
from __future__ import annotations

import dataclasses
import json
from datetime import timedelta

import aiohttp
import pytest

from bot.channels.base import DeliveryError, Resources
from bot.channels.dingtalk.channel import DingTalkChannel
from bot.channels.dingtalk.groups import group_target, webhook_secrets
from bot.channels.dingtalk.render import commands, markdown
from bot.channels.tokens import MemoryTokenCache
from bot.clock import FixedClock
from bot.config import DingTalkConfig
from bot.fakes.dingtalk import FakeDingTalk
from bot.types import Attachment, Button, Message, Outgoing
from tests.channels.dingtalk_fixtures import (  # noqa: F401
    ROBOT_SECRET,
    ROBOT_TOKEN,
    dingtalk,
    dingtalk_config,
)

CARD = (Button("contacted:7", "已联系"), Button("snooze:7", "推迟一天"))


class DictCursors:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    async def get(self, key: str) -> str | None:
        return self.values.get(key)

    async def put(self, key: str, cursor: str) -> None:
        self.values[key] = cursor


async def nothing(messages: object) -> list[int]:
    return []


@pytest.fixture
def channel(
    dingtalk_config: DingTalkConfig, clock: FixedClock, http_session: aiohttp.ClientSession
) -> DingTalkChannel:
    config = dataclasses.replace(dingtalk_config, mode="http")
    channel = DingTalkChannel(config, clock, nothing, webhook_secrets={ROBOT_TOKEN: ROBOT_SECRET})
    channel.open(Resources(http_session, MemoryTokenCache(), DictCursors()))
    return channel


def text(user: str, words: str, clock: FixedClock) -> Message:
    return Message("dingtalk", f"m-{words}", user, "text", words, clock.now(), raw={"msgId": f"m-{words}"})


def test_markdown_escapes_what_people_typed_and_lists_the_buttons_as_replies() -> None:
    item = Outgoing(
        "dingtalk", "LiNa", "push", "新线索 [官网]", ("客户：**恒通** <b>", "电话：138****5678"), CARD
    )
    rendered = markdown(item)
    assert rendered.msg_key == "sampleMarkdown" and rendered.msg_param["title"] == "新线索 [官网]"
    body = rendered.msg_param["text"]
    assert body.startswith("#### 新线索 ［官网］\n\n客户：＊＊恒通＊＊ ＜b＞  \n电话：138＊＊＊＊5678")
    assert body.endswith("回复 1 已联系 · 2 推迟一天")
    assert commands(item) == [
        ("1", "contacted:7"),
        ("已联系", "contacted:7"),
        ("2", "snooze:7"),
        ("推迟一天", "snooze:7"),
    ]


def test_a_body_that_numbers_its_lines_keeps_the_numbers_for_itself() -> None:
    item = Outgoing("dingtalk", "LiNa", "reply", "是哪个客户？", ("1. 无锡华康医药", "2. 无锡华康医院"),
                    (Button("pick:1", "无锡华康医药"), Button("pick:new", "新客户")))  # fmt: skip
    assert markdown(item).msg_param["text"].endswith("回复 「无锡华康医药」 · 「新客户」")
    assert commands(item) == [("无锡华康医药", "pick:1"), ("新客户", "pick:new")]


async def test_a_typed_number_or_label_answers_the_last_buttons_once_within_a_day(
    channel: DingTalkChannel, dingtalk: FakeDingTalk, clock: FixedClock
) -> None:
    await channel.deliver(Outgoing("dingtalk", "LiNa", "push", "SLA提醒", ("客户：恒通",), CARD))
    assert channel.needs_enrichment(text("LiNa", "2", clock))
    clicked = await channel.enrich(text("LiNa", "2", clock))
    assert clicked is not None and (clicked.kind, clicked.text) == ("button", "snooze:7")
    assert not channel.needs_enrichment(clicked)
    again = await channel.enrich(text("LiNa", "1", clock))  # used: a second answer is a message again
    assert again is not None and (again.kind, again.text) == ("text", "1")
    assert not channel.needs_enrichment(again)  # and it is not looked at twice

    await channel.deliver(Outgoing("dingtalk", "LiNa", "push", "SLA提醒", ("客户：恒通",), CARD))
    by_label = await channel.enrich(text("LiNa", "已联系", clock))
    assert by_label is not None and (by_label.kind, by_label.text) == ("button", "contacted:7")
    await channel.deliver(Outgoing("dingtalk", "LiNa", "push", "SLA提醒", ("客户：恒通",), CARD))
    clock.advance(timedelta(hours=25))
    stale = await channel.enrich(text("LiNa", "1", clock))
    assert stale is not None and stale.kind == "text"
    assert not channel.needs_enrichment(text("LiNa", "今天拜访了苏州恒通精密王总，聊了激光切割机", clock))


async def test_a_reply_falls_back_to_batch_send_once_the_session_webhook_expired(
    channel: DingTalkChannel, dingtalk: FakeDingTalk, clock: FixedClock
) -> None:
    url, expires = dingtalk.session_webhook("LiNa")
    route = {"session_webhook": url, "session_webhook_expires": str(expires)}
    reply = Outgoing("dingtalk", "LiNa", "reply", "已记录跟进", ("客户：恒通",), route=route)
    await channel.deliver(reply)
    clock.advance(timedelta(minutes=89, seconds=30))  # inside the last minute: not trusted
    await channel.deliver(reply)
    assert [d.how for d in dingtalk.delivered("LiNa")] == ["session", "batch"]


async def test_an_unknown_member_is_a_configuration_problem_not_a_retry(channel: DingTalkChannel) -> None:
    with pytest.raises(DeliveryError) as e:
        await channel.deliver(Outgoing("dingtalk", "Nobody", "push", "提醒", ("x",)))
    assert not e.value.retry


async def test_a_team_group_is_reached_through_its_custom_robot_signed(
    channel: DingTalkChannel, dingtalk: FakeDingTalk
) -> None:
    target = group_target(f"https://oapi.dingtalk.com/robot/send?access_token={ROBOT_TOKEN}")
    assert target is not None
    await channel.deliver(Outgoing("dingtalk", target, "group", "团队日报", ("新线索 1 条",)))
    [post] = dingtalk.group_posts(ROBOT_TOKEN)
    assert "团队日报" in json.dumps(post.params, ensure_ascii=False)
    await channel.deliver(Outgoing("dingtalk", "cidTeamGroup==", "group", "团队日报", ("新线索 1 条",)))
    assert len(dingtalk.group_posts("cidTeamGroup==")) == 1


def test_group_addresses_and_their_secrets() -> None:
    robot = "https://oapi.dingtalk.com/robot/send?access_token=abc"
    assert group_target(robot) == "webhook:abc" and group_target("cidX==") == "cidX=="
    assert group_target("6b1c2e0a-wecom-key") is None
    assert webhook_secrets([(robot, "SECx"), ("cidX==", "SECy"), ("", "")]) == {"abc": "SECx"}


async def test_a_picture_and_a_file_are_uploaded_and_sent_alone(
    channel: DingTalkChannel, dingtalk: FakeDingTalk
) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(64)
    await channel.deliver(Outgoing("dingtalk", "ZhangWei", "push", "本周漏斗", ("新增 18",), image=png))
    sheet = Attachment("我的客户-20260310.xlsx", b"PK\x03\x04" + bytes(64))
    await channel.deliver(Outgoing("dingtalk", "LiNa", "reply", file=sheet))
    [picture] = dingtalk.delivered("ZhangWei")
    assert picture.msg_key == "sampleImageMsg" and dingtalk.media[picture.params["photoURL"]] == png
    [sent] = dingtalk.delivered("LiNa")
    assert sent.msg_key == "sampleFile" and sent.params["fileType"] == "xlsx"
    assert dingtalk.media_names[sent.params["mediaId"]] == sheet.name


async def test_what_dingtalk_cannot_take_is_said_instead(
    channel: DingTalkChannel, dingtalk: FakeDingTalk
) -> None:
    await channel.deliver(Outgoing("dingtalk", "LiNa", "reply", file=Attachment("leads.csv", b"a,b\n1,2\n")))
    [sent] = dingtalk.delivered("LiNa")
    assert (
        sent.msg_key == "sampleMarkdown"
        and "钉钉不收" in sent.params["text"]
        and "leads.csv" in sent.params["text"]
    )
    robot = group_target(f"https://oapi.dingtalk.com/robot/send?access_token={ROBOT_TOKEN}")
    assert robot is not None
    await channel.deliver(
        Outgoing("dingtalk", robot, "group", "本周漏斗", ("新增 18",), image=b"\x89PNG" + bytes(64))
    )
    [post] = dingtalk.group_posts(ROBOT_TOKEN)
    assert "管理看板" in json.dumps(post.params, ensure_ascii=False)
