"""Several people in one message: the contact is the one met or called, the others are kept with the
phone written next to them, and a nickname or English name followed by the full name is one person."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor
from nlp.types import NamedPerson

SENT = datetime(2026, 5, 12, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


def test_a_colleague_named_with_a_phone_takes_that_phone_not_the_contact(extractor: Extractor) -> None:
    ex = extractor.extract("对了 冯主任说他们财务科的谭雅琴也要过一下合同 电话13722456810", SENT)
    assert (ex.contact_name, ex.contact_title) == ("冯", "主任")
    assert ex.others == (NamedPerson("谭雅琴", None, "13722456810"),)


def test_two_people_at_one_meeting_are_both_named(extractor: Extractor) -> None:
    ex = extractor.extract("下午去仓库开了个会 严经理还有他们运输的负责人葛立明都在 想上冷链车队", SENT)
    assert ex.contact_name == "严"
    assert [o.name for o in ex.others] == ["葛立明"]


def test_who_told_the_rep_of_another_person_is_not_the_one_called(extractor: Extractor) -> None:
    text = (
        "宏泰物流尹总说以后仓储的事让新来的仓储经理对接，叫郦文斌，电话13866702145。"
        "我下午跟郦经理通了个电话，叉车他们还在比"
    )
    ex = extractor.extract(text, SENT)
    assert ex.contact_name == "郦文斌"
    assert ex.phone == "13866702145"
    assert [(o.name, o.phone) for o in ex.others] == [("尹", None)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("还有 他们后厨的对接人是小覃 覃雨萱 电话18811203344", "覃雨萱"),
        ("跟酒店的purchasing manager Vivian（聂思彤）聊了下菜单", "聂思彤"),
        ("刚跟门店的store manager Jason通了电话 中文名叫甘浩然 他说下周要进货", "甘浩然"),
    ],
)
def test_a_nickname_or_english_name_with_the_full_name_is_one_person(
    extractor: Extractor, text: str, name: str
) -> None:
    ex = extractor.extract(text, SENT)
    assert ex.contact_name == name
    assert ex.others == ()


def test_who_handed_the_matter_to_another_is_not_the_one_called(extractor: Extractor) -> None:
    ex = extractor.extract("鼎泰周主任把采购的事交给冯涛了，刚跟冯涛通了电话，纸巾快用完了", SENT)
    assert ex.contact_name == "冯涛"
    assert NamedPerson("周", "主任", None) in ex.others
    # alone, the one who passed something on is still the contact
    assert extractor.extract("鼎泰周主任把报价单转给院长了，下周再去", SENT).contact_name == "周"


def test_a_surname_said_with_a_title_and_again_as_a_title_is_no_full_name(extractor: Extractor) -> None:
    ex = extractor.extract("跟烘焙坊打了电话 老板姓阚 阚老板 说要两台烤箱", SENT)
    assert ex.contact_name == "阚"


@pytest.mark.parametrize(
    ("text", "changed"),
    [
        ("闵经理换号了 新号码13611110000", True),
        ("闵经理电话13611110000", False),
        ("闵经理手机号改成13611110000了", True),
    ],
)
def test_a_changed_number_is_said(extractor: Extractor, text: str, changed: bool) -> None:
    assert extractor.extract(text, SENT).phone_changed is changed


def test_a_person_said_not_to_be_the_one_keeps_no_phone(extractor: Extractor) -> None:
    ex = extractor.extract("更正一下 接待我的是副主任韦晓东 不是黎经理 电话13955601122", SENT)
    assert (ex.contact_name, ex.phone, ex.others) == ("韦晓东", "13955601122", ())


@pytest.mark.parametrize(
    "text",
    ["不是柴经理，是鲁经理", "搞错了 不是跟柴经理谈的 是鲁经理", "是鲁经理 不是柴经理"],
)
def test_the_person_said_not_to_be_the_one_is_not_the_contact_in_either_order(
    extractor: Extractor, text: str
) -> None:
    ex = extractor.extract(text, SENT)
    assert (ex.contact_name, ex.contact_title) == ("鲁", "经理")
    assert all(o.name != "柴" for o in ex.others)


def test_a_person_denied_a_deed_not_a_name_is_still_the_contact(extractor: Extractor) -> None:
    # Only one person named: "不是X不肯" denies what they did, so they stay the contact.
    ex = extractor.extract("不是柴经理不肯签，是他们总部还没批下来", SENT)
    assert ex.contact_name == "柴"


@pytest.mark.parametrize("text", ["戴总叫小柏以后和我联系", "戴总让小柏直接跟我对接，电话13722456810"])
def test_a_nickname_handed_over_as_the_contact_is_the_contact(extractor: Extractor, text: str) -> None:
    ex = extractor.extract(text, SENT)
    assert ex.contact_name == "柏" and [o.name for o in ex.others] == ["戴"]


def test_a_nickname_sent_on_an_errand_is_no_contact(extractor: Extractor) -> None:
    ex = extractor.extract("戴总叫小柏把样品拿过来", SENT)
    assert (ex.contact_name, ex.contact_title) == ("戴", "总")
