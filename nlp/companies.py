"""Customer organisations recognised from their structure (a name plus an organisation suffix).

Full names end in a legal form or an institution word (有限公司, 医院, 超市, 局 ...); short names end in an
industry word (远航物流, 金鼎涂料). The name is what precedes the suffix, back to the first word that
cannot be part of a name (a verb, a pronoun, a time word, punctuation), found on jieba's tokens.
`company_key` (nlp/company_key.py) folds the full and the short form of one customer to the same key.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from nlp.cities import districts, gazetteer
from nlp.company_key import PROVINCES
from nlp.dates import DAY_RE, PERIOD_RE
from nlp.lexicon import (
    COMMON_SURNAMES,
    OWN_PARTS,
    Screened,
    WordTrie,
    company_words,
    full_name_like,
    literal_re,
    org_suffixes,
    title_prefixes,
    titles,
)
from nlp.lexicon import surnames as surnames_set
from nlp.segment import WordClasses
from nlp.shorthand import glued_shorthand

Token = tuple[str, int, int]

# Words that end a name although their dictionary tag would allow them in one (拜访, 我们, 电话).
_STOP = company_words("company_stop_words.txt")
# Single characters that end a name when they stand alone as a token.
_STOP_CHARS = frozenset(
    "了的和跟给在去是从到把将被对向与及或也都还就又再才让叫请找见约说问聊谈看查帮等个这那些哪陪"
    "每各该其您你我他她它们啊吧呢吗嗯哦呀噢哈为于由司刚趟下着上贵带"
)
# English words that introduce a name rather than belong to it ("this is Bella from X", "we are X").
_LATIN_STOP = frozenset(
    {
        *("a", "an", "the", "from", "at", "of", "for", "in", "on", "to", "with", "and", "or", "is", "are"),
        *("am", "was", "were", "this", "that", "we", "i", "i'm", "we're", "called", "named", "hi", "hello"),
        *("dear", "sales", "our", "my", "your", "company"),
    }
)
# A number of things ("三台", "两套"), which a few counties' names look like: never a customer.
# A customer's own units said by a word for which (外地分公司, 各门店, 下属子公司): a branch word alone
# or after a word that says no name, only where or how many the units are.
_OWN_UNITS = re.compile(
    r"(?:外地|本地|当地|外省|异地|各地|全国|海外|国外|其他|其它|所有|总|各|下属|旗下|几家|几个|各个)?"
    r"(?:分公司|子公司|分店|门店|分部|分厂|网点|办事处)"
)
_COUNTED = re.compile(r"好?[一二两三四五六七八九十几百千]+[台套个件只张把辆吨箱瓶批家条根所]")
# A clock time said in words ("十点", "两点半"): when something happens, never part of a name.
_CLOCK = re.compile(r"[零一二两三四五六七八九十]{1,3}点[半钟整]?")
# Single-character verbs that do not start a name ("开小超市的" is not a shop called 开小超市).
_VERB_CHARS = frozenset("开做搞发送买卖拿进出跑上下要想录建转推签丢输来")
# Words a name may contain although they are tagged as verbs, numerals or time words (加工, 北方, 时代).
_ALLOW = company_words("company_name_words.txt")
# Gap words that may not stand between a place and a generic name ("六盘水凉都电力有限责任公司" is fine).
_GAP_STOP = frozenset("的是了和跟给在与及或从到把将被对向")
_GAP_MAX = 6
_ORDINAL = re.compile(r"第?[一二三四五六七八九十]{1,3}")
_ORDINAL_MEASURE = re.compile(r"第[一二三四五六七八九十两0-9]{1,3}[批次期单轮台套件]?")
# Counting words: "一家火锅店" is a description, not a name.
_MEASURE = company_words("company_measure_words.txt")
_POINTERS = frozenset({"那个", "这个", "那家", "这家"})
_PUNCT_STOP = re.compile(r"[\s,，。.;；:：!！?？、/|\"“”'‘’《》<>【】\[\]{}+＋=~～@#&*·…—\-]")
# What a verb's clause says and no name holds: a count after 了 ("打了个", "开了个新"), or a complaint of
# degree ending the words taken ("雨太大", "路太远"), or news heralded ("报告好消息", "喜讯").
_CLAUSE_NOT_NAME = re.compile(
    r"[\u4e00-\u9fff]了个|太[大小高低贵远多少快慢冷热堵]$|[好坏]消息$|^(?:报个?)?(?:喜讯|喜报)$"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CJK_OR_LATIN = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_MAX_NAME = 22  # characters; a run of Latin letters or digits counts as two
_LATIN_RUN = re.compile(r"[A-Za-z0-9]+")
_MAX_BRAND = 4
# How far a firm trades, said between its brand and its industry word ("X国际货运", "X国际物流").
_REACH_WORDS = frozenset({"国际"})
_CHAR_FREQ = 10000  # a single character of a brand is not one of the commonest ("很", "没")
_BRAND_FREQ = 400  # a short name's brand is a rare word ...
_PLACE_BRAND_FREQ = 20000  # ... unless a place name stands before it


# A bare brand the rep refers to as a place ("在明泰那边做了演示", "顺发那边的老板娘").
_THERE = Screened(
    r"(?:^|(?<=[在去到跟和给从找问催约，,。:：\s])|(?<=[^\u4e00-\u9fffA-Za-z0-9]))(?P<name>(?:(?![在去到跟和给从找问催约的了])[\u4e00-\u9fff]){2,5}?)(?:那边|那儿|那里)"
)
# ...or as the place the rep just left: "刚从X出来", "从X回来的路上".
_FROM_THERE = re.compile(r"从(?P<name>[\u4e00-\u9fff]{2,6}?)(?:出来|回来)")
# (the deal's papers and money are a matter, not a customer: "报价那边还在走流程", "发票那边催一下")
_THERE_NOT = re.compile(
    r"[他她我你它们这那哪谁客户里家方]|厂|公司|单位|学校|医院|老板|领导"
    r"|报价|合同|订单|标书|招标|尾款|首付|货款|回款|付款|发票|流程|审批|财务"
)
# Words of where after a name: "X广场附近", "X医院对面的店" name a place, not the customer.
_NEARBY = ("附近", "周边", "一带", "旁边", "对面", "底商")
# ...or pointing at a place, then 的 and who is there: "X开发区那边的Y酒吧", "城南那边的Z茶楼".
_WHERE_WORDS = frozenset({"那边", "这边", "那儿", "这儿", "那里", "这里", "那块", *_NEARBY})
_WHERE_THEN = re.compile(r"(?:那边|这边|那儿|这儿|那里|这里|那块|附近|一带)?的")
# A housing estate is a customer by its own name ("X花园小区" for its lifts, its property service), not
# by what kind of estate it is ("老旧小区", "高档小区") nor counted ("三个小区", "一版小区精装方案").
_ESTATE_HEADS = ("小区",)
_ESTATE_KINDS = frozenset(
    {
        *("老旧", "老", "旧", "新", "新建", "高档", "高端", "中高端", "普通", "住宅", "居民", "商品房"),
        *("安置", "回迁", "拆迁", "老破小", "封闭", "开放式", "大型", "小型"),
        *("周边", "附近", "整个", "各个", "其他", "别的"),
    }
)
_NUMERAL_FIRST = re.compile(r"[一二两三四五六七八九十几多0-9]")
# Suffixes of departments and offices: right after another organisation they are part of it.
_DEPARTMENT = ("局", "办", "处", "科", "室", "部", "中心")
# Heads that name an organisation of their own only after a place ("苏州华测检测实验室", "深圳湾实验室"):
# after a bare word or a brand they are a lab of the customer's ("新建的QC实验室", "X实验室测完了").
_PLACED_HEADS = frozenset({"实验室"})
# Offices inside an institution; "…大学附属医院" is a hospital, but "…管委会信息化中心" is the 管委会.
_OFFICE = ("中心", "办公室", "办", "处", "科", "室", "局", "食堂", "车间")
# Parks, districts and buildings: what stands in them ("…园区的X") is the customer.
_AREAS = (
    "园区",
    "开发区",
    "工业园",
    "产业园",
    "科技园",
    "软件园",
    "创新园",
    "科创园",
    "文创园",
    "高新区",
    "新区",
)
_AREAS += ("社区", "广场", "商场", "大厦", "科技城", "科学城")
_MARKETS = ("食品城", "建材城", "家具城", "服装城", "电子城", "小商品城", "灯饰城")
_AREAS += _MARKETS
# One of a kind said after a park and 的, with no name: "X开发区的一家设备厂", "X产业园的一个做模具的".
_ONE_OF_UNNAMED = re.compile(r"(?:一家|一个|一间|一所)")
_VENUE_HEADS = ("中心", "大厦", "广场", "社区", "机场", "商场", "大楼", "园区", "开发区")
_VENUE_MANAGER = re.compile(r"物业(?:管理|服务)?(?:有限公司|公司|中心|处)?|管理处|管理办公室|管委会|居委会")
_FACULTY = ("学院", "系", "研究所", "研究院", "实验室")
_INSIDE = (*_OFFICE, *_FACULTY)
# Heads of a brand that say no kind of organisation: an office word after one is the kind it is
# ("爱心之家服务中心"), not one of its departments.
_KINDLESS_HEADS = ("之家",)
_PROVINCES = frozenset(PROVINCES)
# An English name ending in an organisation word ("Vertex Robotics", "Brightwave Consulting").
_LATIN_ORG = Screened(
    r"(?<![A-Za-z])(?:[A-Z][\w&+\-]*\s){0,3}[A-Z][\w&+\-]*\s(?:Robotics|Consulting|Labs?|Tech|Technolog(?:y|ies)"
    r"|Group|Inc\b\.?|Ltd\b\.?|Corp\b\.?|Corporation|Company|Studios?|Solutions|Systems|Logistics|Foods?|Trading"
    r"|Capital|Partners|Semiconductors?|Electronics|Pharma(?:ceuticals?)?|Medical|Health(?:care)?|Biotech|Energy"
    r"|Motors|Networks|Software|Games|Media|Design|Holdings|Industries|Manufacturing|Engineering|Hotels?"
    r"|Restaurants?|Caf[eé]|Coffee|Bakery|Bistro|Kitchen|Bar|Academy|Clinic|Hospital|Analytics|Biosciences?"
    r"|Fitness|Gym|Yoga|Mall|Plaza|Cent(?:er|re)|Apartments?|Residences?|Hub|Resorts?|Parks?)"
    r"(?:,?\s(?:Co\.,?\s?)?(?:Ltd|Inc|LLC|GmbH|AG|Limited)\b\.?)?(?![A-Za-z])"
    r"|(?<![A-Za-z])(?:[A-Z][\w&+\-]*\s){0,2}[A-Z][\w&+\-]*\s?公寓"  # "Harbor One公寓"
    # ...or a Chinese head for a venue of some kind: "IronBox馆", "Pulse Lab健身房"
    r"|(?<![A-Za-z])(?:[A-Z][\w&+\-]*\s){0,2}[A-Z][A-Za-z0-9&+\-]*[A-Za-z]\s?(?:馆|健身房|健身馆|训练馆|工作室)"
    # any English name with its legal form, maybe its place in brackets before it: "Hoffmann Automotive
    # Parts (Taicang) Co., Ltd."
    r"|(?<![A-Za-z])(?:[A-Z][\w&+\-]*\s){0,4}[A-Z][\w&+\-]*(?:\s\([A-Z][A-Za-z ]{1,20}\))?,?\s"
    r"(?:Co\.,?\s?(?:Ltd\b\.?|Limited)|Ltd\b\.?|Limited|Inc\b\.?|LLC|GmbH)(?![A-Za-z])"
)
_DEPARTMENT_CHARS = frozenset("科部处室组办")
_DEPARTMENT_END = frozenset("部科处室")  # a department of a customer named before it ("X采购部的")
_CAPITAL = re.compile(r"[A-Z][a-z]")  # cheap test before the English-name pattern
# A form field that names the organisation: "公司：X", "单位名称: X" (a Latin name may hold spaces).
_FORM_FIELD = re.compile(
    r"(?:^|(?<=[\s|｜】\]，,;；]))(?:公司|单位|企业|机构|店铺|门店|商户)(?:名称|全称|名字|名)?\s*[:：]\s*"
    r"(?P<name>[^\s，,。;；|｜:：【】]{2,40}?(?:\s(?=[A-Z])[^\s，,。;；|｜:：【】]+){0,3})(?=$|[\s，,。;；|｜【])"
)
# A lead entered or introduced by its writer, then its name up to a pause: "线索：X 联系人…", "帮同事录一个
# X 对接人…", "录一下：X 姜科长", "公司是X 联系我", "我司是X，需要…" (the name is checked after).
_ENTERED = Screened(
    r"(?:(?:^|(?<=[\s，,。!！:：]))(?:新的?)?(?:线索|客户)\s*[:：]\s*"
    r"|(?:^|(?<=[\s，,。!！]))(?:帮\S{0,3})?录(?:一下|一个|个)(?:新客户|客户|线索)?\s*[:：]?\s*"
    r"|(?:公司|我司|单位)(?:名称|名字|全称)?(?:是|叫)\s*)"
    r"(?P<name>[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9]{3,20}?)(?=$|[\s，,。;；!！（(])"
)
# A name in brackets, right after the person (see CompanyFinder._bracketed).
_BRACKETED = re.compile(r"[（(](?P<name>[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9&·' ]{1,15})[)）]")
_DESCRIBED_NOT_NAMED = re.compile(r"的|一[家所个间]")  # "X的Y", "南充一家批发企业": no name
# "一家烘焙店 叫X", "一家日料店的 店名叫X", "一家游戏公司 X": an organisation described, then named.
_ONE_OF = r"(?:一家|一间)(?P<what>[\u4e00-\u9fff]{1,8}?)"
# (or pointed at, "温州那家奶茶连锁，叫Y的": a 家 is an organisation whatever kind it is said to be)
_CALLED = re.compile(
    r"(?:一家|一间|(?P<that>那家|这家|有家|有一家))(?P<what>[\u4e00-\u9fff]{1,8}?)的?[\s，,]*(?:店名|名字|名称|店)?叫做?\s?"
    r"(?P<name>[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9&·']{1,11}?)(?=的?(?:$|[\s，,。!！?？])|在"
    # (or a name ending as a shop or a firm does, then whom the rep met: "叫聚福楼跟洪经理聊", not
    # "叫X佳和医院")
    r"|(?<=[店厂司馆宿所院园场坊社行铺吧楼部室])(?:跟|和|给))"
)
_ONE_OF_NAMED = re.compile(
    _ONE_OF + r"\s+(?P<name>(?>[\u4e00-\u9fff]{2,6}|[A-Z][A-Za-z0-9&'-]+(?:\s[A-Z][A-Za-z0-9&'-]+){0,2}))"
    r"(?=$|[\s，,。])"
)
# What an organisation described as "一家…" ends in: a shop, a works, a company, an inn.
_ORG_END_CHARS = frozenset("店厂司馆宿所院园场坊社行铺吧楼部室")
# Heads so general that the name before them must be more than industry words ("销售中心").
_BARE_HEADS = frozenset({"中心", "所", "学校"})
# Regions of the country that open proper names as a place does ("西南科技大学", "华东医药").
_REGIONS = frozenset({"华北", "华东", "华南", "华中", "西北", "西南", "东北", "中南", "中原"})
# A verb with its result or direction, then a bare head: "交给学校", "走完学校", "送到医院" (the
# place a thing went, not a name).
_DONE_TO = frozenset("给完到")
# A committee (业委会, 居委会, 村委会, 管委会) that something is put to ("先报业委会", "再交居委会",
# "要经村委会"): the verb, and the adverbs before it, are no committee's name.
_COMMITTEES = ("委员会", "委会")
_PUT_TO = frozenset("报交经过递呈")
_BEFORE_DOING = frozenset("先再要得需还都也就又才")
# Coming to or back to a bare 公司 / 厂 is coming to the writer's own premises ("来公司试用", "回厂").
_COME_TO = frozenset("来到回")
_WANTING = frozenset("想要来再先去")  # before 咨询, the verb "to ask about"
_WHO_CAME = frozenset("人他她们家")  # ...said just before: "带人来", "他们到", "一家来"
_OFFICE_HEADS = frozenset({"公司", "厂", "工厂", "厂里"})
# 同 for "with" (跟), in Cantonese and in written Chinese, is told by what stands before it: when it was
# ("刚刚同X李经理通了电话") or who ("我同X的王总吃了个饭"). Brands start with 同 too (同兴达, 同益):
# at the start of a message, or when only one character is left after it, 同 stays in the name.
_WITH_BEFORE = re.compile(
    r"(?:刚刚|刚才|刚|今天|昨天|前天|今早|昨晚|上午|下午|中午|晚上|早上|我们?|又|再|也|已经|先|就|都|还)\s?$"
)


def _with_tong(text: str, at: int, word: str, end: int) -> bool:
    """Whether the lone 同 at `at`, before a name that runs to `end`, is the preposition "with"."""
    return word == "同" and end - at - 1 >= 2 and _WITH_BEFORE.search(text, 0, at) is not None


# Prepositions the segmenter may glue to the first character of a name ("从中/铁").
_PREPOSITIONS = frozenset("从在到去跟给和向往对")
# Nouns that start with the verbs 开/建/办 ("建设局", "建材厂", "开发区"): a name's head, not what is done.
_NOUN_HEADS = ("建设", "建材", "建工", "建筑", "开发", "办事", "办公")
# Units inside an institution: offices and faculties.
_UNIT_ENDS = ("处", "科", "室", "学院", "系")
# Heads of government bodies, which are named by their place ("海淀区教委", "黄岩区法院").
_GOVERNMENT = ("局", "委", "委员会", "政府", "法院", "检察院", "管委会", "办")
# Venues of eating, drinking and play, and markets: known by their signboard, so a city and its district
# before one say where it is ("龙岩新罗区大地KTV", "徐州鼓楼区淮海食品城"), while a registered firm, a
# committee or a school keeps them in its name ("常州武进区X有限公司", "南京鼓楼区X小区业委会").
_SIGNBOARD_HEADS = (
    *("KTV", "歌厅", "酒吧", "精酿吧", "餐吧", "清吧", "网吧", "网咖", "小馆", "酒馆", "餐馆", "饭馆"),
    *("菜馆", "面馆", "餐厅", "饭店", "酒楼", "酒家", "茶楼", "茶馆", "火锅店", "烧烤店"),
    *("农家乐", "大排档", "咖啡馆"),
    *_MARKETS,
)
# A city's or a university's numbered hospital: "湘雅二院", "蚌埠三院".
_NUMBERED_HOSPITAL = re.compile(r"[一二三四五六七八九十][院医]")
# A count of institutions: "有十二所小学" (所 as a measure word, not an institute).
_COUNT_BEFORE = re.compile(r"[一二两三四五六七八九十百几0-9]$")
# A word for all of an organisation said right before its kind ("全集团", "整个公司"): the customer's own
# scope, where a name would stand.
_WHOLE = frozenset({"全", "整个", "全体"})
# Where an address starts: a park or building named after it is where, not who ("地址在苏州工业园区").
_ADDRESS_BEFORE = re.compile(r"(?:地址|位于|地点|坐落于)[在是为]?\s?[:：]?\s?$")
# Heads that name one's own site; a place with only such a head is "the works in X", no name of its own.
_SITE_HEADS = ("工厂", "厂", "分公司", "公司", "基地", "总部")
# A branch in brackets right after a name is part of it: "瑞丰眼镜(杭州西湖店)", "育才学校（南校区）".
# A shop of one trade glued after a name that ends as a venue does: "萌宠乐园宠物店", "童趣乐园玩具店" (the
# shop is the customer, named with the whole).
_SHOP_GLUED = re.compile(r"[\u4e00-\u9fff]{2}店(?=老板|店长|的|[\s，,。；;！!？?]|$)")
_BRANCH = re.compile(
    r"[（(](?![0-9一二三四五六七八九十几两多]+家)[\u4e00-\u9fffA-Za-z0-9]{1,12}"
    r"(?:店|分店|分院|院区|校区|分公司|分部|门店)[)）]"
)


@cache
def _longest_suffix() -> int:
    """The length of the longest organisation suffix: how far back one can end."""
    return max(map(len, org_suffixes()))


# An organisation's works project at a place: "中建一局|武汉光谷地铁3号线项目" (not its 项目部 or 项目经理).
_SITE_PROJECT = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,16}?项目部?(?![组经])")
# Where a chain or a builder is on site: a brand, maybe a place or a site's own name, then one of these
# ("X南京西路店", "X合肥总部", "X邯郸校区", "X三期工地", "X临港项目部"). None is an organisation word alone
# ("到店", "总部", "工地上"), so the brand before it is the evidence.
# (a chain's main store, "X总店", names the chain itself: "绍兴老张羊肉粉总店" is 绍兴老张羊肉粉)
_SITE_TAIL = re.compile(r"总店|分店|门店|店|总部|校区|院区|分院|项目部|项目|工地|仓(?!库|储)")
_SITE_TAIL_CHARS = frozenset("店部区院目地仓")
_SITE_MAX = 14  # characters of a site's name before its head
# Words before a site that make it one of theirs ("他们那个X项目", "X的组件项目"), not a name.
_SITE_OWNED = frozenset({"的", "有", "家", "一家", "他们", "我们", "你们", "她们", "咱们", "自己", "些"})
_PHASE = re.compile(r"[一二三四五六七八九十0-9]{1,3}期")  # "X三期工地": which phase of the site
_COUNTED_SHOP = re.compile(r"第?[一二两三四五六七八九十几多]家")
# One of a kind counted before its organisation word ("一家服装厂", "某个养殖场"): a description.
_ONE_OF_A_KIND_BEFORE = re.compile(r"(?:[一某](?:家|个|所|间)|某)$")
_KIND_WORDS_END = ("厂", "店", "场", "馆", "公司", "企业", "工厂", "作坊", "门店", "铺")
# People counted right before what is read as a brand ("有15个左右新提的经理", "两位新来的主管"): the
# words describe the people counted, no organisation.
_COUNTED_PEOPLE_BEFORE = re.compile(
    r"(?:\d+|[一二两三四五六七八九十百几]+)(?:多|来)?\s?(?:个|位|名)(?:左右|以上|多|来)?\s?$"
)
# A person said new in the job before the title ("新换的理事长", "刚调来的主任"): no brand.
_NEW_ONE = re.compile(r"(?:新|刚|才)(?:换|来|调来?|上任|任|招|提|聘|到)")
_AFTER_WORDS = frozenset({"后", "前", "之后", "之前", "以后", "以前"})
# Where inside a customer a function is done ("门店运营", "总部采购", "华东区销售"): with a function after
# it, a part of the customer, never a customer of its own.
_OWN_PART_END = re.compile(OWN_PARTS + "$")
# The customer pointed at before a word ("他们运营的卢佳", "对方财务的人"): what follows is their part.
_THEIRS_BEFORE = re.compile(r"(?:他们|她们|对方|人家|他家|客户)(?:那边|公司|厂里|店里|院里|单位)?$")
# Han characters glued before an English name belong to it ("云朵Pet Café"), after a stop character.
_HAN_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,6}$")
_LIST_MARK = re.compile(r"\d{1,2}|[A-Za-z]|[一二三四五六七八九十]")
_OWNER_MAX = 10  # an organisation named before its person is a short name
# Kinds of shop or works a brand may follow ("蛋糕店味之源", "设备厂 时代精机", "宠物电商Pawsome").
_KIND_END_CHARS = frozenset("店厂馆")
_KIND_ENDS = ("连锁", "电商", "餐厅")
_KIND_END = re.compile("[" + "".join(sorted(_KIND_END_CHARS)) + "]|" + "|".join(_KIND_ENDS))
_PLACE_TAIL_CHARS = frozenset("镇村乡街路区县市省")
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z0-9&'\-]+(?:\s[A-Z][A-Za-z0-9&'\-]+){0,2}(?![A-Za-z])")
# An English brand, then 的 and its person: an English given name or a (surname and) title.
_LATIN_OWNER = Screened(
    r"(?<![A-Za-z])(?P<name>[A-Z][A-Za-z0-9&]+(?:\s[A-Z][A-Za-z0-9&]+){0,2})\s?(?:那边)?的\s?"
    r"(?:[A-Z][a-z]+(?![A-Za-z])|(?P<han>[\u4e00-\u9fff]))"
)
# ...or gone to or sat in, then whom the rep met there: "去了Blue Moon 跟Jack试了", "在Blue Note见了周总".
_LATIN_VISITED = Screened(
    r"(?:去了一?趟|去了|到了|拜访了?|回访了?|(?<![现正还])在)\s?"
    r"(?P<name>[A-Z][A-Za-z0-9&'\-]+(?:\s[A-Z][A-Za-z0-9&'\-]+){0,2})(?![A-Za-z])\s?"
    r"(?=(?:跟|和|给|见了?|找)\s?(?:[A-Z][a-z]+(?![A-Za-z])|[\u4e00-\u9fff]{0,2}(?:总|经理|老板|店长|主理人)))"
)
# A stretch of Han characters up to a pause or 的: where a name said between pauses ends.
_CHUNK = re.compile(r"[\u4e00-\u9fff]{1,12}?(?=$|[^\u4e00-\u9fff]|的)")
# Single characters after a city that make a clause rather than start a brand ("南宁有三家店").
_BRAND_NOT_FIRST = frozenset("有是在开做搞买卖来去到要想")


# Halls where shows and meetings are held: people are met there ("展会中心碰到…"), a customer rarely is.
# What a customer is to us, said before its name: "老客户X", "新客户X", "意向客户X".
# A family's home: its owner is a person, not an organisation ("X花园别墅的宋总").
_RESIDENCES = ("别墅", "自建房", "房子", "住宅", "洋房")
# Verbs of running a trade, before a kind of business and 的 ("做X的", "开X的"): who, described.
_RUNS = frozenset("做开搞干")
# Words of 局 that are no bureau: the game is over, the layout, a trick.
_NOT_BUREAUS = frozenset(
    {"出局", "结局", "布局", "格局", "骗局", "僵局", "饭局", "全局", "大局", "赌局", "残局", "开局", "定局"}
    | {"终局", "时局", "棋局", "牌局", "酒局", "搅局", "破局", "入局", "困局", "变局", "乱局", "危局"}
)
# (or the part it plays in a project: "开发商X房地产公司", "总包中建X局")
_RELATION = re.compile(
    r"(?:老|新|大|重要|意向|潜在|目标|合作)客户\s?|客户\s|老朋友\s?"
    r"|(?:开发商|业主方?|甲方|总包方?|总承包方?|建设方|建设单位|施工方|承建方)\s?"
)
# A kind of customer asked after, not named: "有哪几个学校在跟", "哪些医院在报价" (a question word, maybe
# after 有, opens the words taken).
_KIND_QUESTIONED = re.compile(r"(?:还?有)?(?:哪|几[个家所位]|什么|啥)")
# A school of a university, or one of its offices, named after it ("X交大体育学院", "X文理学院体育学院",
# "X大学体育部"): the university is the customer. A short name ending in 大 (交大, 农大) takes only
# schools and the offices a university has (not "X恒大地产销售部"). A medical school is an institution of
# its own ("X交大医学院").
_SCHOOL_UNIT = re.compile(
    r"(?P<school>[\u4e00-\u9fff]{2,12}?(?:大学|学院)|[\u4e00-\u9fff]{0,12}?[\u4e00-\u9fff]大)"
    r"(?P<unit>[\u4e00-\u9fff]{1,8}?(?<!医)(?:学院|系)|(?:体育|学工|教务|后勤|研究生|保卫|宣传|国际合作)部)"
)
# A zone said before a registered name that opens with its province ("X经开区浙江Y有限公司"), or a place
# with a note in brackets ("X市（县级市）Y中心"): where the customer is, its own name after.
_ZONE_THEN_PROVINCE = re.compile(
    r"[\u4e00-\u9fff]{2,12}?(?:经开区|开发区|高新区|新区|园区|工业园)(?=(?:"
    + "|".join(sorted(PROVINCES, key=len, reverse=True))
    + r")[\u4e00-\u9fff]{2,}(?:有限公司|有限责任公司|股份公司|集团|公司))"
    r"|[\u4e00-\u9fff]{2,10}?[市县区][（(][\u4e00-\u9fff]{1,6}[)）](?=[\u4e00-\u9fff]{4,})"
)
# ...said with no organisation word at all, after the verb that reaches it and before its person:
# "拜访南航体育部王老师", "在浙大体育系跟李老师" (see CompanyFinder._school_of_unit).
_SCHOOL_BY_UNIT = re.compile(
    r"(?:在|拜访了?|去了?|到了?|见了?)(?P<school>[\u4e00-\u9fff]{2,4}?)"
    r"(?:(?:体育|学工|教务|后勤|研究生|保卫|招生|就业|国际合作)(?:部|处)|(?:体育|计算机|外语|音乐|美术|数学|物理|化学)系)"
    r"(?=的|跟|和|与|[\u4e00-\u9fff]{1,3}(?:老师|教授|主任|院长|书记|科长|处长|部长))"
)
_NOT_A_SCHOOL = frozenset(
    {"公司", "学校", "单位", "集团", "厂里", "本校", "学院", "大学", "对方", "客户", "那边"}
)
_VENUE_END = re.compile(r"(?:会展|展览|博览|国展|会议)中心$|展馆$|博览园$")


def _venue(name: str) -> bool:
    return _VENUE_END.search(name) is not None


# What ends a figure, written or said in words: the unit after it is no brand ("八百千伏安的", "500千瓦的").
_NUMBER_ENDS = frozenset("0123456789十百千万亿")
# ...nor a count then a figure: "三台八百千瓦"
_COUNT_THEN_FIGURE = re.compile(
    r"[一二两三四五六七八九十几]+[台套个面组只件][一二两三四五六七八九十百千万0-9]"
)


@dataclass(frozen=True, slots=True)
class CompanyHit:
    name: str
    start: int
    end: int
    strength: int
    score: int


@cache
def suffix_re() -> WordTrie:
    return literal_re(org_suffixes())  # the longest suffix at each position


@cache
def _stop_re() -> WordTrie:
    return literal_re(w for w in _STOP if len(w) > 1)  # the longest stop word at each position


@cache
def _person_after_re() -> re.Pattern[str]:
    """A person right after an organisation: a title (maybe after a surname), or 先生/女士."""
    return re.compile(
        r"(?:的|\s)?\s?(?:[\u4e00-\u9fff]{0,2}(?:"
        + _title_start_re().pattern
        + r")|[\u4e00-\u9fff]{1,3}(?:先生|女士))"
    )


@cache
def _title_start_re() -> WordTrie:
    # The longest title at each position; inside a longer pattern it gives way to the shorter titles
    # at the same position, longest first, as the plain alternation of them did.
    return literal_re(titles())


def _without_function(name: str) -> str | None:
    """`name` without the function it ends in ("门店运营" → "门店"), None when it ends in none."""
    functions = title_prefixes()  # (longest first)
    if not name.endswith(functions):
        return None
    return name[: -len(next(w for w in functions if name.endswith(w)))]


@cache
def _title_prefix_re() -> WordTrie:
    return literal_re(title_prefixes())


# Verbs of doing that take an industry word as their object ("做培训", "搞咨询"); brands rarely hold them.
_DOING = frozenset("做搞办买卖签")
_MAKING = frozenset("做搞")  # ...of which these two never stand inside an institution's name
_VERB_TOKEN = re.compile(r"[开建办看做搞]了?个?")
# The last character of a verb of talking something over (细谈, 详谈, 洽谈, 商谈, 闲聊): the words after
# it are the matter talked about, even when they end in an industry word ("过去详谈物流的事").
_TALK_ENDS = frozenset("谈聊")
# Growing or raising something, said before whoever does it: "种甜菜的白老板", "养鸭的钱老板" describe.
_GROWING = frozenset("种养")
_LATIN_BRAND = re.compile(r"[\u4e00-\u9fff]{0,3}[A-Za-z][A-Za-z0-9]{1,15}[\u4e00-\u9fff]{0,2}")
# A filler of voice input opening a note: "哈 …", "嗯 …", "对了，…".
_FILLERS = re.compile(r"^(?:哈+|嗯+|呃+|额|啊|哦|噢|对了)[\s，,]*")
# (after a filler, and with 的 after the place: "哈 西安的那个X")
_THAT_ONE = re.compile(
    r"(?:(?:哈+|嗯+|呃+|额|啊|哦|噢|对了)[\s，,]*)?(?:(?P<place>[\u4e00-\u9fff]{1,4}?)的?)?(?:那个|那家|这个|这家)"
)
# A visit or call right before a brand said alone: "又去了一趟瑞昇，", "上门回访鑫达，".
# (not the writer gone off to eat or rest: "吃饭去了 晚点补")
_VISIT = (
    r"去了一?趟|跑了一?趟|拜访了?|回访了?|(?<!吃饭)(?<!开会)(?<!午休)(?<!休息)(?<!睡觉)去了"
    r"|(?<![要想会能该没])去的|跑了|到了|打给|已经?联系(?:了|过)?"
)
_VISIT_WORD = re.compile(_VISIT)
# Gone to or being at a place, right before it: "去X做诊断", "在X做了汇报".
_GONE_THERE = re.compile(r"(?:去|在|到)\s?$")
# A customer described by its trade ("做管桩和预制盖板的", "生产门窗的"): the clause opens with what they
# make or do, so the words before its 的 are their products, no name.
_TRADE_OPENS = re.compile(
    r"(?:^|[\s，,。；;：:])(?:专门|主要|是)?(?:做|搞|干|生产|加工|经营)[^\s，,。；;：:]*$"
)
# A charge and how it is counted ("安装费按台算", "泵送费按方收"): a price term, no brand.
_CHARGE = re.compile(r"费$|费按|按[\u4e00-\u9fff]{1,2}(?:算|计|收|结)")
_VISIT_BEFORE = re.compile(rf"(?:{_VISIT})\s?$")
# Going to, calling or being at a place right before a city: "去", "在", "打给", "到了", "拜访".
_AT_BEFORE = re.compile(rf"(?:{_VISIT}|去|在|到|打给|电话给|约了)\s?$")
# What ends a brand said after such a verb: a pause, or the visit or call itself.
_VISIT_AFTER = re.compile(
    r"\s|[，,。;；!！]|$|拜访|回访|跟线|跟机|调试|开会|碰面|见面|演示|参观|谈|聊"
    # or what was done there, or the trip ending ("去X城Y拿了标书", "去X城Y了"): a place has its own
    # checks below (a district, a landmark, a common word)
    r"|了(?!解)|拿|取|送|签|量|给|现场|地块|工地"
)
# A short brand right after a bare verb of going, being or sending and before what was done there or
# sent: "去华锐拿到了合同", "在拓澜谈的", "到安信开会", "给恒达发了报价". The verb must be a word of its own
# (not "去年", "现在", "拿到") and the brand no word of the dictionary but a rare one (a brand that is an
# everyday word, "在鼎盛谈的", is left to the writer's book: nlp/linking.py).
_MOVED = re.compile(r"(?:去了一?趟|去趟|去了|到了|[去在到给])(?=[\u4e00-\u9fff]{3})")
_DONE_THERE = re.compile(
    r"拿|取|送|签|量|谈|聊|开|见|看|演示|调试|安装|装|测|培训|讲|对账|交|收|拜访|回访|参观|考察|吃饭"
    # details gone over there: "去X对细节", "到X对一下图纸" (not "去X对面")
    r"|对(?:细节|接|一下|下|了|过|稿|样|数|单|图|版)"
    # done there for someone in it: "去X给周总讲方案", "到X给老师们培训"
    r"|给(?=[\u4e00-\u9fff]{1,4}?(?:讲|演示|培训|介绍|看|演|装|调))"
    # someone of theirs sought there: "到X找了张科长", "去X找王工聊了会儿", "明天到X找王总"
    r"|找(?=了|[\u4e00-\u9fff])"
)
# Someone else in the clause before the verb: the trip or the sending is theirs.
_THEY_WENT = re.compile(r"(?:[他她]|对方|人家|客户|老板)[^\s，,。；;！!？?]*$")
_SENT_TO = re.compile(r"发|寄|送|报|打|回|讲|演示|做|交|递|传|装|调试|培训")
# Last characters of a place or a party, not a brand: "去样板间量", "在会议室谈", "给甲方发", "去厂区拿".
_PLACE_END_CHARS = frozenset("里上下内外边口间处厅台会堂库房店厂司馆所院园场部室楼家区岗位方地城村镇乡街路")
# Their place said with 里 inside what follows the verb: "去院里当面聊", "到厂里对一下" (where, not who).
_THEIR_PLACE = re.compile(r"[院厂店司部室所馆园场楼库房间校科处局]里")
_MOVED_BRAND_FREQ = 50  # a brand the dictionary holds as one word is a rare one ("安信", "瑞康")
# Verbs of doing that open what the rep goes to do, not where: "去做系统演示", "去搞现场培训".
_DOING_FIRST = frozenset("做搞弄办帮替")
# "@" before an organisation's Han name, ended by a pause or English: "邓总 @X today", "林主任 @X，…".
_AT_ORG = Screened(r"\s?[@＠]\s?(?P<org>[\u4e00-\u9fff]{2,10})(?=[\s，,。;；!！?？]|$)")
# Last characters of landmarks and places inside a city (湖, 山, 港, 路): where, not who.
_LANDMARK_CHARS = frozenset("湖山岛湾港河江路街道区镇村乡园城站场桥门")
_VISIT_DONE = re.compile(r"拜访|回访|跟线|跟机|调试|开会|碰面|见面|演示|参观|给(?=[^\s，,。])")
# What follows a city and brand that open a note as its subject ("X城Y现在到哪一步了", "X城Y又去了一趟").
# (or how the contact went, after a pause: "宁波港建 电话沟通了")
_OPENING_AFTER = re.compile(r"现在|目前|又|那边|这边|最近|已经|\s?(?:电话|微信|视频)(?:沟通|联系|聊|里|上)")
# A clause about the customer turned or its deal, right after its name: "三亚X虽然浴袍丢了", "X那单丢了".
_TURN_AFTER = re.compile(r"虽然|虽说|尽管|那单|这单|那个单子|这个单子")
# Characters before 家 that make it a count, a home or a people word: "两家", "整家", "大家", "回家", "老家".
_TIME_CHARS = frozenset("年月日天周时夜晚")
_NOT_BEFORE_JIA = frozenset("一二三四五六七八九十几多两这那每哪某各整全大本回老国作专商农酒住东")
_FULL_NAME_FREQ = 50  # a person's full name is no dictionary word ("方案", "施工")
_WORD_FREQ = 500  # a surname and a one-character title this common are a word ("施工"), as in people.py
_QUESTION_WORD = re.compile(r"多少|几|什么|啥|哪|谁|吗|嘛|怎么")
_WANT_WORDS = frozenset({"需要", "准备", "计划", "打算", "想要", "想做", "要做"})
_WANT_BEFORE = re.compile(r"(?:想|要|做|搞|上|需要|准备|计划|打算)$")
# What may stand before a brand that opens a note: emoji, a phone or check mark, spaces.
_LEADING_MARKS = " \t📞☎✅👍🎉🔥❗！!·-—>"
_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]{2,6}")
_GREETINGS = frozenset(
    {"早上好", "晚上好", "下午好", "中午好", "早安", "晚安", "收到", "好的", "谢谢", "辛苦"}
    | {"你们好", "您们好", "大家好", "各位好", "你好呀", "您好呀"}
    | {"好嘞", "好滴", "好哒"}
)
# A brand opening a note, then its payment or papers, maybe new: "禾丰首付款30%到账了", "X新报价发了".
_LEAD_DEAL = re.compile(
    r"(?P<brand>[\u4e00-\u9fff]{2,4}?)(?=(?:新|最新)?(?:首付|尾款|货款|回款|合同|订单|标书|发票|报价))"
)
# Offices of any organisation, never the end of a brand, said between a short name and its person
# ("宏泰财务的王芳", "华锐采购的邓超"): the customer is the name before them.
_OFFICE_BEFORE = re.compile(r"(?:财务|行政|人事|采购|前台|后勤|总务|出纳|会计|法务)$")
# Deal words after "的": "瑞昇的合同", "拓维的情况", "雅美整形的招标文件" (a count of follow-ups is a
# figure asked of people: "这个月大家的跟进次数").
_DEAL_WORDS = (
    "合同|情况|跟进(?!次|数|量|率)|联系人|单子|项目|订单|报价|方案|进度|标书|招标"
    "|尾款|首付|货款|款|货|历史|电话|手机"
)


# What follows an office said short after a surname ("饶队说", "刘队今天"), as people.py reads it.
_SHORT_OFFICE_AFTER = r"那边|说|讲|一起|也|都|他们|的|今天|昨天|刚才|[\s，,。！!？?]|$"


@cache
def _brand_end_re() -> re.Pattern[str]:
    """Where a brand named without an organisation word ends: before its person, its deal, or a pause."""
    surnames = "".join(sorted(surnames_set()))
    # a full name opens with a surname of one character (a class of every surname's characters would take
    # "人" from a two-character one)
    singles = "".join(sorted(s for s in surnames_set() if len(s) == 1))
    # "云峰欧阳总监": a two-character surname is tried first, else its second character looks like one
    doubles = "".join(f"{d}|" for d in sorted(s for s in surnames_set() if len(s) == 2))
    titles_ = _title_start_re().pattern
    # Every alternative below starts at 那, 这, 的, 老 or 做, a surname's character, a capital, a pause or
    # the end: tested first, in one character class, so re gives up at once at the other positions
    # instead of trying each alternative's look-behinds there (the matches are the same).
    firsts = re.escape("".join(sorted(set("".join(surnames_set())) | set("那这的老做，,。"))))
    return re.compile(
        rf"(?=[\sA-Z{firsts}]|$)(?:"
        # "X的是副科长韩磊": X的 is who did it ("带我看机房的"), not the person's organisation.
        r"(?:那边)?的\s?(?!是)(?:(?:[一两几]位|[\u4e00-\u9fff]{0,2})(?:" + titles_ + r")"
        r"|[A-Z][a-z]+(?![A-Za-z])|["
        + "".join(sorted(COMMON_SURNAMES))
        + r"][\u4e00-\u9fff]{1,2}(?=$|[\s，。,!！?？]|说|讲|聊|问|确认|电话|手机|的"
        + r"|回(?:电话|复|微信|了|过)))"
        r"|(?P<person>(?<=[\u4e00-\u9fff])(?=(?:"
        + doubles
        + r"["
        + singles  # (not the second character of 宇文 or 欧阳: "X振宇老师" is a person, no brand X振)
        + r"])(?:"
        + titles_
        + r"|队(?="
        + _SHORT_OFFICE_AFTER
        # (or a woman or man called by surname and kin: "给恒昌陈姐打了电话")
        + r")|[姐哥](?=打|说|讲|聊|电话|微信|那边|[\s，,。]))))"
        # an English name glued after the brand, then what they said or did: "博远Cindy说…"
        r"|(?P<en>(?<=[\u4e00-\u9fff])(?=[A-Z][a-z]+(?![A-Za-z])\s?(?:说|讲|聊|问|反馈|那边|电话|微信|和|跟)))"
        r"|(?=那单|这单|那个|的(?:" + _DEAL_WORDS + r")|(?:老板娘|老板|老总)(?![桌椅台]))"
        r"|(?P<buyer>(?<=[\u4e00-\u9fff])(?=[" + surnames + r"]采购))"
        # "X的施丽 微信上…": a full name of any surname, then a pause or what they said (checked after)
        r"|(?:那边)?的(?P<full>[" + singles + r"][\u4e00-\u9fff]{1,2}?)"
        r"(?=$|[\s，。,!！]|说|今天|微信|电话|发了"
        # or what the person did next ("X的王凯开了个会", "X的王凯让我…")
        r"|开了|约了|打了|加了|来了|去了|带[我着了]|让[我你]|表示|反馈|觉得|同意|答应|回(?:电话|复|微信|了|过))"
        r"|(?:那边)?(?=的采购(?:$|[\s，,。]|说|讲|聊|电话|那边|反馈))"  # "X的采购 电话聊了": the buyer alone
        r"|(?P<alone>(?=\s|[，,。]|$))"
        # the work done there, after going or being there ("去美凯做诊断", "在X做了汇报"): checked after
        r"|(?P<did>(?<=[\u4e00-\u9fff])(?=做)))"
    )


def _name_length(name: str) -> int:
    """Length for the name-length cap: a Latin word is one unit of two characters, not one per letter."""
    return len(_LATIN_RUN.sub("xx", name))


# Kin words a person is called by after the surname: "苟姐", "蒯哥", "靳阿姨"; and an official's office
# said short ("应局" for 应局长, "李处", "张院").
_KIN_AFTER_SURNAME = (
    "姐",
    "哥",
    "姨",
    "叔",
    "阿姨",
    "大姐",
    "大哥",
    "师傅",
    "女士",
    "先生",
    "局",
    "处",
    "厅",
    "院",
    "所",
)


def _called_by_surname(name: str) -> bool:
    """Whether a word is how a person is called: 老/小 and a surname (老沈, 小欧阳), or a surname and a kin
    word or a short office (苟姐, 上官哥, 应局)."""
    if name[0] in "老小" and name[1:] in surnames_set():
        return True
    return any(name.endswith(k) and name[: -len(k)] in surnames_set() for k in _KIN_AFTER_SURNAME)


@cache
def _place_words() -> frozenset[str]:
    g = gazetteer()
    return frozenset({*g.cities, *g.full_to_short, *g.counties, *_PROVINCES})


# A side of a mountain, lake or town ("北麓", "南坡", "东岸", "西郊"): a place word inside a registered name.
_SIDE_OF = re.compile(r"[东南西北][麓坡岸郊畔]")


def _is_place(word: str) -> bool:
    return word in _place_words() or (
        len(word) >= 3 and word[-1] in "省市区县镇" and _CJK.fullmatch(word[0]) is not None
    )


def _county_first(words: list[str]) -> bool:
    """Whether the words open with a county or district in full, however the segmenter cut it: a
    two-character one ("杞县", "沛县") or one whose 县 it glued to the next word ("兰陵/县绿源")."""
    d = districts().anywhere
    if words[0] in d and words[0][-1] in "县区旗":
        return True
    return len(words) > 1 and words[1][:1] in ("县", "区", "旗") and words[0] + words[1][0] in d


def _district_before(tokens: list[Token], k: int) -> bool:
    """Whether a district or county ends right before token `k`, however the segmenter cut it
    ("新/吴/区", "郸城"): "无锡新吴区那个X" points at X as a city's "那个X" does."""
    d = districts()
    text, j = "", k - 1
    while j >= 0 and len(text) < d.longest and _CJK.fullmatch(tokens[j][0][-1]) is not None:
        text = tokens[j][0] + text
        if text in d.anywhere and (len(text) >= 3 or _is_place(tokens[j - 1][0] if j > 0 else "")):
            return True  # a short form ("白云") only after its city: alone it may be a word
        j -= 1
    return False


