"""Callbacks built by the driver, opened by the edge: normalised messages, and broken ones refused."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.channels.errors import BadCallback, SignatureError
from bot.channels.wecom.crypto import WeComCrypto
from bot.channels.wecom.inbound import open_callback, open_verification, parse_message
from bot.clock import FixedClock
from bot.config import WeComConfig
from bot.fakes.wecom import BROKEN, Callback, CallbackDriver

WINDOW = timedelta(minutes=10)


def open_(driver: CallbackDriver, clock: FixedClock, cb: Callback):
    params, body = cb
    return open_callback(driver.crypto, params, body, now=clock.now(), window=WINDOW)


def test_text_from_member(driver: CallbackDriver, clock: FixedClock) -> None:
    m = open_(driver, clock, driver.text("LiNa", "苏州王总 13800138000 要报价", msg_id=4561255354251345929))
    assert (m.platform, m.kind, m.sender_id, m.text) == (
        "wecom",
        "text",
        "LiNa",
        "苏州王总 13800138000 要报价",
    )
    assert m.platform_msg_id == "4561255354251345929"
    assert m.sent_at == clock.now() and m.sent_at.tzinfo is not None
    assert m.raw["AgentID"] == "1000002" and all(isinstance(v, str) for v in m.raw.values())


def test_same_callback_twice_gives_same_key(driver: CallbackDriver, clock: FixedClock) -> None:
    cb = driver.button_click("LiNa", "sb_task1", "lead:42:claim", "RC1")
    assert open_(driver, clock, cb).platform_msg_id == open_(driver, clock, cb).platform_msg_id


def test_button_click(driver: CallbackDriver, clock: FixedClock) -> None:
    m = open_(driver, clock, driver.button_click("ZhangWei", "sb_task1", "lead:42:claim", "RC1"))
    assert (m.kind, m.text, m.sender_id) == ("button", "lead:42:claim", "ZhangWei")
    assert m.raw["TaskId"] == "sb_task1" and m.card_handle == "RC1"
    ts = int(clock.now().timestamp())
    assert m.platform_msg_id == f"ZhangWei:{ts}:template_card_event:sb_task1:lead:42:claim"


def test_enter_agent(driver: CallbackDriver, clock: FixedClock) -> None:
    m = open_(driver, clock, driver.enter_agent("LiNa"))
    assert (m.kind, m.text, m.sender_id) == ("event", "enter_agent", "LiNa")


@pytest.mark.parametrize("half", [False, True])
def test_external_contact_added(driver: CallbackDriver, clock: FixedClock, half: bool) -> None:
    m = open_(driver, clock, driver.contact_added("LiNa", "wmCustomer1", state="expo2026", half=half))
    assert m.kind == "event" and m.sender_id == "LiNa"
    assert m.text == ("add_half_external_contact" if half else "add_external_contact")
    assert (m.raw["UserID"], m.raw["ExternalUserID"], m.raw["State"], m.raw["WelcomeCode"]) == (
        "LiNa",
        "wmCustomer1",
        "expo2026",
        "WELCOMECODE",
    )
    assert "wmCustomer1" in m.platform_msg_id


def test_kf_event(driver: CallbackDriver, clock: FixedClock) -> None:
    m = open_(driver, clock, driver.kf_event("ENCApHxnGDNAVNY4", "wkAbc"))
    assert (m.kind, m.text, m.sender_id) == ("event", "kf_msg_or_event", "wkAbc")
    assert m.raw["Token"] == "ENCApHxnGDNAVNY4" and m.raw["OpenKfId"] == "wkAbc"
    assert m.platform_msg_id.endswith(":kf_msg_or_event:ENCApHxnGDNAVNY4:wkAbc")


@pytest.mark.parametrize("msg_type", ["image", "voice", "location", "video", "file"])
def test_other_message_types_are_unsupported_events(
    driver: CallbackDriver, clock: FixedClock, msg_type: str
) -> None:
    xml = driver.xml(driver.base_fields("LiNa", msg_type) | {"MsgId": 99, "MediaId": "m1"})
    m = open_(driver, clock, driver.post(xml))
    assert (m.kind, m.text, m.platform_msg_id) == ("event", f"unsupported:{msg_type}", "99")


def test_verification(driver: CallbackDriver, clock: FixedClock) -> None:
    query = driver.verify_url("1288432023552776189")
    assert open_verification(driver.crypto, query, now=clock.now(), window=WINDOW) == "1288432023552776189"


# why each broken callback is refused: the reason must be the intended one, not an accident
REASONS = {
    "bad_signature": "signature",
    "tampered_ciphertext": "signature",
    "wrong_corp_id": "receive id",
    "bad_padding": "padding",
    "bad_base64": "base64",
    "oversized": "larger than",
    "dtd_entity": "not acceptable XML",
    "missing_fields": "no MsgType",
    "stale_timestamp": "replay window",
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_broken_callbacks_raise_only_ours(driver: CallbackDriver, clock: FixedClock, kind: str) -> None:
    with pytest.raises(BROKEN[kind], match=REASONS[kind]):
        open_(driver, clock, driver.broken(kind))


def test_missing_query_parameter(driver: CallbackDriver, clock: FixedClock) -> None:
    params, body = driver.text("LiNa", "hi")
    del params["nonce"]
    with pytest.raises(BadCallback):
        open_(driver, clock, (params, body))


# A whole text message, but for what a test adds to it.
TEXT = (
    b"<xml><MsgType>text</MsgType><CreateTime>1</CreateTime><FromUserName>a</FromUserName>"
    b"<MsgId>1</MsgId><Content>hi</Content></xml>"
)


@pytest.mark.parametrize(
    "xml",
    [
        # a text without MsgId, an event without Event, a bad CreateTime
        b"<xml><MsgType>text</MsgType><CreateTime>1</CreateTime><FromUserName>a</FromUserName></xml>",
        b"<xml><MsgType>event</MsgType><CreateTime>1</CreateTime><FromUserName>a</FromUserName></xml>",
        b"<xml><MsgType>text</MsgType><CreateTime>soon</CreateTime></xml>",
        b"<xml><MsgType>event</MsgType><Event>template_card_event</Event><CreateTime>1</CreateTime>"
        b"<FromUserName>a</FromUserName><EventKey>k</EventKey></xml>",  # no TaskId
        b"<xml><MsgType>event</MsgType><Event>change_external_contact</Event><CreateTime>1</CreateTime>"
        b"<FromUserName>sys</FromUserName><ChangeType>add_external_contact</ChangeType></xml>",
        b"<notxml/>",
        b"<xml>" + b"x" * 70000 + b"</xml>",
        b'<?xml version="1.0"?><!DOCTYPE x SYSTEM "http://evil/x.dtd"><xml/>',
        # a field nested a thousand deep (21 KiB): written out recursively, it raised RecursionError (a 500)
        TEXT.replace(b"</xml>", b"<A>" + b"<a>" * 3000 + b"</a>" * 3000 + b"</A></xml>"),
        TEXT.replace(b"</xml>", b"<A>" + b"<a>" * 16 + b"</a>" * 16 + b"</A></xml>"),
    ],
)
def test_bad_plaintext_is_bad_callback(xml: bytes) -> None:
    with pytest.raises(BadCallback):
        parse_message(xml)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400) | st.text(max_size=200).map(lambda t: f"<xml>{t}</xml>".encode()))
def test_random_plaintext_never_raises_anything_else(xml: bytes) -> None:
    with contextlib.suppress(BadCallback):
        parse_message(xml)


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "MsgType",
                "Event",
                "CreateTime",
                "FromUserName",
                "MsgId",
                "Content",
                "TaskId",
                "EventKey",
                "ChangeType",
                "UserID",
                "ExternalUserID",
                "Token",
            ]
        ),
        st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N"]), max_size=12),
    )
)
def test_random_fields_never_raise_anything_else(fields: dict[str, str]) -> None:
    xml = "<xml>" + "".join(f"<{k}><![CDATA[{v}]]></{k}>" for k, v in fields.items()) + "</xml>"
    try:
        m = parse_message(xml.encode())
    except BadCallback:
        return
    assert m.platform == "wecom" and m.platform_msg_id and m.sent_at.tzinfo is UTC


def test_official_plaintext_parses() -> None:
    crypto = WeComCrypto("QDG6eK", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "wx5823bf96d3bd56c7")
    xml = (
        "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]>"
        "</FromUserName>\n<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n"
        "<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>"
    )
    env = crypto.encrypt_message(xml, "1372623149", "1409659813").encode()
    enc = env.split(b"<![CDATA[")[1].split(b"]]>")[0].decode()
    query = {
        "msg_signature": crypto.signature("1409659813", "1372623149", enc),
        "timestamp": "1409659813",
        "nonce": "1372623149",
    }
    when = datetime.fromtimestamp(1409659813, UTC)
    m = open_callback(crypto, query, env, now=when, window=WINDOW)
    assert (m.sender_id, m.text, m.platform_msg_id, m.sent_at) == (
        "mycreate",
        "hello",
        "4561255354251345929",
        when,
    )


def test_signature_error_is_not_bad_callback() -> None:
    assert not issubclass(SignatureError, BadCallback) and not issubclass(BadCallback, SignatureError)
    assert WeComConfig().replay_window == WINDOW


def test_the_deepest_field_wecom_sends_is_kept() -> None:
    items = (
        "<SelectedItems><SelectedItem><QuestionKey>q</QuestionKey>"
        "<OptionIds><OptionId>o1</OptionId></OptionIds></SelectedItem></SelectedItems>"
    )
    xml = (
        "<xml><MsgType>event</MsgType><Event>template_card_event</Event><CreateTime>1</CreateTime>"
        f"<FromUserName>a</FromUserName><TaskId>t</TaskId><EventKey>k</EventKey>{items}</xml>"
    )
    assert "<OptionId>o1</OptionId>" in parse_message(xml.encode()).raw["SelectedItems"]
    assert (
        parse_message(TEXT.replace(b"</xml>", b"<A>" + b"<a>" * 15 + b"</a>" * 15 + b"</A></xml>")).text
        == "hi"
    )
