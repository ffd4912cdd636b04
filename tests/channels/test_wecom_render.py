"""Rendering replies for message/send, and cutting text to WeChat Work's byte limits."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.channels.text import MORE_HINT, byte_len, cut, fit
from bot.channels.wecom.limits import MARKDOWN_LIMIT, TEXT_LIMIT
from bot.channels.wecom.render import escape_markdown, render, render_webhook
from bot.types import Button, Reply


def test_short_text_untouched() -> None:
    assert fit("你好", TEXT_LIMIT) == "你好"


def test_chinese_cut_at_character_boundary() -> None:
    text = "销售线索" * 300  # 3,600 bytes
    out = fit(text, TEXT_LIMIT)
    assert byte_len(out) <= TEXT_LIMIT and out.endswith(MORE_HINT)
    head = out[: -len(MORE_HINT)]
    assert text.startswith(head) and byte_len(head) > TEXT_LIMIT - byte_len(MORE_HINT) - 3


def test_emoji_sequences_are_not_split() -> None:
    family = "👨‍👩‍👧"  # three people joined by zero-width joiners, 18 bytes
    head, rest = cut("ab" + family, 2 + 10)
    assert head == "ab" and rest == family
    flag_and_skin = "👍🏽"
    head, rest = cut("x" + flag_and_skin, 1 + 4)
    assert (head, rest) == ("x", flag_and_skin)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=1500), st.integers(min_value=0, max_value=4096))
def test_fit_always_within_limit_and_valid(text: str, limit: int) -> None:
    out = fit(text, limit)
    assert byte_len(out) <= limit
    out.encode("utf-8")
    head, rest = cut(text, limit)
    assert head + rest == text and byte_len(head) <= limit


def test_plain_reply_is_markdown() -> None:
    r = render(Reply(to=1, title="今日跟进", lines=("1. 苏州王总", "2. 无锡李总")), "LiNa")
    assert r.task_id is None
    assert r.payload == {
        "touser": "LiNa",
        "msgtype": "markdown",
        "markdown": {"content": "**今日跟进**\n1. 苏州王总\n2. 无锡李总"},
    }


HOSTILE = (
    "[点此查看客户资料](http://evil.example)",
    '<font color="warning">紧急</font>',
    "**加急** `x`",
    "# 通知",
)


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_shows_customer_text_as_text(text: str) -> None:
    """Markdown typed by a customer arrives as the same characters: no link, colour or heading."""
    content = render(Reply(to=1, title=f"客户：{text}", lines=(f"联系人：{text}",)), "LiNa").payload
    markdown = content["markdown"]["content"]
    title, line = markdown.split("\n")
    assert title.startswith("**") and title.endswith("**")  # our own markup stays
    for live in ("[", "]", "<", ">", "`", "#"):
        assert live not in markdown
    assert "*" not in title[2:-2] + line
    assert escape_markdown(text) in line and len(escape_markdown(text)) == len(text)


def test_the_group_robot_s_markdown_is_escaped_too() -> None:
    body = render_webhook(Reply(to=None, title="日报", lines=(f"1. {HOSTILE[0]}，{HOSTILE[1]}",)))
    assert "<font" not in body["markdown"]["content"] and "](" not in body["markdown"]["content"]


def test_long_markdown_fits() -> None:
    r = render(Reply(to=1, title="清单", lines=tuple("客户🙂" * 50 for _ in range(100))), "LiNa")
    content = r.payload["markdown"]["content"]
    assert byte_len(content) <= MARKDOWN_LIMIT and content.endswith(MORE_HINT)


def test_reply_with_buttons_is_button_card() -> None:
    reply = Reply(
        to=1,
        title="新线索",
        lines=("客户：苏州王总", "电话：138****8000", "展会上留的名片"),
        buttons=(Button("lead:42:claim", "我来跟进"), Button("lead:42:pass", "不是我的客户啦啦啦啦")),
    )
    a, b = render(reply, "LiNa"), render(reply, "LiNa")
    assert a.task_id and b.task_id and a.task_id != b.task_id
    assert len(a.task_id.encode()) <= 128 and a.task_id.replace("_", "").isalnum()
    card = a.payload["template_card"]
    assert a.payload["msgtype"] == "template_card" and card["card_type"] == "button_interaction"
    assert card["main_title"] == {"title": "新线索"} and card["task_id"] == a.task_id
    assert card["horizontal_content_list"] == [
        {"keyname": "客户", "value": "苏州王总"},
        {"keyname": "电话", "value": "138****8000"},
    ]
    assert card["sub_title_text"] == "展会上留的名片"
    assert card["button_list"][0] == {"text": "我来跟进", "style": 1, "key": "lead:42:claim"}
    assert len(card["button_list"][1]["text"]) <= 10


def test_too_many_buttons_is_a_bug() -> None:
    reply = Reply(to=1, title="t", buttons=tuple(Button(f"k{i}", "b") for i in range(7)))
    with pytest.raises(ValueError):
        render(reply, "LiNa")
