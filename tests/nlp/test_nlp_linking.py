"""nlp.linking: a message linked to one of the writer's leads by short name, contact or phone."""

from __future__ import annotations

from datetime import datetime

from nlp import Catalog, Extractor, FollowUpTime, Intent, company_key
from nlp.linking import BookContact, BookLead, LeadBook, company_aliases, contact_aliases, is_away


def lead(
    lead_id: int, company: str, city: str | None = None, *contacts: BookContact, **kw: object
) -> BookLead:
    return BookLead(lead_id, company, company_key(company), city, contacts=contacts, **kw)  # type: ignore[arg-type]


def test_short_names_drop_place_industry_word_and_legal_form() -> None:
    ruifeng = set(company_aliases("合肥瑞丰食品有限公司", "瑞丰食品", "合肥"))
    assert {"瑞丰", "瑞丰食品", "合肥瑞丰"} <= ruifeng
    name = "杭州市拱墅区第三人民医院"
    hospital = set(company_aliases(name, company_key(name), "杭州"))
    assert {"拱墅三院", "拱墅区三院", "拱墅"} <= hospital
    # A brand that is only a kind of hospital names no one customer.
    assert "人民" not in company_aliases("宁波市人民医院", company_key("宁波市人民医院"), "宁波")


def test_a_contact_is_named_by_surname_and_the_end_of_the_title() -> None:
    assert {"岑总监", "岑销售总监", "岑志远"} <= set(contact_aliases("岑志远", "销售总监"))
    assert "柏总" in contact_aliases("柏文斌", "总经理")
    assert contact_aliases(None, "经理") == ()


def test_a_transliterated_contact_is_named_by_the_given_part_before_the_dot() -> None:
    aliases = set(contact_aliases("艾尔肯·吐尔逊", "仓储主管"))
    assert {"艾尔肯·吐尔逊", "艾尔肯", "艾尔肯主管"} <= aliases
    assert "艾主管" not in aliases


BOOK = LeadBook(
    [
        lead(1, "合肥瑞丰食品有限公司", "合肥", BookContact("岑志远", "销售总监", "13700001111")),
        lead(2, "福州华信电子有限公司", "福州", BookContact("柏文斌", "总经理")),
        lead(3, "厦门华信物流有限公司", "厦门", BookContact("邝丽", "采购经理"), products=("托盘",)),
        lead(4, "杭州市拱墅区第三人民医院", "杭州", BookContact("阮海", "设备科科长")),
    ]
)


def test_a_short_name_the_contact_or_a_phone_links_the_lead() -> None:
    assert BOOK.link("上午去了瑞丰那边，聊得不错").lead_id == 1
    assert BOOK.link("拱墅三院阮科长说下周开会").lead_id == 4
    linked = BOOK.link("岑总监那边电话里说要加量")
    assert linked.lead_id == 1 and linked.contacts[1].name == "岑志远"
    assert BOOK.link("回了个电话", phone="13700001111").lead_id == 1
    assert BOOK.link("今天打了三个电话").candidates == ()


def test_a_two_character_short_name_counts_only_where_a_name_stands() -> None:
    book = LeadBook([lead(1, "上海阳光超市有限公司", "上海", BookContact("钟敏", "店长"))])
    assert book.link("今天阳光很好，打了三个电话").candidates == ()
    for text in (
        "阳光那边说下周再谈",
        "阳光的钟店长说下周再谈",
        "阳光钟店长说下周再谈",
        "上午去了阳光，聊得不错",
        "查一下阳光",
    ):
        assert book.link(text).lead_id == 1, text


def test_two_candidates_are_settled_by_what_else_the_message_says_or_left_to_ask() -> None:
    assert BOOK.link("华信那边说下周再谈").candidates == (2, 3)
    assert BOOK.link("华信那边说下周再谈", city="厦门").lead_id == 3
    assert BOOK.link("华信柏总说下周再谈").lead_id == 2
    # A product settles it when exactly one of them holds it (the rule; this test once had 华信
    # stay a question), and the other is set aside to be shown with the record; with no product read,
    # or one neither holds, 华信 stays a question.
    linked = BOOK.link("华信想要一批托盘", products=("托盘",))
    assert linked.lead_id == 3 and linked.set_aside == (2,)
    assert BOOK.link("华信想要一批托盘").candidates == (2, 3)
    assert BOOK.link("华信想要一批货架", products=("货架",)).candidates == (2, 3)
    mine_first = LeadBook([lead(7, "福州华信电子有限公司", own=False), lead(8, "厦门华信物流有限公司")])
    assert mine_first.link("华信那边说下周再谈").lead_id == 8


