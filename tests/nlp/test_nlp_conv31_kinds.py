"""Kinds of failure seen on the held-out conversations thirtyone (tea and corporate gifting), each tested
with made-up sentences of other trades and places, with negatives showing the rule does not over-fire."""

from __future__ import annotations

from datetime import date

import pytest

from nlp import Extractor, company_key
from nlp.followup import find_followup
from nlp.intent import KIND_CALL, KIND_DEMO, KIND_VISIT, find_kind, find_stage
from nlp.linking import BookContact, BookLead, LeadBook, is_away
from tests.nlp.reading import read

TUESDAY = date(2026, 3, 10)

# ---- 接待 as a place or a purpose is no visit ----


@pytest.mark.parametrize(
    "text",
    [
        "对了 他们新盖的接待中心想配一批会议桌",
        "行政楼的接待室要换两台空调",
        "接待用的矿泉水每月要五十箱",
        "问了一下他们的接待标准 人均两百",
    ],
)
def test_a_place_or_purpose_of_receiving_guests_is_no_visit(text: str) -> None:
    assert not KIND_VISIT.search(text)


@pytest.mark.parametrize("text", ["接待我的是他们新来的采购", "他们行政部接待了我们一上午"])
def test_being_received_is_still_a_visit(text: str) -> None:
    assert KIND_VISIT.search(text)


# ---- an English word for the contact, said held ----


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("瑞德物流今天上午的meeting很顺利 孙经理说下周给答复", "visit"),
        ("跟华茂的meeting挺成功的", "visit"),
        ("下午开了个meeting 把机柜的需求过了一遍", "visit"),
        ("昨天的con-call跟他们IT过了一遍需求", "call"),
        ("concall开完了 他们要报价", "call"),
        ("上午的call很顺利 对方基本认可", "call"),
        ("下午的demo很顺利 车间主任挺满意", "demo"),
    ],
)
def test_an_english_word_for_a_contact_held_is_that_kind(text: str, kind: str) -> None:
    found = find_kind(text)
    assert found is not None and found[0] == kind


@pytest.mark.parametrize(
    "text", ["下周约个meeting再聊", "明天有个call要开", "想约他们看个demo", "希望明天的meeting顺利"]
)
def test_a_contact_to_come_in_english_is_no_kind(text: str) -> None:
    assert find_kind(text) is None


def test_a_meeting_on_the_line_stays_online() -> None:
    found = find_kind("今天下午的zoom meeting很顺利")
    assert found is not None and found[0] == "online"


def test_cheering_is_still_no_call() -> None:
    assert not KIND_CALL.search("给新品打个call")
    assert not KIND_DEMO.search("demo站点的地址发你了")


# ---- stage news without a stage word ----


@pytest.mark.parametrize(
    "text",
    [
        "上午去了趟远航物流 把合同细节又对了一遍 双方当场盖好章了",
        "维保合同他们法务已经审完了，章也盖好了",
        "框架协议今天下午过了最后一稿，双方都盖完章了",
        "年度采购合同他们财务和法务都走完流程了",
    ],
)
def test_a_contract_sealed_or_its_procedure_done_is_signed(text: str) -> None:
    found = find_stage(text)
    assert found is not None and found[0] == "签约"


@pytest.mark.parametrize(
    "text", ["合同等盖好章再寄回来", "合同章盖好了吗", "合同还在走流程", "合同流程走完了吗"]
)
def test_a_seal_or_procedure_to_come_or_asked_is_not_signed(text: str) -> None:
    found = find_stage(text)
    assert found is None or found[0] != "签约"


@pytest.mark.parametrize(
    "text",
    [
        "很遗憾 这一单我们没机会了",
        "那个项目咱们没希望了 对方预算砍了",
    ],
)
def test_no_chance_left_on_the_deal_is_lost(text: str) -> None:
    found = find_stage(text)
    assert found is not None and found[0] == "输单"


def test_no_chance_today_is_no_loss() -> None:
    assert find_stage("今天没机会了 明天再去找他") is None


def test_the_deal_all_given_to_a_rival_is_lost() -> None:
    text = "他们最后统一用了GE的设备"
    start = text.index("GE")
    found = find_stage(text, ((start, start + 2),))
    assert found is not None and found[0] == "输单"


# ---- the day a service starts is no next contact ----


@pytest.mark.parametrize(
    "text",
    [
        "合同签了 下个月3号开始我们派两个保洁员过去驻场",
        "保安外包那单定了，15号起我们的人过去接管",
        "下周一开始他们那边正式供货",
    ],
)
def test_the_day_an_ongoing_service_starts_is_no_plan(text: str) -> None:
    assert find_followup(text, TUESDAY) is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("下周一开始我天天过去盯着安装", date(2026, 3, 16)),
        ("下周一起过去看看现场", date(2026, 3, 16)),
        ("下个月3号开始驻场 我下周四先过去对一下人员名单", date(2026, 3, 19)),
    ],
)
def test_the_reps_own_start_or_a_plan_beside_it_is_still_the_plan(text: str, day: date) -> None:
    found = find_followup(text, TUESDAY)
    assert found is not None and found.day == day


# ---- a person away, said by 他/她 in the next clause ----


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("今天去远航找孙姐，不巧她被拉去培训了，跟助理小何聊的", "孙姐"),
        ("去找周工，他不在，跟他徒弟聊的", "周工"),
        ("约了钱总，不巧他被老板叫走了", "钱总"),
    ],
)
def test_a_person_said_away_by_a_pronoun_after_is_away(text: str, name: str) -> None:
    start = text.index(name)
    assert is_away(text, start, start + len(name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("见了王总，他说不在乎价格", "王总"),
        ("见了王总，他下周出差", "王总"),
        ("见了王总，他们不在乎", "王总"),
    ],
)
def test_a_person_met_then_talked_of_is_not_away(text: str, name: str) -> None:
    start = text.index(name)
    assert not is_away(text, start, start + len(name))


# ---- a board's chair called by surname and 董 ----


@pytest.mark.parametrize(
    ("text", "name"), [("刚给林董打了个电话", "林"), ("下午跟欧阳董聊了一个小时", "欧阳")]
)
def test_surname_and_董_is_a_titled_person(extractor: Extractor, text: str, name: str) -> None:
    slots = read(extractor, text)[1]
    assert slots.get("contact_name") == name and slots.get("contact_title") == "董"


def test_a_full_name_with_董_inside_stays_a_name(extractor: Extractor) -> None:
    assert read(extractor, "今天见了董伟，他说下周定")[1].get("contact_name") == "董伟"


def test_surname_and_董_links_the_books_chair() -> None:
    chair = BookContact(name="林海涛", title="董事长")
    name = "宁波海川贸易有限公司"
    book = LeadBook([BookLead(1, name, company_key(name), "宁波", contacts=(chair,))])
    assert book.contact_in(1, "刚给林董打了个电话") == chair
