"""Kinds of failure seen on heldout31 (eyewear supply; amusement equipment by voice input), each tested
with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from nlp.phones import find_phones
from tests.nlp.reading import read as _read

# ---- a landline read out digit by digit, area code first, in groups ----


@pytest.mark.parametrize(
    ("text", "phones"),
    [
        ("联系人姓汤 电话零五九二 六六三一 二零八七", ["059266312087"]),
        ("座机是零二一 五四二八 八六零三 转 二零六", ["02154288603"]),
        ("打零五七一八七二三六六五九找前台", ["057187236659"]),
        ("零八年开的店 一共十二家", []),  # a year and a count, no number
        ("零二三四五六七", []),  # too few digits for a landline
    ],
)
def test_a_landline_read_out_in_words(text: str, phones: list[str]) -> None:
    assert [p for p, _ in find_phones(text)] == phones


# ---- budgets said the spoken way: the price in mind (心里), a range accepted, public funds approved ----


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("拜访了星河物业的采购 他们心里价位四十万 我们报的高了点", [400000, 400000]),
        ("印刷厂老板说价钱在八万到十万之间可以接受 下周再聊", [80000, 100000]),
        ("区卫健委那边财政批下来了 二百三十万 下个月挂网", [2300000, 2300000]),
        ("单价在两千到三千之间可以接受", None),  # a unit price, not the deal's
    ],
)
def test_a_budget_said_the_spoken_way(extractor: Extractor, text: str, budget: list[int] | None) -> None:
    assert _read(extractor, text)[1].get("budget") == budget


# ---- an English message names its city in pinyin ----


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("hi, we run a bakery chain in Chengdu, need 3 ovens, pls quote to amy@crumbs.cn", "成都"),
        ("met Mr Zhao of Hangzhou Lakeview Printing today, wants a quote next week", "杭州"),
        ("hi we are a gym, need treadmills, contact me at dalian.fit@gmail.com", None),  # in an address
        ("hi, we are a small gym looking for 5 treadmills", None),
    ],
)
def test_an_english_city_name(extractor: Extractor, text: str, city: str | None) -> None:
    assert _read(extractor, text)[1].get("city") == city


# ---- queries asked in English: the day's plans, the bot's commands, a count with its period first ----


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("what have I got on Friday", "query_today"),
        ("what's on for today", "query_today"),
        ("which commands does this bot take", "help"),
        ("what can you do", "help"),
        ("last month how many deals did we close", "query_stats"),
        ("met Mr Zhao of Hangzhou Lakeview Printing today, he asked what we can do on price", "log_followup"),
    ],
)
def test_a_query_asked_in_english(extractor: Extractor, text: str, intent: str) -> None:
    assert _read(extractor, text)[0] == intent


# ---- a hospital's department before a title says where the person works, not their function ----


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("去市中医院见了儿科主任 主任姓魏 想要两台雾化器", "魏", "主任"),
        ("联系人 骨科护士长 邝雪梅 13512345678", "邝雪梅", "护士长"),
        ("联系人 采购经理 邝雪梅 13512345678", "邝雪梅", "采购经理"),  # a function stays with the title
    ],
)
def test_a_hospital_department_before_a_title(extractor: Extractor, text: str, name: str, title: str) -> None:
    slots = _read(extractor, text)[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == (name, title)


# ---- leisure venues, streets of shops and optical shops named by their kind ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("今天去了常州恐龙谷乐园 见了工程部的马经理 想换一批座椅", "常州恐龙谷乐园"),
        ("跟黄山翡翠谷景区的办公室通了电话 要做导览屏", "黄山翡翠谷景区"),
        ("新线索 绍兴仓桥直街商业街 招商部要做统一的店招灯箱", "绍兴仓桥直街商业街"),
        ("拜访了明亮视光 老板说镜片库存还多", "明亮视光"),
        ("路过童趣乐园玩具店 老板娘说货架要换", "童趣乐园玩具店"),  # the shop glued after the venue
        ("周末带孩子去公园玩了一下午", None),
    ],
)
def test_a_venue_named_by_its_kind(extractor: Extractor, text: str, company: str | None) -> None:
    assert _read(extractor, text)[1].get("company") == company


# ---- intents said loosely: a customer just won over, needs settled (确定), customers put off too long ----


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("新开发了一家客户 芜湖的恒通印务 老板姓葛 要两台切纸机", "new_lead"),
        ("恒通印务葛老板那边需求确定了 就要两台切纸机", "update_stage"),
        ("恒通印务的需求确定了吗", "query_lead"),
        ("我有哪些客户拖了好久没联系", "query_overdue"),
    ],
)
def test_intents_said_loosely(extractor: Extractor, text: str, intent: str) -> None:
    assert _read(extractor, text)[0] == intent


# ---- an English name ending in Resort or Park ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("called Ms Wang of Moganshan Bamboo Resort, they want 40 lounge chairs", "Moganshan Bamboo Resort"),
        ("I manage Riverside Trampoline Park, need nets, call 13912345678", "Riverside Trampoline Park"),
        ("we took the kids to the park on Sunday", None),
    ],
)
def test_an_english_resort_or_park(extractor: Extractor, text: str, company: str | None) -> None:
    assert _read(extractor, text)[1].get("company") == company


# ---- a span of days asked about, the second one said by its day of the month alone ----


def test_a_span_of_days_with_the_month_said_once(extractor: Extractor) -> None:
    slots = _read(extractor, "3月12号到14号我约了哪些客户")[1]
    assert slots.get("period") == {"start": "2026-03-12", "end": "2026-03-14"}
    slots = _read(extractor, "12号-14号我约了哪些客户")[1]
    assert slots.get("period") == {"start": "2026-03-12", "end": "2026-03-14"}


# ---- our own meeting is no next contact with the customer ----


@pytest.mark.parametrize(
    ("text", "followup"),
    [
        ("今天去了瑞丰纸业 见了采购周经理 聊得不错。明天上午十点回公司开会", None),
        ("今天去了瑞丰纸业 见了采购周经理 后天回杭州总部例会", None),
        ("今天去了瑞丰纸业 见了采购周经理 明天上午十点去他们公司开会", "2026-03-11"),
    ],
)
def test_our_own_meeting_is_no_followup(extractor: Extractor, text: str, followup: str | None) -> None:
    nf = _read(extractor, text)[1].get("next_followup")
    assert (nf["date"] if nf else None) == followup


# ---- a visit said without a visit word: gone there and talked, looked at the site with two of them ----


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("去区卫健委谈了监护仪的项目 对接的是医政科 科长姓龚", "visit"),
        ("在金湾码头跟调度室的庞主任还有机修班的小邬一起看了场地 他们想换两台叉车", "visit"),
        ("想去区卫健委谈了再说", None),
    ],
)
def test_a_visit_without_a_visit_word(extractor: Extractor, text: str, kind: str | None) -> None:
    assert _read(extractor, text)[1].get("kind") == kind


# ---- the customer's meeting the rep attends is the next contact ----


@pytest.mark.parametrize(
    ("text", "followup"),
    [
        ("给港务局的程科长讲了方案 下周四上午九点参加他们的评审会", "2026-03-19"),
        ("给港务局的程科长讲了方案 下周四他们参加展会", None),  # theirs, not ours
    ],
)
def test_a_meeting_the_rep_attends(extractor: Extractor, text: str, followup: str | None) -> None:
    nf = _read(extractor, text)[1].get("next_followup")
    assert (nf["date"] if nf else None) == followup


# ---- a person looked up after 看下 / 问下 ----


@pytest.mark.parametrize("text", ["帮我看下柏老板那家上次聊到哪了", "问下柏老板那边的进度"])
def test_a_person_looked_up_after_a_verb(extractor: Extractor, text: str) -> None:
    slots = _read(extractor, text)[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == ("柏", "老板")


# ---- what the rep goes to do is no brand: "去做系统演示" ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("周四下午两点去做设备演示", None),
        ("明天去搞现场培训", None),
        ("明天去华锐演示", "华锐"),  # a brand after the verb, as before
    ],
)
def test_what_the_rep_goes_to_do_is_no_brand(extractor: Extractor, text: str, company: str | None) -> None:
    assert _read(extractor, text)[1].get("company") == company