def test_a_city_said_settles_two_leads_of_one_brand_before_whose_they_are() -> None:
    # The writer's own 泉州 one loses to the team's 漳州 one when the message says 漳州.
    book = LeadBook(
        [lead(1, "泉州松鹤养老服务有限公司", "泉州"), lead(2, "漳州松鹤养老服务有限公司", "漳州", own=False)]
    )
    assert book.link("漳州那个松鹤 院长说床位要扩", company="松鹤", city="漳州").lead_id == 2
    assert book.link("松鹤院长说床位要扩", company="松鹤").lead_id == 1


def test_the_brand_alone_names_a_lead_whose_industry_words_no_list_holds() -> None:
    # 澜川 + 生态农业, 澜川 + 文创园区: the words after the brand are in no suffix list.
    book = LeadBook(
        [
            lead(1, "丽水澜川生态农业开发有限公司", "丽水"),
            lead(2, "衢州澜川文创园区运营有限公司", "衢州"),
            lead(3, "金华拓岭户外用品有限公司", "金华"),
        ]
    )
    tuoling = "金华拓岭户外用品有限公司"
    assert "拓岭" in company_aliases(tuoling, company_key(tuoling), "金华")
    assert book.link("上午去了趟拓岭，老板说下月再看").lead_id == 3
    # Two leads of one brand: the city the message names settles which, else the bot asks.
    assert book.link("在衢州跑了一天 顺路去了趟澜川", city="衢州").lead_id == 2
    assert book.link("顺路去了趟澜川").candidates == (1, 2)


def test_an_unknown_company_span_is_a_new_customer_unless_a_known_contact_agrees() -> None:
    # "照着给瑞丰做的方案": a reference beside a new customer does not pull the message over.
    assert BOOK.link("新客户青禾农业说照着给瑞丰做的方案", company="青禾农业").candidates == ()
    assert BOOK.link("瑞丰岑总监说照着给青禾农业做的方案", company="青禾农业").lead_id == 1


def test_a_span_of_another_kind_of_organisation_is_not_the_lead_of_the_same_brand() -> None:
    book = LeadBook([lead(1, "重庆巴山医院", "重庆"), lead(2, "无锡华康医药有限公司", "无锡")])
    assert book.link("新客户 重庆巴山冷链物流有限公司", company="重庆巴山冷链物流有限公司").candidates == ()
    assert book.link("去了趟无锡华康医药", company="去了趟无锡华康医药").lead_id == 2
    assert book.link("巴山那边说下周再谈", company="巴山").lead_id == 1


def test_the_extractor_s_surname_and_title_find_the_contact_too() -> None:
    assert BOOK.contact_in(3, "她说下周给答复", "邝", "经理") == BookContact("邝丽", "采购经理")
    assert BOOK.contact_in(3, "她说下周给答复", "吕", "经理") is None


def test_the_caller_may_say_what_the_message_is_and_the_slots_are_read_for_it() -> None:
    extractor = Extractor(Catalog.build())
    text, sent_at = "嗯 预算八十来万 后天下午三点去他们总部", datetime(2026, 3, 10, 9, 30)
    assert extractor.extract(text, sent_at).intent is not Intent.LOG_FOLLOWUP  # not a report from its words
    report = extractor.extract(text, sent_at, "rep", Intent.LOG_FOLLOWUP)
    assert report.intent is Intent.LOG_FOLLOWUP
    assert report.next_followup == FollowUpTime("2026-03-12", "15:00") and report.budget == (800_000, 800_000)


