"""Parsing what DingTalk pushes into Messages: robot messages (single chat, group, non-text), card clicks
and org events; every missing or malformed field is a BadCallback."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.channels.dingtalk.inbound import card_callback, event, http_event, robot_message
from bot.channels.errors import BadCallback
from bot.fakes.dingtalk_stream import card_payload, robot_payload

AT = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def test_single_chat_text() -> None:
    payload = robot_payload(
        "LiNa",
        "今天拜访了王总",
        msg_id="msgA==",
        session_webhook="https://hook",
        session_webhook_expires=123,
        at=AT,
    )
    m = robot_message(payload)
    assert (m.platform, m.platform_msg_id, m.sender_id, m.kind) == ("dingtalk", "msgA==", "LiNa", "text")
    assert (m.text, m.sent_at, m.chat_id) == ("今天拜访了王总", AT, None)
    assert m.reply_route == {
        "session_webhook": "https://hook",
        "session_webhook_expires": "123",
        "conversation_type": "1",
    }
    assert m.raw == payload


def test_group_text_loses_the_space_the_mention_left_and_keeps_the_conversation() -> None:
    payload = robot_payload("LiNa", "已联系", conversation_type="2", conversation_id="cidGroup==")
    payload["text"]["content"] = "\u2005 已联系 "
    m = robot_message(payload)
    assert (m.text, m.chat_id, m.reply_route["conversation_type"]) == ("已联系", "cidGroup==", "2")


@pytest.mark.parametrize("msgtype", ["picture", "richText", "audio", "video", "file"])
def test_non_text_is_an_unsupported_event_the_router_answers(msgtype: str) -> None:
    m = robot_message(robot_payload("LiNa", "", msgtype=msgtype))
    assert (m.kind, m.text) == ("event", f"unsupported:{msgtype}")


@pytest.mark.parametrize(
    "change",
    [
        {"msgId": ""},
        {"msgId": 7},
        {"senderStaffId": None},
        {"conversationType": "3"},
        {"conversationType": 1},
        {"createAt": "soon"},
        {"createAt": True},
        {"createAt": 10**30},
        {"msgtype": None},
        {"text": {"content": "   "}},
        {"text": "hello"},
        {"sessionWebhook": 5},
        {"sessionWebhookExpiredTime": "never"},
        {"msgId": "x" * 201},
    ],
)
def test_robot_message_with_a_bad_field_is_refused(change: dict[str, Any]) -> None:
    with pytest.raises(BadCallback):
        robot_message({**robot_payload("LiNa", "hi"), **change})


def test_group_message_needs_its_conversation() -> None:
    with pytest.raises(BadCallback):
        robot_message(robot_payload("LiNa", "hi", conversation_type="2", conversation_id=""))


def test_card_click_reads_the_key_param_then_the_action_id() -> None:
    m = card_callback(card_payload("track-1", "LiNa", "snooze:7", action_id="btn_1"), AT)
    assert (m.kind, m.text, m.card_handle, m.sender_id, m.sent_at) == (
        "button",
        "snooze:7",
        "track-1",
        "LiNa",
        AT,
    )
    assert m.platform_msg_id == "card:track-1:LiNa:snooze:7" and m.chat_id is None

    no_params = card_payload("track-1", "LiNa", "", action_id="contacted:9")
    no_params["content"] = json.dumps({"cardPrivateData": {"actionIds": ["contacted:9"], "params": {}}})
    assert card_callback(no_params, AT).text == "contacted:9"


def test_card_click_is_keyed_so_a_repeat_is_the_same_message() -> None:
    first = card_callback(card_payload("track-1", "LiNa", "k"), AT)
    again = card_callback(card_payload("track-1", "LiNa", "k"), datetime(2026, 12, 1, 10, tzinfo=UTC))
    other_user = card_callback(card_payload("track-1", "ZhangWei", "k"), AT)
    assert first.platform_msg_id == again.platform_msg_id != other_user.platform_msg_id
    long = card_callback(card_payload("t" * 190, "LiNa", "k" * 50), AT)
    assert len(long.platform_msg_id) <= 200 and long.platform_msg_id.startswith("card:sha256:")


def test_card_click_in_a_group_keeps_the_group() -> None:
    m = card_callback(card_payload("t", "LiNa", "k", space_type="IM_GROUP", space_id="cidGroup=="), AT)
    assert m.chat_id == "cidGroup=="


@pytest.mark.parametrize(
    "change",
    [
        {"outTrackId": ""},
        {"userId": None},
        {"content": "not json"},
        {"content": json.dumps({"cardPrivateData": {"actionIds": [], "params": {}}})},
        {"content": json.dumps({"other": 1})},
        {"content": json.dumps([1])},
        {"content": None},
        # as hostile as a body: nested too deep, NUL, a lone surrogate, 1e999 (each was taken or a 500)
        {"content": '{"cardPrivateData": {"params": {"key": "k"}}, "x": ' + "[" * 2000 + "]" * 2000 + "}"},
        {"content": '{"cardPrivateData": {"params": {"key": "k\\u0000"}}}'},
        {"content": '{"cardPrivateData": {"params": {"key": "\\ud800"}}}'},
        {"content": '{"cardPrivateData": {"params": {"key": "k"}, "n": 1e999}}'},
    ],
)
def test_card_click_with_a_bad_field_is_refused(change: dict[str, Any]) -> None:
    with pytest.raises(BadCallback):
        card_callback({**card_payload("t", "LiNa", "k"), **change}, AT)


def test_stream_event() -> None:
    headers = {
        "eventType": "user_add_org",
        "eventId": "c7c7",
        "eventBornTime": "1683533823336",
        "eventCorpId": "ding9",
    }
    m = event(headers, {"userId": ["015x"]})
    assert (m.kind, m.text, m.platform_msg_id, m.sender_id) == (
        "event",
        "event:user_add_org",
        "c7c7",
        "ding9",
    )
    assert m.sent_at == datetime.fromtimestamp(1683533823.336, UTC)
    with pytest.raises(BadCallback):
        event({**headers, "eventId": ""}, {})


def test_http_event_is_keyed_by_its_content() -> None:
    plain = {"EventType": "user_add_org", "TimeStamp": "1683533823336", "UserId": ["u1"], "CorpId": "ding9"}
    a, b = http_event(plain, AT), http_event(dict(reversed(plain.items())), AT)
    assert a.platform_msg_id == b.platform_msg_id and a.platform_msg_id.startswith("http:")
    assert http_event({**plain, "UserId": ["u2"]}, AT).platform_msg_id != a.platform_msg_id
    assert (a.text, a.sent_at) == ("event:user_add_org", datetime.fromtimestamp(1683533823.336, UTC))
    assert http_event({"EventType": "x"}, AT).sent_at == AT
    with pytest.raises(BadCallback):
        http_event({"TimeStamp": "1"}, AT)
