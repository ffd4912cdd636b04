"""Kinds of failure seen on the held-out conversations fortyseven (greenhouse construction, unpunctuated
voice-to-text), each tested with made-up sentences of other trades, with negatives showing the rule does
not over-fire."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor
from nlp.company_key import company_key
from nlp.followup import find_followup
from nlp.intent import find_kind
from nlp.linking import BookContact, BookLead, LeadBook, company_aliases

SENT = datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def _lead(i: int, company: str, city: str) -> BookLead:
    return BookLead(i, company, company_key(company), city)


@pytest.mark.parametrize(
    ("company", "city", "short"),
    [
        # a subdistrict (街道) after the city is where the customer is, as a district or town is
        ("苏州市姑苏区平江街道康宁诊所", "苏州", "康宁"),
        ("杭州市余杭区良渚街道鼎川建材有限公司", "杭州", "鼎川"),
        # a cooperative's produce and 专业 before 合作社 are dropped, as an industry word is
        ("绍兴市柯桥区福全街道兰亭茶叶专业合作社", "绍兴", "兰亭合作社"),
        ("绍兴市柯桥区福全街道兰亭茶叶专业合作社", "绍兴", "兰亭"),
        ("台州市黄岩区北城街道橘乡水果专业合作社", "台州", "橘乡合作社"),
    ],
)
def test_a_short_name_drops_the_subdistrict_and_a_cooperatives_produce(
    company: str, city: str, short: str
) -> None:
    assert short in company_aliases(company, company_key(company), city)


def test_a_cooperative_said_short_links_to_its_registered_name() -> None:
    book = LeadBook(
        [
            _lead(1, "绍兴市柯桥区福全街道兰亭茶叶专业合作社", "绍兴"),
            _lead(2, "绍兴市越城区东湖街道越秀物流有限公司", "绍兴"),
        ]
    )
    assert book.link("上午去兰亭合作社看了新建的炒茶车间", company="兰亭合作社").candidates == (1,)
    # the subdistrict alone is a place, no customer
    assert book.link("下午去福全街道办事", company="福全街道").candidates != (1,)


@pytest.mark.parametrize(
    "text",
    [
        "今天下午在他们医院设备科那边把采购合同签了",
        "上午在对方公司财务那边把协议章盖完了 下周二送货",
    ],
)
def test_settled_at_their_place_with_someone_named_between_is_a_visit(text: str) -> None:
    assert find_kind(text) is not None and find_kind(text)[0] == "visit"


@pytest.mark.parametrize(
    "text",
    ["对了他们还想顺带看看移动DR 下周我把彩页发过去", "院长附带看看超声刀的参数", "连带看看耗材的价格"],
)
def test_by_the_way_is_no_property_shown(text: str) -> None:
    # 顺带看看 is "look at too, by the way", not 带看 (a place shown to the customer)
    assert find_kind(text) is None


def test_a_property_shown_is_still_a_visit() -> None:
    assert find_kind("下午带看了两套写字楼 吴总挺满意") == ("visit", (2, 4))


@pytest.mark.parametrize("said", ["给介绍过来的", "帮忙推荐的", "给我们介绍的"])
def test_a_referrer_of_the_book_said_with_gei_or_bangmang_links_no_lead(said: str) -> None:
    # "是<customer>的<person>给介绍过来的": the customer who sent a new one to us is not the one reported on
    book = LeadBook(
        [
            BookLead(
                1,
                "无锡市新吴区瑞丰口腔门诊部",
                company_key("无锡市新吴区瑞丰口腔门诊部"),
                "无锡",
                contacts=(BookContact("单立伟", "院长"),),
            )
        ]
    )
    text = f"来个新客户 无锡市滨湖区康悦护理院 负责人祁院长 是瑞丰的单院长{said} 想看看便携彩超"
    assert book.link(text, company="无锡市滨湖区康悦护理院").candidates == ()
    # the contact met there is still theirs when not a referrer
    assert book.link("瑞丰的单院长今天给我介绍了一下需求", company="瑞丰").candidates == (1,)


@pytest.mark.parametrize(
    "text",
    [
        "仁心诊所那单没戏了 下午我给他打电话他也没多说啥 以后有耗材的需求再说",
        "下午我去他们科室坐了会儿她说还要再比比价",
        "晚上我跟院长发微信他就回了个好",
    ],
)
def test_a_step_of_today_told_with_how_the_customer_took_it_is_done(text: str) -> None:
    # voice input drops the 了 and the pause: the customer's reaction in the same clause tells it happened
    assert find_followup(text, SENT.date(), now="09:00") is None


@pytest.mark.parametrize(
    "text", ["下午我把彩超的报价发他", "下午我再打给他 他说要等领导回来", "晚上我再去他们科室看看"]
)
def test_a_step_of_today_still_to_come_stays_the_plan(text: str) -> None:
    planned = find_followup(text, SENT.date(), now="09:00")
    assert planned is not None and planned.day == SENT.date()


def _book_of(company: str, city: str, contact: str, title: str) -> LeadBook:
    return LeadBook(
        [BookLead(1, company, company_key(company), city, contacts=(BookContact(contact, title),))]
    )


def test_a_name_contracted_in_order_with_its_contact_named_links_the_lead() -> None:
    # 湖州职培中心 keeps characters of 湖州市职业技术培训中心 in their order, as Chinese shortens a name
    book = _book_of("湖州市职业技术培训中心", "湖州", "钮建新", "主任")
    assert book.link("今天去湖州职培中心找钮主任讲了腹腔镜模拟器", company="湖州职培中心").candidates == (1,)
    # without its contact said, a contracted name is no proof: a new customer
    assert book.link("今天去湖州职培中心讲了腹腔镜模拟器", company="湖州职培中心").candidates == ()
    # another kind, or another first character, is another customer
    assert book.link("湖州职培学校的钮主任来电话", company="湖州职培学校").candidates == ()
    assert book.link("德清职培中心的钮主任来电话", company="德清职培中心").candidates == ()


def test_a_district_inside_another_full_name_names_no_lead() -> None:
    # a new customer of the same district and subdistrict, named in full, is not the book's one there
    book = LeadBook([_lead(1, "苏州市姑苏区平江街道康宁口腔门诊部", "苏州")])
    other = "苏州市姑苏区平江街道安泰口腔门诊部"
    assert book.link(f"下午去了趟隔壁{other}", company=other, city="苏州").candidates == ()
    assert book.link(
        "去了姑苏区平江街道康宁口腔门诊部", company="姑苏区平江街道康宁口腔门诊部"
    ).candidates == (1,)


@pytest.mark.parametrize(
    "text",
    ["下午顺路去了趟隔壁宁波市鄞州区恒信医疗器械有限公司 葛总说想换", "对门的恒信医疗器械有限公司也要"],
)
def test_next_door_said_before_a_name_is_not_part_of_it(extractor: Extractor, text: str) -> None:
    company = extractor.extract(text, SENT).company
    assert company is not None and not company.startswith(("隔壁", "对门"))