def test_a_contact_said_to_be_away_links_the_lead_but_is_not_the_one_met() -> None:
    away = BOOK.link("下午去了瑞丰，岑总监出差了，跟他们仓库的人聊了聊")
    assert away.lead_id == 1 and away.contacts == {}
    missed = BOOK.link("去瑞丰没见到岑总监，下周再约")
    assert missed.lead_id == 1 and missed.contacts == {}
    assert BOOK.link("去了瑞丰，岑总监在，聊了一上午").contacts[1].name == "岑志远"
    assert is_away("柏总不在，见了副总", 0, 2) and not is_away("柏总在，见了副总", 0, 2)
    assert is_away("柏总离职了 见了新来的副总", 0, 2) and is_away("柏总走了，新来的叫何平", 0, 2)
    assert not is_away("柏总走了以后我们又聊了会", 0, 2)  # left the room: no successor said


def test_a_brand_may_be_its_first_three_characters_before_words_no_list_holds() -> None:
    name = "莆田荔香园水果专业合作社"
    assert "荔香园" in company_aliases(name, company_key(name), "莆田")
    book = LeadBook([lead(1, name, "莆田", BookContact("郑海", "社长"))])
    assert book.link("荔香园那边说下周来看样品").lead_id == 1
    assert book.names_customer("荔香园") and not book.names_customer("郑海")


def test_short_names_drop_the_district_after_the_city() -> None:
    # Made-up customers in logistics, catering and schools: the rep says the brand, not the district.
    def aliases(name: str, city: str) -> set[str]:
        return set(company_aliases(name, company_key(name), city))

    assert {"晨光", "晨光物流"} <= aliases("成都双流晨光物流有限公司", "成都")  # district without 区
    assert {"晨光", "晨光物流"} <= aliases("双流晨光物流有限公司", "成都")  # the lead's city tells it
    assert {"禾丰", "禾丰小学"} <= aliases("长沙市岳麓区禾丰中心小学", "长沙")  # with 区; 中心 dropped
    assert {"鹏达", "鹏达机械"} <= aliases("温州市龙湾区永中镇鹏达机械厂", "温州")  # a town in a district
    assert {"云帆", "云帆酒店"} <= aliases("南昌经开区云帆酒店管理有限公司", "南昌")  # a development zone
    assert "瑞景酒店" in aliases("武汉东湖高新区瑞景酒店有限公司", "武汉")
    assert {"瑞禾", "瑞禾物业"} <= aliases("南京河西新城瑞禾物业管理有限公司", "南京")  # a new town
    assert {"启航", "启航电子"} <= aliases("绵阳高新科技城启航电子有限公司", "绵阳")
    # A place word in the brand, with only an industry word after it, leaves no brand 商业.
    shengjing = aliases("杭州盛景新城商业管理有限公司", "杭州")
    assert "盛景" in shengjing and "杭州商业" not in shengjing and "商业" not in shengjing
    # A city without districts has towns, which no gazetteer lists: a long brand starts with one.
    assert {"泓利", "泓利电子"} <= aliases("东莞厚街泓利电子有限公司", "东莞")
    assert "泓利" in aliases("东莞泓利电子有限公司", "东莞")
    # A district of another city is no district here; words ending in 区 are no districts either.
    jinjiang = aliases("杭州锦江饭店有限公司", "杭州")  # 锦江 is a district of 成都
    assert "锦江" in jinjiang and "饭店" not in jinjiang
    assert "服务中心" not in aliases("杭州社区服务中心", "杭州")
    # A brand that is only a kind of school stays with its district.
    school = aliases("郑州高新区实验中学", "郑州")
    assert "实验" not in school and "实验中学" not in school


def test_a_brand_in_two_districts_is_asked_about_unless_the_city_or_contact_settles() -> None:
    book = LeadBook(
        [
            lead(1, "成都双流晨光物流有限公司", "成都", BookContact("饶斌", "调度经理")),
            lead(2, "绵阳涪城晨光仓储有限公司", "绵阳"),
            lead(3, "杭州余杭瑞景酒店有限公司", "杭州", BookContact("顾敏", "总经理")),
        ]
    )
    assert book.link("晨光那边今天又跑了一趟").candidates == (1, 2)
    assert book.link("晨光饶经理说下周定", company="晨光").lead_id == 1
    assert book.link("晨光那边说下周定", company="晨光", city="绵阳").lead_id == 2
    assert book.link("瑞景酒店那单丢了", company="瑞景酒店").lead_id == 3