def _district_from(text: str, at: int, start: int) -> bool:
    """Whether a district's full name (从化区, 从江县) starts at `at` and reaches past `start`."""
    d = districts()
    for n in range(3, d.longest + 1):
        form = text[at : at + n]
        if len(form) < n:
            break
        if at + n > start and form[-1] in "区县旗" and form in d.anywhere:
            return True
    return False


def _district_through(text: str, at: int, start: int) -> int | None:
    """Where a district's full name holding the character at `at` and reaching past `start` begins
    ("蚌埠的淮/上/区社区…": 淮上区, a stop character in its middle), if one does."""
    d = districts()
    for end in range(start, min(len(text), at + d.longest)):
        if text[end] not in "区县旗":
            continue
        for begin in range(max(0, end + 1 - d.longest), at):
            if text[begin : end + 1] in d.anywhere:
                return begin
    return None


def _after_place(tokens: list[Token], start: int) -> bool:
    """Whether a place and "的" or a space stand right before `start` ("合肥的江淮汽配", "兰州 甘肃建投")."""
    for k, (word, _, end) in enumerate(tokens):
        if end == start:
            return k > 0 and word in ("的", " ") and _is_place(tokens[k - 1][0])
    return False


class CompanyFinder:
    """Finds the customer organisation in a text; built once per extractor."""

    def __init__(
        self, classes: WordClasses, freq: Callable[[str], int], cut: Callable[[str], list[str]]
    ) -> None:
        self._strong, self._verbs = classes.strong, classes.verbs
        self._freq = freq
        self._cut = cut

    def _name_part(self, word: str) -> bool:
        if word in _ALLOW or _ORDINAL.fullmatch(word) or _is_place(word) or _SIDE_OF.fullmatch(word):
            return True
        if word in _STOP or word in _MEASURE:
            return False
        if word.isascii() and word.lower() in _LATIN_STOP:
            return False
        if len(word) == 1:
            return word not in _STOP_CHARS and (_CJK.match(word) is not None or word.isalnum())
        if _CJK.match(word) is None and not word.isalnum():
            return False
        # (a surname called by 老/小 the dictionary tags as some other class, "老周", is a shop's name part
        # as "老王" is: "老周汽修"; the person reading of a nickname is the candidates' to make)
        return word not in self._strong or (
            len(word) == 2 and word[0] in "老小" and word[1] in surnames_set()
        )

    def find(
        self,
        text: str,
        tokens: list[Token],
        blocked: list[tuple[int, int]],
        suffixes: list[tuple[str, int, int]] | None = None,
    ) -> CompanyHit | None:
        """The best organisation candidate, or None. `suffixes`: suffix_re's scan of the text, when
        the caller has it, as (word, start, end)."""
        hit = self._find(text, tokens, blocked, suffixes)
        if hit is not None and hit.name in org_suffixes():
            return None  # "合作社富理事长打电话": the kind of body alone, the one known by its person
        if hit is not None and _CLAUSE_NOT_NAME.search(hit.name) is not None:
            return None  # "打了个电话", "在X开了个新的", "雨太大，": a clause's words, no one's name
        if hit is not None and _KIND_QUESTIONED.match(hit.name) is not None:
            return None  # "还有哪几个学校在跟": the kind asked about, no one's name
        if hit is not None and len(hit.name) > 2 and glued_shorthand(text, hit.start):
            # "拜X王总", "电X万主任": the rep's shorthand for the visit or the call, not the name's start
            hit = CompanyHit(hit.name[1:], hit.start + 1, hit.end, hit.strength, hit.score)
        if (
            hit is not None
            and (rel := _RELATION.match(hit.name)) is not None
            and len(hit.name) - rel.end() >= 2
        ):
            # "老客户万家冻品": what the customer is to us is said before its name, not part of it
            return CompanyHit(hit.name[rel.end() :], hit.start + rel.end(), hit.end, hit.strength, hit.score)
        if hit is not None and (zone := _ZONE_THEN_PROVINCE.match(hit.name)) is not None:
            cut = zone.end()
            hit = CompanyHit(hit.name[cut:], hit.start + cut, hit.end, hit.strength, hit.score)
        if hit is not None and (cut := self._city_district_cut(hit.name)) is not None:
            # "龙岩新罗区大地KTV", "玉溪红塔区鑫达物流": where the shop or firm is, then its own name
            hit = CompanyHit(hit.name[cut:], hit.start + cut, hit.end, hit.strength, hit.score)
        if hit is not None and (school := _SCHOOL_UNIT.fullmatch(hit.name)) is not None:
            end = hit.start + school.end("school")
            return CompanyHit(school.group("school"), hit.start, end, hit.strength, hit.score)
        return hit

    def _find(
        self,
        text: str,
        tokens: list[Token],
        blocked: list[tuple[int, int]],
        suffixes: list[tuple[str, int, int]] | None,
    ) -> CompanyHit | None:
        named = self._named(text, blocked)
        if named is not None:
            return named
        if suffixes is None:
            suffixes = [(m.group(), m.start(), m.end()) for m in suffix_re().finditer(text)]
        found = self._found(text, tokens, blocked, suffixes)
        if found is not None and _COUNTED.fullmatch(found.name):
            found = None  # "三台 单价四十五万": a count that is also a county's name (三台) names no one
        if found is not None and _OWN_UNITS.fullmatch(found.name):
            found = None  # "外地分公司的人一起看": the customer's own branches, no customer of their own
        if (
            found is not None
            and found.strength == 1
            and self._function_of_theirs(text, found.start, found.name)
        ):
            found = None  # "他们厂里设备的周斌": a function of theirs, said with an industry word
        entered = self._entered(text, blocked)
        if entered is None and found is None and ("（" in text or "(" in text):
            return self._bracketed(text, blocked)  # nothing else names the customer
        if entered is None or found is None:
            return found or entered
        if not (entered.start <= found.start and found.end <= entered.end):
            return found
        tail = text[found.end : entered.end]
        if (
            entered.name.endswith(_DEPARTMENT)
            or any(c in _VERB_CHARS for c in tail)
            or any(w in tail for w in _WANT_WORDS)
        ):
            # "线索：X集团信息中心": its office; "X有限公司要建…", "X医院准备改造…": what it will do
            return found
        return entered  # "X海洋生物科技": the whole name up to the pause

    def _found(
        self,
        text: str,
        tokens: list[Token],
        blocked: list[tuple[int, int]],
        scanned: list[tuple[str, int, int]],
    ) -> CompanyHit | None:
        """The best candidate by organisation words, brands and places."""
        latin = self._latin(text)
        suffixes = org_suffixes()
        matches = list(scanned)
        # Overlapping ones too: "物业服务中心" holds both 物业服务 and 服务中心.
        for _, start, end in list(matches):
            for k in range(start + 1, end):
                inner = suffix_re().match(text, k)
                if inner is not None and inner.end() > end:
                    matches.append((inner.group(), k, inner.end()))
        site = self._site(text, blocked)
        if not matches:
            return site or latin or self._without_suffix(text, tokens, blocked)
        index_by_end = {e: i for i, (_, _, e) in enumerate(tokens)}
        starts = [s for _, s, _ in tokens]
        stops = [m.span() for m in _stop_re().finditer(text)]
        hits: list[CompanyHit] = []
        # Where a head of an institution or more ends: an industry word right after it names what is
        # done for that customer ("X基地节能测算"), not a longer name.
        head_ends = {e for word, _, e in matches if suffixes[word] >= 2}
        for word, s, e in matches:
            strength = suffixes[word]
            if e not in index_by_end:
                continue  # the suffix is the start of a longer word ("厂区", "局面")
            if strength == 1 and s in head_ends:
                continue
            if word == "所" and _COUNT_BEFORE.search(text, 0, s):
                continue  # "有十二所小学": counted schools
            if s in index_by_end and tokens[index_by_end[s]][0] in _WHOLE:
                continue  # "OKR辅导全集团推": all of the customer's own group, no name
            if _NUMBERED_HOSPITAL.fullmatch(word) and (
                s == 0
                or not _CJK.match(text[s - 1])
                or _COUNT_BEFORE.search(text, 0, s)
                or _NUMBERED_HOSPITAL.match(text, s - 2)
            ):
                continue  # "湘雅二院" names one; "三院", "一院二院" alone name none
            if text.startswith(_NEARBY, e):
                continue  # "问了X广场附近还有没有位置": where, not who
            if word == "中心" and text.startswith(("城", "区"), e):
                continue  # "X中心城那边", "市中心区": a city's centre, where, not an organisation
            if any(0 < bs < s and e <= be for bs, be in blocked):
                continue  # "X连锁智能药房那单": the organisation word ends a product of the catalog
            if word in _OFFICE_HEADS and s in index_by_end and text[s - 1 : s] in _COME_TO:
                continue  # "罗院长带后勤来公司试睡": the writer's own office, where the customer came
            if word == "咨询" and text[s - 1 : s] in _WANTING:
                continue  # "马女士想咨询光伏组件", "客户要咨询价格": asking, not a consultancy's name
            if (
                s in index_by_end
                and tokens[index_by_end[s]][0] in _COME_TO
                and text[s - 2 : s - 1] in _WHO_CAME
            ):
                continue  # "孙主任带人来医院看设备": where they came, the writer's own place (not "未来酒店")
            if text.startswith("连锁", e) and strength >= 2:
                e += 2  # "东营鲁泰便利店连锁": the chain is part of the name
            hit = self._candidate(text, tokens, bisect_right(starts, s) - 1, s, e, strength, stops)
            if hit is None:
                continue
            if word in _PLACED_HEADS and not self._placed(hit.name, word):
                continue  # "新建的QC实验室", "电池实验室要恒温恒湿": a customer's own lab, not one by name
            if text.startswith("的", hit.end) and (
                text[hit.start - 1 : hit.start] in _RUNS or any(c in "做搞" for c in hit.name[1:-1])
            ):
                continue  # "那个做汽修厂的", "开火锅店的", "问下X做Y厂的": what trade someone is in
            if word in _ESTATE_HEADS:
                estate = hit.name[: -len(word)]
                if (
                    estate in _ESTATE_KINDS
                    or estate.endswith(("老旧", "老"))  # "城东老旧小区"
                    or _NUMERAL_FIRST.match(estate)
                ):
                    continue
            # A catalog word inside a strong name is part of the name ("平安医院"), but a short name
            # must not be a catalog word ("京东冷链" is a competitor).
            if any(bs < hit.end and hit.start < be for bs, be in blocked) and (
                strength == 1 or any(bs <= hit.start and hit.end <= be for bs, be in blocked)
            ):
                continue
            hits.append(hit)
        if latin is not None:
            hits.append(latin)  # "Skyline Mall物业部的Jason": the English name, not its department
        described = self._described(text, tokens, blocked)
        if described is not None:
            # "锂电设备厂 时代精机": what the customer is, then its name; the name wins over the kind.
            hits = [
                h
                for h in hits
                if not (h.start < described.start and described.start - 2 <= h.end <= described.end)
            ]
            hits.append(described)
        if not hits:
            return site or self._without_suffix(text, tokens, blocked)
        # A name followed by a department word ends before it: "…管委会环保科", "明志科技自动化科" (not a
        # name ending in its legal form: "X压力容器有限公司车间" is X压力容器有限公司).
        hits = [
            h
            for h in hits
            if not (
                (text[h.end : h.end + 1] in _DEPARTMENT_CHARS or text.startswith(_INSIDE, h.end))
                and h.strength < 3
                and any(o is not h and h.start <= o.start and o.end < h.end for o in hits)
            )
        ]
        # A department after an organisation is not part of it ("XX管委会信息化中心" is XX管委会).
        hits = [h for h in hits if not self._department_of(h, hits)]
        # A longer candidate that contains another one wins ("金康大药房连锁有限公司" over "金康大药房").
        kept = [
            h
            for h in hits
            if not any(
                o is not h and o.start <= h.start and h.end <= o.end and (o.end - o.start) > (h.end - h.start)
                for o in hits
            )
        ]
        # "工业园区管委会给经发局的韦科长": an office right after an organisation is one of its departments.
        kept = [
            h
            for h in kept
            if not (
                h.name.endswith(_DEPARTMENT)
                and any(o is not h and o.end <= h.start <= o.end + 2 and o.strength >= 2 for o in kept)
            )
        ]
        # An office or a faculty named later on its own ("X大学 … 后勤管理处的副处长", "X大学创新港 能动
        # 学院实验室的贺教授") is a department of the institution named before it, not another customer.
        kept = [
            h
            for h in kept
            if not (
                h.name.endswith(_UNIT_ENDS)
                and any(
                    o is not h and o.end <= h.start and o.strength >= 2 and not o.name.endswith(_UNIT_ENDS)
                    for o in kept
                )
            )
        ]
        # A venue where the rep met people ("在X会展中心碰到Y船舶的黄工") is where, not who, when another
        # organisation is named.
        if len(kept) > 1 and any(not _venue(h.name) for h in kept):
            kept = [h for h in kept if not _venue(h.name)]
        best = max(kept, key=lambda h: (h.score, -h.start))
        where = _WHERE_THEN.match(text, best.end)
        if (
            best.name.endswith(_AREAS)
            and (
                where is not None
                # a market named as a town of one trade, then a shop in it after a pause: "X小商品城 Y饰品"
                or (best.name.endswith(_MARKETS) and text.startswith(" ", best.end))
            )
            # (the park's own property office is the park's: "X创新园的物业经理胡某")
            and _VENUE_MANAGER.match(text, best.end + 1) is None
        ):
            # "苏州工业园区的恒美精密电子", "X开发区那边的Y酒吧": the park or building is where the
            # customer is.
            at = where.end() if where is not None else best.end + 1
            inside = [h for h in hits if h.start == at and h.score >= 10]
            if inside:
                best = max(inside, key=lambda h: h.end)
            elif (after := self._brand_after(text, at, blocked)) is not None:
                best = after  # "苏州工业园区的博世汽车部件": a brand with no organisation word
            elif _ONE_OF_UNNAMED.match(text, best.end + 1) is not None:
                return None  # "我司是廊坊开发区的一家设备厂": where a customer of no name given stands
        elif (
            best.name.endswith(_AREAS)
            and best.end < len(text)
            and _CJK.match(text[best.end])
            and _VENUE_MANAGER.match(text, best.end) is None
            and not text.startswith(_INSIDE, best.end)
            and (after := self._brand_after(text, best.end, blocked)) is not None
            and after.start == best.end
        ):
            # "昆山开发区宏穗线路板": a brand glued after its zone is named with it, as written
            best = CompanyHit(text[best.start : after.end], best.start, after.end, best.strength, best.score)
        best = self._with_manager(text, best)
        best = self._project_of(text, best, blocked)
        if (
            site is not None
            and site.start <= best.start
            and best.end <= site.end
            and text[best.end : site.end] != "项目部"  # "中建五局项目部的王经理": its department
        ):
            best = site  # "X超市|福州仓山店", "X三局|光谷项目": the chain's store or the builder's site
        shop = _SHOP_GLUED.match(text, best.end) if best.strength == 2 else None
        if shop is not None and not text.startswith(("门店", "分店", "总店"), shop.start()):
            end = shop.end()
            best = CompanyHit(text[best.start : end], best.start, end, best.strength, best.score)
        branch = _BRANCH.match(text, best.end)
        if branch is not None:
            best = CompanyHit(
                text[best.start : branch.end()], best.start, branch.end(), best.strength, best.score
            )
        return best

    def _described(self, text: str, tokens: list[Token], blocked: list[tuple[int, int]]) -> CompanyHit | None:
        """A brand right after the kind of shop or works it is: "连锁蛋糕店味之源", "台资厂鸿利精密",
        "宠物连锁 多宠乐", "跨境宠物电商Pawsome" (the kind alone, "那家蛋糕店谈了", names nobody)."""
        if _KIND_END.search(text) is None:
            return None  # (no word of the text can end as a kind does)
        for k, (word, _, te) in enumerate(tokens):
            if not (word[-1] in _KIND_END_CHARS or word.endswith(_KIND_ENDS)) or _is_place(word):
                continue  # "驻马店": a place
            if len(word) <= 2:
                # "台资/厂", "宠物/电商": the kind needs a word before it; "去/工厂", "我们/工厂",
                # "南通/工厂", "金陵/饭店" are a site or a name, not a kind.
                prev = tokens[k - 1][0] if k > 0 else ""
                # (pointed at, then named after a pause: "南通那个钢厂 宏远特钢 今天…")
                pointed = prev in _POINTERS and text[te : te + 1] == " "
                if not pointed and (
                    not prev or not self._name_part(prev) or _is_place(prev) or prev in self._verbs
                ):
                    continue
                # "青|禾|电商Amy": rare characters before the kind are its name, and a person follows
                before = tokens[k - 2][0] if k > 1 else ""
                if len(prev) == 1 and len(before) == 1 and _CJK.match(before) and before not in _STOP_CHARS:
                    continue
                if not pointed and (
                    word == "工厂"
                    or prev.endswith(_SITE_HEADS)
                    or (self._freq(prev) < _BRAND_FREQ and len(prev) > 1 and word not in org_suffixes())
                ):
                    continue
            hit = self._brand_after(text, te, blocked, kind=True)
            if hit is not None and (hit.name in org_suffixes() or hit.name[0] == word[-1]):
                continue  # "X电子厂 钢结构要修", "X电子厂 厂房要修": a trade or a part of the works, no name
            if hit is not None:
                return hit
        return None

    def _brand_after(
        self, text: str, p: int, blocked: list[tuple[int, int]], kind: bool = False
    ) -> CompanyHit | None:
        """A brand starting at `p` (maybe after a space) with no organisation word: an English name, or
        Han name parts up to a pause, 的, a verb or a person ("…的精工自动化做了", "… 时代精机 要")."""
        q = p + 1 if text[p : p + 1] == " " else p
        if q >= len(text) or any(bs <= q < be for bs, be in blocked):
            return None
        latin = _LATIN_NAME.match(text, q)
        if latin is not None:
            name = latin.group()
            if name.split()[0].lower() in _LATIN_STOP or name.isupper() or self._title_at(text, latin.end()):
                return None  # "EHS经理", "from": a title or a word, not a name
            return CompanyHit(name, q, latin.end(), 2, 22)
        if not _CJK.match(text[q]):
            return None
        chunk = _CHUNK.match(text, q)
        head = chunk.group() if chunk is not None else text[q : q + 12]
        words = self._cut(head)
        name = ""
        if len(head) <= _MAX_BRAND + 2 and all(
            self._name_part(w) and not (len(w) > 1 and w in self._verbs) for w in words
        ):
            name = head  # a name between pauses: "宠物连锁 多宠乐 12家门店"
        else:
            for k, w in enumerate(words):
                if not self._name_part(w) or (w in self._verbs and w not in _ALLOW and not _is_place(w)):
                    break
                if k and (w[0] in _VERB_CHARS or _VERB_TOKEN.fullmatch(w)):
                    break  # "鸿利精密开了个线上会": a verb ends the name
                name += w
        end = q + len(name)
        if not 2 <= len(name) <= _MAX_BRAND + 2 or any(bs < end and q < be for bs, be in blocked):
            return None
        if (
            (name[0] in COMMON_SURNAMES and len(name) <= 3)
            or (name[0] in surnames_set() and len(name) == 2)
            or self._title_at(name, 0)
        ):
            return None  # "蛋糕店王老板", "食品厂 李建国 厂长": a person
        if name[0] in _BRAND_NOT_FIRST or name[0] in _VERB_CHARS:
            return None  # "电子配套厂 想做自动化": what they want, not a name
        if name[0] in _PLACE_TAIL_CHARS or name[-1] in _DEPARTMENT_CHARS or "已" in name:
            return None  # "周家店镇", "饭店餐饮部", "连锁 试单已发货": a place, a department, news
        if any(name[k - 1] in _DEPARTMENT_END and self._title_at(name, k) for k in range(2, len(name))):
            return None  # "X酒店 客房部申经理": the organisation's department and its person
        if (f := _title_prefix_re().match(name, 0)) is not None and self._title_at(name, f.end()):
            return None  # "X4S店售后钱经理", "X物业 工程主管": a function of theirs and its person
        first = self._cut(name)[0]
        if kind and q == p and (first in _ALLOW or first in org_suffixes()):
            return None  # "酒店管理有限公司": the kind word goes on into one longer name
        if not self._brand_like(name) and not self._industry_named(name):
            return None
        return CompanyHit(name, q, end, 2, 22)

    def _industry_named(self, name: str) -> bool:
        """Whether a name is a word and an industry word ("精工自动化", "安达物流"): a short name of its
        own, where the words before it say it is a name."""
        words = self._cut(name)
        return (
            len(words) >= 2
            and words[-1] in org_suffixes()
            and self._name_part(words[0])
            and not any(
                w in _STOP or w in _STOP_CHARS or (len(w) > 1 and w in self._verbs and w not in _ALLOW)
                for w in words
            )
        )

    def _named(self, text: str, blocked: list[tuple[int, int]]) -> CompanyHit | None:
        """An organisation the text names outright: in a form field, or after describing it ("一家…叫X")."""
        if "：" in text or ":" in text:
            m = _FORM_FIELD.search(text)
            if m is not None and _CJK_OR_LATIN.search(m.group("name")):
                return CompanyHit(m.group("name"), m.start("name"), m.end("name"), 3, 40)
        if "一家" not in text and "一间" not in text and "家" not in text:
            return None
        for pattern in (_CALLED, _ONE_OF_NAMED):
            for m in pattern.finditer(text):
                what, name, start = m.group("what"), m.group("name"), m.start("name")
                person = what.endswith(("客户", "人", "朋友", "同事", "同学", "亲戚"))  # (a person's name)
                pointed = "that" in m.re.groupindex and m.group("that") is not None and not person
                if not (pointed or what[-1] in _ORG_END_CHARS or what.endswith(tuple(org_suffixes()))):
                    continue
                # (a 家 said, then named with 叫, may be named in common words: "一家农家乐 叫山里人家")
                called = "that" in m.re.groupindex and not person
                if any(bs < start + len(name) and start < be for bs, be in blocked):
                    continue
                if name in titles():
                    continue  # "一家咖啡馆 店长 Lily": its person's title, not its name
                if _CJK.match(name) and not (self._brand_like(name) or (called and self._said_as_name(name))):
                    continue  # (a 家 pointed at and named with 叫 may be common words: "叫精锐的")
                return CompanyHit(name, start, start + len(name), 2, 25)
        return None

    def _bracketed(self, text: str, blocked: list[tuple[int, int]]) -> CompanyHit | None:
        """Where a person works, in brackets right after them: "小邬（麦香坊）说", "黄经理(鼎盛机械)"."""
        for m in _BRACKETED.finditer(text):
            who, name, start = text[: m.start()], m.group("name"), m.start("name")
            nick = len(who) >= 2 and who[-2] in "老小" and who[-1] in surnames_set()
            if not (nick or who.endswith(titles())) or any(bs < m.end() and start < be for bs, be in blocked):
                continue
            if _title_start_re().search(name) or name[-1] in _DEPARTMENT_CHARS or name[0].islower():
                continue  # "王总（采购总监）", "刘工（技术部）", "(ops)": the person's title or department
            if len(name) <= 3 and name[0] in surnames_set() and name[0] in who[-4:]:
                continue  # "张总（张海燕）": the person's full name
            if _CJK.match(name) and not self._brand_like(name) and not self._industry_named(name):
                continue
            return CompanyHit(name, start, start + len(name), 2, 25)
        return None

    def _entered(self, text: str, blocked: list[tuple[int, int]]) -> CompanyHit | None:
        """The name right after a lead is entered ("线索：", "帮同事录一个", "公司是"), when it is a place
        and a brand that is no district, person, title or catalog word: "线索：成都 X" (a city alone),
        "录一个 王经理" or "公司是做外贸的" name nobody."""
        if not ("线索" in text or "客户" in text or "录" in text or "司是" in text or "位是" in text):
            return None  # cheap test first
        for m in _ENTERED.finditer(text):
            name, start, end = m.group("name"), m.start("name"), m.end("name")
            lead = gazetteer().pattern.match(name)
            if lead is None or not _is_place(lead.group()):
                continue
            brand = name[lead.end() :]
            if brand[:1] == "市":
                brand = brand[1:]
            if len(brand) < 2 or brand in districts().anywhere or _is_place(brand):
                continue
            if _DESCRIBED_NOT_NAMED.search(brand) or brand[0] in COMMON_SURNAMES:
                continue
            if _title_start_re().search(brand):
                continue
            if any(bs < end and start < be for bs, be in blocked):
                continue
            if _name_length(name) > _MAX_NAME:
                continue
            return CompanyHit(name, start, end, 2, 30)
        return None

    def _said_as_name(self, name: str) -> bool:
        """Whether words given outright as a name can be one, common as they may be: no stop word, verb,
        question, place or day."""
        words = self._cut(name)
        return not (
            _is_place(name)
            or (len(name) <= 3 and name[0] in COMMON_SURNAMES)  # "有一家客户叫王明": a person's name
            or any(w in _STOP or w in _STOP_CHARS or w in _VERB_CHARS for w in words)
            or DAY_RE.search(name)
            or PERIOD_RE.search(name)
            or _QUESTION_WORD.search(name)
        )

    def _brand_like(self, name: str) -> bool:
        """Whether a run of Han characters named outright can be a brand: it starts with a name part, holds
        no stop word and not only common words ("想问问价格" is a question, "星游互动" a name)."""
        words = self._cut(name)
        # (a nickname's shop whose rest is all kind words leaves nothing: "小鹿文具店" has no brand left)
        if not words or not self._name_part(words[0]) or words[0] in _VERB_CHARS or _is_place(name):
            return False
        if any(w in _STOP or w in _STOP_CHARS for w in words):
            return False
        if DAY_RE.search(name) or PERIOD_RE.search(name) or _QUESTION_WORD.search(name):
            return False
        return any(self._freq(w) < (_CHAR_FREQ if len(w) == 1 else _BRAND_FREQ) for w in words)

    def _project_of(self, text: str, hit: CompanyHit, blocked: list[tuple[int, int]]) -> CompanyHit:
        """An organisation's project at a named place, written right after it, is the customer:
        "中建一局武汉光谷地铁3号线项目的物资部" (a product or a plain word before 项目 is no such project)."""
        if hit.strength < 2 or "项目" not in text[hit.end : hit.end + 18]:
            return hit
        m = _SITE_PROJECT.match(text, hit.end)
        if m is None or gazetteer().pattern.match(text, hit.end) is None:
            return hit
        if any(bs < m.end() and hit.end < be for bs, be in blocked):
            return hit
        if any(w in _STOP or w in _STOP_CHARS for w in self._cut(m.group()[:-2])):
            return hit
        return CompanyHit(text[hit.start : m.end()], hit.start, m.end(), hit.strength, hit.score)

    @staticmethod
    def _with_manager(text: str, hit: CompanyHit) -> CompanyHit:
        """A building or a venue is run by its management office, which is the customer: "…大厦管理处",
        "…行政中心物业" (an office after any other organisation is only one of its departments)."""
        if not hit.name.endswith(_VENUE_HEADS):
            return hit
        m = _VENUE_MANAGER.match(text, hit.end)
        if m is None:
            return hit
        return CompanyHit(text[hit.start : m.end()], hit.start, m.end(), hit.strength, hit.score)

    @staticmethod
    def _department_of(h: CompanyHit, hits: list[CompanyHit]) -> bool:
        """Whether `h` is another hit plus a department or office ("…管委会" + "信息化中心"), or a
        university plus one of its schools ("…大学" + "机械学院")."""
        if h.name.endswith(_FACULTY) and any(
            o is not h and o.start == h.start and o.end < h.end and o.name.endswith("大学") for o in hits
        ):
            return True
        if not h.name.endswith(_OFFICE):
            return False
        return any(
            o is not h
            and o.start == h.start
            and o.end < h.end
            and o.strength >= 2
            # (a bureau holds offices of its own: "X教育局装备中心" is X教育局)
            and (not o.name.endswith(_OFFICE) or (o.name.endswith("局") and not h.name.endswith("局")))
            # "X之家养老服务中心": a head that names no kind of organisation, then the kind it is
            and not o.name.endswith(_KINDLESS_HEADS)
            for o in hits
        )

    def _without_suffix(
        self, text: str, tokens: list[Token], blocked: list[tuple[int, int]]
    ) -> CompanyHit | None:
        """A customer named without an organisation word: by its city, by where, or by whose person it is."""
        return (
            self._city_brand(text, tokens, blocked)
            or self._there(text, blocked)
            or self._owner(text, blocked)
            or self._moved_to(text, blocked)
            or self._latin_owner(text, blocked)
            or self._at_sign(text, blocked)
            or self._school_of_unit(text, blocked)
        )

    @staticmethod
    def _school_of_unit(text: str, blocked: list[tuple[int, int]]) -> CompanyHit | None:
        """A university by its short name, known by one of its units and a teacher there: "拜访南航
        体育部王老师", "在浙大体育系跟李老师开会" (the unit is not the customer, see _SCHOOL_UNIT)."""
        for m in _SCHOOL_BY_UNIT.finditer(text):
            start, end = m.span("school")
            if m.group("school") in _NOT_A_SCHOOL or m.group("school").endswith("们"):
                continue  # "在公司体育部跟吴老师": one's own or a word for any organisation
            if not any(bs < end and start < be for bs, be in blocked):
                return CompanyHit(m.group("school"), start, end, 1, 10)
        return None

    def _at_sign(self, text: str, blocked: list[tuple[int, int]]) -> CompanyHit | None:
        """A titled person, then "@" and where they work, as notes in English write it: "met 邓总 @X today",
        "call w/ 林主任 @X" (a colleague @-mentioned, "@小王 跟一下", has no titled person before it)."""
        for m in _AT_ORG.finditer(text):
            if not text[: m.start()].rstrip().endswith(titles()):
                continue
            name, start, end = m.group("org"), m.start("org"), m.end("org")
            if (
                name[0] in "小老"
                or (
                    len(name) <= 3 and name[0] in COMMON_SURNAMES
                )  # a colleague's name: "王总 @李明 你跟一下"
                or _called_by_surname(name)
                or name.endswith(titles())
                or _title_start_re().search(name)
                or DAY_RE.search(name)
                or any(bs < end and start < be for bs, be in blocked)
            ):
                continue
            return CompanyHit(name, start, end, 1, 10)
        return None

    def _moved_to(self, text: str, blocked: list[tuple[int, int]]) -> CompanyHit | None:
        """A short brand after a bare verb of going, being or sending, before what was done there
        ("去华锐拿到了合同", "在拓澜谈的", "给恒达发了报价"); a place or a party there ("去样板间量了",
        "在会议室谈的", "给甲方发了") is no brand: the brand is rare and ends in no place word."""
        for m in _MOVED.finditer(text):
            if _THEY_WENT.search(text, max(0, m.start() - 8), m.start()) is not None:
                continue  # "周三他要去卫健委开会": where the customer goes is no customer of ours
            verb = m.group()
            done = _SENT_TO if verb == "给" else _DONE_THERE
            start = m.end()
            for end in range(start + 2, min(start + _MAX_BRAND, len(text) - 1) + 1):
                if done.match(text, end) is None:
                    continue
                hit = self._moved_brand(text, m.start(), start, end, verb)
                if hit is not None and not any(bs < end and start < be for bs, be in blocked):
                    return hit
                break
        return None

    def _moved_brand(self, text: str, at: int, start: int, end: int, verb: str) -> CompanyHit | None:
        brand = text[start:end]
        person = next(
            (
                k
                for k in range(2, len(brand) - 1)
                if _called_by_surname(brand[k:])
                or (brand[k] in surnames_set() and _title_start_re().fullmatch(brand, k + 1) is not None)
            ),
            None,
        )
        if person is not None:
            brand, end = brand[:person], start + person  # "给恒昌陈姐打了电话": the brand, then its person
        if (
            brand[-1] in _PLACE_END_CHARS
            or _THEIR_PLACE.search(brand)
            or brand[0] in COMMON_SURNAMES
            or brand[0] in _STOP_CHARS
            or brand[0] in _DOING_FIRST
            or _NUMERAL_FIRST.match(brand)
            or _called_by_surname(brand)
            or _title_start_re().search(brand)
            or DAY_RE.search(brand)
            or PERIOD_RE.search(brand)
            or _QUESTION_WORD.search(brand)
            or _is_place(brand)
            or brand in districts().anywhere
            or self._freq(brand) >= _MOVED_BRAND_FREQ
            or (verb == "给" and len(brand) > 2 and brand[0] in surnames_set())  # "给柏文斌发了": a person
        ):
            return None
        # The verb, the brand and what was done are words of their own as the clause is cut.
        clause = max(at - 6, 0)
        pos, bounds = clause, set()
        for word in self._cut(text[clause : end + 2]):
            bounds.add(pos)
            pos += len(word)
            if pos > end:
                break
            if start <= pos - len(word) and pos <= end:
                if len(word) == 1 and word in _STOP_CHARS:
                    return None
                if len(word) > 1 and (word in _STOP or word in self._verbs or _is_place(word)):
                    return None
        bounds.add(pos)
        if not {at, start, end} <= bounds:
            return None
        return CompanyHit(brand, start, end, 1, 10)

    def _latin_owner(self, text: str, blocked: list[tuple[int, int]]) -> CompanyHit | None:
        """An English brand as the organisation of a person: "给Northwind的Lisa", "跟Acme那边的陈经理", or as
        the place the rep went to and met them in: "去了Blue Moon 跟Jack试了"."""
        if not _CAPITAL.search(text):
            return None
        for m in _LATIN_OWNER.finditer(text):
            name = m.group("name")
            if name.split()[0].lower() in _LATIN_STOP or any(
                bs < m.end("name") and m.start() < be for bs, be in blocked
            ):
                continue
            if m.group("han") is not None and not self._title_at(text, m.start("han")):
                continue  # "Acme的产品": a thing of it, not its person
            return CompanyHit(name, m.start("name"), m.end("name"), 1, 10)
        for m in _LATIN_VISITED.finditer(text):
            name = m.group("name")
            if name.split()[0].lower() in _LATIN_STOP or any(
                bs < m.end("name") and m.start("name") < be for bs, be in blocked
            ):
                continue
            return CompanyHit(name, m.start("name"), m.end("name"), 1, 10)
        return None

    def _city_brand(
        self, text: str, tokens: list[Token], blocked: list[tuple[int, int]]
    ) -> CompanyHit | None:
        """A city and a short rare brand, then 的, a department, a title or a pause: "青岛海纳设备部",
        "沈阳华鼎的仓库", "客户 贵阳云翔 总经理". The brand must be rare so that "成都那边", "南宁今天"
        or "厦门的客户" name no customer."""
        g = gazetteer()
        for k, (word, cs, te) in enumerate(tokens):
            m = g.pattern.match(word)
            # A county-level city stands before a brand as a city does ("江阴X的", "昆山X 王经理").
            if m is None or (m.group() not in g.cities and m.group() not in g.counties):
                continue
            ce = cs + m.end()
            # Gone to, called or on site at a place and a brand: a pause or the visit itself ends the
            # brand ("去X城Y拜访", "打给X城Y", "在X城Y跟线"), where a plain place ("在东莞松山湖") is no
            # brand by the district and rarity checks below.
            at = _AT_BEFORE.search(text, max(0, cs - 4), cs)
            # Being somewhere ("在中山小榄 想了解…") names a place; only the visit itself then ends a brand.
            after = None if at is None else _VISIT_AFTER if at.group().strip() != "在" else _VISIT_DONE
            if at is None and not text[:cs].strip(_LEADING_MARKS):
                after = _OPENING_AFTER

            def ends(p: int, after: re.Pattern[str] | None = after) -> bool:
                if self._city_brand_end(text, p):
                    return True
                return after is not None and after.match(text, p) is not None

            # The segmenter may glue the brand's head to the city ("北京城/建"): that rest is a brand part.
            parts: list[Token] = [(word[m.end() :], ce, te)] if te > ce else []
            j = k + 1
            while j < len(tokens) and tokens[j][1] == te and te - ce < _MAX_BRAND:
                if not _CJK.match(tokens[j][0]) or ends(tokens[j][1]):
                    break
                parts.append(tokens[j])
                te, j = tokens[j][2], j + 1
            brand = text[ce:te]
            if not 2 <= len(brand) <= _MAX_BRAND or not ends(te):
                continue
            if not self._city_brand_end(text, te) and (len(brand) != 2 or brand[-1] in _LANDMARK_CHARS):
                continue  # only the visit ends it: a short brand, not a landmark ("在东莞松山湖 看了")
            if brand in districts().by_city.get(m.group(), ()):
                continue  # "沈阳浑南那个X", "周口郸城": a district of the city cut into parts, no brand
            if text[max(0, cs - 1) : cs] == "是":
                continue  # "我们是深圳前海的跨境电商X": where the writer is, their name comes later
            if any(bs < te and cs < be for bs, be in blocked) or not self._rare_brand(m.group(), parts):
                continue
            return CompanyHit(text[cs:te], cs, te, 1, 10)
        return None

    def _rare_brand(self, city: str, parts: list[Token]) -> bool:
        """Whether words after a city are a brand: rare, no person, time, pointer, verb or place word."""
        brand = "".join(w for w, _, _ in parts)
        if len(parts[0][0]) == 1 and parts[0][0] in _BRAND_NOT_FIRST:
            return False  # "在泉州开茶叶店的", "保定有网点": a verb, not a brand
        if brand[0] in COMMON_SURNAMES or _called_by_surname(brand) or _title_start_re().search(brand):
            return False  # "苏州陈明的", "北京王总的": a person
        if DAY_RE.search(brand) or PERIOD_RE.search(brand) or _QUESTION_WORD.search(brand):
            return False
        if self._freq(brand) >= _BRAND_FREQ:
            return False
        for w, _, _ in parts:
            if w in _STOP or w in _MEASURE or _is_place(w) or w in districts().by_city.get(city, ()):
                return False  # "上海浦东的": a district of the city, where the writer is
            if len(w) == 1 and w in _STOP_CHARS:
                return False
            if len(w) > 1 and (self._freq(w) >= _BRAND_FREQ or w in self._verbs):
                return False
        return True

    def _city_brand_end(self, text: str, p: int) -> bool:
        """Whether a brand after a city ends at `p`: before 的, or (maybe after a space) before a
        department, a title, a person with a title or an English word ("from 深圳X today"). A bare
        pause is not enough: "在东莞松山湖 预算…" names a place."""
        if text.startswith("的", p):
            return not self._name_after(text, p + 1)
        if _TURN_AFTER.match(text, p) is not None:
            return True
        q = p
        while q < len(text) and text[q] == " ":
            q += 1
        if q >= len(text):
            return False
        if q > p and text[q].isascii() and text[q].isalpha():
            return True
        if text[q] in _DEPARTMENT_CHARS or not _CJK.match(text[q]):
            return False
        word = self._cut(text[q : q + 6])[0]
        if len(word) >= 3 and word[-1] in _DEPARTMENT_CHARS and self._freq(word[:-1]) >= _BRAND_FREQ:
            return True  # "工程部", "采购部", "设备科": a common word and a department (not a brand "万科")
        return self._title_at(text, q)

    def _title_at(self, text: str, q: int, spaced: bool = False) -> bool:
        """Whether a title starts at `q`, maybe after a surname or a work word ("王经理", "采购经理");
        `spaced`: or an English work word and a space before it ("purchasing manager")."""
        if q >= len(text):
            return False
        title = _title_start_re()
        if (
            spaced
            and (f := _title_prefix_re().match(text, q)) is not None
            and text[f.end() : f.end() + 1] == " "
        ):
            return title.match(text, f.end() + 1) is not None
        return (
            title.match(text, q) is not None
            or (text[q] in surnames_set() and title.match(text, q + 1) is not None)
            or (self._freq(text[q : q + 2]) >= _BRAND_FREQ and title.match(text, q + 2) is not None)
            # a function word then a title: "客房总监", "前厅经理"
            or (
                (f := _title_prefix_re().match(text, q)) is not None
                and title.match(text, f.end()) is not None
            )
        )

    def _name_after(self, text: str, q: int) -> bool:
        """Whether an unknown name follows ("贵阳花果园的丝恋红酸汤": characters no dictionary word holds):
        then the words before 的 are where it is, not who."""
        if self._title_at(text, q):
            return False  # "的赵工": a person with a title
        words = self._cut(text[q : q + 6])
        return len(words) >= 2 and all(
            len(w) == 1 and _CJK.match(w) is not None and w not in _STOP_CHARS for w in words[:2]
        )

    def _latin(self, text: str) -> CompanyHit | None:
        """An English name ending in an organisation word, with the city written right before it
        ("苏州Everbright Semiconductor") or a Chinese brand glued to it ("云朵Pet Café")."""
        m = _LATIN_ORG.search(text) if _CAPITAL.search(text) else None
        if m is None:
            return None
        start = m.start()
        for k in range(max(0, start - 4), start - 1):
            if _is_place(text[k:start]):
                start = k
                break
        else:
            start -= self._han_head(text, start)
        return CompanyHit(text[start : m.end()], start, m.end(), 2, 20)

    def _han_head(self, text: str, end: int) -> int:
        """How many Han characters right before `end` are a brand's head: name parts back to a stop
        word, a verb or a pause ("去了杭州的云朵" gives 云朵)."""
        han = _HAN_BEFORE.search(text, 0, end)
        if han is None:
            return 0
        size = 0
        for word in reversed(self._cut(han.group())):
            if not self._name_part(word) or (len(word) > 1 and word in self._verbs and not _is_place(word)):
                break
            size += len(word)
        return size if size >= 2 else 0

    def _owner(self, text: str, blocked: list[tuple[int, int]]) -> CompanyHit | None:
        """A brand named by where it stands: as the organisation of a person ("华睿的邱总监", "瑞昇周总说"),
        before its deal ("拓维的情况", "海锐那单黄了"), or alone at the start of a note or after a visit
        ("海锐 去了", "又去了一趟瑞昇，")."""
        for m in _brand_end_re().finditer(text):
            alone = m.group("alone") is not None
            if alone and not (
                len(_FILLERS.sub("", text[: m.start()].lstrip(_LEADING_MARKS), count=1)) <= _OWNER_MAX
                or _VISIT_WORD.search(text, max(0, m.start() - _OWNER_MAX - 4), m.start())
            ):
                continue  # cheap test first: a pause far from the start and from any visit
            full = m.group("full")
            if full is not None and (self._freq(full) >= _FULL_NAME_FREQ or len(full) < 2):
                continue  # "X的方案 发了": a word, not a person's name
            if m.group("person") is not None and self._word_not_person(text, m.start()):
                continue  # "开始进场施工": 施工 is the work, no 施工程师 after a brand 进场
            if (
                m.group("person") is not None
                and text[max(0, m.start() - 1) : m.start() + 1] in surnames_set()
            ):
                continue  # "体育中心欧阳主任": the 阳 of 欧阳 (a surname too) starts no person, no brand X欧
            # "重庆长江摩托的采购": a place, then a brand and 的 and a role; the role is strong evidence
            # that common words ("长江", "摩托") are a brand there.
            owned = text.startswith("的", m.start()) and (
                self._title_at(text, m.start() + 1) or text.startswith("采购", m.start() + 1)
            )
            end = m.start()
            office = (
                _OFFICE_BEFORE.search(text, 0, end)
                if m.group().startswith(("的", "那边的")) or m.group("person") is not None
                else None
            )
            if office is not None and office.start() >= 2:
                # "宏泰财务的王芳", "X后勤欧阳主任": the office is inside the customer, its person's
                end = office.start()
            hit = self._brand_before(text, end, blocked, owned)
            if hit is None and (full is not None or m.group().startswith(("的", "那边的"))):
                hit = self._before_department(text, m.start(), blocked)
            if hit is None:
                continue
            if m.group("did") is not None and not _GONE_THERE.search(text, max(0, hit.start - 2), hit.start):
                continue  # "X做了两期": only a place gone to or worked at names the customer by 做
            if text.startswith(("那个", "那家"), m.start()) and text[m.start() + 2 : m.start() + 3] in _RUNS:
                continue  # "宁波北仑那个做模具的": where the one described by its trade is, no name
            if text.startswith("的", hit.end) and _TRADE_OPENS.search(text, 0, hit.start):
                continue  # "做钢管和预制盖板的 老板X": what they make, then their boss
            if full is not None and (hit.name in districts().anywhere or _is_place(hit.name)):
                continue  # "去了嘉定的柏丽，": a brand in a district, not a person of the district
            if text[hit.end : hit.end + 1] in ("区", "县") and (
                hit.name in districts().anywhere or hit.name + text[hit.end] in districts().anywhere
            ):
                continue  # "X区工地", "浦东新区…": a district cut before its 区, no brand
            if (m.group("person") is not None or m.group("buyer") is not None) and any(
                c in COMMON_SURNAMES for c in hit.name[-3:]
            ):
                continue  # "孙晓|燕主任": the cut fell inside a person's name
            if alone and hit.name[0] in "上下这那本今明昨每各该":
                continue  # "上月回款": a period or a pointer word, not a brand
            if (
                alone
                and (
                    (len(hit.name) == 3 and hit.name[0] in surnames_set())
                    or (len(hit.name) == 2 and hit.name[0] in COMMON_SURNAMES)
                )
                and self._title_at(text, len(text) - len(text[m.start() :].lstrip()), spaced=True)
            ):
                continue  # "柏文斌 purchasing manager 回复了", "王磊 经理": a person's name, then the title
            if alone and not (
                (
                    not text[: hit.start].strip(_LEADING_MARKS)
                    or _VISIT_BEFORE.search(text, 0, hit.start)
                    or (
                        len(hit.name) <= _MAX_BRAND
                        and self._that_one(text[: hit.start].strip(_LEADING_MARKS))
                    )
                )
                and _CJK_ONLY.fullmatch(hit.name)
                and hit.name not in _GREETINGS
            ):
                continue  # a word alone in the middle of a message, a greeting or a number is no name
            if alone:
                hit = self._without_person_after(hit)
            return hit
        # A note opening with a brand, then what it bought or paid: "鑫达的储能柜发货了", "禾丰首付款到账了".
        lead = len(text) - len(text.lstrip(_LEADING_MARKS))
        for bs, _ in blocked:
            end = bs - 1 if text[bs - 1 : bs] == "的" else bs
            if end - lead >= 2 and (hit := self._brand_before(text, end, blocked)) is not None:
                return hit if hit.start == lead else None
        m = _LEAD_DEAL.match(text, lead)
        if (
            m is not None
            and self._cut_at(text, lead, m.end("brand"))
            and (hit := self._brand_before(text, m.end("brand"), blocked)) is not None
        ):
            return hit if hit.start == lead else None
        return None

    def _without_person_after(self, hit: CompanyHit) -> CompanyHit:
        """A brand read up to a pause with the person's full name glued after it ("拜访了锐拓周婷 …"):
        the brand ends where a common surname starts a name that is no word."""
        for n in (3, 2):
            tail = hit.name[-n:]
            if (
                len(hit.name) - n >= 2
                and tail[0] in COMMON_SURNAMES
                and _CJK_ONLY.fullmatch(tail)
                and self._freq(tail) < _FULL_NAME_FREQ
                and self._freq(hit.name[-n - 1 : -n + 1]) < _FULL_NAME_FREQ  # (not inside a word: "X周期")
            ):
                return CompanyHit(hit.name[:-n], hit.start, hit.end - n, hit.strength, hit.score)
        return hit

    def _cut_at(self, text: str, start: int, at: int) -> bool:
        """Whether the segmenter ends a word at `at` reading from `start`: the 新 of "X重新报价" or
        "X更新报价" is inside a word, no new quote after the brand "X重"."""
        pos = start
        for word in self._cut(text[start : at + 2]):
            pos += len(word)
            if pos >= at:
                return pos == at
        return True

    @staticmethod
    def _placed(name: str, head: str) -> bool:
        """Whether `name` opens with a city or a province, and holds a name between that and `head`."""
        place = gazetteer().pattern.match(name)
        size = len(place.group()) if place is not None else 0
        if size == 0:
            size = next((len(p) for p in PROVINCES if name.startswith(p)), 0)
        return size > 0 and len(name) - len(head) > size

    def _before_department(self, text: str, end: int, blocked: list[tuple[int, int]]) -> CompanyHit | None:
        """The brand before a department that ends at `end`, its person after ("X人事部的王芳",
        "X工程部的李工"): the department (a common word and 部/科/处/室) is inside the customer, and the
        rare words before it are the customer even with no organisation word. `_brand_before` still
        refuses a place alone, a person, a common word or a verb ("上海人事部的", "我们采购部的")."""
        if text[end - 1 : end] not in _DEPARTMENT_END:
            return None
        words = self._cut(text[max(0, end - 8) : end])
        last = words[-1]
        if len(last) >= 3 and self._freq(last) > 0:
            size = len(last)  # a department the dictionary holds: "人事部", "人力资源部", "客服部"
        elif len(last) == 1 and len(words) > 1 and self._freq(words[-2]) >= _BRAND_FREQ:
            size = len(words[-2]) + 1  # a common word and 部/科: "生产部", "设备科"
        else:
            return None
        start = end - size
        if start < 2 or not _CJK_ONLY.fullmatch(text[start:end]):
            return None
        return self._brand_before(text, start, blocked)

    @staticmethod
    def _that_one(head: str) -> bool:
        """ "绵阳那个", "那家": pointing at one customer before its brand ("绵阳那个华信 电话里说…")."""
        m = _THAT_ONE.fullmatch(head)
        return m is not None and (not m.group("place") or _is_place(m.group("place")))

    def _word_not_person(self, text: str, at: int) -> bool:
        """A surname and a title of one character that make an everyday word ("施工", "开工" as people.py
        reads them): the work done, no person whose organisation stands before."""
        title = _title_start_re().match(text, at + 1)
        return title is not None and len(title.group()) == 1 and self._freq(text[at : at + 2]) > _WORD_FREQ

    def _kind_only(self, name: str) -> bool:
        """Whether a name is only a kind of works or shop: one dictionary word ("服装厂"), or a common word
        and its organisation word ("印染" + "厂"); "锦绣印染厂" has a name of its own."""
        words = self._cut(name)
        return len(words) == 1 or (
            len(words) == 2
            and name.endswith(words[1])
            and words[1] in _KIND_WORDS_END
            and (self._freq(words[0]) >= _BRAND_FREQ or words[0] in org_suffixes())  # ("汽修" + "店")
        )

    def _brand_before(
        self, text: str, end: int, blocked: list[tuple[int, int]], owned: bool = False
    ) -> CompanyHit | None:
        """The brand (maybe after a place) that ends at `end`, read backwards over name parts."""
        words = self._cut(text[max(0, end - 16) : end])
        while len(words) > 1 and _ORDINAL_MEASURE.fullmatch(words[-1]):
            end -= len(words.pop())  # "X第一批气泡袋": which batch, not part of the brand
        name_words: list[str] = []
        for k in range(len(words) - 1, -1, -1):
            word = words[k]
            glued = k > 0 and self._glued_jia(words[k - 1], word)  # "悦家的方工"
            # "岳阳和兴物流": 和 and the single character after it are a brand's, right after its place
            # (a place and 和 before a word is "and": "岳阳和长沙的客户"; an institution's name is left to
            # the suffix rules, which read 和 after a place as "and")
            glued = glued or (
                word == "和"
                and k > 0
                and len(name_words[:1] or "xx") == 1
                and _is_place(words[k - 1])
                and org_suffixes().get(words[-1], 1) < 2
            )
            if not glued and (_PUNCT_STOP.fullmatch(word) or word.isspace() or not self._name_part(word)):
                break
            if len(word) > 1 and word in self._verbs and not _is_place(word):
                break  # "碰到冀光": a verb ends the brand
            if _name_length("".join([word, *name_words])) > _OWNER_MAX:
                break
            name_words.insert(0, word)
        if name_words and name_words[0] == "人家":
            return None  # "人家嫌贵": they, the customer, and what they did (a brand may end so: "水乡人家")
        while name_words and _COUNTED_SHOP.fullmatch("".join(name_words[:2])):
            del name_words[:2]  # "第一家眉山的何老板": which of the places visited, not part of a name
        if name_words and _COUNTED_SHOP.fullmatch(name_words[0]):
            del name_words[0]
        if name_words and name_words[-1] in _AFTER_WORDS:
            return None  # "把调整后的报价": a time after something, no brand
        if name_words and _with_tong(text, end - len("".join(name_words)), name_words[0], end):
            del name_words[0]  # "刚刚同海川李经理通了电话": 同 is "with" (跟), no part of the brand
        name = "".join(name_words)
        start = end - len(name)
        glued = _stop_re().search(name, 2)
        if glued is not None and glued.end() == len(name):
            # A stop word the segmenter cut into characters ("宠/安/集/采"): the brand ends before it.
            name, end = name[: glued.start()], start + glued.start()
            name_words = self._cut(name)
        if len(name) < 2 or any(bs < end and start < be for bs, be in blocked):
            return None
        if _COUNTED_PEOPLE_BEFORE.search(text, max(0, start - 8), start):
            return None
        if (
            _ONE_OF_A_KIND_BEFORE.search(text, max(0, start - 2), start)
            and name.endswith(_KIND_WORDS_END)
            and self._kind_only(name)
        ):
            return None  # "我是绍兴一家印染厂的老板": the kind of works, no name of its own
        if _NEW_ONE.fullmatch(name):
            return None  # "他们新换的理事长X": the person said new in the job, no organisation
        if (start > 0 and text[start - 1] in _NUMBER_ENDS) or _COUNT_THEN_FIGURE.match(name):
            return None  # "两台一千六百千伏安的", "三台八百千瓦的": a figure's unit said in words, no brand
        if (
            not _CJK.match(name[-1])
            or name[0].isdigit()
            or DAY_RE.search(name)
            or PERIOD_RE.search(name)
            or _QUESTION_WORD.search(name)
            or any(w in _VERB_CHARS and not self._brand_fa(name_words, k) for k, w in enumerate(name_words))
            or _CHARGE.search(name)
            or (len(name_words) > 1 and name_words[0] in _GROWING)
        ):
            return None  # "9月份", "量多少", "猪粪水处里要用", "种甜菜的白老板": no brand
        if name[-1] in _DEPARTMENT_CHARS or name.endswith(_OFFICE):
            return None  # "采购部的钱经理": a department, not the organisation
        if name.endswith(_RESIDENCES):
            return None  # "X花园别墅的宋总", "那套自建房的": a family's home, no organisation
        if self._function_of_theirs(text, start, name):
            return None  # "他们门店运营的卢佳", "总部采购的王芳": where they work, not an organisation
        brand_words = list(name_words)
        while brand_words and _is_place(brand_words[0]):
            brand_words.pop(0)
        brand = "".join(brand_words)
        # "老龚": any surname called by 老/小 alone is a person.
        nick = brand[:1] in "老小" and (
            brand[1:2] in COMMON_SURNAMES or (len(brand) == 2 and brand[1] in surnames_set())
        )
        person = brand[:1] in COMMON_SURNAMES or nick or full_name_like(brand, self._freq)
        # "前台小刘", "行政老吴": a nickname at the end is a person called after their job
        called = len(brand) > 2 and brand[-2] in "老小" and brand[-1] in COMMON_SURNAMES
        if len(brand) < 2 or person or called:
            return None  # "王总的助理", "老李的同事": a person's, not an organisation's
        if len(brand_words) < len(name_words) and brand in districts().anywhere:
            return None  # "沈阳浑南那个…": a district after its city is where, not who
        if (
            len(brand_words) < len(name_words)
            and brand_words[0] in districts().anywhere
            and len(brand) - len(brand_words[0]) < 2
        ):
            return None  # "佛山顺德何老板": the city, its district, then the person's surname
        placed = len(brand_words) < len(name_words)
        limit = _PLACE_BRAND_FREQ if placed else _BRAND_FREQ
        common = [len(w) > 1 and _CJK.match(w) is not None and self._freq(w) >= limit for w in brand_words]
        # A brand is rare words; of three or more characters it may end in a common one ("云岫数据").
        # After a place and before its person's role, two or more common words may be one too.
        if _title_start_re().search(brand) or (
            not (owned and placed and len(brand_words) >= 2 and len(brand) >= 4)
            and (all(common) if len(brand) >= 3 else any(common))
        ):
            return None
        return CompanyHit(name, start, end, 1, 10)

    @staticmethod
    def _brand_fa(words: list[str], k: int) -> bool:
        """Whether the 发 at word `k` ends a brand of two characters after its place ("绵阳/科/发" as
        the segmenter cuts it): 发 ("to prosper") closes many a brand, where it is no verb."""
        return (
            words[k] == "发"
            and k == len(words) - 1
            and k >= 2
            and len(words[k - 1]) == 1
            and words[k - 1] not in _STOP_CHARS
            and _is_place(words[k - 2])
        )

    @staticmethod
    def _function_of_theirs(text: str, start: int, name: str) -> bool:
        """Whether a name ending in a function ("运营", "采购", "市场") names a part of the customer:
        said after a word pointing at the customer ("他们门店运营"), or made only of functions and the
        customer's own parts ("门店运营", "区域销售", "品牌市场"). A brand ending in one of them after
        words of a name ("云岫技术") stays one."""
        rest = _without_function(name)
        if rest is None:
            return False
        if any(_THEIRS_BEFORE.search(text, 0, at) for at in {start, start + len(rest)}):
            return True  # ("他们电商运营的X", "他们厂里设备的X": their place, then the function)
        while rest:
            part = _OWN_PART_END.search(rest)
            cut = _without_function(rest) if part is None else rest[: part.start()]
            if cut is None:
                return False
            rest = cut
        return True

    def _there(self, text: str, blocked: list[tuple[int, int]]) -> CompanyHit | None:
        """A brand without an organisation word, named as the place where something happened (not a
        catalog word: "X那边也在出方案" with X a competitor is the competitor's doing)."""
        there = list(_THERE.finditer(text))
        if "从" in text:
            there += _FROM_THERE.finditer(text)
        for m in there:
            name = m.group("name")
            g = gazetteer()
            lead = g.pattern.match(name)
            brand = name[lead.end() :] if lead else name
            if len(brand) != 2 or _THERE_NOT.search(name) or self._freq(brand) >= _BRAND_FREQ:
                continue
            if m.re is _FROM_THERE and self._freq(brand) > 0:
                continue  # "刚从展会出来", "从展厅回来": a place of any trade; a name the rep left is no word
            if _title_start_re().search(brand) or brand[0] in _STOP_CHARS or brand in g.cities:
                continue
            if not lead and (
                name[0] in COMMON_SURNAMES or _called_by_surname(name) or full_name_like(name, self._freq)
            ):
                continue  # "张伟那边", "老沈那边", "韦娟那边": a person, not a customer
            if any(bs < m.end("name") and m.start("name") < be for bs, be in blocked):
                continue
            if brand in districts().anywhere:
                continue  # "金华 兰溪那边", "鼓楼那边": a district or county is where, not who
            return CompanyHit(name, m.start("name"), m.end("name"), 1, 10)
        return None

    def _candidate(
        self,
        text: str,
        tokens: list[Token],
        i: int,
        s: int,
        e: int,
        strength: int,
        stops: list[tuple[int, int]],
    ) -> CompanyHit | None:
        if i < 0:
            return None
        word, ts, _ = tokens[i]
        start = s
        if ts < s:
            # The suffix ends a longer token ("中医院", "食堂"): the token's head is part of the name,
            # unless it is a verb ("建新厂": what they will do, not a name), or a word of 局 that is no
            # bureau ("已经出局", "这个格局").
            if (word[0] in "开建办" and not word.startswith(_NOUN_HEADS)) or word in _NOT_BUREAUS:
                return None
            start = ts
            i -= 1
        else:
            i -= 1
        depth = 0
        while i >= 0:
            word, ts, _ = tokens[i]
            if word in ("）", ")") and i > 0 and _LIST_MARK.fullmatch(tokens[i - 1][0]):
                break  # "1）青岛地铁集团": the number of an item in a list, not a bracket in a name
            if word in ("）", ")"):
                depth += 1
                start = ts
                i -= 1
                continue
            if word in ("（", "("):
                if depth == 0:
                    break
                depth -= 1
                start = ts
                i -= 1
                continue
            if depth:
                start = ts
                i -= 1
                continue
            if word == " " and i > 0 and tokens[i - 1][0].isascii() and tokens[i - 1][0].isalpha():
                start = ts
                i -= 1
                continue
            if word in ("+", "＋") and i > 0 and tokens[i - 1][0].isascii() and tokens[i - 1][0].isalnum():
                start = ts  # "U+创客空间", "Care+养老中心": a plus glued to a Latin brand is part of it
                i -= 1
                continue
            if word == "和" and i > 0 and len(tokens[i - 1][0]) == 1 and self._name_part(tokens[i - 1][0]):
                start = ts  # "益和药房", "仁和诊所": 和 inside a name split into single characters
                i -= 1
                continue
            if (
                word == "和"
                and text[s:e].endswith(_GOVERNMENT)
                and (place := self._remit_place(tokens, i)) >= 0
            ):
                # "台州市自然资源和规划局", "某市住房和城乡建设局": a bureau of two remits, after its place
                # (the first remit may be cut in two words: "长洲区/城市/管理/和/综合/执法局")
                start = tokens[place][1]
                i = place - 1
                continue
            if i > 0 and self._glued_jia(tokens[i - 1][0], word):
                start = ts  # "悦家厨电": 家 glued to a brand character is part of the name
                i -= 1
                continue
            if (
                word == "都"
                and i >= 2
                and len(tokens[i - 1][0]) == 1
                and self._name_part(tokens[i - 1][0])
                and tokens[i - 2][0] in gazetteer().cities
            ):
                start = tokens[i - 1][1]  # "自贡盐都X酒店": a city's byname (X都) after the city, no "all"
                i -= 2
                continue
            if word in _STOP_CHARS and _district_from(text, ts, start):
                start = ts  # "广州市/从/化/区": a district starting with a stop character ("从化区")
                i -= 1
                continue
            if word in _STOP_CHARS and (at := _district_through(text, ts, start)) is not None:
                start = at  # "蚌埠的淮/上/区": a district with a stop character inside ("淮上区")
                while i >= 0 and tokens[i][1] >= at:
                    i -= 1
                continue
            if _PUNCT_STOP.fullmatch(word) or word.isdigit() or not self._name_part(word):
                if self._glued_preposition(word, tokens, i):
                    start = ts + 1  # "从/中/铁十四局" cut as "从中/铁": the name starts after 从
                break
            if len(word) > 1 and _VERB_TOKEN.fullmatch(word):
                break  # "自己开了个厂": what someone did, not a name
            if len(word) == 2 and word[-1] in _TALK_ENDS and word in self._verbs:
                break  # "约了过去详谈物流的事", "下周洽谈仓储": what is to be talked over, not a name
            if _COUNTED.fullmatch(word):
                break  # "有八所小学": a count of them, not a name
            if _CLOCK.fullmatch(word) or (word in "半钟整" and i > 0 and _CLOCK.fullmatch(tokens[i - 1][0])):
                break  # "上午十点带技术过去": the time of a plan, then what the rep brings
            if len(word) == 2 and word[-1] in _DONE_TO and word in self._verbs and ts + 2 == s:
                break  # "调试完成交给学校": where it went, not a name
            if (
                ts + len(word) == s
                and text[s:e].endswith(_COMMITTEES)
                and word[-1] in _PUT_TO
                and all(c in _BEFORE_DOING for c in word[:-1])
            ):
                break  # "要先报业委会": the committee a decision goes to, not a committee's name
            if strength == 1 and s - start >= 2 and self._org_head(word):
                break  # "服装厂锦绣服饰", "外资厂鼎丰精密": what it is, then its short name

            if word == "家" and i > 0 and (tokens[i - 1][0].isdigit() or tokens[i - 1][0] in "一几多两"):
                break
            if _name_length(text[ts:s]) > _MAX_NAME:
                break
            start = ts
            i -= 1
        if depth:
            return None
        first = i + 1
        # Before a place name, a verb ends the name too ("邮件发给上海浦江医药有限公司" starts at 上海).
        place_at = next(
            (
                k
                for k in range(first, len(tokens))
                if tokens[k][1] >= start
                and tokens[k][2] <= s
                and _is_place(tokens[k][0])
                and tokens[k - 1][0] not in ("（", "(")  # "云启软件（深圳）有限公司"
            ),
            None,
        )
        if place_at is not None and place_at > first:
            pre = [w for w, _, _ in tokens[first:place_at]]
            cut = max((k for k in range(len(pre)) if self._ends_before_brand(pre, k)), default=None)
            if cut is not None:
                # A brand between the verb and the place stays: "在蔚/来/合肥X工厂" (来 glued to 蔚).
                brand = "".join(pre[cut + 1 :])
                first = place_at if len(brand) < 2 or not self._brand_like(brand) else first + cut + 1
                start = tokens[first][1]
        while (
            first < len(tokens)
            and tokens[first][1] < s
            and (
                tokens[first][0] in _VERB_CHARS
                or tokens[first][0] in _WANT_WORDS
                # the unit of a number before it ("3点部门…"): not part of a name
                or (len(tokens[first][0]) == 1 and first > 0 and tokens[first - 1][0].isdecimal())
            )
        ):
            first += 1
            start = tokens[first][1] if first < len(tokens) else s
        if first < len(tokens) and _with_tong(text, tokens[first][1], tokens[first][0], s):
            first += 1  # "今天同宏泰机械的王总吃了个饭": 同 is "with" (跟), no part of the name
            start = tokens[first][1]
        prev = tokens[first - 1][0] if first > 0 else ""
        for a, b in stops:
            # The segmenter sometimes glues a stop word to the name ("拜/访华/翔"): cut after it.
            if a <= start < b <= s:
                start = b
        if first > 0 and self._city_cut(text, tokens[first - 1], start):
            first, start = first - 1, tokens[first - 1][1]  # "上/海瑞/丰投资": the city is not split
            prev = tokens[first - 1][0] if first > 0 else ""
        if (
            first + 1 < len(tokens)
            and tokens[first][0] in gazetteer().cities
            and tokens[first + 1][0].startswith(PROVINCES)
            and tokens[first + 1][2] <= s
        ):
            first += 1  # "去银川宁夏贺兰铸造有限公司": the name starts at the province
            start = tokens[first][1]
        if (
            first < len(tokens)
            and org_suffixes().get(tokens[first][0], 0) >= 2
            and tokens[first][2] < s
            and not self._generic(tokens, first, s)
        ):
            return None  # "约了去工厂审厂": a name does not start with a bare organisation word
        generic = False
        region = first < len(tokens) and tokens[first][0] in _REGIONS
        if self._generic(tokens, first, s) and not region:
            # Only industry words before the legal form: the name reaches back to the place before it.
            k, back = first - 1, None
            while k >= 0 and start - tokens[k][1] <= _GAP_MAX:
                w = tokens[k][0]
                if _is_place(w):
                    back = k
                    break
                if not _CJK.match(w) or w in _STOP or w in _MEASURE or w in _GAP_STOP or _PUNCT_STOP.match(w):
                    break
                k -= 1
            if back is not None:
                first, start = back, tokens[back][1]
                place_at = back
                prev = tokens[first - 1][0] if first > 0 else ""
            elif strength == 3 or prev == "的":
                return None  # "一家50人的贸易公司", "南昌的汽车配套厂": a description, not a name
            elif text[s:e] in _BARE_HEADS:
                return None  # "销售中心": a head this general needs a name before it
            else:
                generic = True  # "教育学院": named only by what it does; another name wins over it
        while start < s and text[start].isspace():
            start += 1
        name = text[start:s]
        if (
            strength == 2
            and prev == "的"
            and place_at is None
            and not region
            and not (first >= 2 and tokens[first - 2][0] in _WHERE_WORDS)
            and all(len(w) > 1 and self._freq(w) >= _BRAND_FREQ for w, ts, te in tokens[first:] if ts < s)
        ):
            # "他们明年有个50MW的地面电站": what it is, not its name ("城南那边的喜悦茶楼" is one: a place
            # pointed at, then 的 and what stands there)
            return None
        if (
            strength == 3
            and prev == "的"
            and text[s:e] == "公司"
            and [w for w, ts, te in tokens[first:] if ts < s] == [name]
            and self._freq(name) >= _FULL_NAME_FREQ
        ):
            return None  # "X的租赁公司", "他们的物流公司": a kind of company, not its name
        if _ADDRESS_BEFORE.search(text, max(0, start - 8), start):
            return None  # "地址在苏州工业园区": where the writer is, not who
        if len(name) < 2 or (
            prev in _MEASURE
            and not self._proper(tokens, first, s)
            and not self._pointed_at(tokens, first, s)
            and not self._place_office(tokens, first, s, text[s:e])
        ):
            return None  # "一家火锅店", "那家酒店": a description ("那个惠州铭华电子有限公司" is a name)
        if (
            text[s:e] in _BARE_HEADS
            and place_at is None
            and (s - start < 3 or (s - start < 5 and not self._rare_part(tokens, first, s)))
        ):
            # "采购中心主任", "实训中心": a department named by its work, not an organisation; a long name
            # before the head is one ("草原明珠购物中心").
            return None
        if strength == 1 and _WANT_BEFORE.search(text, max(0, start - 4), start):
            return None  # "想做焊接自动化", "需要整厂自动化": what they want, not who they are
        # the organisation a named person belongs to: "海德船舶的黄工"
        owns_person = _person_after_re().match(text[e : e + 8]) is not None
        if strength == 1 and not self._short_name_ok(text, tokens, start, s, e, owns_person):
            return None
        if strength == 1 and self._verb_before_suffix(tokens, first, s):
            return None  # "给他们开账号做培训": something done (做 + 培训), not a name ending in 培训
        if strength == 2 and self._verb_before_suffix(tokens, first, s, _MAKING):
            return None  # "有意向做屋顶电站": what they want built, not a name ending in 电站
        score = strength * 10
        if owns_person:
            score += 2
        if prev == "在":
            score -= 1
        if place_at is not None or _is_place(tokens[first][0] if first < len(tokens) else ""):
            score += 1
        # (a site head after places alone, a district's short form too: "他们静海工厂" is their works in 静海)
        if generic or (
            text[s:e] in _SITE_HEADS
            and all(_is_place(w) or w in districts().anywhere for w, ts, te in tokens[first:] if ts < s)
        ):
            score -= 15  # below any name of its own ("找家具厂做" is no customer next to "丰瑞药业")
        # A one-character verb inside the name makes it a description: "在湖州长兴建新厂", "在东莞开粤菜馆".
        inner = [t for t in tokens[first:] if start <= t[1] and t[2] <= e]
        if any(
            _VERB_TOKEN.fullmatch(w) is not None
            and len(inner[k - 1][0]) > 1
            and (len(inner[k + 1][0]) > 1 or inner[k + 1][0] == "了" or (inner[k + 1][1] == s and e - s == 1))
            for k, (w, ts, te) in enumerate(inner[1:-1], start=1)
        ):
            # "在东莞开粤菜馆" but not "经开区"; nor a one-character head right after the verb: "去昆山看厂"
            return None
        return CompanyHit(text[start:e], start, e, strength, score)

    @staticmethod
    def _city_district_cut(name: str) -> int | None:
        """Where the own name starts after a city and one of its districts opening `name`, when it is
        a signboard's (see _SIGNBOARD_HEADS)."""
        g = gazetteer().pattern.match(name)
        if g is None or g.group() not in gazetteer().cities:
            return None
        at = g.end() + (name[g.end() : g.end() + 1] == "市")
        forms = districts().by_city.get(g.group(), frozenset())
        cut = next(
            (at + n for n in range(2, 5) if name[at + n - 1 : at + n] == "区" and name[at : at + n] in forms),
            None,
        )
        if cut is None or len(name) - cut < 4 or not name.endswith(_SIGNBOARD_HEADS):
            return None
        return cut

    def _ends_before_brand(self, words: list[str], k: int) -> bool:
        """Whether `words[k]` is a verb or a stop word that a brand after it cannot start with. A lone
        verb character glued to a name part before it is the brand's tail ("海底/捞", "蔚/来")."""
        w = words[k]
        if w in _STOP or (len(w) > 1 and w in self._verbs and w not in _ALLOW and not _is_place(w)):
            return True
        if len(w) != 1 or not (w in self._verbs or w in _VERB_CHARS):
            return False
        prev = words[k - 1] if k > 0 else ""
        return not (
            _CJK.fullmatch(prev[-1:]) is not None
            and self._name_part(prev)
            and prev not in self._verbs
            and prev not in _STOP_CHARS
            and (len(prev) == 1 or w not in _VERB_CHARS)
        )

    def _site(self, text: str, blocked: list[tuple[int, int]]) -> CompanyHit | None:
        """A brand's store, HQ, campus, project or site, written as brand, maybe a place or the site's
        own name, then the site word ("X南京西路店", "Acme深圳总部", "X三期工地"): the whole span names the
        customer. A place alone before it ("杭州总部", "上海虹桥店"), a common word ("新店", "储能项目")
        or a person ("老王那边的店") names nobody."""
        if not any(c in _SITE_TAIL_CHARS for c in text):
            return None  # cheap test first
        suffixes = org_suffixes()
        longest = _longest_suffix()
        for m in _SITE_TAIL.finditer(text):
            hs, he = m.span()
            if hs < 2 or any(text[he - n : he] in suffixes for n in range(he - hs + 1, min(longest, he) + 1)):
                continue  # "新华书店", "旗舰店": an organisation word the suffixes already read
            if self._cut(text[hs : he + 3])[0] != m.group() or len(self._cut(text[hs - 1 : he])) < 2:
                continue  # "店长", "项目经理", "爆仓": the head or the tail of a longer word
            if m.group() in ("仓", "项目") and suffix_re().match(text, he) is not None:
                continue  # "6号仓科技", "X项目管理公司": the name goes on into an organisation word
            words = self._cut(text[max(0, hs - _SITE_MAX - 2) : hs])
            taken = 0
            k = len(words) - 1
            while k >= 0:
                w = words[k]
                if w.isspace() or _PUNCT_STOP.fullmatch(w):
                    break
                if not (self._name_part(w) or _PHASE.fullmatch(w) or (k and w in suffixes)):
                    break
                if (self._ends_before_brand(words, k) and not (k and w in suffixes)) or _name_length(
                    text[hs - taken - len(w) : hs]
                ) > _SITE_MAX:
                    break
                taken += len(w)
                k -= 1
            body_words = words[k + 1 :]
            start = hs - taken
            if taken < 2 or any(bs < he and start < be for bs, be in blocked):
                continue
            if k >= 0 and (words[k] in _SITE_OWNED or words[k][-1] == "个"):
                continue  # "他们那个X项目", "X的组件项目": a project of the customer, not its name
            whole = text[start:he]
            if (
                _COUNTED_SHOP.search(text, start, hs)
                or whole in gazetteer().counties
                or whole in districts().anywhere
            ):
                continue  # "开第三家店", "瓦房店": which store of theirs, or a place
            at = next(
                (j for j, w in enumerate(body_words) if _is_place(w) or w in districts().anywhere), None
            )
            brand_words = body_words if at is None else body_words[:at]
            main_store = m.group() == "总店"
            if main_store and at == 0:
                brand_words = list(
                    itertools.dropwhile(lambda w: _is_place(w) or w in districts().anywhere, body_words)
                )
            brand = "".join(brand_words)
            if len(brand) < 2 or brand[0] in _BRAND_NOT_FIRST or brand[0] in _VERB_CHARS:
                continue
            if all(w in suffixes or w in _ALLOW or _ORDINAL_MEASURE.fullmatch(w) for w in brand_words):
                continue  # "物流仓", "二期项目": what or which, not who
            nick = brand[:1] in "老小阿" and brand[1:2] in surnames_set() | COMMON_SURNAMES
            latin = _LATIN_RUN.match(brand) is not None and brand[0].isascii()
            if (brand[0] in COMMON_SURNAMES and len(brand) <= 3) or (nick and len(brand) <= 2):
                continue  # "王总店里", "老李那个店": a person's
            if m.group().endswith(("店", "仓")) and not (at is not None or latin or nick):
                continue  # "要做奶茶店", "双十一爆仓": a kind of shop or a word; a chain's store is placed
            core = brand[2:] if nick else brand
            while len(brand_words) > 1 and brand_words[-1] in suffixes:
                core = core[: -len(brand_words.pop())]  # "X超市": the brand before its kind
            if not latin and not self._brand_like(core):
                continue
            if main_store:
                return CompanyHit(text[start:hs], start, hs, 2, 21)
            return CompanyHit(text[start:he], start, he, 2, 21)
        return None

    @staticmethod
    def _city_cut(text: str, token: Token, start: int) -> bool:
        """Whether `token`, right before a name starting at `start`, is the head of a city that the
        segmenter cut in two, its tail glued to the name ("上/海瑞丰投资")."""
        g = gazetteer()
        city = g.pattern.match(text, token[1])
        return token[2] == start and city is not None and city.end() > start and city.group() in g.cities

    def _verb_before_suffix(
        self, tokens: list[Token], first: int, s: int, verbs: frozenset[str] = _DOING
    ) -> bool:
        """Whether a verb of doing stands between a word and an industry word ("账号/做/培训", "员工/搞/
        咨询"): a verb and its object; a brand split into characters ("华/办") is not."""
        words = [w for w, ts, te in tokens[first:] if te <= s]
        return len(words) >= 2 and words[-1] in verbs and len(words[-2]) > 1

    def _glued_preposition(self, word: str, tokens: list[Token], i: int) -> bool:
        """Whether a preposition glued to the name's first character makes a word of its own ("从中"
        in "刚从中铁十四局出来"), leaving the name's next character alone."""
        return (
            len(word) == 2
            and word[0] in _PREPOSITIONS
            and i + 1 < len(tokens)
            and len(tokens[i + 1][0]) == 1
            and _CJK.match(tokens[i + 1][0]) is not None
            and self._name_part(word[1])
        )

    @staticmethod
    def _remit_place(tokens: list[Token], i: int) -> int:
        """The index of the place before the first remit of a bureau's name, the remit (one or two
        words of two characters or more) ending right before the 和 at `i`; -1 when there is none."""
        for words in (1, 2):
            place = i - words - 1
            if place < 0:
                return -1
            remit = tokens[place + 1 : i]
            if not all(len(w) >= 2 and _CJK.match(w) is not None for w, _, _ in remit):
                return -1
            if _is_place(tokens[place][0]) or _district_before(tokens, place + 1):
                return place  # (a district the segmenter cut: "姑苏/区")
        return -1

    def _glued_jia(self, prev: str, word: str) -> bool:
        """Whether 家 after a lone character is the tail of a brand ("悦家", "禾家") rather than the
        counting word ("一家", "这家", "几家") or a home ("回家", "在家", "我家"); or 间 after a word of
        scenery, the tail of a lodging's or a tea house's name ("山水间", "云水间", not "一间")."""
        if word == "间":
            return (
                len(prev) <= 4
                and _CJK.fullmatch(prev[-1]) is not None
                # (a lone character of time is a span of it: "两个月间")
                and (
                    len(prev) > 1
                    or (prev not in _NOT_BEFORE_JIA and prev not in _VERB_CHARS and prev not in _TIME_CHARS)
                )
                and _ORDINAL.fullmatch(prev) is None
                and prev not in _MEASURE
                and prev not in _STOP
                and prev not in self._verbs
                and self._name_part(prev)
            )
        return (
            word == "家"
            and len(prev) == 1
            and _CJK.match(prev) is not None
            and prev not in _NOT_BEFORE_JIA
            and prev not in _STOP_CHARS
            and prev not in _VERB_CHARS
            and self._name_part(prev)
        )

    def _proper(self, tokens: list[Token], first: int, s: int) -> bool:
        """Whether the words before the suffix hold a place and a brand: a proper name that a pointer
        word ("那个", "这家") only points at."""
        suffixes = org_suffixes()
        # (the head of a token the suffix ends counts too: "那个哈尔滨北方肉联厂" has 肉联 before 厂)
        words = [w if te <= s else w[: s - ts] for w, ts, te in tokens[first:] if ts < s]
        return (
            bool(words)
            and (_is_place(words[0]) or _county_first(words))
            and any(not _is_place(w) and w not in suffixes and w not in _ALLOW for w in words[1:])
        )

    @staticmethod
    def _place_office(tokens: list[Token], first: int, s: int, head: str) -> bool:
        """Whether a government body is named by its place alone ("那个海淀区教委", "那个台州市规划局"):
        the place makes it one body, as a brand makes a shop one."""
        words = [w for w, ts, te in tokens[first:] if te <= s]
        return len(words) == 1 and _is_place(words[0]) and head.endswith(_GOVERNMENT)

    @staticmethod
    def _org_head(word: str) -> bool:
        """Whether a word is or ends in a shop or works word (厂, 店, 公司): it describes an organisation."""
        return word[-1] in "厂店" or word.endswith(("公司", "工厂", "连锁"))

    def _pointed_at(self, tokens: list[Token], first: int, s: int) -> bool:
        """Whether a place, then a pointer word ("那个", "这家"), stand before a name with a rare brand:
        "宿迁那个丰泰合作社" points at a proper name ("那家酒店" at none, "一家火锅店" describes one).
        (有个 after a place points too: "宁江区有个亨通家庭农场".)"""
        if first >= 3 and tokens[first - 1][0] == "个" and tokens[first - 2][0] == "有":
            (have, start, _), (count, _, end) = tokens[first - 2], tokens[first - 1]
            tokens = [*tokens[: first - 2], (have + count, start, end), *tokens[first:]]
            first -= 1
        return (
            first >= 2
            and (tokens[first - 1][0] in _POINTERS or tokens[first - 1][0] == "有个")
            and (
                _is_place(tokens[first - 2][0])
                or _district_before(tokens, first - 1)
                # a county's short form alone that is no everyday word ("嗯 安吉那个X合作社")
                or (tokens[first - 2][0] in districts().anywhere and self._freq(tokens[first - 2][0]) < 100)
            )
            and tokens[first][2] <= s
            and self._brand_head(tokens[first][0])
        )

    def _brand_head(self, word: str) -> bool:
        """Whether the first word of a name is a brand: a lone character or a rare word that is no
        industry word nor two of them ("宠物用品" in "那个宠物用品批发市场" is a kind, not a name)."""
        suffixes = org_suffixes()
        if word in suffixes or word in _ALLOW or _is_place(word):
            return False
        if any(word[:k] in suffixes and word[k:] in suffixes for k in range(1, len(word))):
            return False
        return len(word) == 1 or self._freq(word) < _BRAND_FREQ

    def _rare_part(self, tokens: list[Token], first: int, s: int) -> bool:
        """Whether a word before the suffix is rare or a lone character: a brand, not only common words."""
        return any(
            len(w) == 1 or self._freq(w) < _BRAND_FREQ for w, ts, te in tokens[first:] if te <= s and ts < s
        )

    def _generic(self, tokens: list[Token], first: int, s: int) -> bool:
        """Whether the tokens from `first` up to the suffix are only industry or generic words."""
        suffixes = org_suffixes()
        words = [w for w, ts, te in tokens[first:] if te <= s]
        return all(w in suffixes or w in _ALLOW for w in words)

    def _short_name_ok(
        self, text: str, tokens: list[Token], start: int, s: int, e: int, owns_person: bool = False
    ) -> bool:
        """A short name is a rare brand word of 2-4 characters, maybe after a place ("宁波港城水产"),
        or a place and a rare industry word that is the brand itself ("郑州智联"). Before its person
        ("海德船舶的黄工") a commoner word may be the brand, as after a place."""
        brand_start = start
        for word, ts, te in tokens:
            if ts >= start and te <= s and _is_place(word) and ts == brand_start:
                brand_start = te
        suffixes = org_suffixes()
        # Industry words at the end of the brand belong to the suffix ("滨海港储能" + "科技"), and so
        # does the reach said before them ("顺通" + "国际货运", "X" + "国际物流").
        brand_end = s
        for word, ts, te in reversed(tokens):
            if te == brand_end and ts > brand_start and (word in suffixes or word in _REACH_WORDS):
                brand_end = ts
        if brand_end == s:
            # The suffix ends a longer industry word ("精细/化工", "生物/医药" cut as one): a common
            # word before it in that token describes the trade, it is not the brand.
            head = next((text[ts:s] for _, ts, te in tokens if ts > brand_start and ts < s < te), "")
            if len(head) >= 2 and self._freq(head) >= _BRAND_FREQ:
                brand_end -= len(head)
        brand = text[brand_start:brand_end]
        if not brand and brand_start > start:
            return self._freq(text[s:e]) < _BRAND_FREQ
        if _LATIN_BRAND.fullmatch(brand):
            return True  # "AgriLink农业科技", "蓝鲸Data科技", "NEO联合办公": a Latin brand is no common word
        if not 2 <= len(brand) <= _MAX_BRAND or not _CJK.match(brand):
            return False
        # A common word is a brand only after a place ("株洲时代动力", "酒泉风光新能源", "合肥的江淮汽配").
        placed = brand_start > start or _after_place(tokens, start)
        limit = _PLACE_BRAND_FREQ if placed or owns_person else _BRAND_FREQ
        parts = [w for w, ts, te in tokens if ts >= brand_start and te <= brand_end and w not in suffixes]
        if not parts:
            # The suffix ends a dictionary word ("应急照明"): the brand is that word's head, a word itself.
            return self._freq(brand) < limit
        words = [w for w in parts if len(w) > 1]
        if len(brand) >= 3 and len(parts) >= 2:
            # Several parts make a brand when one of them is rare or no word at all ("草原云牧", "华夏启航").
            return any(len(w) == 1 or self._freq(w) < limit for w in parts)
        return all(self._freq(w) < limit for w in words)
