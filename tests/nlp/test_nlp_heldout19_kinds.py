"""Kinds of failure seen on the heldout19 corpora (industrial coatings; corporate training, messy), each
tested with made-up sentences of other trades and names, with negatives showing the rule does not
over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read

# ---- where the deal stands, told by what was done ----


@pytest.mark.parametrize(
    "text",
    [
        "华锦酒店的采购今天当面把报价给了 他说要跟老板商量",
        "去瑞峰五金谈了一下午 把报价单给了就回来了",
    ],
)
def test_a_quote_handed_over_with_no_one_named_is_the_quote_stage(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("stage") == "报价"


@pytest.mark.parametrize("text", ["把报价给了领导审一下", "报价做好了 明天当面把报价给了再说"])
def test_a_quote_given_to_our_side_or_planned_is_no_stage(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("stage") is None


@pytest.mark.parametrize(
    "text",
    [
        "见了冠宇物流的孙经理 要求运费再降三个点 我说回去申请一下",
        "去鼎盛仓储谈完了 账期要改成90天 我回去跟财务商量",
        "晚上跟启航教育的Mia视频聊了 培训费想砍到18万 我答应回去请示",
    ],
)
def test_the_customers_ask_taken_back_for_approval_is_negotiation(extractor: Extractor, text: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("stage")) == ("log_followup", "谈判")


def test_a_rivals_lower_price_heard_is_no_negotiation(extractor: Extractor) -> None:
    text = "在博瑞化工见了刘总 他说隔壁那家的价格比我们低两个点 我说回去申请一下"
    assert read(extractor, text)[1].get("stage") is None


def test_signed_in_english_is_the_signing(extractor: Extractor) -> None:
    intent, slots = read(extractor, "凯辰电子 ERP项目 signed ✅")
    assert (intent, slots.get("stage")) == ("update_stage", "签约")
    assert read(extractor, "凯辰电子 合同 not signed yet")[1].get("stage") is None


# ---- a demo told in other words ----


@pytest.mark.parametrize(
    "text",
    [
        "今天在永丰家具厂做了试喷，老板看了漆面很满意",  # a finish tried on their parts
        "新配方今天上线试产了 良率还行 华晟陶瓷的周厂长在盯",  # tried on their line
        "在宏远集团给中层讲了人才梯队的整体框架 反响不错",  # the plan's frame presented
        "在三和物业做了满意度调研报告解读 陈经理很认可",  # a consultant's findings presented
    ],
)
def test_trials_and_presentations_are_demos(extractor: Extractor, text: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("kind")) == ("log_followup", "demo")


@pytest.mark.parametrize(
    "text",
    [
        "给鼎丰门业的何经理打了电话，寄了两桶样漆过去试喷，他说一周内给反馈",  # samples sent for them to try
        "给鼎丰门业的何经理打了电话，他们想先试涂一块看看效果",  # one wished for
    ],
)
def test_a_trial_sent_or_wished_is_no_demo(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("kind") == "call"


# ---- questions in other words ----


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("鼎盛仓储现在什么状态", "query_lead", {"company": "鼎盛仓储"}),
        ("Lucy Chen那个线索是谁录的", "query_lead", {"contact_name": "Lucy Chen"}),
        (
            "明天team有哪些要follow的",
            "query_today",
            {"scope": "team", "period": {"start": "2026-03-11", "end": "2026-03-11"}},
        ),
        (
            "last week 团队 新增线索多少个",
            "query_stats",
            {"scope": "team", "period": {"start": "2026-03-02", "end": "2026-03-08"}},
        ),
        (
            "上个月的新增线索按城市分一下",
            "query_stats",
            {"period": {"start": "2026-02-01", "end": "2026-02-28"}},
        ),
        ("查下刘建军的联系方式", "query_lead", {"contact_name": "刘建军"}),
    ],
)
def test_questions_in_other_words(
    extractor: Extractor, text: str, intent: str, slots: dict[str, object]
) -> None:
    assert read(extractor, text) == (intent, slots)


def test_a_call_come_in_from_a_new_prospect_is_a_new_lead(extractor: Extractor) -> None:
    text = "☎电话进来的 苏州 恒通精工有限公司 设备部部长 赵立群 想上一套云ERP 预算80万左右 手机13951234567"
    intent, slots = read(extractor, text)
    assert (intent, slots.get("company"), slots.get("kind")) == ("new_lead", "恒通精工有限公司", None)


# ---- the contact: a full name after the organisation or opening a clause, titles said twice ----


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("杭州明远纺织的采购陈静发邮件来要报价单", "陈静", "采购"),
        ("临沂华通机械王磊给了车间的座机", "王磊", None),
        ("拜访了东岳机电，赵海峰透露他们预算只有60万", "赵海峰", None),
        ("苏州冠达电子 姓韩 韩主任 要两台CNC", "韩", "主任"),
        ("曹工全程盯着调试", "曹", "工"),
        ("【官网留言】公司：远帆食品｜姓名：邵敏｜职务：采购总监｜电话：13812345678", "邵敏", "采购总监"),
        ("呃吴丽那边又说要改交期", "吴丽", None),
        ("祥和的方案和报价都发吴晓梅邮箱了", "吴晓梅", None),
        ("宏泰Lily说老板同意了", "Lily", None),
    ],
)
def test_the_contact_in_other_shapes(extractor: Extractor, text: str, name: str, title: str | None) -> None:
    slots = read(extractor, text)[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == (name, title)


@pytest.mark.parametrize("text", ["我们有30多位新来的店长 想做个培训", "我们有十来个新提的经理 想做个培训"])
def test_people_counted_are_no_contact(extractor: Extractor, text: str) -> None:
    slots = read(extractor, text)[1]
    assert (slots.get("company"), slots.get("contact_title")) == (None, None)


def test_one_person_described_keeps_the_title(extractor: Extractor) -> None:
    assert read(extractor, "有个新来的店长 说要试用")[1].get("contact_title") == "店长"


# ---- the customer's name: where it ends, and names with no organisation word ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("顺达物流最后还是选了用友 我们没戏了", "顺达物流"),  # how it ended follows the name
        ("华岳三期的报价都发过去了 等他们走流程", "华岳"),  # a count of what is done for it
        ("温州瑞禾 电话沟通了 下周去看现场", "温州瑞禾"),  # a city brand, then how the contact went
        ("金陵涂装黄总微信发来图纸", "金陵涂装"),  # a trade word of finishing works
        ("拜访了金泓钟秀兰 她们财务也在", "金泓"),  # a full name glued after the brand
        ("给宏泰陈姐打了电话 说下周要", "宏泰"),  # a person called by surname and kin after it
        ("宏泰Lily说老板同意了", "宏泰"),  # an English name after it
        ("禾丰签了🎉 钱姐说明年还要扩", "禾丰"),  # a person named only after the news
        ("今天去瑞昇做了产线诊断", "瑞昇"),  # the work done where the rep went
        ("在凯越做了第二轮访谈 刘总也在", "凯越"),
        ("祥和的方案和报价都发吴晓梅邮箱了", "祥和"),  # the proposal of it
        (
            "Hi, I am Tom Baker from Nordic Marine Supplies (Ningbo) Co., Ltd., we need a quote",
            "Nordic Marine Supplies (Ningbo) Co., Ltd.",
        ),
    ],
)
def test_the_customers_name(extractor: Extractor, text: str, company: str) -> None:
    assert read(extractor, text)[1].get("company") == company


@pytest.mark.parametrize(
    "text",
    [
        "云ERP全集团推，先试点两个工厂",  # all of their own group
        "厂房项目需要做防水",  # what the deal builds
        "那个办公楼的单子进展咋样了",
        "今天在现场做了调试",  # a place, no brand
    ],
)
def test_no_customer_named(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("company") is None


# ---- the price the customer pushes for or the haggling ends at ----


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("去宏达酒店把报价给了 他嫌贵 要我压到42万 后天再去谈", [420000, 420000]),
        ("和宏达酒店的钱总又谈了一轮 最后41.5万 基本能定", [415000, 415000]),
    ],
)
def test_the_price_pushed_for_is_the_budget(extractor: Extractor, text: str, budget: list[int]) -> None:
    assert read(extractor, text)[1].get("budget") == budget