def test_a_district_said_without_its_city_before_the_brand_is_the_lead_in_that_city() -> None:
    # Made-up print shops and auto-parts dealers: 徐汇 is a district of 上海, 余杭 of 杭州, 海淀 of 北京.
    book = LeadBook(
        [
            lead(1, "上海恒丰印刷有限公司", "上海"),
            lead(2, "北京恒丰印刷有限公司", "北京"),
            lead(3, "杭州瑞达汽配有限公司", None),  # no city field: the registered name tells it
            lead(4, "成都瑞达汽配有限公司", "成都"),
        ]
    )
    assert book.link("今天去了徐汇恒丰那边，聊得不错").lead_id == 1
    assert book.link("徐汇恒丰印刷的王经理说下周开会", company="徐汇恒丰印刷").lead_id == 1
    assert book.link("余杭瑞达那边电话说要加量").lead_id == 3
    # Said right before the brand, the district is where a name stands (趟海淀恒丰谈了谈).
    assert book.link("去了趟海淀恒丰谈了谈").lead_id == 2
    # Without a district, or with one of a city neither is in, both are asked about.
    assert book.link("去了趟恒丰谈了谈").candidates == (1, 2)
    assert book.link("今天去了天河恒丰那边").candidates == (1, 2)
    # A district elsewhere in the message is not where the customer is.
    assert book.link("在徐汇跑了一天，恒丰那边说下周定").candidates == (1, 2)


def test_a_contact_called_by_surname_links_the_one_lead_with_that_surname() -> None:
    # Furniture and printing customers: 老沈 / 沈工 is the contact 沈立伟 whatever his stored title.
    book = LeadBook(
        [
            lead(1, "佛山顺德嘉美家具有限公司", "佛山", BookContact("沈立伟", "生产厂长")),
            lead(2, "温州宏文印务有限公司", "温州", BookContact("王芳", "总经理")),
            lead(
                3,
                "台州明远包装有限公司",
                "台州",
                BookContact("王建", "采购经理"),
                BookContact("邬丹", "出纳"),
            ),
        ]
    )
    for text in ("老沈那边我昨天过去了", "沈工说图纸下周给", "跟小沈通了个电话"):
        linked = book.link(text)
        assert linked.lead_id == 1 and linked.contacts[1].name == "沈立伟", text
    assert book.link("沈工说图纸下周给", contact_name="沈", contact_title="工").lead_id == 1
    # Named by the stored title, the contact is that one; called loosely, both 王 are asked about.
    assert book.link("王总说下周定").lead_id == 2
    assert book.link("老王那边说下周定").candidates == (2, 3)
    assert book.link("小邬说发票开好了").lead_id == 3


def test_a_person_called_by_surname_is_no_customer() -> None:
    ex = Extractor()
    for text in ("老沈那边我昨天下午过去了，图纸下周给", "小欧阳那边说下周签"):
        assert ex.extract(text, datetime(2026, 3, 10, 10)).company is None, text


def test_a_name_with_one_character_slipped_links_when_its_contact_agrees() -> None:
    # Voice input writes 恒太 for 恒泰: the contact named at that customer makes it no new one.
    book = LeadBook([lead(1, "无锡恒泰建材有限公司", "无锡", BookContact("鲍启明", "销售经理"))])
    said = "那个恒太建材的鲍经理刚才来电话"
    assert book.link(said, company="恒太建材", contact_name="鲍", contact_title="经理").lead_id == 1
    # Without the contact, or with another person, it may be another customer.
    assert book.link("恒太建材那边来电话", company="恒太建材").candidates == ()
    assert (
        book.link(
            "恒太建材的严经理来电话", company="恒太建材", contact_name="严", contact_title="经理"
        ).candidates
        == ()
    )
    # Two characters off is another name.
    assert book.link(said, company="恒太建筑", contact_name="鲍", contact_title="经理").candidates == ()


def test_a_short_name_that_starts_another_lead_s_longer_name_names_both() -> None:
    book = LeadBook([lead(1, "东莞恒信五金有限公司", "东莞"), lead(2, "广州番禺恒信五金制品有限公司", "广州"),
                     lead(3, "宁波恒信电子有限公司", "宁波")])  # fmt: skip
    # 恒信五金 is the whole key of one and the start of 恒信五金制品: either may be meant
    assert book.link("恒信五金那边说下周定", company="恒信五金").candidates == (1, 2)
    assert book.link("恒信五金那边说下周定", company="恒信五金", city="广州").lead_id == 2
    # 恒信五金制品 starts no other name: one customer
    assert book.link("恒信五金制品那边说下周定", company="恒信五金制品").lead_id == 2


