"""Kinds of failure seen on the heldout22 corpora (agricultural inputs as voice-to-text; wire and cable
with English words and emoji), each tested with made-up sentences of other trades and names, with
negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import SENT, read


def _customer(extractor: Extractor, text: str) -> tuple[str, dict[str, object]]:
    ex = extractor.extract(text, SENT, "customer")
    return str(ex.intent), ex.to_slots()


# ---- voice input restating who: a full name after a pause and a filler ----


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("今天去嘉兴见了一下那个东兴建材的刘总 嗯就是刘国栋 他们想做代理", "刘国栋", "总"),
        ("跟海宁的老吴聊了一会儿 就是吴海涛 他是开五金店的老板", "吴海涛", "老板"),
        ("刚给桐乡那个永丰五金批发部的老板打了个电话 那个许文斌 嗯就是问他要不要补货", "许文斌", "老板"),
    ],
)
def test_a_full_name_restated_after_a_filler_is_the_contact(
    extractor: Extractor, text: str, name: str, title: str
) -> None:
    slots = read(extractor, text)[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == (name, title)


@pytest.mark.parametrize(
    "text",
    ["就是价格有点高 那个方案还要改", "那个周五再说吧", "就是江西人 挺实在"],
)
def test_a_filler_before_a_word_names_no_one(extractor: Extractor, text: str) -> None:
    assert "contact_name" not in read(extractor, text)[1]


# ---- who holds a title, said with 是 ----


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("到了安吉县的青山竹木合作社 理事长是那个吴海涛 电话13605376628 想要烘干机", "吴海涛", "理事长"),
        ("场长就是何立群，人挺好", "何立群", "场长"),
        ("新的种植基地 负责人是胡文强 手机号是15836279904 想上滴灌", "胡文强", "负责人"),
    ],
)
def test_a_title_then_is_then_a_full_name(extractor: Extractor, text: str, name: str, title: str) -> None:
    slots = read(extractor, text)[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == (name, title)


@pytest.mark.parametrize("text", ["经理是新来的 不太懂", "老板是江西人 挺实在"])
def test_what_a_title_is_is_no_name(extractor: Extractor, text: str) -> None:
    assert "contact_name" not in read(extractor, text)[1]


# ---- farm, co-op and mine titles; the one to ask for; a place before 那边 ----


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("去了趟湖州的茶园 老板不在 跟他们技术员小杨聊了聊 回头再约", "杨", "技术员"),
        ("有个线索 安吉县竹海家庭农场 农场主叫陈玉芬 电话13953982261 想做测土", "陈玉芬", "农场主"),
        ("今天带技术去了鄂尔多斯恒昌矿业，跟机电副矿长聊了井下设备的更换计划", None, "机电副矿长"),
    ],
)
def test_farm_and_mine_titles(extractor: Extractor, text: str, name: str | None, title: str) -> None:
    slots = read(extractor, text)[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == (name, title)


def test_the_one_to_ask_for_is_the_contact(extractor: Extractor) -> None:
    slots = _customer(extractor, "想问下你们有没有烘干机 价格多少 电话13812345678 找老耿就行")[1]
    assert slots.get("contact_name") == "耿"


def test_a_city_before_there_is_no_person(extractor: Extractor) -> None:
    slots = _customer(extractor, "你好 我是周口那边的养殖户 想问问饲料的价格 我姓钱 电话13812345678")[1]
    assert (slots.get("contact_name"), slots.get("city")) == ("钱", "周口")


# ---- cities: one hidden by another across a province; a short form that is a word, before its county ----


def test_a_city_hidden_by_another_across_the_province_is_read(extractor: Extractor) -> None:
    # 河南|平顶山 holds 南平 (a city in Fujian) across the two words
    slots = _customer(extractor, "你好 我在河南平顶山宝丰县 想订一批饲料 电话13693758820")[1]
    assert slots.get("city") == "平顶山"


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("我是开封尉氏的 想问问滴灌带的价格 电话13693758820", "开封"),
        ("我是延边珲春的 想买点肥料 电话13693758820", "延边"),
    ],
)
def test_a_city_that_is_also_a_word_before_its_own_county(extractor: Extractor, text: str, city: str) -> None:
    assert _customer(extractor, text)[1].get("city") == city


def test_a_word_that_is_a_city_alone_is_no_city(extractor: Extractor) -> None:
    assert "city" not in read(extractor, "这箱货已经开封了 客户不让退")[1]


# ---- companies: a county after a filler and a pointer, shop forms, a trade described ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("嗯那个沛县丰源养殖场的饲料那单签了", "沛县丰源养殖场"),  # a two-character county
        ("嗯那个遂昌县青山竹木合作社的烘干机那单签了", "遂昌县青山竹木合作社"),
        ("嗯 遂昌那个青山竹木合作社 烘干机的单子丢了", "青山竹木合作社"),  # a county's short form, then 那个
        ("刚才给湖州那个浙北五金经销部的老板打了个电话", "浙北五金经销部"),
    ],
)
def test_a_county_or_a_shop_form_before_a_pointed_name(extractor: Extractor, text: str, company: str) -> None:
    assert read(extractor, text)[1].get("company") == company


def test_a_county_asked_after_a_filler_is_the_customer(extractor: Extractor) -> None:
    intent, slots = read(extractor, "嗯帮我查一下那个沛县金穗家庭农场之前都谁跟过")
    assert (intent, slots.get("company")) == ("query_lead", "沛县金穗家庭农场")


def test_a_pointer_after_an_everyday_word_points_at_no_county(extractor: Extractor) -> None:
    assert read(extractor, "那个城区的合作社签了")[1].get("company") is None


@pytest.mark.parametrize(
    "text",
    [
        "客户wx加我的：赤峰做分布式光伏的乔总，20MW，电话15647632210",
        "嘉兴海宁有个种葡萄的白老板 朋友介绍的 要三百亩的滴灌带 电话15046338127",
    ],
)
def test_a_trade_described_before_a_person_names_no_company(extractor: Extractor, text: str) -> None:
    slots = read(extractor, text)[1]
    assert "company" not in slots
    assert slots.get("contact_title") in ("总", "老板")


# ---- English words: a CRM's status, follow-ups asked, a call done, the next step as a field ----


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("华远钢构二期 lost了💔 远东中标", "输单"),
        ("恒丰物流园冷库 WIN 🏆", "签约"),
        ("恒丰物流园 合同已签，下周发货🚚", "签约"),
        ("恒丰物流园合同已签字", "签约"),
    ],
)
def test_stage_news_in_english_or_with_no_le(extractor: Extractor, text: str, stage: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("stage")) == ("update_stage", stage)


@pytest.mark.parametrize(
    "text",
    [
        "华远钢构的王总lost contact了",
        "华远钢构 lost?",
        "恒丰物流园合同已签吗",
        "这单争取win-win",
        "华远钢构的电脑还是WIN10 装不了",
        "客户说 they won't sign 这个月",
    ],
)
def test_no_stage_from_english_words_asked_or_in_other_senses(extractor: Extractor, text: str) -> None:
    assert "stage" not in read(extractor, text)[1]


@pytest.mark.parametrize(
    ("text", "day"),
    [("明天我有哪些follow up？", "2026-03-11"), ("今天有啥follow-up", "2026-03-10")],
)
def test_follow_ups_asked_in_english(extractor: Extractor, text: str, day: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("period")) == ("query_today", {"start": day, "end": day})


def test_a_call_said_done_in_english(extractor: Extractor) -> None:
    intent, slots = read(extractor, "华远钢构 周科长 call done，要CNC机床两台，金蝶也报了。下周四再约")
    assert (intent, slots.get("kind")) == ("log_followup", "call")


def test_the_next_step_as_a_report_field(extractor: Extractor) -> None:
    text = "跟进小结：\n客户：丽水 瓯江光伏电站\n人：站长吕伟\n事：去现场看了逆变器\nNext：3月20号下午2点复勘"
    slots = read(extractor, text)[1]
    assert slots.get("next_followup") == {"date": "2026-03-20", "time": "14:00"}


def test_a_customer_adding_the_rep_is_a_new_lead(extractor: Extractor) -> None:
    intent, slots = read(extractor, "客户wx加我的：金华做物流的俞总，要冷库，电话15647632210")
    assert intent == "new_lead"
    assert "company" not in slots


# ---- voice-to-text: a visit said with 去的, a survey done again, a promise to go, help asked after ----


@pytest.mark.parametrize(
    "text",
    [
        "上午先去的临安青山农场 场长姓马 聊了聊有机肥",
        "早上八点到的遂昌 去的那个遂昌县青山竹木合作社 理事长老宋 聊了烘干机",
        "瓯江光伏电站复勘完了，吕站长那边确认要换逆变器",
    ],
)
def test_a_visit_said_the_spoken_way(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("kind") == "visit"


@pytest.mark.parametrize("text", ["要去的地方太多了", "我们去的时候他不在"])
def test_gone_not_said_as_a_visit(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("kind") is None


def test_the_one_promised_is_no_subject_of_the_plan(extractor: Extractor) -> None:
    text = "今天见了青山农场的场长李卫东 他们要做滴灌 我答应他下周五带方案再过去一趟"
    assert read(extractor, text)[1].get("next_followup") == {"date": "2026-03-20", "time": None}


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("嗯 问一下 我上次录错了一个客户的地址 想改一下怎么弄", "help"),
        ("录错的跟进记录删掉咋办？", "help"),
        ("价格改一下怎么弄都行", "other"),
    ],
)
def test_how_to_change_a_record_asked_after_it(extractor: Extractor, text: str, intent: str) -> None:
    assert read(extractor, text)[0] == intent


# ---- a role and the name on a form; a full name asked after a filler ----


def test_a_role_then_a_spaced_name_on_a_form(extractor: Extractor) -> None:
    text = (
        "您好，我们是嘉兴一家装修公司（嘉兴恒泰装饰工程有限公司），需要板材约300张，"
        "请把报价发到 abc@126.com ，联系人：采购 吴敏"
    )
    slots = _customer(extractor, text)[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == ("吴敏", "采购")


def test_a_role_then_a_word_is_no_name(extractor: Extractor) -> None:
    assert "contact_name" not in read(extractor, "采购 流程走完了")[1]


def test_a_full_name_asked_after_a_filler(extractor: Extractor) -> None:
    intent, slots = read(extractor, "那个吴建军最近一次是谁跟的 跟到哪一步了")
    assert (intent, slots.get("contact_name")) == ("query_lead", "吴建军")


@pytest.mark.parametrize(("text", "stage"), [("华远钢构 Lost 😭", "输单"), ("恒丰物流园 Won 🎉", "签约")])
def test_a_status_word_capitalised_is_no_english_name(extractor: Extractor, text: str, stage: str) -> None:
    slots = read(extractor, text)[1]
    assert (slots.get("stage"), slots.get("contact_name")) == (stage, None)
