"""Kinds of failure seen on the study23 corpora (construction-equipment rental, commercial HVAC), each
tested with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read as _read

# ---- stage news said without a stage word ----


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("华光电子的8台注塑机都进场了", "交付"),
        ("绿源农场的拖拉机今天已经发车了 后天到", "交付"),
        ("龙城酒店的锅炉今天吊装就位了", "交付"),
        ("东方医院的净化系统调试完成交给院方了", "交付"),
        ("金鼎商贸合同回来了 定金也到账了", "签约"),
        ("新华书店的货架合同今天走完他们的用印流程了", "签约"),
        ("新华书店的盖章手续已经办完", "签约"),
    ],
)
def test_stage_news_without_a_stage_word(extractor: Extractor, text: str, stage: str) -> None:
    intent, slots = _read(extractor, text)
    assert (intent, slots.get("stage")) == ("update_stage", stage)


@pytest.mark.parametrize(
    "text",
    [
        "华光电子的注塑机下周进场",  # a plan
        "绿源农场的拖拉机明天发车",
        "东方医院的净化系统下周调试",
        "金鼎商贸的合同还没回来",
        "新华书店的合同还在走用印流程",
    ],
)
def test_no_stage_where_none_is_reached(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("stage") is None


# ---- stage news asked about, not told ----


@pytest.mark.parametrize(
    "text",
    [
        "华光电子的注塑机是不是已经进场了？",
        "东方医院净化系统装好了吗",
        "新华书店的合同是不是已经签了？我怎么没看到",
        "金鼎商贸那单尾款结了没",
        "新华书店的张经理最近有回复吗",
    ],
)
def test_a_step_asked_about_is_a_query(extractor: Extractor, text: str) -> None:
    intent, slots = _read(extractor, text)
    assert intent == "query_lead"
    assert "stage" not in slots


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("新华书店的合同已经签了 是不是要开票？", "update_stage"),  # told, then another question
        ("东方医院净化系统装好了", "update_stage"),
        ("新华书店的张经理回复了 合同签了", "update_stage"),
    ],
)
def test_a_step_told_stays_news(extractor: Extractor, text: str, intent: str) -> None:
    assert _read(extractor, text)[0] == intent


# ---- company spans ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # a region opens a proper name as a place does; a bare head after a verb is where, not who
        ("华北电力大学的空压机 合同今天走完学校的用印流程了", "华北电力大学"),
        ("华北电力大学那批空压机全部调试完成交给学校了", "华北电力大学"),
        # counted schools are no institute; a government body is named by its place
        ("跟那个朝阳区教委的李科长见了一面 他说有八所小学要换课桌", "朝阳区教委"),
        # an industry word after an institution's head is what is done for it
        ("青山基地节能改造方案已经发给王经理", "青山基地"),
        # an office or faculty named later is a department of the institution before it
        ("有个线索 长沙的中南林业大学 宿舍要换空调 后勤保障处的副处长叫刘涛 电话13912345678", "中南林业大学"),
        ("去了趟湖南师范大学 外语学院办公室的周老师要30台投影仪", "湖南师范大学"),
        # a preposition glued to the name's first character by the segmenter
        ("刚从中铁十四局出来 李卫东说缺两台空压机", "中铁十四局"),
        # a named project department of an organisation, as its named project is
        ("刚从中建三局武汉光谷地铁3号线项目部出来 王经理要两台空压机", "中建三局武汉光谷地铁3号线项目部"),
    ],
)
def test_company_spans(extractor: Extractor, text: str, company: str) -> None:
    assert _read(extractor, text)[1].get("company") == company


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("中建五局项目部的王经理说下周进场", "中建五局"),  # an unnamed project department is a department
        ("那个酒店的王经理说要换床品", None),  # a pointer at a bare head names no one
        ("苏州大学附属医院的王主任说下周来看样机", "苏州大学附属医院"),
        ("华东贸易公司的王经理说要换床品", "华东贸易公司"),
    ],
)
def test_company_spans_that_stay(extractor: Extractor, text: str, company: str | None) -> None:
    assert _read(extractor, text)[1].get("company") == company


# ---- how the contact happened ----


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("华光电子讲完方案了 王总倾向国产", "demo"),
        ("华光电子的方案讲了一个小时 王总很满意", "demo"),
        ("在东方医院给设备科做了个净化系统的技术交流", "demo"),
        ("在绿源农场给他们试了一下拖拉机 场长说好用", "demo"),
        ("Call w/ 华光 采购Amy 要10台注塑机", "call"),
        ("华光电子工厂 site visit done 王总要10台", "visit"),
        ("见完东方医院的王主任 方案基本认可", "visit"),
        ("上午杀到华光电子 王总说要10台", "visit"),
        ("在华光电子股份有限公司苏州分公司的办公室对接了一下午 王总要10台", "visit"),
    ],
)
def test_kinds_said_in_other_words(extractor: Extractor, text: str, kind: str) -> None:
    intent, slots = _read(extractor, text)
    assert (intent, slots.get("kind")) == ("log_followup", kind)


@pytest.mark.parametrize(
    "text",
    [
        "下周给他们试一下拖拉机",  # a trial to come
        "明天去华光做技术交流",  # a plan
        "华光电子的方案还没讲",
    ],
)
def test_no_kind_where_no_contact_happened(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("kind") is None


# ---- intent cues ----


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("团队里有哪些线索超过一周没人跟了", "query_overdue"),
        ("我有哪些客户超过十天没人联系了", "query_overdue"),
        ("今天大雪路封了 下午没法跑了", "other"),  # kept away, no contact
        ("拿到个好线索 华光电子股份有限公司 采购姓王 要10台注塑机", "new_lead"),
        ("收到一个新询盘 东方纺织有限公司 要20台缝纫机 电话13912345678", "new_lead"),
    ],
)
def test_intent_cues(extractor: Extractor, text: str, intent: str) -> None:
    assert _read(extractor, text)[0] == intent


def test_a_visit_told_stays_a_report(extractor: Extractor) -> None:
    assert _read(extractor, "今天跑了三家客户 华光电子王总要10台")[0] == "log_followup"


# ---- a numbered hospital ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("湖州二院讲完方案了 院领导倾向国产", "湖州二院"),
        ("去了趟湘雅二院 王主任要两台监护仪", "湘雅二院"),
        ("他们一院二院都要", None),
    ],
)
def test_numbered_hospitals(extractor: Extractor, text: str, company: str | None) -> None:
    assert _read(extractor, text)[1].get("company") == company


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # a bureau of two remits after its place; a bureau whose head starts like a verb (建设局)
        ("拜访了南京市住房和城乡建设局的王处长", "南京市住房和城乡建设局"),
        ("转个线索 宁波市自然资源和规划局 联系人叶科长 0574-88512340", "宁波市自然资源和规划局"),
        ("拜访了南京市城乡建设局的王处长", "南京市城乡建设局"),
        # a kind of company, not a name: the customer is the one visited
        ("下午去了东方医院 王主任说鑫达的租赁公司报得比我们低", "东方医院"),
    ],
)
def test_bureaus_and_kinds_of_company(extractor: Extractor, text: str, company: str) -> None:
    assert _read(extractor, text)[1].get("company") == company


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("华光电子和规划局都要", "华光电子"),  # 和 between two customers, no place before
        ("在湖州长兴建新厂", None),  # what they do
        ("去了鑫达的华光租赁公司", "华光租赁公司"),  # a name after 的
    ],
)
def test_bureau_rules_do_not_overreach(extractor: Extractor, text: str, company: str | None) -> None:
    assert _read(extractor, text)[1].get("company") == company


# ---- the customer's deadline is not the rep's plan ----


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("华光电子 电话聊了 要注塑机6台 对方要月底之前拿到方案 我这周五先给个初版", "2026-03-13"),
        ("华光电子 电话聊了 客户希望下周三前到货 我明天去送合同", "2026-03-11"),
        ("华光电子 电话聊了 我月底之前去拿合同", "2026-03-31"),  # the rep's own
    ],
)
def test_what_they_want_by_a_day_is_their_timeline(extractor: Extractor, text: str, day: str) -> None:
    assert _read(extractor, text)[1].get("next_followup", {}).get("date") == day
