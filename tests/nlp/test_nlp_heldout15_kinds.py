"""Kinds of failure seen on the heldout15 corpora (C&I solar and storage, education equipment), each tested
with made-up sentences of other trades and names, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read

# ---- a deal's step said in other words: the award notice or the PO in, needs settled, fitting begun ----


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("常州恒力机械中标通知书下来了！三台数控机床都是我们的", "签约"),
        ("收到了绍兴越美纺织的中标通知，云ERP这单拿稳了", "签约"),
        ("宁波海天塑机的PO收到了，两台CNC", "签约"),
        ("嘉兴新凯电子的需求算是定了，云ERP加仓储模块一起上", "需求确认"),
        ("湖州永达食品的数控机床今天进场了，开始布线", "交付"),
    ],
)
def test_a_step_of_the_deal_in_other_words_is_its_stage(extractor: Extractor, text: str, stage: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("stage")) == ("update_stage", stage)


@pytest.mark.parametrize(
    "text",
    [
        "常州恒力机械的中标通知书下来了吗",
        "宁波海天塑机的PO收到了没",
        "嘉兴新凯电子的需求定了吗",
        "嘉兴新凯电子的需求还没定，下周再去聊",
        "湖州永达食品的数控机床下周一开始安装",
    ],
)
def test_a_step_asked_or_still_to_come_is_no_stage(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("stage") is None


# ---- a visit said as a place of theirs looked over, or as a talk held at their place ----


@pytest.mark.parametrize(
    "text",
    [
        "常州恒力机械车间看完了，三台CNC要换，周经理说月底前定",
        "温州瑞丰鞋业场地看过了，仓库能放两台数控机床",
        "绍兴越美纺织吕主任那边看完了 云ERP要上十个账号",
        "今天在嘉兴市人民医院设备处跟罗处长聊了一个小时，云ERP明年上",
    ],
)
def test_a_place_looked_over_or_a_talk_there_is_a_visit(extractor: Extractor, text: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("kind")) == ("log_followup", "visit")


@pytest.mark.parametrize(
    "text",
    [
        "常州恒力机械车间看完了吗",
        "今天在微信上跟常州恒力机械周经理聊了一下，云ERP下周报价",
        "宁波海天塑机已经在跟用友和金蝶谈了，想上云ERP",
    ],
)
def test_a_place_asked_about_a_chat_online_or_a_rival_talked_to_is_no_visit(
    extractor: Extractor, text: str
) -> None:
    assert read(extractor, text)[1].get("kind") != "visit"


# ---- schools called as people shorten them: by their number, or 高中 / 附中 / 实小 ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("昆明五华三中上午去过了，后勤处说云ERP要先试用", "昆明五华三中"),
        ("绵阳二十九中那单丢了", "绵阳二十九中"),
        ("常熟二实小去过了，机房要换数控机床实训台", "常熟二实小"),
        ("金华外国语附中周主任电话多少", "金华外国语附中"),
        ("泉港高中进入谈价阶段了", "泉港高中"),
    ],
)
def test_a_school_shortened_is_the_company(extractor: Extractor, text: str, company: str) -> None:
    assert read(extractor, text)[1].get("company") == company


@pytest.mark.parametrize(
    "text",
    [
        "开了一小时会，王总说下个月定云ERP",
        "还有一小部分数控机床没装好",
        "王总的高中同学也想上云ERP，下周介绍给我",
        "这周跑了三所高中，都说明年再看",
    ],
)
def test_a_number_before_zhong_or_xiao_in_other_words_is_no_school(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("company") is None


# ---- a prospect with its person to deal with introduced, and no contact told, is a new lead ----


@pytest.mark.parametrize(
    "text",
    [
        "绍兴越美纺织要建一个新仓库，云ERP要上十个账号，对接人是信息部的钱主任，下周三我和技术一起去",
        "常州恒力机械要上三台数控机床，联系人是设备科的戴科长，电话0519-86123456，他们说用友也在报",
    ],
)
def test_a_prospect_with_its_person_introduced_is_a_new_lead(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "new_lead"


@pytest.mark.parametrize(
    "text",
    [
        "今天去了常州恒力机械，对接人是设备科的戴科长，三台数控机床下个月定",
        "常州恒力机械对接人是设备科的戴科长，下周再去一趟",
    ],
)
def test_a_person_introduced_beside_a_contact_told_is_a_report(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "log_followup"


# ---- what the customer sent the rep (a photo, a file) is a contact; WeChat added with it is online ----


def test_a_file_the_customer_sent_is_a_contact_on_its_channel(extractor: Extractor) -> None:
    text = "湖州永达食品钱主任加了微信，把车间的设备清单拍给我了，我后天把云ERP方案发给她"
    intent, slots = read(extractor, text)
    assert (intent, slots.get("kind")) == ("log_followup", "online")


def test_wechat_added_with_nothing_sent_stays_a_first_contact(extractor: Extractor) -> None:
    assert read(extractor, "展会上加了湖州永达食品钱主任的微信，想上云ERP")[0] == "new_lead"


# ---- a ceiling said as what they will pay at most; a quote handed over with 给 ----


def test_the_most_they_will_pay_is_a_ceiling(extractor: Extractor) -> None:
    slots = read(extractor, "温州瑞丰鞋业周总回电话了 云ERP他们最多出三十五万")[1]
    assert slots.get("budget") == [None, 350000]


def test_a_quote_given_to_the_person_is_quoted(extractor: Extractor) -> None:
    slots = read(extractor, "今天去了常州恒力机械，把盖章报价给戴科长了，他说下周定")[1]
    assert slots.get("stage") == "报价"


@pytest.mark.parametrize(
    "text",
    ["常州恒力机械的数控机床，我把报价给领导审了，明天发过去", "常州恒力机械的报价我明天把报价给戴科长"],
)
def test_a_quote_given_to_our_side_or_planned_is_no_quote(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("stage") is None


# ---- the asker's team before a product line is whose figures are asked, not a customer ----


@pytest.mark.parametrize("text", ["上个月全组光伏线索的转化率多少", "本月我们组数控机床线索有多少"])
def test_the_team_before_a_line_asks_for_figures(extractor: Extractor, text: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("company"), slots.get("scope")) == ("query_stats", None, "team")


# ---- a mobile number read out digit by digit, in groups ----


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("负责人是设备科的戴科长 电话是 一五八 五七九八 二二六一", "15857982261"),
        ("戴科长手机一三九-五三五二-零六七八", "13953520678"),
        ("戴科长手机一三九五三五二零六七八 两台数控机床", "13953520678"),
    ],
)
def test_a_mobile_read_out_in_groups_is_the_phone(extractor: Extractor, text: str, phone: str) -> None:
    assert read(extractor, text)[1].get("phone") == phone


def test_numbers_said_in_words_that_are_no_mobile_give_no_phone(extractor: Extractor) -> None:
    assert read(extractor, "一三 五七 九八 二二 六一 这几台数控机床要检修")[1].get("phone") is None


# ---- the rep's plan referring back to a day just named ("我到时候去参加") ----


@pytest.mark.parametrize(
    "text",
    [
        "常州恒力机械下周四开验收会 我到时候去参加",
        "常州恒力机械的数控机床下周四调试，到时候我过去盯着",
        "戴科长说下周四开协调会，我那天过去",
    ],
)
def test_the_rep_referring_back_to_a_day_plans_it(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("next_followup") == {"date": "2026-03-19", "time": None}


@pytest.mark.parametrize(
    "text",
    ["常州恒力机械下周四开协调会，他们到时候会通知", "常州恒力机械下周四开协调会，到时候再说"],
)
def test_their_event_with_no_step_of_the_rep_is_no_plan(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("next_followup") is None


# ---- contacts: one shown a demo or sent something, a full name a famous person bore ----


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("去常州恒力机械给刘晓燕演示了云ERP，她挺满意", "刘晓燕"),
        ("去常州恒力机械给刘晓燕demo了数控机床", "刘晓燕"),
        ("常州恒力机械李娜微信回复了，云ERP方案她转给领导了", "李娜"),
        ("常州恒力机械的张宁说下周定", "张宁"),
    ],
)
def test_the_person_shown_or_a_famous_name_is_the_contact(extractor: Extractor, text: str, name: str) -> None:
    assert read(extractor, text)[1].get("contact_name") == name


@pytest.mark.parametrize("text", ["常州恒力机械高峰期要加两台数控机床", "常州恒力机械胡同里的仓库要上云ERP"])
def test_a_word_tagged_as_a_name_inside_a_sentence_is_no_contact(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("contact_name") is None


# ---- an office after a bureau is the bureau's, not another customer ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("今天在嘉兴市南湖区教育局装备中心跟罗主任聊了一下午，云ERP明年上", "嘉兴市南湖区教育局"),
        ("湖州市公安局指挥中心的钱主任说数控机床不用了", "湖州市公安局"),
    ],
)
def test_an_office_after_a_bureau_is_the_bureau(extractor: Extractor, text: str, company: str) -> None:
    assert read(extractor, text)[1].get("company") == company


def test_a_bureau_after_a_government_keeps_its_own_name(extractor: Extractor) -> None:
    assert read(extractor, "今天去了湖州市税务局稽查局，云ERP要上")[1].get("company") == "湖州市税务局稽查局"


# ---- a logistics port is an organisation; what they want built is no name ----


def test_a_logistics_port_is_an_organisation(extractor: Extractor) -> None:
    slots = read(extractor, "新增：南昌赣江国际物流港，仓库要上云ERP，运营总监姓黎")[1]
    assert slots.get("company") == "南昌赣江国际物流港"


@pytest.mark.parametrize(
    "text", ["他们有意向做光伏电站，云ERP也要换", "常州那边打算搞个充电站，数控机床先不买"]
)
def test_what_they_want_built_is_no_company(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("company") is None


# ---- the day's rounds told as a count of places, no customer named: chit-chat ----


@pytest.mark.parametrize("text", ["今天跑了五个地方 腿都断了😮‍💨", "上午见了好几家客户，累"])
def test_rounds_counted_with_no_customer_are_other(extractor: Extractor, text: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots) == ("other", {})


@pytest.mark.parametrize(
    "text",
    ["今天拜访了三家客户，明天再去第四家", "今天跑了三家，数控机床都想要", "今天跑了三家 常州恒力机械最有戏"],
)
def test_rounds_with_a_plan_a_product_or_a_customer_are_reported(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "log_followup"