def test_a_brand_that_is_an_industry_word_names_the_lead_only_standing_alone() -> None:
    book = LeadBook([lead(1, "无锡新吴数科医药有限公司", "无锡"), lead(2, "苏州华泰电子有限公司", "苏州")])
    assert book.link("数科的合同周二送过去").candidates == (1,)
    assert book.link("收到 数科那边下周再约").candidates == (1,)
    # The end of another name, or the span read as a new customer's, is not the lead.
    assert book.link("去了趟宏达数科", company="宏达数科").candidates == ()
    assert book.link("宏达数科系统的方案").candidates == ()


def test_a_brand_after_an_area_that_is_no_district_is_an_alias_asked_about_when_another_lead_has_it() -> None:
    from nlp.linking import place_brand

    name = "上海外滩星澜医疗科技有限公司"
    assert place_brand(name, company_key(name), "上海") == "星澜"
    # A word of the language after the area is the industry, not the brand (惠民物业 is not 物业).
    assert place_brand("郑州惠民物业服务有限公司", company_key("郑州惠民物业服务有限公司"), "郑州") is None
    book = LeadBook([lead(1, name, "上海"), lead(2, "杭州星澜医疗器械有限公司", "杭州")])
    # The other's own short name too: either may be meant, so both are asked about (never a silent
    # guess), unless the message settles which.
    assert book.link("去了星澜", company="星澜").candidates == (1, 2)
    assert book.link("去了星澜", company="星澜", city="杭州").lead_id == 2
    alone = LeadBook([lead(1, name, "上海")])
    assert alone.link("今天去了星澜，乔主任在").candidates == (1,)


def test_a_colleague_is_addressed_by_full_name_at_the_start_not_named_as_the_subject() -> None:
    from nlp.linking import addressed_colleague

    team = ["罗小军", "孟洁"]
    assert addressed_colleague("罗小军 那单价格我批了", team) == "罗小军"
    assert addressed_colleague("@孟洁：报价单发你了", team) == "孟洁"
    assert addressed_colleague("罗小军那个客户我去过了", team) is None
    assert addressed_colleague("今天跟罗小军去了趟客户那", team) is None


def test_a_district_hospital_is_called_by_its_district_said_short_and_its_kind() -> None:
    for name, city, said in [
        ("嘉兴市南湖区人民医院", "嘉兴", {"南湖人民医院", "南湖人医", "南湖区人民医院"}),
        ("湖州市德清县中医院", "湖州", {"德清中医院", "德清县中医院"}),
        ("苏州市吴江区第一人民医院", "苏州", {"吴江一院", "吴江第一医院"}),
    ]:
        assert said <= set(company_aliases(name, company_key(name), city)), name
    # A district's brand of its own is no hospital's kind: nothing made up for it.
    name = "嘉兴市南湖区康宁口腔门诊部"
    assert "南湖人民医院" not in company_aliases(name, company_key(name), "嘉兴")


def test_a_brand_after_a_river_mouth_area_is_its_short_name() -> None:
    name = "福州闽江口华锐机械有限公司"
    assert {"华锐", "华锐机械"} <= set(company_aliases(name, company_key(name), "福州"))
    # 口腔 after a place is a dental clinic's kind, no river's mouth.
    name = "九江口腔医院有限公司"
    assert "腔医院" not in company_aliases(name, company_key(name), "九江")


def test_two_customers_named_short_in_one_report_are_each_found_where_named() -> None:
    book = LeadBook(
        [
            lead(1, "嘉兴市南湖区人民医院", "嘉兴", BookContact("戚国强", "设备科科长")),
            lead(2, "福州闽江口华锐机械有限公司", "福州", BookContact("满永平", "采购经理")),
        ]
    )
    text = "上午去南湖人民医院见了戚科长 下午去了华锐 满经理说叉车下个月定"
    assert [ids for _, ids in book.named_at(text)] == [frozenset({1}), frozenset({2})]
