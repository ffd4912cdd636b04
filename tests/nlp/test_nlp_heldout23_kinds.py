"""Kinds of failure seen on the heldout23 corpora (commercial water treatment; aluminium windows and curtain
walls), each tested with made-up sentences of other trades and names, with negatives showing the rule does
not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read

# ---- the bot asked whether a slip can be mended, or what it can make out ----


@pytest.mark.parametrize(
    "text",
    [
        "电话录错了可以改吗",
        "客户名字填错了怎么改",
        "昨天那条记错了能不能删",
        "截图你看得懂吗",
        "照片你能识别不",
    ],
)
def test_a_slip_to_mend_or_what_the_bot_reads_is_help(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "help"


def test_a_slip_mended_in_a_report_is_no_question(extractor: Extractor) -> None:
    assert read(extractor, "报价单写错了 重新发了一版给宏远物流的王工")[0] == "log_followup"


# ---- stage news without stage words ----


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("鼎盛机械的采购合同昨天顺丰寄回来了，公章也盖好了", "签约"),
        ("锦程印务合同上午邮寄回来了", "签约"),
        ("华美酒店这单到出价这一步了", "报价"),
        ("宁波顺达塑业几条产线要几台空压机、放在哪里，都和陈经理确认清楚了", "需求确认"),
    ],
)
def test_stage_news_in_other_words(extractor: Extractor, text: str, stage: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("stage")) == ("update_stage", stage)


@pytest.mark.parametrize("text", ["锦程印务合同寄回来了吗", "合同还没寄回来，章也没盖"])
def test_a_contract_asked_after_or_not_back_is_no_signing(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("stage") is None


def test_goods_installed_long_ago_are_no_delivery(extractor: Extractor) -> None:
    slots = read(extractor, "华联超市王经理来电，说冷柜安装完半年了，有一台老是结霜")[1]
    assert slots.get("stage") is None


def test_installed_now_is_still_delivered(extractor: Extractor) -> None:
    assert read(extractor, "华联超市的冷柜今天装完了")[1].get("stage") == "交付"


def test_a_job_the_new_customer_won_is_no_signing_of_ours(extractor: Extractor) -> None:
    intent, slots = read(
        extractor, "新线索 杭州恒远路桥公司 刚中标了两个标段 要租压路机 联系人李强 13912345678"
    )
    assert (intent, slots.get("stage")) == ("new_lead", None)


def test_a_bid_won_is_still_signed(extractor: Extractor) -> None:
    assert read(extractor, "恒远路桥那个标我们中标了")[1].get("stage") == "签约"


# ---- kinds said in other words ----


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("和鼎盛机械采购部孙经理打了半个小时电话 CNC要三台", "call"),
        ("跟远航物流的孙经理通了十来分钟的电话", "call"),
        ("陪锦程印务的刘总吃过饭了 他们想上云ERP", "visit"),
        ("今天去锦程印务车间和厂长聊过了 想换两台CNC", "visit"),
        ("和华能电厂的钱主任一起看了图纸 光伏组件要加量", "visit"),
        ("跟周先生在他家聊到很晚 别墅屋顶想铺太阳能板", "visit"),
    ],
)
def test_kinds_in_other_words(extractor: Extractor, text: str, kind: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("kind")) == ("log_followup", kind)


def test_a_talk_planned_is_no_visit(extractor: Extractor) -> None:
    assert read(extractor, "明天去锦程印务跟厂长谈")[1].get("kind") is None


def test_a_look_on_a_call_is_online(extractor: Extractor) -> None:
    assert read(extractor, "跟锦程印务的刘总视频看了样品")[1].get("kind") == "online"


@pytest.mark.parametrize(
    "text",
    [
        "在华能电厂开会 顺便把太阳能板和云ERP都介绍了一通 钱主任说回去研究",
        "鼎盛机械那边给他们介绍了一下CNC机床，王工挺感兴趣",
    ],
)
def test_our_products_talked_through_are_a_demo(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("kind") == "demo"


def test_the_situation_talked_through_is_no_demo(extractor: Extractor) -> None:
    assert read(extractor, "跟鼎盛机械的王工电话里把情况讲了一遍")[1].get("kind") == "call"


# ---- the writer gone off, a present from the customer ----


@pytest.mark.parametrize("text", ["我先吃饭去了 晚点补", "先开会去了 晚点再说"])
def test_the_writer_gone_off_is_no_contact(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "other"


def test_a_meal_with_the_customer_is_a_visit(extractor: Extractor) -> None:
    assert read(extractor, "跟远航物流的李总吃饭去了")[1].get("kind") == "visit"


def test_a_present_from_the_customer_is_small_talk(extractor: Extractor) -> None:
    assert read(extractor, "鼎盛机械刘经理寄了两箱脐橙 送我们尝尝 嘿嘿")[0] == "other"


@pytest.mark.parametrize(
    "text", ["今天拜访鼎盛机械刘经理，临走送了我一盒月饼", "鼎盛机械的刘经理送了咱们几包样品，下周测"]
)
def test_a_present_beside_business_is_still_a_report(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "log_followup"


# ---- budgets in other words ----


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("汕尾有家印刷厂要两台切纸机 预计一两万块 钟先生 13800001111", [10000, 20000]),
        ("孙经理讲了 总价不会超过60w", [None, 600000]),
        ("刘总电话说报价3w以内可以接受", [None, 30000]),
        ("宏远物流想加装一套监控，五千以内都可以", [None, 5000]),
        ("实验中学这批电脑的钱批了 45万", [450000, 450000]),
    ],
)
def test_budgets_in_other_words(extractor: Extractor, text: str, budget: list[int | None]) -> None:
    assert read(extractor, text)[1].get("budget") == budget


@pytest.mark.parametrize(
    "text", ["远航物流说单价两百以内都行", "远航物流说数量1000以内都行", "远航物流来了一两个人看样"]
)
def test_a_unit_price_or_a_count_is_no_budget(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("budget") is None


# ---- the rep's plan in other words (sent Tuesday 2026-03-10, 09:30) ----


@pytest.mark.parametrize(
    ("text", "date", "time"),
    [
        ("锦程印务厂长同意试机，说好周四我带样品过去", "2026-03-12", None),
        ("鼎盛机械要报价单，今天下班前我把清单发她", "2026-03-10", None),
        ("我约了她周五下午两点去仓库量尺寸", "2026-03-13", "14:00"),
        ("答应他明天早上8点送合同过去", "2026-03-11", "08:00"),
        ("鼎盛机械15号验收，验收那天上午10点我到现场", "2026-03-15", "10:00"),
    ],
)
def test_plans_in_other_words(extractor: Extractor, text: str, date: str, time: str | None) -> None:
    assert read(extractor, text)[1].get("next_followup") == {"date": date, "time": time}


@pytest.mark.parametrize(
    "text",
    [
        "鼎盛机械的刘经理说他周五去广州看展",  # their own timeline
        "鼎盛机械15号开业，那天他们老板不在",  # the day named again, no plan of ours
    ],
)
def test_their_timeline_is_no_plan(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("next_followup") is None


# ---- people called by 小/老 and a surname ----


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("实验中学小黎老师来电话 要换一批投影仪", "黎", "老师"),
        ("跟远航物流的老郑经理聊了一下午", "郑", "经理"),
        ("东莞有家做模具的，叫精锐的，小邬上午找我过去喝茶", "邬", None),
        ("老葛（精锐模具）说首批先要两台", "葛", None),
    ],
)
def test_a_surname_called_by_xiao_or_lao(
    extractor: Extractor, text: str, name: str, title: str | None
) -> None:
    slots = read(extractor, text)[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == (name, title)


def test_a_word_of_xiao_is_no_nickname(extractor: Extractor) -> None:
    assert read(extractor, "见了物业的小区经理")[1].get("contact_name") is None


def test_a_colleague_opening_a_note_is_no_contact(extractor: Extractor) -> None:
    assert read(extractor, "小王今天去了远航物流")[1].get("contact_name") is None


# ---- an organisation named by 叫X的, in brackets after its person, or by its main store ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("温州那家奶茶连锁，叫茶语坊的，老板下午打来电话", "茶语坊"),
        ("东莞有家做模具的，叫精锐的，小邬上午找我过去喝茶", "精锐"),
        ("老葛（精锐模具）说首批先要两台", "精锐模具"),
        ("黄经理(鼎盛机械)说下周定", "鼎盛机械"),
        ("在绍兴老张羊肉粉总店和店长聊完了", "绍兴老张羊肉粉"),
    ],
)
def test_an_organisation_named_by_its_name_said_apart(extractor: Extractor, text: str, company: str) -> None:
    assert read(extractor, text)[1].get("company") == company


@pytest.mark.parametrize(
    "text",
    ["王总（采购总监）说下周定", "刘工（技术部）电话里说", "张总（张海燕）说下周定", "去杭州总店跟店长谈了"],
)
def test_a_title_department_full_name_or_bare_store_is_no_organisation(
    extractor: Extractor, text: str
) -> None:
    assert read(extractor, text)[1].get("company") is None


# ---- words the people finder took for names ----


def test_a_place_gone_to_is_no_person(extractor: Extractor) -> None:
    slots = read(extractor, "今天先到了柳荫湖那边的工地，远航地产工程部的蒋总也在")[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == ("蒋", "总")


def test_a_department_character_starting_a_word_ends_no_department(extractor: Extractor) -> None:
    slots = read(extractor, "远航物流搬进新办公室了，后勤部的何丽娟主任约我周五过去")[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == ("何丽娟", "主任")


# ---- a full name said as a clause of its own ----


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("常熟海天纺织，郑国平，老板本人，今天上午拜访的", "郑国平"),
        ("朋友推荐的，绍兴一个开民宿的，易文斌，想给客房装新风", "易文斌"),
        ("加个线索 临海的别墅业主 钱志远 138 0000 2222 屋顶要做光伏", "钱志远"),
    ],
)
def test_a_full_name_between_pauses_is_the_contact(extractor: Extractor, text: str, name: str) -> None:
    assert read(extractor, text)[1].get("contact_name") == name


@pytest.mark.parametrize("text", ["收到 谢谢哈", "今天跑了三家，远航物流，鼎盛机械，华美酒店"])
def test_words_between_pauses_are_no_full_name(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("contact_name") is None


# ---- 哥 after a surname is as 姐 is ----


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [("在阿福面馆和店长张哥聊完了", "张", "店长"), ("跟远航物流的胡哥吃了个饭", "胡", None)],
)
def test_ge_after_a_surname_gives_the_surname(
    extractor: Extractor, text: str, name: str, title: str | None
) -> None:
    slots = read(extractor, text)[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == (name, title)


@pytest.mark.parametrize("text", ["跟他表哥吃了个饭", "收到 谢谢斌哥🙏"])
def test_a_word_or_a_given_name_before_ge_is_no_surname(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("contact_name") is None


# ---- what is no organisation: a competitor, a county, a home, a greeting, a trade described ----


@pytest.mark.parametrize(
    ("text", "competitor"), [("金蝶那头同样在做方案", "金蝶"), ("用友那边报了价", "用友")]
)
def test_a_competitor_named_as_a_place_is_no_customer(
    extractor: Extractor, text: str, competitor: str
) -> None:
    slots = read(extractor, text)[1]
    assert (slots.get("company"), slots.get("competitors")) == (None, [competitor])


@pytest.mark.parametrize(
    "text",
    [
        "加个线索 金华 兰溪那边有个茶厂 老板姓方 13800002222",  # a county said before 那边
        "回访嘉兴南湖区锦绣花园别墅的宋总，他家要换太阳能板",  # a family's home
        "您们好 我在义乌 想在屋顶装太阳能板",  # a greeting opening the note
        "下午见了宁波做汽修厂的那个老孙",  # a trade described
        "昨天和宁波北仑那个做模具的孙总喝了茶",  # where the one described is
        "用友已经出局，下周签",  # a word of 局 that is no bureau
    ],
)
def test_words_that_name_no_organisation(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("company") is None


# ---- organisation names the finder cut short or took too much of ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("查一下岳阳和兴物流的跟进记录", "岳阳和兴物流"),  # 和 inside a name, after its place
        ("自贡盐都大酒店要换一批云ERP", "自贡盐都大酒店"),  # a city's byname after the city
        ("见了开发商宁波恒信置业有限公司的刘工", "宁波恒信置业有限公司"),
        ("总包中建八局的王经理说下周进场", "中建八局"),
        ("去宜昌三医找了李主任", "宜昌三医"),  # a numbered people's hospital
        ("南通海门那个钢厂 宏远特钢 下午电话聊了", "宏远特钢"),  # pointed at, then named
    ],
)
def test_organisation_spans(extractor: Extractor, text: str, company: str) -> None:
    assert read(extractor, text)[1].get("company") == company


def test_a_place_and_another_place_stay_apart(extractor: Extractor) -> None:
    assert read(extractor, "岳阳和长沙的客户都要")[1].get("company") is None


# ---- a person's full name asked about is the contact, not a customer ----


@pytest.mark.parametrize(("text", "name"), [("韦娟那边有消息没", "韦娟"), ("易文斌那个单子谁跟的", "易文斌")])
def test_a_full_name_asked_about_is_a_person(extractor: Extractor, text: str, name: str) -> None:
    slots = read(extractor, text)[1]
    assert (slots.get("company"), slots.get("contact_name")) == (None, name)


@pytest.mark.parametrize(
    ("text", "company"), [("华锐那边有进展没", "华锐"), ("金鹏韩主席那边电话聊了", "金鹏")]
)
def test_a_brand_of_a_surname_stays_a_brand(extractor: Extractor, text: str, company: str) -> None:
    assert read(extractor, text)[1].get("company") == company


# ---- cities the scan hid or took for words ----


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("今天长沙好热 工地停了半天", "长沙"),  # a county (天长) overlapping the city in the scan
        ("中山翠亨新区有家灯具厂想装太阳能板", "中山"),  # an ambiguous city before its zone
    ],
)
def test_cities_read_past_a_county_or_before_a_zone(extractor: Extractor, text: str, city: str) -> None:
    assert read(extractor, text)[1].get("city") == city


def test_an_ambiguous_city_alone_in_a_street_stays_no_city(extractor: Extractor) -> None:
    assert read(extractor, "在中山路见了王总")[1].get("city") is None
