"""Kinds of failure seen on heldout35 (sports flooring in northern Jiangsu; B2B tea written by
Taiwanese-flavoured Minnan reps), each tested with made-up sentences of other trades, with negatives
showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor, company_key
from nlp.script import as_written, simplified
from tests.nlp.reading import read as _read

# ---- traditional characters, a whole message or a word here and there ----


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("我這禮拜總共跟進了幾個客戶", "query_stats", {"scope": "me"}),
        ("今天有哪些客戶要聯繫", "query_today", {}),
        ("我有哪些客戶過期沒跟", "query_overdue", {"scope": "me"}),
        ("我後天約了哪些客戶", "query_today", {"scope": "me"}),
        ("團隊這個月的漏斗給我看一下", "query_stats", {"scope": "team"}),
    ],
)
def test_a_question_in_traditional_characters_is_read(
    extractor: Extractor, text: str, intent: str, slots: dict[str, str]
) -> None:
    got_intent, got = _read(extractor, text)
    assert got_intent == intent
    assert {k: got.get(k) for k in slots} == slots
    if intent in ("query_stats", "query_today"):
        assert "period" in got


def test_a_report_in_traditional_characters_keeps_names_and_titles_as_written(extractor: Extractor) -> None:
    intent, slots = _read(
        extractor, "打電話給蘇州華興機械的陳經理，CNC機床報價下禮拜二下午兩點半去廠裡談，預算八十萬左右"
    )
    assert intent == "log_followup"
    assert slots["kind"] == "call"
    assert slots["company"] == "蘇州華興機械"
    assert (slots["contact_name"], slots["contact_title"]) == ("陳", "經理")
    assert slots["products"] == ["数控机床"]
    assert slots["budget"] == [800000, 800000]
    assert slots["next_followup"] == {"date": "2026-03-17", "time": "14:30"}


def test_a_title_said_apart_from_the_name_is_given_back_as_written(extractor: Extractor) -> None:
    _, slots = _read(extractor, "新客戶：寧波的 藍海塑業 老闆 姓韓 電話13857401122 想上一套云ERP 預算五萬塊")
    assert slots["contact_title"] == "老闆"
    assert slots["budget"] == [50000, 50000]
    assert slots["city"] == "宁波"


def test_simplified_keeps_the_length_and_leaves_simplified_text_alone() -> None:
    text = "剛剛跟王總聯繫過了，報價單明天發"
    assert simplified(text) == "刚刚跟王总联系过了，报价单明天发"
    plain = "刚刚跟王总联系过了，报价单明天发"
    assert simplified(plain) is plain
    # characters simplified text also writes stay: 乾 (乾隆), 著 (著名), 於 (a surname)
    assert simplified("乾隆大酒店的於經理很著急") == "乾隆大酒店的於经理很著急"


def test_as_written_gives_back_only_what_was_rewritten() -> None:
    written = "見了張經理"
    read = simplified(written)
    assert as_written("经理", read, written, 3, 5) == "經理"
    assert as_written("张", read, written, 3, 5) == "張"  # found nearest when outside the span
    assert as_written("总监", read, written, 0, 5) == "总监"  # not in the message: left as it is


# ---- goods said gone out with 出货 (as 发货) ----


@pytest.mark.parametrize("text", ["宁波华光机械 数控机床已经出货了", "东方电子 已经付款出货了"])
def test_goods_gone_out_is_delivered(extractor: Extractor, text: str) -> None:
    intent, slots = _read(extractor, text)
    assert (intent, slots.get("stage")) == ("update_stage", "交付")


@pytest.mark.parametrize("text", ["东方电子那边出货了吗", "东方电子 出货量很大 下周再去看看"])
def test_goods_asked_after_or_counted_are_not_delivered(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("stage") != "交付"


# ---- the quote said sent with 已经 between, then a wait ----


def test_a_quote_said_sent_with_an_adverb_between_is_the_stage_alone(extractor: Extractor) -> None:
    intent, slots = _read(extractor, "华光机械 报价已经发了 等他们回复")
    assert (intent, slots.get("stage")) == ("update_stage", "报价")


def test_a_quote_asked_after_is_no_stage(extractor: Extractor) -> None:
    assert _read(extractor, "华光机械 报价已经发了吗")[0] == "query_lead"


# ---- the progress asked with 怎样 ----


@pytest.mark.parametrize("text", ["东方电子那边现在进度怎样", "华光机械现在进度怎么样"])
def test_progress_asked_with_zenyang_is_a_lead_query(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[0] == "query_lead"


# ---- what the bot can do, asked with 可以 or what it looks up ----


@pytest.mark.parametrize("text", ["你可以帮我做什么？", "你能查哪些东西", "你都可以干些啥"])
def test_what_the_bot_can_do_is_help(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[0] == "help"


@pytest.mark.parametrize("text", ["你能帮我查一下东方电子的电话吗", "你可以查什么时候拜访过东方电子吗"])
def test_a_thing_looked_up_is_no_help(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[0] != "help"


# ---- LINE, the chat app, as the channel ----


@pytest.mark.parametrize(
    "text",
    [
        "跟东方电子的采购经理王强LINE聊了一下，说下个月要两台数控机床，等他回来再约见面",
        "华光机械的李总昨天在LINE上跟我说太阳能板要再便宜一点",
    ],
)
def test_a_chat_on_line_is_online(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("kind") == "online"


def test_an_english_line_is_no_channel(extractor: Extractor) -> None:
    assert _read(extractor, "去华光机械车间看了 生产line上的机床都要换")[1].get("kind") != "online"


# ---- a tea house named by its kind (茶馆, 茶楼, 茶庄) ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("今天去杭州西湖区的清韵茶馆，跟老板娘沈小姐聊了一下，想上一套云ERP", "清韵茶馆"),
        ("宁波老街茶庄 刘老板 电话13857401122 想要太阳能板", "宁波老街茶庄"),
    ],
)
def test_a_tea_house_is_an_organisation(extractor: Extractor, text: str, company: str) -> None:
    assert _read(extractor, text)[1].get("company") == company


def test_a_tea_house_gone_to_unnamed_is_no_organisation(extractor: Extractor) -> None:
    assert "company" not in _read(extractor, "下午约了王总去茶楼喝茶，聊了聊机床")[1]


# ---- goods talked through on a call or a video: the call or the video, not a demo ----


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("华光机械刘主任电话里讲了 数控机床要全部换新的 后天再打给他", "call"),
        ("给东方电子的王总打电话介绍了一下云ERP，他说下周开会讨论", "call"),
        ("东方电子王总 视频里把云ERP和太阳能板都讲了一遍", "online"),
    ],
)
def test_goods_talked_through_on_a_line_keep_its_kind(extractor: Extractor, text: str, kind: str) -> None:
    assert _read(extractor, text)[1].get("kind") == kind


def test_goods_talked_through_at_their_place_are_a_demo(extractor: Extractor) -> None:
    assert _read(extractor, "去东方电子给王总介绍了一下云ERP，他说下周开会讨论")[1].get("kind") == "demo"


# ---- a head's secretary and a school's subject-group head, each one title ----


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("新客户：宁波的 华光机械 董事长秘书 方丽 电话13857401122 想上一套云ERP", "董事长秘书"),
        ("上午在宁波第三中学给体育组长张建国讲了云ERP，他说学校预算不超过二十万", "体育组长"),
    ],
)
def test_a_compound_title_is_kept_whole(extractor: Extractor, text: str, title: str) -> None:
    assert _read(extractor, text)[1].get("contact_title") == title


# ---- a unit's price as what a price cue is said of ----


@pytest.mark.parametrize(
    "text",
    [
        "东方电子王总电话里讲了 单价他希望压到260，我说回去跟公司申请",
        "去华光机械看了厂房，太阳能板单价他们心里价位在1.8元一瓦左右",
        "华光机械李总说心里价位在90一平，别家报的110",
    ],
)
def test_a_unit_price_pushed_or_in_mind_is_no_budget(extractor: Extractor, text: str) -> None:
    assert "budget" not in _read(extractor, text)[1]


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("东方电子王总说总价她希望压到35万，下周再谈", [350000, 350000]),
        ("华光机械李总心里价位在50万左右", [500000, 500000]),
    ],
)
def test_a_whole_price_pushed_or_in_mind_stays_the_budget(
    extractor: Extractor, text: str, budget: list[int]
) -> None:
    assert _read(extractor, text)[1].get("budget") == budget


# ---- 讲 (said) before 价格 is no haggling (讲价) ----


def test_said_of_a_price_is_no_negotiation(extractor: Extractor) -> None:
    text = "上午去华光机械见了李总 他们车间要换数控机床 李总讲价格合适就换 我先把资料发给他"
    assert _read(extractor, text)[1].get("stage") is None


def test_haggling_is_a_negotiation(extractor: Extractor) -> None:
    assert _read(extractor, "今天又去华光机械跟李总讲价了 数控机床还差两个点")[1].get("stage") == "谈判"


# ---- gone, said the Taiwanese way with 有 for the past (有去X找Y) ----


@pytest.mark.parametrize(
    "text",
    ["昨天有去宁波找华光机械的王总，他决定了，机床先要两台", "上午有去东方电子看他们车间，数控机床要换三台"],
)
def test_gone_said_with_you_is_a_visit(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("kind") == "visit"


def test_not_gone_is_no_visit(extractor: Extractor) -> None:
    assert _read(extractor, "华光机械王总说还没有去看过别家的机床")[1].get("kind") != "visit"


# ---- the quote mailed (寄了报价单) ----


@pytest.mark.parametrize(
    "text",
    ["快递寄了 报价单 给 华光机械 李总，数控机床 两台。他说下周开会讨论", "东方电子的报价单昨天寄过去了"],
)
def test_a_quote_mailed_is_the_quote_stage(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("stage") == "报价"


def test_a_quote_to_be_mailed_is_no_stage_yet(extractor: Extractor) -> None:
    assert _read(extractor, "东方电子王总 下周把报价单寄过去")[1].get("stage") is None


def test_a_name_in_traditional_characters_has_the_simplified_names_key() -> None:
    assert company_key("寧波華興機械有限公司") == company_key("华兴机械")
    assert company_key("廈門藍海酒店") == company_key("厦门蓝海酒店")
