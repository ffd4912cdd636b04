"""Kinds of failure seen on the held-out heldout33 (nursery stock, Hunan-flavoured; low-voltage cabling,
unpunctuated with typos), each tested with made-up sentences of other trades, with negatives showing the
rule does not over-fire."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor, parse_catalog
from nlp.dialect import mandarin
from nlp.intent import find_kind
from nlp.phones import find_phones
from nlp.types import Intent

SENT = datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("这批叉车几多钱一台", "这批叉车多少钱一台"),
        ("他们想搞么子", "他们想搞什么"),
        ("帮我查一哈", "帮我查一下"),
        ("锅炉的单子签咯！", "锅炉的单子签了！"),
        ("验收完咯 明天开票", "验收完了 明天开票"),
        ("先去恰饭", "先去吃饭"),
    ],
)
def test_hunan_words_read_as_mandarin(text: str, read: str) -> None:
    assert mandarin(text) == read


@pytest.mark.parametrize("text", ["嗯咯 就这样", "心里咯噔一下", "来了十几多个人", "一哈腰就疼"])
def test_words_that_are_not_hunan_stay(text: str) -> None:
    assert mandarin(text) == text


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("我们组上个月新签了几多单", Intent.QUERY_STATS),
        ("明天有么子要跟进的", Intent.QUERY_TODAY),
        ("鼎盛机械那边现在是么子情况", Intent.QUERY_LEAD),
    ],
)
def test_hunan_questions_are_read(extractor: Extractor, text: str, intent: Intent) -> None:
    assert extractor.extract(text, SENT).intent is intent


def test_lost_said_in_hunan(extractor: Extractor) -> None:
    got = extractor.extract("鼎盛机械那个数控机床的单子输咯 金蝶拿下了", SENT)
    assert got.intent is Intent.UPDATE_STAGE and got.to_slots().get("stage") == "输单"


@pytest.mark.parametrize(
    "text",
    ["冷库那边预算没超过30万都好谈", "他们说设备款没有超过八十万就能批", "厂里预算冇超过15万都可以"],
)
def test_not_gone_over_is_a_ceiling(extractor: Extractor, text: str) -> None:
    budget = extractor.extract(text, SENT).to_slots().get("budget")
    assert budget is not None and budget[0] is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("微信跟鼎盛机械钱经理聊了数控机床 他说月底前定 我下周一上午在问问", "2026-03-16"),
        ("跟刘总电话聊了 下周三在过去一趟", "2026-03-18"),
    ],
)
def test_zai_typed_for_again_after_a_day_ahead(extractor: Extractor, text: str, day: str) -> None:
    planned = extractor.extract(text, SENT).to_slots().get("next_followup")
    assert planned is not None and planned["date"] == day


@pytest.mark.parametrize("text", ["刘总说下周三在公司等消息", "刘总说这个事下周在说"])
def test_zai_that_is_where_or_put_off_plans_nothing(extractor: Extractor, text: str) -> None:
    assert "next_followup" not in extractor.extract(text, SENT).to_slots()


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("钢厂得项目到哪一步了", "钢厂的项目到哪一步了"),
        ("查下那个客户得情况", "查下那个客户的情况"),
        ("上个季度得排名", "上个季度的排名"),
        ("机械厂得刘经理回电话了", "机械厂的刘经理回电话了"),
    ],
)
def test_de_typed_for_possessive_de(text: str, read: str) -> None:
    assert mandarin(text) == read


@pytest.mark.parametrize(
    "text",
    ["他觉得项目能成", "我们取得项目了", "价格得老板拍板", "这事得事先说好", "他说得对", "值得客户信任"],
)
def test_de_of_manner_or_need_stays(text: str) -> None:
    assert mandarin(text) == text


def test_company_before_a_typed_de_ends_there(extractor: Extractor) -> None:
    got = extractor.extract("鼎盛机械得项目现在到哪一步了", SENT)
    assert got.intent is Intent.QUERY_LEAD and got.to_slots().get("company") == "鼎盛机械"


@pytest.mark.parametrize("text", ["鼎盛机械合同签了 下周开始进场施工", "冷库的合同签了 下个月开始安装"])
def test_work_starting_a_week_ahead_is_not_delivery(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).to_slots().get("stage") == "签约"


def test_work_started_is_delivery(extractor: Extractor) -> None:
    assert extractor.extract("鼎盛机械那边施工队已经开始进场了", SENT).to_slots().get("stage") == "交付"


# A catalog that sells what a channel is called: a conference-system vendor's.
_CONFERENCING = """
[[products]]
name = "视频会议系统"
aliases = ["视频会议", "会议平板"]

