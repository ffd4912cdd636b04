"""Companies from their structure, full and short forms, and folding them to one key."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor, company_key
from nlp.company_key import company_places, places_differ, short_city

SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("今天上午拜访了苏州仁济医院设备科王主任", "苏州仁济医院"),
        ("刚跟杭州华顺贸易有限公司的刘经理通完电话", "杭州华顺贸易有限公司"),
        ("电话联系了远航物流的财务经理", "远航物流"),
        ("跟金鼎涂料的刘总通了个电话", "金鼎涂料"),
        # A side of a mountain or a lake inside the registered name is part of it, not where it ends.
        ("新客户大理市苍山西麓医疗器械有限公司，采购经理周明", "大理市苍山西麓医疗器械有限公司"),
        ("拜访了岳阳市洞庭东岸物流有限公司的刘总", "岳阳市洞庭东岸物流有限公司"),
        ("瑞丰农机的孙老板说设备坏了", "瑞丰农机"),
        ("上午去了宁波慈溪的小家电厂，慈溪美达电器有限公司，采购部林主管要纸箱", "慈溪美达电器有限公司"),
        ("我们是柳州一家中医院，柳州市中医医院，想了解设备", "柳州市中医医院"),
        ("邮件发给上海浦江医药有限公司采购部杨经理了", "上海浦江医药有限公司"),
        ("查一下无锡市第二人民医院的跟进记录", "无锡市第二人民医院"),
        ("南京德信大药房连锁，采购总监马晓东", "南京德信大药房连锁"),
        ("我们是昆山一家外资食品厂 Sunny Foods（昆山）有限公司，需要配送", "Sunny Foods（昆山）有限公司"),
        ("无锡市锡山区教育局的邵主任", "无锡市锡山区教育局"),
        ("拜访了德阳精工机械厂的厂长", "德阳精工机械厂"),
    ],
)
def test_company(extractor: Extractor, text: str, company: str) -> None:
    assert extractor.extract(text, SENT).company == company


@pytest.mark.parametrize("text", ["义乌有什么好点的酒店推荐吗", "我们是一家工厂，想问问价格", "今天好热啊"])
def test_no_company(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).company is None


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("苏州远航物流有限公司", "远航物流"),
        ("杭州星图网络科技有限公司", "星图网络"),
        ("金康大药房连锁有限公司", "金康大药房"),
        ("慈溪美达电器有限公司", "美达电器"),
        ("浙江天衡建设工程有限公司", "天衡建设工程"),
        ("合肥瑞科新能源集团", "瑞科新能源"),
    ],
)
def test_company_key_folds_forms(full: str, short: str) -> None:
    assert company_key(full) == company_key(short)


def test_company_key_keeps_different_companies_apart() -> None:
    assert company_key("远航物流") != company_key("远洋物流")
    assert company_key("苏州仁济医院") != company_key("苏州人民医院")


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # Institutions of parks, government, power and schools.
        ("去了岳阳洞庭新材料产业园的能源办", "岳阳洞庭新材料产业园"),
        ("您好，我是曲靖麒麟工业园区管委会的杨主任", "曲靖麒麟工业园区管委会"),
        ("微信上跟大同云冈光伏电站的站长聊了", "大同云冈光伏电站"),
        ("电话回访了漳州九龙江水电站的总工", "漳州九龙江水电站"),
        ("拜访了成都天府云计算中心", "成都天府云计算中心"),
        ("今天去了遵义市第二职业中专", "遵义市第二职业中专"),
        ("给大理州人民政府办公室的李科长打了电话", "大理州人民政府"),
        ("包头北方重工配套厂的刘工", "包头北方重工配套厂"),
        # The name before an industry word reaches back to the place.
        ("新客户 六盘水凉都电力有限责任公司 主任 杨兴贵", "六盘水凉都电力有限责任公司"),
        ("新线索 石家庄正定新能源有限公司 项目经理 齐悦", "石家庄正定新能源有限公司"),
        ("赤峰北方现代物流园区管理有限公司，想装充电桩", "赤峰北方现代物流园区管理有限公司"),
        ("去银川宁夏贺兰铸造有限公司见了张部长", "宁夏贺兰铸造有限公司"),
        # Parentheses inside the name.
        ("拜访了云启软件（深圳）有限公司的王总", "云启软件（深圳）有限公司"),
        # Short names ending in an industry word, with or without a place.
        ("上午在华锐数控的车间做了演示", "华锐数控"),
        ("陇原精工的项目进入商务谈判了", "陇原精工"),
        ("株洲时代动力的合同签了", "株洲时代动力"),
        ("查一下唐山冀东钢构的跟进记录", "唐山冀东钢构"),
        ("跟天津滨海港储能科技的技术总监开了个会", "天津滨海港储能科技"),
        ("平顶山瑞达数科 股长 乌兰 电话13812345678", "平顶山瑞达数科"),
        ("给金山互联的CTO打完电话", "金山互联"),
        # A brand alone, named as the place where something happened.
        ("上午在明泰那边做了演示", "明泰"),
        # A department after an organisation is not the company.
        ("在南宁邕江工业园区管委会给经发局的韦科长讲了方案", "南宁邕江工业园区管委会"),
        ("上午去了贵阳经开区管委会信息化中心，见了赵主任", "贵阳经开区管委会"),
        ("拜访了武汉光谷生物医药产业园管委会招商局的李局长", "武汉光谷生物医药产业园管委会"),
        # A province before the brand is a place too.
        ("见了西藏高争建材的总经理", "西藏高争建材"),
    ],
)
def test_company_other_industries(extractor: Extractor, text: str, company: str) -> None:
    assert extractor.extract(text, SENT).company == company


@pytest.mark.parametrize(
    "text",
    [
        "张伟那边现在什么进度",
        "客户那边还没回复",
        "他们那边说再等等",
        "我们是一家50人的贸易公司",
        "找个软件公司做",
        # A person called by surname, and who did something ("…的是" + person), name no customer.
        "老葛那边说图纸下周给",
        "小欧阳那边还没回复",
        "更正一下 带我看库房的是副主任滕飞 不是葛主任",
        "陪我们看样板间的是设计总监贝琳",
    ],
)
def test_there_is_not_always_a_company(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).company is None


@pytest.mark.parametrize(
    ("text", "city"),
    [
        # A short city name that is also a word counts when it starts the organisation or is travelled to.
        ("微信上跟大同云冈光伏电站的站长聊了", "大同"),
        ("今天去了趟延边，拜访了长白山机械有限公司", "延边"),
        ("同事转过来的线索 大庆油田装备制造公司 设备科的于科长", "大庆"),
    ],
)
def test_city_at_the_start_of_an_organisation(extractor: Extractor, text: str, city: str) -> None:
    assert extractor.extract(text, SENT).city == city


@pytest.mark.parametrize("text", ["世界大同是理想", "延边的冷面不错吧"])
def test_ambiguous_city_words_alone(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).city is None


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # a verb glued on: 趟 ends the name
        ("上午跑了趟衢州柯城区妇幼保健院 见了设备科的程科长", "衢州柯城区妇幼保健院"),
        # public bodies, associations, committees, farms and shops the legal forms do not cover
        ("下午去台州市路桥区金清镇农技推广站见了站长", "台州市路桥区金清镇农技推广站"),
        ("电话联系了绍兴市柯桥区纺织行业协会的秘书长", "绍兴市柯桥区纺织行业协会"),
        ("走访了九江市濂溪区十里街道办事处 综治办主任说要再议", "九江市濂溪区十里街道办事处"),
        ("今天去了六安金寨县青山家庭农场 场长说要两台", "六安金寨县青山家庭农场"),
        # an industry word short name outside the first list
        ("跟汇鑫印染的章厂长通了电话", "汇鑫印染"),
        # a place and a rare industry word that is itself the brand
        ("早上打给了洛阳智联的薛经理", "洛阳智联"),
        # named as the organisation of a person, with no organisation word
        ("峰禾的邱总监下周来公司", "峰禾"),
        ("打给澜湾的Coco 没接", "澜湾"),
        ("查下临港汇泽的吴静", "临港汇泽"),
        # English names: a Latin word is not one character each, and "from" / "we are" are not the name
        (
            "Hi, this is Amy from Northwind Analytics（苏州）有限公司, 想要报价",
            "Northwind Analytics（苏州）有限公司",
        ),
        ("Hello, we are Bluefin Robotics, need 3 units", "Bluefin Robotics"),
        # a department after the organisation is not part of it
        ("跟滁州市南谯区经济开发区管委会环保科的魏科长开了会", "滁州市南谯区经济开发区管委会"),
        ("跟常州恒锐科技自动化科的唐科长通了电话", "常州恒锐科技"),
        # a brand of a rare part and a common word
        ("今天在包头见了草原云帆科技的CTO", "草原云帆科技"),
    ],
)
def test_company_kinds_seen_on_unseen_text(extractor: Extractor, text: str, company: str) -> None:
    assert extractor.extract(text, SENT).company == company


@pytest.mark.parametrize(
    "text",
    [
        "周五下午3点部门培训记得参加",  # the unit of a number is not the start of a name
        "王总的助理说下周再约",  # a person's, not an organisation's
        "老李的同事也要一台",
        "他们公司的采购经理说要比价",
    ],
)
def test_no_company_kinds(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).company is None


def test_a_department_before_a_person_is_not_an_organisation(extractor: Extractor) -> None:
    assert extractor.extract("今天上午去了趟鼎泰，见了采购部的钱经理", SENT).company == "鼎泰"
    assert extractor.extract("今天上午见了采购部的钱经理", SENT).company is None


@pytest.mark.parametrize(
    "text",
    [
        "hello 我们是九江的电子配套厂 想做自动化 微信18079136600",  # what it is, after 的: a description
        "我们准备在嘉兴海盐建新厂 能上门吗",  # a verb inside: 建新厂 is what they will do
        "你好 我们在佛山开湘菜馆 想问下洗碗机多少钱",
    ],
)
def test_descriptions_are_not_names(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).company is None


def test_a_name_of_what_it_does_loses_to_a_real_name(extractor: Extractor) -> None:
    text = "今天在商丘睢阳师范学校给教育学院的邢院长做了演示"
    assert extractor.extract(text, SENT).company == "商丘睢阳师范学校"


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # a brand named by where it stands: before its person, before its deal, opening a note, after a visit
        ("澜清祝总说他们下周内部开会定供应商", "澜清"),
        ("拓岳的情况发我一下", "拓岳"),
        ("锐朗那单黄了，老板最后选了别家", "锐朗"),
        ("锐朗 去了 下周再约", "锐朗"),
        ("又去了一趟澜清，这回见到了他们老板", "澜清"),
        # clinics named by their specialty
        ("下午去了厦门鹭江口腔，刘院长说想上数字化", "厦门鹭江口腔"),
        ("录个新线索 长沙岳麓齿科 彭总 预算50w上下", "长沙岳麓齿科"),
    ],
)
def test_brand_positions_and_clinics(extractor: Extractor, text: str, company: str) -> None:
    assert extractor.extract(text, SENT).company == company


@pytest.mark.parametrize(
    "text",
    ["早上好", "收到 马上办", "想做焊接自动化 有没有案例", "13912345678 这个号码是哪个客户"],
)
def test_no_brand_in_greetings_wants_and_numbers(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).company is None


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("今天在展会上碰到冀源的邓晓峰，他们那个标推迟了", "冀源"),  # a verb ends the brand read backwards
        ("又跟朗达老板call了一下", "朗达"),  # before its boss
        ("打通了深圳齐悦邱采购的电话", "深圳齐悦"),  # before its buyer
        ("👍朗达那边搞定一半了😂", "朗达"),  # after an emoji
        ("禾沣首付款30%到账了", "禾沣"),  # opening a note, then its payment
        ("我们是三亚海棠湾的栖霞度假酒店，需要3台", "栖霞度假酒店"),
    ],
)
def test_more_brand_positions(extractor: Extractor, text: str, company: str) -> None:
    assert extractor.extract(text, SENT).company == company


@pytest.mark.parametrize(
    "text",
    [
        "周末有人一起去深圳看口腔展吗",  # a verb inside: what they will do there
        "今天下午公司开会几点来着",  # time words are no name
        "他是冀源新能源的，他们明年有个50MW的地面电站",  # "的地面电站": what it is
        "老板你好，我在淄博开了个光伏安装店",
    ],
)
def test_more_descriptions(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).company in (None, "冀源新能源")


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # overlapping suffixes: 物业服务 and 服务中心
        ("电话跟宁波江北新城国际金融中心物业服务中心的经理确认了", "宁波江北新城国际金融中心物业服务中心"),
        ("找汇沣那边冯经理催了下付款", "汇沣"),  # 找 is no part of the name
        ("Hello, 我们是AgriNova农业科技，想询价", "AgriNova农业科技"),  # a Latin brand
        ("今天去了蓝鲸Cloud科技见了他们运维负责人", "蓝鲸Cloud科技"),
        ("云岫数据的李明辉电话多少", "云岫数据"),  # the owner of a person asked about
    ],
)
def test_overlaps_latin_brands_and_owners(extractor: Extractor, text: str, company: str) -> None:
    assert extractor.extract(text, SENT).company == company


def test_a_dictionary_word_ending_in_an_industry_word_is_no_short_name(extractor: Extractor) -> None:
    text = "刚打完电话 对方说应急照明也要一起换"
    assert extractor.extract(text, SENT).company is None


def test_a_brand_pointed_at_with_its_city(extractor: Extractor) -> None:
    e = extractor.extract("绵阳那个华岳 电话里说灭火器要300具 我明天下午四点去看看", SENT)
    assert (e.company, e.city) == ("华岳", "绵阳")
    assert extractor.extract("那个东西 你看一下", SENT).company is None


def test_one_brand_in_two_cities_shares_a_key_but_its_places_differ() -> None:
    a, b = "泉州松鹤养老服务有限公司", "福建省漳州市松鹤养老服务有限公司"
    assert company_key(a) == company_key(b)
    assert company_places(a) == {"泉州"} and company_places(b) == {"漳州"}
    assert places_differ(company_places(a), company_places(b))
    # A name saying fewer places, or none, is the same company (a county inside its city too).
    assert not places_differ(company_places("松鹤养老"), company_places(a))
    assert not places_differ(company_places("晋江松鹤养老"), company_places("泉州晋江松鹤养老"))


def test_a_name_starting_with_a_city_that_is_a_province_says_its_place() -> None:
    # 北京/上海/天津/重庆 are stripped like provinces for the key, but they are cities: two customers.
    a, b = "重庆顺泰汽车维修有限公司", "绵阳顺泰汽车维修有限公司"
    assert company_key(a) == company_key(b)
    assert company_places(a) == {"重庆"}
    assert places_differ(company_places(a), company_places(b))
    assert not places_differ(company_places("北京朝阳顺泰汽修"), company_places("北京顺泰汽修"))
    assert not places_differ(company_places("顺泰汽车维修"), company_places(a))
    assert short_city("漳州市") == "漳州" and short_city(None) is None


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # institutions named by a general head: 中心, …所, 指挥部, venues (社区, 广场, 机场, 书店)
        ("上午去了嘉兴市农产品质量检测中心 见了检测科的郑科长", "嘉兴市农产品质量检测中心"),
        ("给莆田木兰溪水质监测所的所长打了电话", "莆田木兰溪水质监测所"),
        ("跟中科院兰州化物所的课题组开了会", "中科院兰州化物所"),
        ("新客户 南昌昌北国际机场改造指挥部 要采购一批门禁", "南昌昌北国际机场改造指挥部"),
        ("桂花社区那边方书记说下周开会", "桂花社区"),
        ("在洛阳牡丹星河广场做了一场现场演示", "洛阳牡丹星河广场"),
        ("打电话给知远书店 店长说要再看看", "知远书店"),
        # a building's management office is the customer, a department of another organisation is not
        ("给泉州东湖商务大厦管理处的吴经理讲了方案", "泉州东湖商务大厦管理处"),
        ("线索一条：兰州交通大学机电学院要换一批机床", "兰州交通大学"),
        # a pointer word before a proper name, a list number before it
        ("刚才那个珠海海泰精工有限公司的采购说要比价", "珠海海泰精工有限公司"),
        ("今日汇总：1）烟台港城物流集团采购部，见了部长", "烟台港城物流集团"),
        ("今天跑了潍坊：①鲁丰化工，见了设备部的部长", "鲁丰化工"),
        # a park or a plaza is where the customer is
        ("昆山高新区的华拓精密电子 打电话给设备部", "华拓精密电子"),
        # a generic description loses to the named customer
        ("打电话给博衡药业周敏，说柜子他们自己找家具厂做", "博衡药业"),
        # "贵公司" is the writer's, not a customer
        ("您好，我们是九江市濂溪区青峰中学，想邀请贵公司参与投标", "九江市濂溪区青峰中学"),
    ],
)
def test_company_institution_heads(extractor: Extractor, text: str, company: str) -> None:
    assert extractor.extract(text, SENT).company == company


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # English names ending in a business word, a legal form, a city right before, a plus glued on
        ("今天见了Riverside Mall物业部的Tom，他们要换门禁", "Riverside Mall"),
        ("Pulse Fitness 报价阶段", "Pulse Fitness"),
        ("名片：Dr. Li, Head of Lab, Nordwind Analytics Co., Ltd., 想了解", "Nordwind Analytics Co., Ltd."),
        ("老客户介绍: 无锡Silverline Semiconductor 要一批设备", "无锡Silverline Semiconductor"),
        ("上午给Maple Court公寓的manager Anna讲了方案", "Maple Court公寓"),
        ("下午去了趟宁波K+众创空间管理有限公司 见了运营经理", "宁波K+众创空间管理有限公司"),
        # form fields and organisations described and then named
        ("【官网表单】\n称呼：Amy\n公司：Pine Labs\n手机：13900000000", "Pine Labs"),
        ("姓名：陈静\n单位：宁德海洋研究院\n电话：13800000000", "宁德海洋研究院"),
        ("我们是一家花艺工作室 叫青禾集 在温州 想了解软件", "青禾集"),
        ("我是长沙一家湘菜馆的 店名叫辣里香 想咨询下", "辣里香"),
        ("线索 杭州滨江 一家游戏公司 云弈互娱 行政负责人叫Kiki", "云弈互娱"),
    ],
)
def test_company_named_outright(extractor: Extractor, text: str, company: str) -> None:
    assert extractor.extract(text, SENT).company == company


@pytest.mark.parametrize(
    "text",
    [
        "我们到了市中心",
        "去了厕所回来再说",
        "我们的销售中心在哪",
        "这是一家老店 很好吃",
        "有一家客户叫王明 在杭州",
        "我们是一家工厂 想问问价格",
        "好嘞",
        "见了采购中心的主任",
    ],
)
def test_general_heads_alone_are_no_company(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).company is None


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # trades and shop types as the suffix of a short name
        ("上午拜访了厦门的海鹭进出口 采购经理说下周下单", "海鹭进出口"),
        ("电话 金华 锦绣饰品 李老板 下周再打", "锦绣饰品"),
        ("去了沈阳的安居之家 见了店长小王", "安居之家"),
        # builders named by abbreviation
        ("湖南六建的刘部长说下周进场", "湖南六建"),
        ("电话 兰州 陇原建投 周主任 下周二再联系", "陇原建投"),
        # a common word is a brand after "city的"
        ("去了宁波的东海五金 见了老板", "东海五金"),
        # an English person name glued to the next Han character still ends the brand
        ("打给东莞恒达的Lucy了 说样品收到", "东莞恒达"),
        # a place with only a site head loses to a real name
        ("Hello 我是Brightwave Consulting的Anna 下周苏州工厂停产检修", "Brightwave Consulting"),
        # a branch in brackets belongs to the name; a count in brackets does not
        ("回访了安心口腔(南京新街口店) 李医生说还行", "安心口腔(南京新街口店)"),
        ("拜访了禾田超市（5家店）的采购", "禾田超市"),
        # a Chinese brand glued to an English name
        ("拜访了南京的小鹿Design Studio 设计总监说要改方案", "小鹿Design Studio"),
    ],
)
def test_short_names_trades_builders_and_branches(extractor: Extractor, text: str, company: str) -> None:
    assert extractor.extract(text, SENT).company == company


@pytest.mark.parametrize(
    "text",
    [
        "陪老板见了分管财务的副总经理陈明 聊得不错",  # what the person is in charge of
        "我们公司要租会议设备 地址在成都天府软件园 联系人 王经理",  # an address
        "约了周五去工厂验厂",  # a bare organisation word is no name's head
    ],
)
def test_duties_addresses_and_bare_heads_are_no_company(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).company is None


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("拜访了中建五局长沙梅溪湖二期项目的物资部长", "中建五局长沙梅溪湖二期项目"),
        ("中建五局项目部的王经理说下周进场", "中建五局"),
        ("苏州市立医院超声项目推进到报价了", "苏州市立医院"),
    ],
)
def test_an_organisations_project_at_a_place(extractor: Extractor, text: str, company: str) -> None:
    assert extractor.extract(text, SENT).company == company


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("电话里跟青岛海纳设备部的刘经理确认了两台烘干机", "青岛海纳"),
        ("下午去了沈阳华鼎的仓库 看了货架的尺寸", "沈阳华鼎"),
        ("新客户 贵阳云翔 采购经理 姓罗 要报一套监控", "贵阳云翔"),
        ("跟昆明滇蓝的周工约了周四看样", "昆明滇蓝"),
        ("Met Kevin from 兰州沃德 yesterday, 想要五台叉车", "兰州沃德"),
        ("给广州汇鑫电子的陈总发了报价单", "广州汇鑫电子"),  # the city is not split by the segmenter
    ],
)
def test_a_city_and_a_short_brand(extractor: Extractor, text: str, company: str) -> None:
    assert extractor.extract(text, SENT).company == company


@pytest.mark.parametrize(
    "text",
    [
        "成都那边的客户说下周再看",  # an everyday word after a city
        "南宁今天下雨 没去拜访",
        "厦门的客户都比较看重售后",
        "我在绍兴开茶叶店的 想问问价格",  # a clause, not a brand
        "我们在武汉有两家店 联系人陈先生",
        "上海浦东的客户 想要一台咖啡机",  # a district of the city
    ],
)
def test_a_city_and_an_everyday_word_is_no_company(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).company is None


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("昨天到禾盛优品找邹经理聊了会儿，货架要换", "禾盛优品"),
        ("先到蓝帆找了采购部的陶主管", "蓝帆"),
        ("到绿源找车间的岳主任对了下排产", "绿源"),
        ("后天到禾盛优品找邹经理", "禾盛优品"),
    ],
)
def test_a_brand_gone_to_to_find_someone_is_its_customer(
    extractor: Extractor, text: str, company: str
) -> None:
    assert extractor.extract(text, SENT).company == company


@pytest.mark.parametrize("text", ["到处找人问价", "去老城区找了个店面", "到时候找他们结款"])
def test_a_place_or_a_time_before_找_is_no_customer(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).company is None
