"""A customer handed to another member ("X转给Y跟吧", "把X分给Y", "X以后由Y跟进", "X的单子给Y"): the
intent, the member as written and the customer's words, in several industries' phrasing; and what is
no handover of ours (a forward, a document sent on, the customer's own hand-off, a question)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor, Intent
from nlp.handover import calls, find_handover, name_shaped

SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.mark.parametrize(
    ("text", "customer", "assignee"),
    [
        ("晋阳动力转给周晓燕跟吧，老韩那边最近太忙", "晋阳动力", "周晓燕"),
        ("龙城储能交给小蒋负责", "龙城储能", "小蒋"),
        ("把兰州飞天精工分给郑凯", "兰州飞天精工", "郑凯"),
        ("椒江精密以后由何丽跟进", "椒江精密", "何丽"),
        ("甬港物流的单子给冯磊", "甬港物流", "冯磊"),
        ("宏达机械这个客户转到邓敏名下", "宏达机械", "邓敏"),
        ("绿源农庄的负责人改成tanyu", "绿源农庄", "tanyu"),
        ("今天开会定了 金穗面粉厂交给曾帆跟进", "金穗面粉厂", "曾帆"),
        ("星河幼儿园让老潘接手吧", "星河幼儿园", "老潘"),
        ("蓝湾酒店转给彭姐跟", "蓝湾酒店", "彭姐"),
        ("华锐数控往后晓雯负责", "华锐数控", "晓雯"),
        ("凯达汽配归宋磊管了", "凯达汽配", "宋磊"),
        ("东坡酒业的线索就给 ZhouQing 吧", "东坡酒业", "ZhouQing"),
        ("请把好利来烘焙分给小蒋", "好利来烘焙", "小蒋"),  # 好 and 请 are no lead-in of the name
        ("老板让我把椒江精密交给何丽", "椒江精密", "何丽"),  # the boss's word, passed on
        ("好的 凯达汽配转给宋磊跟吧", "凯达汽配", "宋磊"),
    ],
)
def test_a_handover_names_the_customer_and_the_member(
    extractor: Extractor, text: str, customer: str, assignee: str
) -> None:
    ex = extractor.extract(text, SENT)
    assert (ex.intent, ex.company, ex.assignee) == (Intent.REASSIGN_LEAD, customer, assignee)
    assert ex.contact_name is None  # the member is a colleague, never the customer's contact
    assert ex.intent.corpus_label == "other"  # the corpus format has no label for it
    start, end = ex.spans["assignee"]
    assert text[start:end] == assignee


def test_a_handover_that_names_no_customer_keeps_the_member(extractor: Extractor) -> None:
    ex = extractor.extract("这个客户转给小蒋跟吧", SENT)
    assert (ex.intent, ex.company, ex.assignee) == (Intent.REASSIGN_LEAD, None, "小蒋")


def test_a_full_name_with_its_legal_form_is_the_customer(extractor: Extractor) -> None:
    ex = extractor.extract("太原晋阳动力设备有限公司以后由何丽跟进", SENT)
    assert (ex.company, ex.assignee, ex.city) == ("太原晋阳动力设备有限公司", "何丽", "太原")


@pytest.mark.parametrize(
    "text",
    [
        "转给我一下资料",  # a forward to the writer
        "他转给采购了",  # the customer's internal hand-off
        "客户转给采购了，让我们等消息",
        "王总交给小李负责了",  # their boss put their own person in charge
        "报价单转给小蒋了",  # a document sent on
        "把样品交给郑凯",
        "明天给王总打电话约时间",  # 给 is "to"
        "方案发给何丽了",
        "王总说以后由采购部李经理对接",  # their words
        "宏达那边以后由张工对接",  # their person, named by title
        "宏达那边以后由小刘对接",
        "要不要把宏达转给小蒋？",  # asked, not decided
        "宏达转给小蒋跟吗",
        "不要把宏达交给小蒋",
        "由于价格原因他们转给别家了",
        "设备转让给了二手商",
        "以后再说吧",
        "宏达的事交给我吧",
        "宏达转给高层了",  # a word, not a name
        "这单转给HR了",
        "安装交给何师傅",  # a task, to a tradesman
        "项目给刘伟做了",  # 刘伟 did it
        "那个单子给张总看了",
        "年后由孙总带队去拜访",
        "让郑凯跟他们聊聊",
        "金总让小陈以后跟我们对接",
        "今天见了王总，他说后面由小吴对接",
    ],
)
def test_what_is_no_handover_of_ours(extractor: Extractor, text: str) -> None:
    assert find_handover(text) is None
    assert extractor.extract(text, SENT).intent != Intent.REASSIGN_LEAD


def test_a_product_line_handed_over_is_no_customer(extractor: Extractor) -> None:
    ex = extractor.extract("数控机床这块交给郑凯负责", SENT)
    assert ex.intent != Intent.REASSIGN_LEAD and ex.assignee is None and ex.products == ("数控机床",)


def test_a_report_with_a_handover_in_it_stays_a_report(extractor: Extractor) -> None:
    # The contact told comes first; the handover is for a person to settle, not a record lost.
    ex = extractor.extract("今天上午拜访了宏达机械，后面由何丽跟进", SENT)
    assert (ex.intent, ex.kind, ex.assignee) == (Intent.LOG_FOLLOWUP, "visit", None)


def test_help_and_a_new_lead_keep_their_intents(extractor: Extractor) -> None:
    assert extractor.extract("怎么把客户转给别人", SENT).intent == Intent.HELP
    ex = extractor.extract("新客户 兰州飞天精工 李科长 13911112222，交给郑凯跟进", SENT)
    assert ex.intent == Intent.NEW_LEAD


def test_a_customer_s_message_is_never_a_handover(extractor: Extractor) -> None:
    ex = extractor.extract("我们公司的采购以后由何丽负责", SENT, "customer")
    assert ex.intent != Intent.REASSIGN_LEAD and ex.assignee is None


@pytest.mark.parametrize(
    ("mention", "name", "named"),
    [
        ("许婷", "许婷", True),
        ("小许", "许婷", True),
        ("老许", "许婷", True),
        ("许姐", "许婷", True),
        ("许总", "许婷", True),
        ("海燕", "吴海燕", True),
        ("海燕姐", "吴海燕", True),
        ("欧阳", "欧阳娜娜", False),  # a compound surname alone names no one
        ("小欧阳", "欧阳娜娜", True),
        ("娜娜", "欧阳娜娜", True),
        ("婷", "许婷", False),  # a one-character given name alone is too little
        ("小婷", "许婷", False),
        ("小王", "许婷", False),
        ("许婷婷", "许婷", False),
    ],
)
def test_how_a_member_is_called(mention: str, name: str, named: bool) -> None:
    assert calls(mention, name) is named


@pytest.mark.parametrize(
    ("words", "duty", "shaped"),
    [
        ("lina", False, True),
        ("HR", False, False),
        ("采购", False, False),
        ("采购经理", True, False),
        ("李主任", False, False),
        ("高层", True, False),
        ("我", True, False),
        ("晓雯", True, True),
        ("晓雯", False, False),
        ("宋磊", False, True),
    ],
)
def test_what_can_name_a_member(words: str, duty: bool, shaped: bool) -> None:
    assert name_shaped(words, duty=duty) is shaped