[[products]]
name = "门禁系统"
aliases = ["门禁"]
"""


@pytest.fixture(scope="module")
def conferencing() -> Extractor:
    return Extractor(parse_catalog(_CONFERENCING, "conferencing"))


def test_a_product_named_by_a_channel_is_no_contact(conferencing: Extractor) -> None:
    got = conferencing.extract("实验中学视频会议 已经到谈判了 周老师在申请经费", SENT)
    assert got.intent is Intent.UPDATE_STAGE and "kind" not in got.to_slots()


@pytest.mark.parametrize(
    "text", ["跟实验中学周老师开了个视频会议 聊了门禁", "实验中学周老师视频会议上说门禁要加"]
)
def test_a_conference_held_is_still_online(conferencing: Extractor, text: str) -> None:
    got = conferencing.extract(text, SENT)
    assert got.intent is Intent.LOG_FOLLOWUP and got.to_slots().get("kind") == "online"


@pytest.mark.parametrize("text", ["所有销售这个季度的签单排名", "全体同事上周新增了多少客户"])
def test_all_the_sales_is_the_team(extractor: Extractor, text: str) -> None:
    got = extractor.extract(text, SENT)
    assert got.intent is Intent.QUERY_STATS and got.to_slots().get("scope") == "team"


@pytest.mark.parametrize(
    "text",
    [
        "鼎盛机械刘主任终于见上了 数控机床下学期再说",
        "鼎盛机械刘主任今天来基地挑了一批光伏组件",
        "采购科长今天来仓库验了货",
    ],
)
def test_met_at_last_or_came_to_pick_is_a_visit(text: str) -> None:
    found = find_kind(text)
    assert found is not None and found[0] == "visit"


@pytest.mark.parametrize("text", ["刘主任下周要来基地看样", "刘主任见上了吗", "要先见上级领导"])
def test_a_visit_to_come_or_asked_is_none(text: str) -> None:
    assert find_kind(text) is None


@pytest.mark.parametrize(
    ("text", "name"), [("帮我看下王丽娟那个客户的情况", "王丽娟"), ("看一下周小梅的资料", "周小梅")]
)
def test_a_look_at_a_person_named_alone_asks_about_the_lead(
    extractor: Extractor, text: str, name: str
) -> None:
    got = extractor.extract(text, SENT)
    assert got.intent is Intent.QUERY_LEAD and got.to_slots().get("contact_name") == name


@pytest.mark.parametrize("text", ["帮我看看明天的情况", "帮我看下今天的情况"])
def test_a_look_at_a_day_is_no_lead(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).intent is not Intent.QUERY_LEAD


@pytest.mark.parametrize("text", ["PM问我这个月新增几个线索 帮我查下", "老板问我上周签了多少单"])
def test_the_boss_asking_through_the_rep_is_a_count(extractor: Extractor, text: str) -> None:
    got = extractor.extract(text, SENT)
    slots = got.to_slots()
    assert got.intent is Intent.QUERY_STATS and "contact_title" not in slots and "period" in slots


def test_a_customer_asking_the_rep_is_still_a_report(extractor: Extractor) -> None:
    assert extractor.extract("王总问我这个月能发几台", SENT).intent is Intent.LOG_FOLLOWUP


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("我们是苏州太湖旅游度假区的 想问下光伏组件怎么卖 联系人 陈先生 13812345678", "苏州太湖旅游度假区"),
        ("宁波北仑开发区物业中心 要采购光伏组件 请报价 联系人 谢先生 0574-8821936", "宁波北仑开发区物业中心"),
    ],
)
def test_a_resort_area_and_a_zone_property_office_are_customers(
    extractor: Extractor, text: str, company: str
) -> None:
    assert extractor.extract(text, SENT, channel="customer").to_slots().get("company") == company


def test_a_zone_committee_is_still_the_zone_s(extractor: Extractor) -> None:
    got = extractor.extract("去了宁波北仑开发区管委会 见了刘主任", SENT)
    assert got.to_slots().get("company") == "宁波北仑开发区管委会"


@pytest.mark.parametrize(
    "text",
    [
        "帮录一个 鼎盛机械 对接人 仓储部主管 手机一三八 六六六 二四五 九零",
        "帮录一个 鼎盛机械 对接人 站长助理 电话幺三九 五五五 三二一 七零",
    ],
)
def test_a_number_in_words_after_a_title_is_no_name(extractor: Extractor, text: str) -> None:
    slots = extractor.extract(text, SENT).to_slots()
    assert "contact_name" not in slots and "phone" in slots


def test_a_name_written_after_a_title_still_is_one(extractor: Extractor) -> None:
    got = extractor.extract("帮录一个 鼎盛机械 对接人 站长助理 拉毛 电话13955532170", SENT)
    assert got.to_slots().get("contact_name") == "拉毛"


@pytest.mark.parametrize(
    ("text", "phone"),
    [("电话 1 3 9 7 3 3 5 6 0 4 8", "13973356048"), ("手机1 5 8 2 2 6 1 0 4 7 3 谢谢", "15822610473")],
)
def test_a_mobile_typed_digit_by_digit(text: str, phone: str) -> None:
    assert [p for p, _ in find_phones(text)] == [phone]


@pytest.mark.parametrize("text", ["编号 1 3 9 7 3 3 5 6 0 4 8 2", "1 2 3 4 5 6 7 8 9 0 1"])
def test_spaced_digits_that_are_no_mobile(text: str) -> None:
    assert find_phones(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "有个客户在公众号问光伏组件多少钱一块 宁波北仑的一个厂 要装屋顶 电话 1 3 9 7 3 3 5 6 0 4 8",
        "有个老板在抖音上咨询数控机床 电话13973356048",
    ],
)
def test_an_unknown_customer_asking_is_a_new_lead(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).intent is Intent.NEW_LEAD


@pytest.mark.parametrize("text", ["有个客户问售后怎么报修", "有人问我们数控机床交期"])
def test_an_after_sales_or_anyone_s_question_is_no_lead(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).intent is not Intent.NEW_LEAD


@pytest.mark.parametrize(
    ("text", "company"),
    [("给鼎大后勤欧阳主任讲了光伏组件方案 他比较认可", "鼎大"), ("给锐拓行政王主任讲了方案", "锐拓")],
)
def test_an_office_between_a_short_name_and_its_person(extractor: Extractor, text: str, company: str) -> None:
    assert extractor.extract(text, SENT).to_slots().get("company") == company


@pytest.mark.parametrize("text", ["跟鼎盛机械的 汤 副主任 见了面 聊了光伏组件", "跟鼎盛机械 蔡 经理 见了面"])
def test_a_surname_spaced_alone_before_its_title(extractor: Extractor, text: str) -> None:
    slots = extractor.extract(text, SENT).to_slots()
    assert slots.get("contact_name") in ("汤", "蔡") and slots.get("company") == "鼎盛机械"


@pytest.mark.parametrize("text", ["今天 去 鼎盛机械 见了 采购 经理", "下周 经理 会过来"])
def test_a_spaced_word_before_a_title_is_no_surname(extractor: Extractor, text: str) -> None:
    assert "contact_name" not in extractor.extract(text, SENT).to_slots()


def test_an_inquiry_signed_with_a_surname_after_its_number(extractor: Extractor) -> None:
    text = "请问你们做光伏组件吗 我家屋顶大概150个平方 预算5w以内 怎么收费 电话18973213560 刘"
    assert extractor.extract(text, SENT, channel="customer").to_slots().get("contact_name") == "刘"


@pytest.mark.parametrize(
    "text", ["请问光伏组件怎么卖 电话18973213560 谢谢", "请问光伏组件怎么卖 电话18973213560 好"]
)
def test_a_word_after_the_number_is_no_signature(extractor: Extractor, text: str) -> None:
    assert "contact_name" not in extractor.extract(text, SENT, channel="customer").to_slots()


@pytest.mark.parametrize(
    "text",
    ["今天去了鼎盛机械 哦不对是鼎泰机械 见了张海波经理", "今天去了鼎盛机械，不对不对，是鼎泰机械 见了张经理"],
)
def test_a_customer_named_wrong_and_taken_back(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).to_slots().get("company") == "鼎泰机械"


def test_a_wrong_price_is_no_name_taken_back(extractor: Extractor) -> None:
    got = extractor.extract("今天去了鼎盛机械 见了张经理 他说价格不对", SENT)
    assert got.to_slots().get("company") == "鼎盛机械"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("您好 需要光伏组件 请报价 宁波智远有限公司 行政 Lisa 邮箱 Lisa.Wang@zy-tech.cn", "Lisa"),
        ("您好 需要光伏组件 请报价 宁波智远有限公司 人事 Grace 电话13955532170", "Grace"),
    ],
)
def test_an_english_name_after_its_office(extractor: Extractor, text: str, name: str) -> None:
    slots = extractor.extract(text, SENT, channel="customer").to_slots()
    assert slots.get("contact_name") == name


def test_an_english_word_after_an_office_is_no_name(extractor: Extractor) -> None:
    got = extractor.extract("请报价 行政 Excel表格发我", SENT, channel="customer")
    assert "contact_name" not in got.to_slots()


def test_the_boss_the_contact_speaks_of_is_no_contact(extractor: Extractor) -> None:
    got = extractor.extract("鼎盛机械孙丽今天又见了一面 她说老板批了 最多90w", SENT)
    assert "contact_title" not in got.to_slots()


@pytest.mark.parametrize("text", ["去了鼎盛机械 老板说预算批了", "去鼎盛机械见了老板 他说下个月定"])
def test_the_boss_met_is_the_contact(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).to_slots().get("contact_title") == "老板"


@pytest.mark.parametrize(
    ("text", "name"),
    [("鼎盛机械孙丽今天又见了一面", "孙丽"), ("鼎盛机械有限公司王芳昨天回了电话", "王芳")],
)
def test_a_full_name_after_the_customer_then_the_day_and_the_act(
    extractor: Extractor, text: str, name: str
) -> None:
    assert extractor.extract(text, SENT).to_slots().get("contact_name") == name


def test_no_name_when_the_day_follows_the_customer(extractor: Extractor) -> None:
    assert "contact_name" not in extractor.extract("鼎盛机械今天又见了一面", SENT).to_slots()
