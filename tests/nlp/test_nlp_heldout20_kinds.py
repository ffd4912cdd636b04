"""Kinds of failure seen on the heldout20 corpora (medical consumables and IVD; printing and packaging), each
tested with made-up sentences of other trades and names, with negatives showing the rule does not
over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import SENT, read

# ---- questions in other words ----


@pytest.mark.parametrize("text", ["我们组有哪些客户超过跟进时间了？", "哪些线索错过了回访日期"])
def test_the_follow_up_day_gone_by_is_overdue(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "query_overdue"


@pytest.mark.parametrize(
    ("text", "start"),
    [("今年到现在一共签了多少单", "2026-01-01"), ("这个季度到目前新增了多少线索", "2026-01-01")],
)
def test_a_period_up_to_now_is_no_customer(extractor: Extractor, text: str, start: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("company")) == ("query_stats", None)
    assert slots["period"]["start"] == start


@pytest.mark.parametrize("text", ["有使用说明书吗", "操作说明书发我一下"])
def test_the_bots_manual_asked_for_is_help(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "help"


def test_a_manual_the_customer_has_printed_is_no_help(extractor: Extractor) -> None:
    text = "今天在安达物流开了对接会，他们要做彩盒、使用说明书和CNC的铭牌，下周二上午我去拜访"
    assert read(extractor, text)[0] == "log_followup"


# ---- where the deal stands, told without a stage word ----


@pytest.mark.parametrize("text", ["恒通机械那单最后给用友做了", "😂华宇物流最后还是找金蝶签了"])
def test_the_job_done_by_a_competitor_at_the_end_is_lost(extractor: Extractor, text: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("stage")) == ("update_stage", "输单")
    assert slots.get("company") in ("恒通机械", "华宇物流")


def test_a_job_a_competitor_did_before_is_no_loss(extractor: Extractor) -> None:
    assert read(extractor, "恒通机械那单之前给用友做过一期")[1].get("stage") is None


def test_an_emoji_before_the_customer_of_stage_news(extractor: Extractor) -> None:
    intent, slots = read(extractor, "🎉🎉金帆那套ERP系统合同今天签了")
    assert (intent, slots.get("company"), slots.get("stage")) == ("update_stage", "金帆", "签约")


@pytest.mark.parametrize(
    "text", ["博远纺织那边价格谈得差不多了", "瑞丰塑业那边价格谈的差不多了就差最后让三个点"]
)
def test_the_price_all_but_agreed_is_negotiation(extractor: Extractor, text: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("stage")) == ("update_stage", "谈判")


@pytest.mark.parametrize(
    "text", ["凯盛包装的CNC样机已经拉过去试用了", "宏达电子的太阳能板样品已经送过去试装了"]
)
def test_a_sample_left_with_them_to_try_is_the_demo_stage(extractor: Extractor, text: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("stage"), slots.get("kind")) == ("update_stage", "方案演示", None)


@pytest.mark.parametrize(
    "text", ["鑫源五金的太阳能板样品已经装上去试了吗", "鑫源五金说下个月把CNC样机拉过去试用"]
)
def test_a_sample_asked_about_or_to_come_is_no_stage(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("stage") is None


# ---- a prospect handed over ----


@pytest.mark.parametrize(
    "text",
    [
        "扬州润达化工 车间 数控机床要换 明天去",  # what they will replace
        "嘉兴顺发纺织 做床品的 要太阳能板 后天过去看看",  # a product wanted
        "加线索 宁波天翔电器 云ERP 找谢总",  # headed as one, with no count
    ],
)
def test_a_prospect_with_its_need_and_no_contact_is_a_new_lead(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "new_lead"


def test_a_need_the_customer_said_is_a_contact(extractor: Extractor) -> None:
    assert read(extractor, "嘉兴顺发纺织的李厂长说还要太阳能板 后天过去看看")[0] == "log_followup"


# ---- what is no deal ----


@pytest.mark.parametrize(
    "text",
    [
        "你好，上个月那批太阳能板的发票什么时候开过来？会计在催。南京恒昌光电",  # an invoice asked after
        "你们上周发过来的CNC刀具有一批破损，麻烦尽快处理，恒达机械 周",  # goods delivered, damaged
    ],
)
def test_a_customers_after_sales_request_is_other(extractor: Extractor, text: str) -> None:
    ex = extractor.extract(text, SENT, "customer")
    assert ex.intent.corpus_label == "other"


def test_an_invoice_asked_of_a_purchase_to_come_is_a_lead(extractor: Extractor) -> None:
    ex = extractor.extract("我们想买一批太阳能板 发票能开13个点吗", SENT, "customer")
    assert ex.intent.corpus_label == "new_lead"


@pytest.mark.parametrize(
    "text", ["瑞达电子的钱总下周三过生日，送点什么好🎁", "东盛化工的冯厂长嫁女儿 要不要随个份子"]
)
def test_a_day_of_the_customers_own_life_is_other(extractor: Extractor, text: str) -> None:
    intent, slots = read(extractor, text)
    assert intent == "other"
    assert slots.get("contact_title") in ("总", "厂长")


def test_a_day_of_their_life_beside_the_deal_is_a_contact(extractor: Extractor) -> None:
    assert read(extractor, "东盛化工的冯厂长说下个月嫁女儿 云ERP的事等过了再谈")[0] == "log_followup"


# ---- plans, places and people written in other shapes ----


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        ("call w/ 郭经理 @恒瑞，ERP pricing ok，next step: visit on 3/18 10am", "2026-03-18", "10:00"),
        ("met 马总 @嘉禾优选 today, demo ok, next step: send quote on 3/20", "2026-03-20", None),
        ("恒瑞王总 3/16上午10点去拜访", "2026-03-16", "10:00"),
    ],
)
def test_a_day_written_month_slash_day_is_a_plan(
    extractor: Extractor, text: str, day: str, time: str | None
) -> None:
    assert read(extractor, text)[1].get("next_followup") == {"date": day, "time": time}


def test_a_fraction_is_no_day(extractor: Extractor) -> None:
    assert read(extractor, "恒瑞王总说3/4的预算已经批了")[1].get("next_followup") is None


def test_the_organisation_after_at_and_a_titled_person(extractor: Extractor) -> None:
    assert read(extractor, "met 马总 @嘉禾优选 today, demo ok")[1].get("company") == "嘉禾优选"
    assert read(extractor, "今天见了王总 @李明 你跟一下")[1].get("company") is None  # a colleague


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("电话 郑丽 CNC 下周三去讲方案", "郑丽"),  # how the contact went, then whom
        ("拜访 何建国 太阳能板样品收到了", "何建国"),
        ("C:想做一批太阳能板 急 后天能发货吗 成都 杨 139 8123 4567", "杨"),  # signed: place, surname, number
        (
            "C:你们上周发来的CNC刀具有一批破损，麻烦尽快处理，宏达机械 罗",
            "罗",
        ),  # signed with the surname last
        ("C:想定做一批工服 电话13711223344 叫我阿美就行", "阿美"),  # how the writer asks to be called
        ("孙雅琴那个单子现在到哪一步了", "孙雅琴"),  # a full name asked about, no customer
        (
            "那个锦泰服饰的何雨桐回微信了 说云ERP要加模块",
            "何雨桐",
        ),  # after its organisation, then called back
    ],
)
def test_people_named_in_other_shapes(extractor: Extractor, text: str, name: str) -> None:
    customer = text.startswith("C:")
    ex = extractor.extract(text.removeprefix("C:"), SENT, "customer" if customer else "rep")
    assert ex.contact_name == name
    assert ex.company != name


def test_a_brand_made_with_zhi_before_nabian_is_the_customer(extractor: Extractor) -> None:
    slots = read(extractor, "乐之家那边在压价了")[1]
    assert (slots.get("company"), slots.get("contact_name")) == ("乐之家", None)
    assert read(extractor, "覃立新那边现在什么进度")[1].get("contact_name") == "覃立新"


def test_a_brand_gone_to_to_go_over_details(extractor: Extractor) -> None:
    assert read(extractor, "电话 蒋峰 样品收到了 下周一我去锦泰对细节")[1].get("company") == "锦泰"


def test_a_province_glued_to_its_city(extractor: Extractor) -> None:
    # (the segmenter holds "云南昆明" and "福建厦门" as one word each)
    ex = extractor.extract("想做一批工服 电话13711223344 云南昆明 段老板", SENT, "customer")
    assert ex.city == "昆明"
    assert read(extractor, "福建厦门的客户王总下周三去拜访")[1].get("city") == "厦门"


def test_an_english_function_before_an_english_title(extractor: Extractor) -> None:
    text = "new lead：杭州云舟科技有限公司，product manager Lucas Chen，要上云ERP，phone 13916620087"
    slots = read(extractor, text)[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == ("Lucas Chen", "product manager")


# ---- kinds and stages that are someone else's ----


@pytest.mark.parametrize(
    "text",
    [
        "上午和设备科吕主任开了个会 云ERP要上三个模块 用友上周已经做过演示",
        "上午和设备科吕主任开了个会，用友上周已经做过演示",
    ],
)
def test_a_competitors_demo_is_no_demo_of_ours(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("kind") == "visit"  # a meeting held with their people


def test_a_meeting_on_the_line_is_online(extractor: Extractor) -> None:
    assert read(extractor, "和恒瑞王总开了个视频会")[1].get("kind") == "online"


def test_a_quote_sent_with_more_between_is_the_quote_stage(extractor: Extractor) -> None:
    text = "微信把云ERP和CNC的报价和案例发给振华马厂长了 他说要跟老板商量"
    assert read(extractor, text)[1].get("stage") == "报价"


def test_a_quote_the_customer_asks_for_is_no_stage(extractor: Extractor) -> None:
    text = "刚给锦泰的周总打了电话 他让我把报价和样本发到他邮箱"
    assert read(extractor, text)[1].get("stage") is None
