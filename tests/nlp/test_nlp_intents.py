"""Intents of other industries' phrasing: referred leads, help, day queries, stage commands, kinds."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor, Intent, Period
from nlp.intent import find_kind, find_stage

SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("朋友介绍：太原晋阳动力 王总 13911112222，想上一套云ERP，下周一去见面", Intent.NEW_LEAD),
        ("同事转过来的线索 兰州飞天精工 设备科李科长 要数控机床", Intent.NEW_LEAD),
        ("同事给的线索 宏达机械 张经理 13800001111", Intent.NEW_LEAD),
        ("录一下：柳州龙城储能科技 周主任 138 2763 1190，下周二上午去见面", Intent.NEW_LEAD),
        ("表哥介绍了个客户，宁波甬港物流，老板姓应", Intent.NEW_LEAD),
        ("帮我建个客户：台州椒江精密机械厂 李厂长", Intent.NEW_LEAD),
        ("你好 你能干啥", Intent.HELP),
        ("有什么指令", Intent.HELP),
        ("怎么录跟进记录？", Intent.HELP),
        ("怎么让机器人提醒我跟进？", Intent.HELP),
        ("能查团队的排名吗？怎么问", Intent.HELP),
        ("今天要跑哪几家", Intent.QUERY_TODAY),
        ("下周一我要去哪几家客户", Intent.QUERY_TODAY),
        ("查一下兰州飞天精工的跟进记录", Intent.QUERY_LEAD),
        ("张伟那边现在什么进度", Intent.QUERY_LEAD),
        ("刘芳那个客户跟到哪一步了", Intent.QUERY_LEAD),
        # the look-up asked for last, after who it is about (a person no rule knows as a contact)
        ("邱明远的客户信息查一下", Intent.QUERY_LEAD),
        ("黔东南那家酒厂的资料帮我调一下", Intent.QUERY_LEAD),
        ("宏达机械已经发了报价", Intent.UPDATE_STAGE),
        ("把宏达机械有限公司的阶段改成方案演示", Intent.UPDATE_STAGE),
        ("华锐数控阶段更新为报价", Intent.UPDATE_STAGE),
        ("这个月团队数控机床签了几台", Intent.QUERY_STATS),
    ],
)
def test_intent(extractor: Extractor, text: str, intent: Intent) -> None:
    assert extractor.extract(text, SENT).intent == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # one customer asked about, in the form of the question itself
        ("嘉禾农牧最近怎么样了", Intent.QUERY_LEAD),
        ("通达电缆的赵工手机号多少", Intent.QUERY_LEAD),
        ("远景光伏这个单子现在在谁手上", Intent.QUERY_LEAD),
        ("孟庆林是哪家公司的来着", Intent.QUERY_LEAD),
        ("星河幼教的项目有人在跟吗", Intent.QUERY_LEAD),
        # a day's plans
        ("周五的拜访计划", Intent.QUERY_TODAY),
        ("明天组里都有啥安排", Intent.QUERY_TODAY),
        ("后天有哪些客户要见", Intent.QUERY_TODAY),
        # a renewal is a signed deal
        ("瑞丰酒业续签了 明年接着合作", Intent.UPDATE_STAGE),
        # numbers asked without a number word
        ("这个月各阶段的线索分布", Intent.QUERY_STATS),
        ("上周团队单子数量", Intent.QUERY_STATS),
        # leads that came in some other way than a new-lead word
        ("接到个新询盘 合肥徽商后勤处 要净水设备 陈处长 13966661234", Intent.NEW_LEAD),
        ("同学介绍 洛阳一拖配件厂 采购部钱经理 要轴承", Intent.NEW_LEAD),
        ("展会上拿到名片 温州正泰物流 吴总 139 5777 0001", Intent.NEW_LEAD),
        # what the bot itself can do
        ("支持发图片吗", Intent.HELP),
        ("可以导入表格吗", Intent.HELP),
        ("我能用你干点啥", Intent.HELP),
        # ...and reports that merely mention a phone or a plan stay reports
        ("今天拜访了鼎盛建材王总，他的手机号是13912340000，下周再去", Intent.LOG_FOLLOWUP),
        ("下午去了恒通机械，周总说计划明年换设备", Intent.LOG_FOLLOWUP),
    ],
)
def test_kinds_of_failure_seen_on_unseen_text(extractor: Extractor, text: str, intent: Intent) -> None:
    assert extractor.extract(text, SENT).intent == intent


def test_stage_command_is_not_a_demo(extractor: Extractor) -> None:
    ex = extractor.extract("把宏达机械有限公司的阶段改成方案演示", SENT)
    assert (ex.stage, ex.kind) == ("方案演示", None)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("今天腾讯会议跟宏达机械的王总过了一遍方案", "online"),
        ("刚跟宏达机械的王总打完电话", "call"),
        ("电话回访了宏达机械的王总", "call"),
        ("宏达机械的王总今天来展厅试机", "demo"),
    ],
)
def test_kind(extractor: Extractor, text: str, kind: str) -> None:
    assert extractor.extract(text, SENT).kind == kind


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # short stage news and questions name their customer first, with no organisation word
        ("蓝湾渔具那单丢了 被同行截走", "蓝湾渔具"),
        ("恒达续约了👍", "恒达"),
        ("麦田烘焙 进入方案演示阶段", "麦田烘焙"),
        ("云杉科技的监控项目到报价了", "云杉科技"),
        ("金桥物流这个单子现在在谁手上", "金桥物流"),
        ("北辰会展搬迁项目签了", "北辰会展"),
        ("青禾农业现在到哪一步了", "青禾农业"),  # not "青禾农业现在"
        ("查下银杉资本的报价", "银杉资本"),  # after the look-up
        # ...and what stands first is not always a customer
        ("终于签了", None),
        ("国庆前那单丢了", None),
        ("昨天那单到报价了", None),
        ("怎么把阶段改成签约", None),
    ],
)
def test_the_customer_short_news_and_questions_are_about(
    extractor: Extractor, text: str, company: str | None
) -> None:
    assert extractor.extract(text, SENT).company == company


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("昨天电话 宁波海天 胡经理说再等等 下周再联系", "call"),
        ("电话了 鼎泰机械 还没定", "call"),
        ("打给振华物流的徐总了 他在开会 明天再打", "call"),
        ("在振华电子的车间做了三天POC 良率达标", "demo"),
        ("今天去滨江医院见了院办的人 下周再约", "visit"),
    ],
)
def test_kinds_said_in_passing(extractor: Extractor, text: str, kind: str) -> None:
    assert extractor.extract(text, SENT).kind == kind


def test_a_new_lead_keeps_the_contact_it_reports_outside_the_slots(extractor: Extractor) -> None:
    met = extractor.extract("新客户 嘉兴禾源食品有限公司 今天上门见了沈经理 下周二再去", SENT)
    assert met.intent == Intent.NEW_LEAD and met.reported_kind == "visit"
    assert "kind" not in met.to_slots()  # the corpus keeps kind for log_followup
    referred = extractor.extract("朋友介绍 嘉兴禾源食品有限公司 沈经理 13900001234 下周二我去拜访", SENT)
    assert referred.intent == Intent.NEW_LEAD and referred.reported_kind is None  # only a plan


def test_stage_news_said_with_a_visit_is_a_report_with_its_stage(extractor: Extractor) -> None:
    news = extractor.extract("今天去滨江医院把呼吸机的合同签了 孟主任很满意 20号再过去", SENT)
    assert news.intent == Intent.LOG_FOLLOWUP and news.stage == "签约"
    face = extractor.extract("华茂钱总监今天当面谈了，价格谈拢了，进入谈判阶段", SENT)
    assert face.intent == Intent.LOG_FOLLOWUP and face.stage == "谈判"
    plan = extractor.extract("华茂已经签约了，下午去他们公司", SENT)  # a plan is no report of a contact
    assert plan.intent == Intent.UPDATE_STAGE
    # A part of the day between the day and the going is still a visit that happened.
    for text in (
        "今天上午去鼎盛物业把保洁外包的合同签了 邢经理说明天进场",
        "昨天晚上到了味源餐饮 老板说要续约了",
    ):
        went = extractor.extract(text, SENT)
        assert went.intent == Intent.LOG_FOLLOWUP and went.kind == "visit", text


def test_a_contact_reported_without_its_customer_is_a_report_to_ask_about(extractor: Extractor) -> None:
    unnamed = extractor.extract("刚开完视频会 对方说方案可以 下周三再开一次线上会", SENT)
    assert unnamed.intent == Intent.LOG_FOLLOWUP  # the bot asks which customer; it is no small talk
    assert extractor.extract("今天跑了一天 累死了", SENT).intent == Intent.OTHER
    # A question word inside a plan for a later day asks nothing: still a report to ask about.
    for text in (
        "刚打完电话 对方说地暖也要一起报 下周二上午我把清单发过去",
        "刚聊完视频 对方挺满意 周五我再去看看",
    ):
        assert extractor.extract(text, SENT).intent == Intent.LOG_FOLLOWUP, text
    talked = extractor.extract("通达到谈判了 今天在他们公司跟宋经理谈了一下午价格", SENT)
    assert talked.intent == Intent.LOG_FOLLOWUP and talked.stage == "谈判"
    rivals = extractor.extract("大成医院想采购CT，联系人孙处长，他们已经在跟西门子谈了", SENT)
    assert rivals.intent != Intent.LOG_FOLLOWUP  # the customer talking to a competitor is no contact of ours


@pytest.mark.parametrize(
    "text",
    [
        # a prospect handed over in the rep's own words
        "加个线索 温州瓯江阀门厂 采购李经理 想上云ERP 下周三去拜访",
        "来了条线索：绍兴柯桥印染有限公司 要数控机床两台",
        "又收到一个lead 苏州工业园区华美电子 行政经理 Amy 13912345678",
        "线索 南通一家做家纺的 南通锦绣家纺有限公司 联系人陈总 0513-8888 1234",
        "新增：芜湖长江汽配有限公司 周厂长 要光伏组件 预算80万",
        "老同学推过来的线索 常州天宁精工 设备部何工 想换数控机床",
        # a first meeting, whatever is planned next
        "昨天在酒会上认识了台州海正塑业的老板 他们想装光伏组件 后天上午我给他打电话",
        "刚认识的一个老板 金华婺城建材有限公司 吴总 13757901234 想了解云ERP",
        # the customer's own words, forwarded or pasted by the rep
        "【转发】你好，我们是湖州南浔木业有限公司，想了解一下你们的云ERP，麻烦联系我 15968201234 沈先生",
        "王经理您好，我是嘉兴海宁皮革城的采购主管刘芳，我们想采购一批数控机床，能否提供报价？0573-8765 4321",
        # a full contact card and only a plan
        "宁波北仑港机械有限公司 设备科赵科长 13805741111 要数控机床 下周二过去",
        "宏达机械 王总 13800001111 要两台数控机床 下周二去看看",
        "新来的询盘 昆山恒泰电子 采购经理 Leo 要10台CNC 邮箱leo@hengtai.cn",  # an address is no e-mail sent
        # an inquiry that came in, relayed
        "客户来电咨询 台州路桥一家汽配厂 要两台数控机床 让我们报价 电话 0576-8222 1234",
        "官网来了个询价 嘉兴南湖区华兴纺织 要光伏组件 联系人 钱经理 13857300000",
        "客户留言：你好 想问下光伏组件多少钱一片 我们厂房屋顶大概3000平 电话13812345678",
        "扫楼扫到一个意向客户 杭州滨江天启科技 行政 小周 要上云ERP",
        # details swapped with no contact reported
        "展会上加了个微信 苏州吴中华辰机械 采购部陈经理 想看CNC",
    ],
)
def test_a_prospect_handed_over_is_a_new_lead(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).intent == Intent.NEW_LEAD


@pytest.mark.parametrize(
    "text",
    [
        "今天拜访了温州瓯江阀门厂李经理 他们想上云ERP 下周三再去",
        "刚跟宁波北仑港机械有限公司的赵科长通了电话 13805741111 要数控机床 下周二过去",
        "致电绍兴柯桥印染有限公司王主任 0575-8111 2222 预算还没批 下周再联系",
        "宏达机械 王总 13800001111 说预算批了 下周签",  # what the customer said tells a contact
        "宏达机械有限公司 王总 13800001111 价格太高 下周再联系",  # "再": a contact came before
        "刚从宁波宏达机械有限公司出来 钱总 13800001111 要数控机床",
        "王总您好，我是华锐的小张，给您发一下云ERP的报价 刚发给宏达机械了",  # the rep's own greeting
        "认识了五年的老朋友 宏达机械的王总 今天去他厂里看了机床",
        "上周三在宁波宏达机械有限公司给操作工演示了数控机床，车间主任周强加了微信，下周四再去",
        "宏达机械王总来电咨询售后 机床主轴有异响 明天派人去看",  # a customer's service call
    ],
)
def test_a_contact_told_with_a_card_stays_a_report(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).intent == Intent.LOG_FOLLOWUP


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # one customer asked about by whatever names it, found as a company or not
        ("鼎盛那个单子现在到哪一步了", Intent.QUERY_LEAD),
        ("老街坊餐饮的ERP项目啥情况", Intent.QUERY_LEAD),
        ("那个要三台机床的模具厂 现在什么进度", Intent.QUERY_LEAD),
        ("查下恒通五金的孙经理", Intent.QUERY_LEAD),
        ("帮我查查做光伏的那个宁波客户最近有没有人跟", Intent.QUERY_LEAD),
        ("华远精工钱总的联系方式", Intent.QUERY_LEAD),
        ("宏达机械咋样了", Intent.QUERY_LEAD),
        ("宏达机械的单子有进展没", Intent.QUERY_LEAD),
        ("这个手机号是谁跟的 13812345678", Intent.QUERY_LEAD),
        ("宁波港机那个单子到哪了", Intent.QUERY_LEAD),
        # ...but nothing named is no customer
        ("现在啥情况", Intent.OTHER),
        ("你们那边什么情况", Intent.OTHER),
        # and a look-up of something else keeps its own intent
        ("查下明天的安排", Intent.QUERY_TODAY),
        ("查下我的业绩", Intent.QUERY_STATS),
    ],
)
def test_a_question_about_one_customer_needs_no_found_name(
    extractor: Extractor, text: str, intent: Intent
) -> None:
    assert extractor.extract(text, SENT).intent == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # a count or a rate named as a noun
        ("我本月的签单率", Intent.QUERY_STATS),
        ("团队上周的拜访次数", Intent.QUERY_STATS),
        ("这个月的新增线索数", Intent.QUERY_STATS),
        ("今年新增了几所医院", Intent.QUERY_STATS),
        # "几台" that a customer wants is a few, not a count asked; "哪几个" asks which
        ("对了他们还说要配几台数控机床", Intent.OTHER),
        ("今天该找哪几个客户", Intent.QUERY_TODAY),
        # a day's appointments
        ("明天排了哪些客户", Intent.QUERY_TODAY),
        ("帮我看下周四排了谁", Intent.QUERY_TODAY),
        ("今晚有约的客户有哪些", Intent.QUERY_TODAY),
        ("团队下周的拜访任务", Intent.QUERY_TODAY),
        ("本周要回访的医院", Intent.QUERY_TODAY),
        ("明天有几个客户要见", Intent.QUERY_TODAY),  # the day's appointments, not a count of the period
        ("今年签约总额", Intent.QUERY_STATS),
        ("上月回款", Intent.QUERY_STATS),  # a period's figure named by the noun alone
        ("团队这个季度的签约情况", Intent.QUERY_STATS),
        ("本月新增客户来源分布", Intent.QUERY_STATS),
        ("明天的行程", Intent.QUERY_TODAY),
        ("我今天的任务", Intent.QUERY_TODAY),
        ("今天约了几个客户", Intent.QUERY_TODAY),
        ("哪些客户该跟没跟", Intent.QUERY_OVERDUE),
        # one fact of a named customer asked
        ("宏达机械的预算是多少来着", Intent.QUERY_LEAD),
        ("宏达机械上次报价多少", Intent.QUERY_LEAD),
        ("王总那个客户现在谁负责", Intent.QUERY_LEAD),
        # leads left without a contact, asked about (and only asked: "王总说好久没联系了" is told)
        ("我还有哪些客户没跟进", Intent.QUERY_OVERDUE),
        ("有哪些客户很久没跟进了", Intent.QUERY_OVERDUE),
        ("今天去宏达机械 王总说好久没联系了", Intent.LOG_FOLLOWUP),
        # how to use the bot
        ("怎么把这个客户转给小王", Intent.HELP),
        ("有操作手册吗", Intent.HELP),
        ("机器人能帮我导出客户吗", Intent.HELP),
        ("我想录一条跟进，该怎么填？", Intent.HELP),
    ],
)
def test_questions_of_other_shapes(extractor: Extractor, text: str, intent: Intent) -> None:
    assert extractor.extract(text, SENT).intent == intent


def test_stage_news(extractor: Extractor) -> None:
    lost = extractor.extract("恒达的机床单子没谈下来 输给了用友", SENT)
    assert (lost.intent, lost.stage) == (Intent.UPDATE_STAGE, "输单")
    taken = extractor.extract("华安那单被同行抢走了", SENT)
    assert (taken.intent, taken.stage) == (Intent.UPDATE_STAGE, "输单")
    # a customer whose name looks like a stats word ("数据") with a signing is news, not a count
    signed = extractor.extract("星海数据 云ERP 合同签了🎉 开门红", SENT)
    assert (signed.intent, signed.stage) == (Intent.UPDATE_STAGE, "签约")
    # a terse card that says how the contact went is a report with its stage
    card = extractor.extract("德润机械 张工 电话 设备已经验收了", SENT)
    assert (card.intent, card.kind, card.stage) == (Intent.LOG_FOLLOWUP, "call", "交付")
    sealed = extractor.extract("恒通五金的合同今天盖章了", SENT)
    assert (sealed.intent, sealed.stage) == (Intent.UPDATE_STAGE, "签约")
    # a purchase order issued is a signed deal
    po = extractor.extract("宏达机械PO下来了 🎉", SENT)
    assert (po.intent, po.stage) == (Intent.UPDATE_STAGE, "签约")
    # a price not yet agreed is no lost deal
    assert extractor.extract("宏达机械价格还没谈下来 王总说再等等", SENT).stage is None


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("宏达的钱总说周末请我们去钓鱼 哈哈", Intent.OTHER),
        ("明天的展会谁去", Intent.OTHER),
        ("周五了 晚上聚餐去哪吃", Intent.OTHER),
        ("今天跑了一天 累死了", Intent.OTHER),
        ("我们组的分布不太均匀", Intent.OTHER),  # a spread of what no figure names
        ("这次任务完成得不错 大家辛苦", Intent.OTHER),
        ("车坏了 今天去不了客户那了", Intent.OTHER),  # a visit that did not happen
        ("今天跑了趟温州瓯江阀门厂 李经理说数控机床下个月定", Intent.LOG_FOLLOWUP),
    ],
)
def test_small_talk_and_a_day_on_the_road(extractor: Extractor, text: str, intent: Intent) -> None:
    assert extractor.extract(text, SENT).intent == intent


@pytest.mark.parametrize(
    "text",
    [
        "今天下午在他们公司跟宋经理谈了一下午 数控机床还要再降2个点",
        "今天在宁波宏达机械有限公司待了一整天 和设备部确认了需求",
        "今天跑了趟宏达机械 王总说下个月定",
    ],
)
def test_a_contact_at_their_place_is_a_visit(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).kind == "visit"


def test_a_contact_said_in_english_or_by_being_shown_around(extractor: Extractor) -> None:
    english = extractor.extract("today visited 苏州华美电子 met Amy 她们对云ERP很感兴趣 next week demo", SENT)
    assert (english.intent, english.kind) == (Intent.LOG_FOLLOWUP, "visit")
    shown = extractor.extract("上午在恒通五金 李经理带我看了车间 机床有点老了 想换 预算50w左右", SENT)
    assert (shown.intent, shown.kind) == (Intent.LOG_FOLLOWUP, "visit")  # a wish told in a visit


def test_who_did_most_over_a_period_is_a_ranking(extractor: Extractor) -> None:
    assert extractor.extract("谁这个月签单最多", SENT).intent == Intent.QUERY_STATS


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # calls said tersely, by an emoji, in English, or that did not get through
        ("宏达机械王总 电话 ok", "call"),
        ("📞恒通五金 周经理 ok", "call"),
        ("又跟宏达机械王总call了一下 他要先做POC", "call"),
        ("恒通五金 phone follow了一下 还在等", "call"),
        ("打通了宏达机械王总的电话 他们要两台数控机床", "call"),
        ("恒通五金周经理电话没人接 发了短信 明天再打", "call"),
        ("致电宏达机械 王总接的电话 说下个月定", "call"),
        ("宏达机械遇到点问题 电话里王总说机床报警", "call"),  # trouble met is no meeting
        ("恒通五金那边测试报告出来了，电话里周经理说可以", "call"),  # a report out is no visit
        # a trial: one held is a demo; the machine on trial or one wished for is not
        ("宏达机械的王总试完数控机床说手感一般", "demo"),
        ("今天陪技术去宏达机械看了试用的数控机床 见了王总", "visit"),
        ("电话里恒通五金的周经理说要试用我们的数控机床一周 明天我送样机过去", "call"),
        ("恒通五金的POC做完了 周经理很满意", "demo"),
        # met by chance, or over lunch
        ("今天在展会上碰到宏达机械的王总 聊了聊数控机床", "visit"),
        ("午饭跟恒通五金的周经理聊了聊 想换数控机床", "visit"),
        # a quote sent to their mailbox (an address alone is no contact)
        ("刚把报价单发到了宏达机械王总的邮箱 wang@hongda.cn", "online"),
    ],
)
def test_kinds_said_in_other_ways(extractor: Extractor, text: str, kind: str) -> None:
    assert extractor.extract(text, SENT).kind == kind


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        # a quote: ours, sent, or roughly given
        ("宏达机械 王总 上门 我们也报了价 下周再去", "报价"),
        ("宏达机械 王总 上门 报了个大概价 下周二再约", "报价"),
        ("恒通五金 周经理 电话 问数控机床 价格 发了", "报价"),
        # ...not a competitor's or someone else's
        ("宏达机械 王总 上门 用友也报了价 我们贵了8个点", None),
        ("恒通五金 周经理 电话 同行也报了价 我们等等看", None),
        ("宏达机械王总说金蝶报了个价 比我们低", None),
        # a bid handed in and waiting is a quote given; a tender opened without us is lost
        ("宏达机械的标书上周已经投了 在等评标", "报价"),
        ("恒通五金的投标文件已经交了 卡在审批", "报价"),
        ("宏达机械的标开了 我们排第三 没中", "输单"),
        # haggling going on, not haggling planned or only hoped for
        ("宏达机械还在谈价格 王总砍价砍得厉害", "谈判"),
        ("恒通五金那边对方在压价", "谈判"),
        ("宏达机械王总说价格再降两个点就能进谈判", None),
        ("宏达机械王总说价格要再谈", None),
        # signed: the contract stamped, the down payment in
        ("宏达机械的合同昨天双方盖完章了", "签约"),
        ("恒通五金首付款30%到账了", "签约"),
        # delivered: shipped, installed, accepted, the final payment in
        ("宏达机械的数控机床今天发货了", "交付"),
        ("恒通五金 签了验收单", "交付"),
        ("宏达机械的尾款收到了", "交付"),
        ("恒通五金的货今天到了 装机完成", "交付"),
        # ...not an installation still to come, asked for, or planned
        ("宏达机械的数控机床到货了 下周二安装", None),
        ("宏达机械王总问能不能月底前装机", None),
        ("今天去宏达机械见了王总 下周三再去装机调试", None),
        # a stage word in a plan for a later day is no stage reached
        ("昨晚跟宏达机械的王总微信聊到很晚，周四上午再跟他确认需求", None),
    ],
)
def test_stage_news_of_other_shapes(extractor: Extractor, text: str, stage: str | None) -> None:
    assert extractor.extract(text, SENT).stage == stage


def test_stage_news_alone_is_an_update_and_a_quote_emailed_is_a_report(extractor: Extractor) -> None:
    for text in ("恒通五金首付款到账了", "宏达机械的标开了 我们没中", "恒通五金的货今天到了 装机完成"):
        assert extractor.extract(text, SENT).intent == Intent.UPDATE_STAGE, text
    mailed = extractor.extract("刚把报价单发到了宏达机械王总的邮箱 wang@hongda.cn 他说下周给反馈", SENT)
    assert (mailed.intent, mailed.kind, mailed.stage) == (Intent.LOG_FOLLOWUP, "online", "报价")


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # leads handed out or come in
        ("给大家派个线索 宏达机械 王总 13800001111 要数控机床 谁在宁波的接一下", Intent.NEW_LEAD),
        ("派单：恒通五金要数控机床 周经理 13800001111 谁负责浙江的跟一下", Intent.NEW_LEAD),
        ("来了个大单线索 宏达机械要上20台数控机床", Intent.NEW_LEAD),
        ("新：恒通五金 周经理 数控机床", Intent.NEW_LEAD),
        ("展会上加了好多微信 其中宏达机械的王总要数控机床", Intent.NEW_LEAD),
        ("刚接到一个电话，恒通五金的周经理打过来的，说要数控机床，电话13800001111", Intent.NEW_LEAD),
        # ...but a call from a customer in touch before, or a wish told before a visit again, is a report
        ("宏达机械的王总又打过来了，说上次的机床有异响，电话13800001111", Intent.LOG_FOLLOWUP),
        ("下午去恒通五金，周经理说想上数控机床，问多少钱，下周三我再去一趟", Intent.LOG_FOLLOWUP),
        ("宏达机械 王总 想上数控机床 问多少钱", Intent.NEW_LEAD),
        ("打完电话 恒通五金周经理说想换数控机床", Intent.LOG_FOLLOWUP),
        ("刚从宏达机械出来 王总想上云ERP", Intent.LOG_FOLLOWUP),
        # one customer asked about in a few words
        ("恒通五金上次是谁去的", Intent.QUERY_LEAD),
        ("宏达机械的情况发我一下", Intent.QUERY_LEAD),
        ("恒通五金 历史记录", Intent.QUERY_LEAD),
        ("宏达机械 info", Intent.QUERY_LEAD),
        ("恒通五金的联系人是谁", Intent.QUERY_LEAD),
        ("明天谁去宏达机械", Intent.OTHER),  # asks the colleagues
        # a day's to-do list and a ranking
        ("今日待跟进 团队", Intent.QUERY_TODAY),
        ("明天有什么要做的吗", Intent.QUERY_TODAY),
        ("上周大家的拜访次数排个名", Intent.QUERY_STATS),
        # small talk, with or without a customer named
        ("周末有人一起去看展会吗", Intent.OTHER),
        ("明天下午开会几点来着", Intent.OTHER),
        ("王总说谢谢", Intent.OTHER),
        ("宏达机械的王总人不错", Intent.OTHER),
        # ...unless it carries business or a contact again
        ("宏达机械王总说谢谢 下周再联系", Intent.LOG_FOLLOWUP),
        ("恒通五金周经理人挺好 说数控机床下个月定", Intent.LOG_FOLLOWUP),
        ("宏达机械王总叫什么来着", Intent.QUERY_LEAD),
    ],
)
def test_intents_of_other_shapes(extractor: Extractor, text: str, intent: Intent) -> None:
    assert extractor.extract(text, SENT).intent == intent


def test_a_day_list_and_a_ranking_carry_their_period_and_scope(extractor: Extractor) -> None:
    todo = extractor.extract("今日待跟进 团队", SENT)
    assert (todo.scope, todo.period) == ("team", Period("2026-03-10", "2026-03-10"))
    ranking = extractor.extract("这周大家的跟进次数排个名", SENT)
    assert (ranking.scope, ranking.period) == ("team", Period("2026-03-09", "2026-03-15"))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("华泰钱总今天约我喝茶，聊了聊明年的采购", "visit"),
        ("上午在华泰，钱总说设备要赶在年底前到位", "visit"),
        ("华泰钱总电话👍 说样品收到了", "call"),
    ],
)
def test_contacts_over_tea_at_their_place_or_by_phone_with_an_emoji(text: str, kind: str) -> None:
    found = find_kind(text)
    assert found is not None and found[0] == kind


@pytest.mark.parametrize("text", ["今天陌拜了两家五金店", "上午在开发区扫街，进了一家注塑厂"])
def test_a_cold_visit_is_a_visit(text: str) -> None:
    found = find_kind(text)
    assert found is not None and found[0] == "visit"


@pytest.mark.parametrize(("text", "kind"), [("下午在开会，晚点回", None), ("在路上，晚点说", None)])
def test_where_the_rep_is_without_a_customer_is_no_visit(text: str, kind: str | None) -> None:
    assert find_kind(text) is None


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("华泰那边已经到谈价格这一步了", "谈判"),
        ("华泰那单没了，钱总说项目给了另一家", "输单"),
        ("华泰最后选了迈瑞的方案", "输单"),
    ],
)
def test_stage_news_said_as_the_price_talked_or_the_deal_gone(text: str, stage: str) -> None:
    found = find_stage(text)
    assert found is not None and found[0] == stage


@pytest.mark.parametrize(
    "text",
    [
        "机床的报价今天邮件发给钱经理了",
        "报价刚才微信发过去了",
        "价格表上午已经发给他们采购了",
        # a day and its part both said, and the quote sent straight to the person
        "模具的报价昨天晚上已经发他邮箱了",
        "报价单今天上午发她微信了",
    ],
)
def test_a_quote_sent_with_when_and_how_between_is_the_quote_stage(text: str) -> None:
    found = find_stage(text)
    assert found is not None and found[0] == "报价"


@pytest.mark.parametrize("text", ["报价明天发给他", "报价还没发", "报价要等下周才能发给他们"])
def test_a_quote_still_to_send_is_no_stage(text: str) -> None:
    assert find_stage(text) is None


def test_our_own_offer_chosen_is_no_loss() -> None:
    assert find_stage("华泰最后选了我们的方案") is None
    assert find_stage("华泰钱总定了他们的方案，下周开会") is None


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # A prospect handed over to keep, in the rep's words; beside a contact told it is a report.
        ("记一下 温州的瓯海花木市场 要做二十个摊位的遮阳棚 负责人叫钱永 电话 13600001234", Intent.NEW_LEAD),
        ("帮我加一个 青石咖啡馆 陶老板 微信 qingshi_cafe 要咖啡机", Intent.NEW_LEAD),
        ("瓯海花木市场要翻新 我是听他们管委会的马科长说的 先记上", Intent.NEW_LEAD),
        ("记一下 今天拜访了瓯海花木市场马科长 聊了遮阳棚", Intent.LOG_FOLLOWUP),
        # A contact told about our products, with its customer in words no finder reads.
        (
            "今天下午跟那个机加工的那个老周他们聊了一下那个CNC的话呢他们挺感兴趣然后后天我再去",
            Intent.LOG_FOLLOWUP,
        ),
        # Stage news and commands said in other words.
        ("青石咖啡馆的合同今天盖章寄回来了🎉", Intent.UPDATE_STAGE),
        ("瓯海花木市场没戏了 他们老板拍板用别家", Intent.UPDATE_STAGE),
        ("花木市场那批遮阳棚被人截了 他们主任的亲戚开工厂", Intent.UPDATE_STAGE),
        ("青石咖啡馆的咖啡机已经送到装好 培训也做完了", Intent.UPDATE_STAGE),
        ("把瓯海花木市场改成谈判", Intent.UPDATE_STAGE),
        ("指令有哪些", Intent.HELP),
        ("todo today?", Intent.QUERY_TODAY),
    ],
)
def test_hand_overs_reports_and_stage_news_in_other_words(
    extractor: Extractor, text: str, intent: Intent
) -> None:
    assert extractor.extract(text, SENT).intent == intent


def test_an_english_day_asked_for_is_the_period(extractor: Extractor) -> None:
    assert extractor.extract("todo today?", SENT).period == Period("2026-03-10", "2026-03-10")


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("花木市场的需求都对清楚了 遮阳棚二十个", "需求确认"),
        ("青石咖啡馆的咖啡机都送到了 店员反馈不错", "交付"),
        ("把青石咖啡馆改成方案演示", "方案演示"),
    ],
)
def test_stage_said_as_needs_cleared_goods_brought_or_a_command(text: str, stage: str) -> None:
    found = find_stage(text)
    assert found is not None and found[0] == stage


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("青石咖啡 陶老板 wx 样品收到了", "online"),
        ("陶老板拉了个群 群里跟店长们沟通了菜单", "online"),
        ("和花木市场的采购开了个Teams会", "online"),
        ("陶老板昨晚电话说机器下周装", "call"),
        ("管委会装备科来了个电话 想了解遮阳棚", "call"),
        ("马科长又来展厅试驾了一次", "demo"),
        ("今儿在瓯海花木市场 马科长说要三十个摊位", "visit"),
        ("花木市场 现场勘察完了 地面要找平", "visit"),
    ],
)
def test_kinds_said_in_chat_shorthand(text: str, kind: str) -> None:
    found = find_kind(text)
    assert found is not None and found[0] == kind


def test_a_wechat_handle_is_no_contact() -> None:
    assert find_kind("陶老板 wx: tao_2024") is None


def test_an_english_inquiry_from_a_customer_is_a_lead(extractor: Extractor) -> None:
    text = "Hello, this is Omar from Dune Studio. We'd like 40 desks for our office. Email: omar@dune.io"
    assert extractor.extract(text, SENT, channel="customer").intent == Intent.NEW_LEAD


@pytest.mark.parametrize(
    "text", ["刘总今天来我们公司看了样品", "他们采购下午到我司考察", "客户上午来厂里参观了生产线"]
)
def test_a_customer_who_came_to_our_place_is_a_visit(text: str) -> None:
    found = find_kind(text)
    assert found is not None and found[0] == "visit"


@pytest.mark.parametrize("text", ["轮到我们谈了吗", "我们公司看重的是售后"])
def test_our_company_alone_is_no_visit(text: str) -> None:
    assert find_kind(text) is None


@pytest.mark.parametrize("text", ["周磊跟的恒拓黄了", "老韩负责的恒拓签了", "小蔡一直在跟的恒拓丢了"])
def test_who_follows_the_customer_said_before_stage_news_is_no_customer(
    extractor: Extractor, text: str
) -> None:
    ex = extractor.extract(text, SENT)
    assert ex.intent == Intent.UPDATE_STAGE and ex.company == "恒拓"


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("今天去恒拓，单子拿下了！全年的维保合同，52万", (520000, 520000)),
        ("恒拓成交了 两套系统一共八十万", (800000, 800000)),
    ],
)
def test_a_won_deal_s_amount_is_its_budget(extractor: Extractor, text: str, budget: tuple[int, int]) -> None:
    ex = extractor.extract(text, SENT)
    assert ex.stage == "签约" and ex.budget == budget


def test_a_won_deal_s_unit_price_is_no_budget(extractor: Extractor) -> None:
    assert extractor.extract("恒拓拿下了，单价3万一套", SENT).budget is None


@pytest.mark.parametrize(
    ("text", "company", "contact"),
    [
        ("先到瑞丰纺织找了质检科的邓科长，样布他们留下了", "瑞丰纺织", "邓"),
        ("昨天到鼎晟包装找冯工聊了会儿，纸箱克重要调", "鼎晟包装", "冯"),
        ("跑了趟康桥农牧找饲料部孟经理，说下月要补货", "康桥农牧", "孟"),
        ("去蓝湾酒店那边找宋总对了下婚宴菜单", "蓝湾酒店", "宋"),
        ("下午到金阳光伏找吕主管问了下支架的交期", "金阳光伏", "吕"),
    ],
)
def test_gone_to_their_place_to_find_someone_is_a_visit(
    extractor: Extractor, text: str, company: str, contact: str
) -> None:
    ex = extractor.extract(text, SENT)
    assert ex.intent == Intent.LOG_FOLLOWUP and ex.kind == "visit"
    assert ex.company == company and ex.contact_name == contact


@pytest.mark.parametrize(
    "text",
    ["明天到鼎晟包装找冯工", "下周一去瑞丰纺织找邓科长谈合同", "到时候找吕主管聊了再说", "到月底找他们结款"],
)
def test_going_to_find_someone_later_is_no_visit_done(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).kind is None


@pytest.mark.parametrize("text", ["找冯工要发票", "让邓科长找财务要下对账单", "去市场找了几家供应商比价"])
def test_asking_something_of_someone_with_no_place_is_no_visit(text: str) -> None:
    assert find_kind(text) is None


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("鼎晟包装纸箱报的价是每只3块2", "鼎晟包装"),
        ("给瑞丰纺织报的价是十八万五", "瑞丰纺织"),
        ("蓝湾酒店婚宴的价格报过去了，等宋总回复", "蓝湾酒店"),
        ("康桥农牧那边的价昨天已经报给他们了", "康桥农牧"),
    ],
)
def test_a_quote_said_in_passing_is_the_quote_stage(extractor: Extractor, text: str, company: str) -> None:
    ex = extractor.extract(text, SENT)
    assert ex.stage == "报价" and ex.company == company
    assert ex.intent == Intent.UPDATE_STAGE and ex.kind is None  # (a quote sent over is no visit)


@pytest.mark.parametrize(
    "text",
    [
        "金阳光伏让我们报个价",
        "禾盛优品说对手报的价比我们低一成",
        "瑞丰纺织说同行报的价是每米15块",
        "康桥农牧说别家报了个更低的价",
        "价格报过去了吗",
        "明天把价格报过去",
        "禾盛优品的特价申请报上去了，等老板批",
    ],
)
def test_a_quote_asked_a_rival_s_or_still_to_send_is_no_quote_stage(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).stage is None


@pytest.mark.parametrize("text", ["去仓库找了样品给客户寄", "到百度找了下他们的地址"])
def test_something_found_somewhere_is_no_visit(text: str) -> None:
    found = find_kind(text)
    assert found is None or found[0] != "visit"


@pytest.mark.parametrize(
    "text",
    [
        # our bid struck out at the opening, said passive: the deal is lost
        "市二中的食堂招标今天开的，我们资质证书复印件没带全，当场被废标了",
        "开标结果出来了，我们的标书被判废标，报价单没签字",
        "投标文件里少了授权书，直接被认定为废标",
    ],
)
def test_our_bid_struck_out_is_a_loss(text: str) -> None:
    found = find_stage(text)
    assert found is not None and found[0] == "输单"


def test_the_tender_itself_voided_is_no_loss() -> None:
    # fewer bidders than the rules want: the tender is put out again, the deal goes on
    assert find_stage("这次投标的只有两家，废标了，下个月重新挂网") is None


def test_a_competitor_s_signing_is_not_our_deal_signed() -> None:
    rival = "蓝鲸餐饮"
    text = f"另外听说{rival}刚签了开发区一中的食堂，那边就不用跑了"
    start = text.index(rival)
    assert find_stage(text, ((start, start + len(rival)),)) is None
    # ours, said in a clause of its own, still is
    text = f"三中食堂合同签了，{rival}也去投了"
    start = text.index(rival)
    found = find_stage(text, ((start, start + len(rival)),))
    assert found is not None and found[0] == "签约"
