"""Chinese and Arabic numerals, yuan amounts (万/亿/w/k) and the `budget` slot."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.lexicon import TAKEN_BACK, Screened

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "壹": 1,
    "贰": 2,
    "叁": 3,
    "肆": 4,
    "伍": 5,
    "陆": 6,
    "柒": 7,
    "捌": 8,
    "玖": 9,
}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CN_NUM_CHARS = "".join(_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)


def _section(s: str) -> int | None:
    """Value of a numeral below 10,000 ("三千二百", "一百五" = 150, "十二" = 12)."""
    total, digit, last_unit = 0, None, 0
    for ch in s:
        if ch in _DIGITS:
            if digit is not None and digit != 0:
                return None  # two digits in a row: "一二" is not a number here
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        else:
            return None
    if digit is not None:
        # A trailing digit after a unit means one order lower: "一百五" = 150, "两千五" = 2500.
        total += digit * (last_unit // 10 if last_unit >= 100 else 1)
    return total


def cn_to_int(s: str) -> int | None:
    """Parse a Chinese numeral ("二十五万", "一万五", "贰佰", "1.2" is not handled here)."""
    if not s:
        return None
    total, rest = 0, s
    for big in ("亿", "万"):
        if big in rest:
            head, _, rest = rest.partition(big)
            val = _section(head) if head else 1
            if val is None:
                return None
            total += val * _BIG_UNITS[big]
            if rest and rest[0] in _DIGITS and len(rest) == 1:
                # "一万五" = 15,000: a lone trailing digit is one order below the big unit.
                return total + _DIGITS[rest] * _BIG_UNITS[big] // 10
    if rest:
        val = _section(rest)
        if val is None:
            return None
        total += val
    return total


def parse_number(s: str) -> float | None:
    """Arabic ("1.5", "1,200") or Chinese numeral to a number."""
    s = s.replace(",", "")
    try:
        return float(s)
    except ValueError:
        val = cn_to_int(s)
        return float(val) if val is not None else None


# (digits grouped by thousands, "¥180,000", are one number, not 180 and 000)
# (a numeral never starts with 万 or 亿: "万绿园", "万科", "亿联" are names, "万一" a word, no 1万)
_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?![万亿])[{CN_NUM_CHARS}]{{1,8}})"
# (M: an English million, "1.2M RMB"; not a unit like MW, MB or Mbps)
_MULT = r"(?:百万|千万|万|个亿|亿|千|个[wW](?![A-Za-z])|[wWkKM](?![A-Za-z]))"
_CUR = r"(?:块钱|块|元人民币|元|人民币|RMB|rmb)"  # (人民币 keeps "20万人民币" from reading as 20万人)
# One amount: number, optional multiplier, optional currency word.
# "三百来万", "二十多万", "50余万": about that much, read as the round amount.
# "12万8", "3千5", "8w5": an Arabic figure, 万/千/w/k and one more digit, said one order below the unit
# (12.8万), as "一万五" is in words; not when the digit counts or dates the word after it ("12万8台", "8月").
_TAIL = (
    r"(?:(?<=[万千wWkK])(?P<tail>[1-9一二两三四五六七八九])"
    r"(?![\d.一二两三四五六七八九十百千万亿个台套箱只件人吨斤亩平家年月天日号点次单车路间份张位盒瓶袋包桶条辆栋层所排米度%％"
    r"瓦场批款种轮趟站届支罐卷根周期kKwWmMgG]))?"
)
AMOUNT_RE = Screened(
    rf"(?P<num>{_NUM})\s?(?:[来多余](?={_MULT}))?(?P<mult>{_MULT})?{_TAIL}\s?(?P<cur>{_CUR})?"
)
# An approximate range of two neighbouring digits: 三四十万, 七八百万, 两三百万, 五六千.
APPROX_RE = re.compile(
    rf"(?P<a>[一二两三四五六七八九])(?P<b>[二两三四五六七八九])"  # (also 一两万)
    rf"(?:(?P<unit>[十百千])\s?(?P<mult>{_MULT})?|(?P<big>万|亿))\s?(?P<cur>{_CUR})?"
)
_MULTIPLIERS = {
    "万": 10_000,
    "w": 10_000,
    "W": 10_000,
    "亿": 100_000_000,
    "个亿": 100_000_000,
    "个w": 10_000,  # "20个w": 20万, as reps type it
    "个W": 10_000,
    "千": 1000,
    "k": 1000,
    "K": 1000,
    "M": 1_000_000,
    "百万": 1_000_000,
    "千万": 10_000_000,
}
# Words that make a number a quantity, a time or a rate rather than money.
_NOT_MONEY_AFTER = re.compile(
    # (批 then 下来 / 了 is the money approved, no batch: "院里的25万批下来了")
    r"\s?(?:[个台套箱只件人吨斤亩平家年月天日号点次单车路间份张位盒瓶袋包桶条辆栋层所份排米度%％瓦场款种轮趟站届支罐卷根株棵]"
    r"|批(?!下来|了|好了)"
    r"|平米|平方|公斤|公里|千克|小时|分钟|周|多人|季度|期|[kKmMgG]?[wW][hH]?(?![a-zA-Z])|[kKmM][vV][aA]?"
    # storage and bandwidth: "50TB", "8GB", "100Mbps" (a size or a line, never money)
    r"|[kKmMgGtTpP]i?[bB](?:ps)?(?![a-zA-Z])"
    # a weight or a volume in Latin letters: "全年20t", "500kg", "3mg", "200ml", "5L" (a batch, no money;
    # "20 to 30万" has a word after its t)
    r"|(?:[tTgL]|[kKm]g|mL|ml)(?![a-zA-Z]))"
)
_WEEKDAY_AFTER = re.compile(r"(?:周|星期|礼拜)[一二三四五六日天末1-7]")
# Before these a number is a weekday, an ordinal or a count, not money ("周四", "第三").
# A currency sign before the number makes it money whatever follows ("¥180,000/年").
_CUR_SIGN = re.compile(r"[¥￥]\s?$")
# (or an English word numbering a part: "phase 1", "stage 2", "building 3")
_NOT_MONEY_BEFORE = re.compile(
    r"(?:周|星期|礼拜|第|前|后|近|这|那|(?<![A-Za-z])(?i:phase|stage|round|floor|building|tower|wing|no\.?)\s?)$"
)
# (an en dash or "to" in English notes: "60万–80万", "150万 to 180万")
_RANGE_SEP = re.compile(r"\s?(?:到|至|~|～|-|—|–|－|－|(?<![A-Za-z])to(?![A-Za-z]))\s?")
# "卡在85万" is where a budget stands, not a ceiling ("卡死在30万" is one: no more than that); "最多给到80万"
# is what the customer will go up to. (没超过 is one too: "预算没超过20万都好谈", with 冇 for 没 in Hunan)
# (封顶 before the figure as after it: "预算封顶120万"; so is the north's 撑死, "at the very most":
# "预算撑死八万")
_UPPER_BEFORE = Screened(
    r"(?:(?:不|别|不要|不能|不得|不可|不会|不想|不打算|没有?)超过?|最多|最高|顶多|控制在|不高于|上限|封顶|不到|不足|限价|控制价|拦标价|≤|<=?"
    r"|卡死|撑死|(?<![A-Za-z])(?:under|below|within|up to|at most|no more than|not more than|not over"
    r"|not exceeding|max)(?![A-Za-z]))"
    # (funds a body grants at most: "经费最多批180万", "顶多拨到30万")
    # (or reaches at most: "价格最多到50万")
    r"\s?(?:能?给到?|能?出到?|能?拿出?|能?批(?:给|到)?|能?拨(?:给|到)?|在|是|到)?\s?"
    # (a ceiling per period: "别超过每年380万", "不超过一年50万")
    r"(?:(?:每|一)(?:年|个?月))?\s?$",
    re.IGNORECASE,
)
_LOWER_BEFORE = re.compile(
    r"(?:至少|最少|起码|不低于|不少于|最低|≥|>=?|(?<![A-Za-z])(?:at least|min|above|over)(?![A-Za-z]))"
    r"(?:要|得|是)?\s?$",
    re.IGNORECASE,
)
_BETWEEN_AFTER = re.compile(r"\s?之间")
_UPPER_AFTER = re.compile(
    r"\s?(?:以内|之内|以下|内|封顶|(?<![A-Za-z])(?i:max|tops|at most)(?![A-Za-z])"
    # (or the next clause refusing more: "卡在60万，多了不整", "就50万 再多就不做了", "30万 超了不行")
    r"|[，,]?\s?(?:再多|多了|多出来|多一分|多一点|超了|超过了?)的?(?:就|都|也|可)?(?:不|没法|别)"
    r"(?:整|干|做|要|行|签|买|谈|考虑|批|给|弄|搞|上))"
)
_LOWER_AFTER = re.compile(r"\s?(?:及以上|或以上|以上|起|往上)")
# "300w+", "50万+": a plus after one amount is its floor; before a digit it is a sum ("5万+3万").
_PLUS_AFTER = re.compile(r"[+＋](?![0-9０-９])")
BUDGET_CUE = Screened(
    r"预算|budget|Budget|BUDGET|限价|控制价|拦标价|合同金额|合同额|合同价|经费|采购金额|项目金额|采购额|额度|成交"
    r"|总盘子"  # the whole the customer has for the deal: "项目总盘子450万"
    r"|(?:只|就)?(?:肯|愿意|能)出(?:到)?"  # the customer's own offer: "他只肯出45万"
    r"|心[理里]价位?|心[理里]预期"  # the price the customer has in mind (心里: as voice input writes it)
    r"|(?:最多|顶多|最高)能?(?:给到?|出到?)"  # what the customer will spend at most: a budget's ceiling
    # the price the customer pushes for: "她们想压到12万", "要求降到260万以内"
    r"|(?:想|要|要求|希望)(?:我|我们)?(?:把价格?|价格)?(?:压|砍|降)价?到"  # (also "要我压到35万")
    # ...or the range the customer holds the price within: "价格压在20到25万之间", "总价控制在八十万以内"
    # (卡在 with a ceiling after it holds the price under it: "价格卡在8k以内"; bare, "卡在85万", it is where
    # a budget stands, read by `_bounds` as both ends)
    r"|(?<!单)(?:价格|总价|价钱)(?:要|得|想|希望)?(?:压|控制|控|卡)在"
    # ...or the ceiling the customer puts on it: "价格不能超过65万", "价钱最多到50万" (the words of the
    # ceiling are read as one by `_bounds`; not a unit's: "单价不超过3000")
    r"|(?<!单)(?:价格|总价|价钱)(?:上|方面)?(?:要|得|最好|也)?(?=\s?(?:(?:不|不能|不可以|不可|不得|不要|别|不会)超|最多|最高|顶多))"
    # the price the haggling ended at: "又谈了一轮 最后33.8万"
    r"|(?:谈|砍|磨|压)[^。！!？?]{0,8}?(?:最后|最终)(?=\s?[\d一二两三四五六七八九十])"
    r"|(?:能|可以|愿意)接受的?(?:价格?|价位)"  # "他们能接受的价在56万左右"
    # ...or the sum in 万 said first, then accepted: "75w她那边能接受", "12万，对方也可以接受" (not asked)
    r"|(?<=[万wW])[，,\s]?(?:[他她]们?|客户|对方|人家)?(?:那边|那里)?(?:也|都)?(?:能|可以|愿意)接受(?![吗么不?？])"
    # the price agreed for the whole deal: "价格就按三十五万", "总价定在80万", "价格基本谈拢 80万"
    # (not a unit's: "单价按3万"; not one still open: "价格没谈拢")
    # (a service's yearly fee the same: "年费定在6800", "服务费谈到一年两万")
    r"|(?<!单)(?:价格|总价|价钱|年费|服务费)(?:就|都|最后|最终|基本上?|差不多)?(?:按|定在|定了|谈到|谈定|谈拢|谈妥|谈好|敲定)"
    # a package's price: "三项打包2w", "打包价一万二" (the whole deal's, not a unit's)
    r"|打包(?:价|价格)?(?:是|给|算|收)?(?=\s?[\d一二两三四五六七八九十])"
    # ...or agreed without a price word: "就按268万做" (what is agreed is the whole deal's)
    r"|(?:就|那就|都)按(?=\s?[\d一二两三四五六七八九十])"
    # the deal's worth once it is signed or ordered: "合同签了 360万", "PO下来了 38万"
    r"|合同.{0,4}签了|签了合同|(?<![A-Za-z])PO(?![A-Za-z])"
    # ...said as the signing's news, past its cheer: "签了！🎉 三十八万"
    r"|(?:签了|签约了|签下来了|中标了)[！!～~\s\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F]*(?=[\d一二两三四五六七八九十百])"
    # an order placed is what the customer spends: "先下个试单 两万块左右", "追加订单 二十万"
    r"|(?:下|追加|加|补)(?:了)?(?:个|一个|一批)?(?:试单|订单)"
    # ...with its worth in money between: "先下一个3万元的试单" (not a count: "下了2000套的订单")
    r"|(?:下|追加|加|补)(?:了)?(?:个|一个|一批)?(?=\s?[\d一二两三四五六七八九十][\d.一二两三四五六七八九十百千]*\s?"
    r"(?:(?:万|千|[wWkK])(?:元|块钱?)?|元|块钱?)的(?:试单|订单))"
    # the customer's money for it approved: "这批电脑的钱批了 45万", "资金已经到位 两百万" (not a subsidy
    # granted by the state, "区里补贴资金批了35万": what the customer pays is said apart)
    # (财政: a public customer's funds, "财政批下来了 六十万")
    r"|(?<!补贴)(?<!补助)(?:钱|款|资金|财政)(?:已经?|也|都|终于|总算)?(?:批下来|批好|批了|到位)"
    # ...or all they have for it: "今年资金紧张 也就八十万", "钱不多只有五十来万"
    r"|(?:资金|经费|钱)(?:紧张|有限|不多|不够|紧)?[^，,。；;\s]{0,4}?(?:只有|就有|也就|只够|最多)"
    # ...or the sum set aside for it, said flat: "今年的资金是80万", "专项资金15万不变" (not a subsidy,
    # nor money raised, "融资金额", nor a firm's capital: "注册资金五百万", "流动资金", "周转资金")
    r"|(?<!补贴)(?<!补助)(?<!融)(?<!注册)(?<!流动)(?<!周转)资金(?:是|有|为)?(?=\s?[\d一二两三四五六七八九十])"
    # ...or what the customer can take out for it: "货款他能拿出4万", "社里最多拿30万"
    r"|(?:能|最多|顶多|最高)拿出?(?:来)?(?=\s?[\d一二两三四五六七八九十])"
    # ...or the capital spending approved, in English: "capex只批了30w"
    r"|(?<![A-Za-z])(?i:capex)(?![A-Za-z])"
)
_WEAK_CUES = frozenset({"额度", "采购额"})
# A line of credit ("授信额度300万", "经营贷，额度50万"): money lent to the customer, not what it spends.
_CREDIT = re.compile(r"授信|保理|贷|融资|借款|信用")
_PER_UNIT = re.compile(r"每(?!个?[月年周天季])")
# ...said right before the cue: "每人预算800", "人均预算两百" (a head's or a unit's share, not the deal's)
_PER_UNIT_BEFORE_CUE = re.compile(r"(?:每(?!个?[月年周天季])(?:个|位)?[\u4e00-\u9fff]|人均)的?\s?$")
# A unit's price as what the cue is said of, in its clause: "单价她希望压到135", "单价他心里价位在380".
_UNIT_PRICE_SUBJECT = re.compile(r"单价[^，,。；;！!？?\s]{0,3}$")
_MOVED_TO = re.compile(r"\s?(?:提到|提高到|涨到|加到|追加到|调到|调整到|改到|改成|降到|减到|砍到|压到)\s?")
# An amount taken back at once and said again: "预算60万，不对，是65万", "80万 哦说错了 应该是85万": the one
# after the marker replaces the one before it.
_TAKEN_BACK = re.compile(
    rf"(?:左右|上下)?[\s，,。]?(?:哦|噢|啊|呃)?[\s，,]?{TAKEN_BACK}[\s，,：:]?"
    r"(?:应该|应当)?(?:是|为)?\s?"
)
# 一 starting a word is no amount: "预算一共350万", "一起", "一直"; nor 一块(儿) for "together" ("两样加一块儿
# 不超过三十万", "合一块算", "跟他们一块签了"), which is no 1 yuan.
_WORD_WITH_ONE = re.compile(
    r"一(?:共|起|直|些|下|般|定|样|点|边|同|律|旦|再|切|并|概|番|向|块儿)|(?<=[加放合凑搁])一块(?![钱五])"
    r"|一块(?=[签去走来吃谈买订用商弄整搞干跑看])"
)
# An amount written right before the cue: "三四十万的预算", "至少500万预算".
# (not past a pause: in "单价低两块 预算还是三十万" the amount before belongs to the clause before)
_BEFORE_CUE = re.compile(r"(?:的|左右的|上下的|左右|上下)?(?:总)?$")
_WINDOW = 26


def amount_value(m: re.Match[str]) -> int | None:
    """Yuan value of an AMOUNT_RE match, or None when it is not a number."""
    num = parse_number(_numeral(m))
    if num is None:
        return None
    mult = _MULTIPLIERS.get(m.group("mult") or "", 1)
    tail = m.group("tail")
    if tail and mult >= 1000 and m.group("num").isascii():
        num += (int(tail) if tail.isdigit() else _DIGITS[tail]) / 10
    return round(num * mult)


def _numeral(m: re.Match[str]) -> str:
    """The numeral of an amount, without a last digit that counts the word after it ("一百八十万一年":
    180万 a year, not 180万1千)."""
    num = m.group("num")
    if len(num) >= 3 and num[-2] in _BIG_UNITS and num[-1] in _DIGITS and not m.group("mult"):
        nxt = m.string[m.end() : m.end() + 1]
        if nxt and nxt in _COUNTED:
            return num[:-1]
    return num


_COUNTED = frozenset("年月天周次台套个家")


def _end(m: re.Match[str]) -> int:
    """Where the amount ends, before a last digit that counts the next word."""
    if "num" not in m.re.groupindex:
        return m.end()  # an approximate range ("七八万") has no such digit
    return m.end() - (len(m.group("num")) - len(_numeral(m)))


def _scale(m: re.Match[str]) -> int:
    """The multiplier an amount carries: its w/k/万 suffix or a trailing 万/亿 inside a Chinese numeral."""
    if m.group("mult"):
        return _MULTIPLIERS[m.group("mult")]
    num = m.group("num")
    # (inside it too: "三万五" is 35,000, said in 万)
    return next((_BIG_UNITS[u] for u in ("亿", "万") if u in num), 1)


@dataclass(frozen=True, slots=True)
class Amount:
    """A money amount in the text: its bounds (equal unless approximate), span and multiplier."""

    lo: int
    hi: int
    start: int
    end: int
    scale: int
    match: re.Match[str] | None = None


# "一百五六十万": a hundreds digit, then two neighbouring tens digits.
APPROX_TENS_RE = re.compile(
    rf"(?P<h>[一二两三四五六七八九])百(?P<a>[一二三四五六七八])(?P<b>[二三四五六七八九])十?\s?(?P<mult>{_MULT})?\s?(?P<cur>{_CUR})?"
)


# "二十五六万", "十七八万": a tens digit, then two neighbouring units digits, then 万 or 亿.
APPROX_UNITS_RE = re.compile(
    r"(?P<t>[二两三四五六七八九])?十(?P<a>[一二三四五六七八])(?P<b>[二三四五六七八九])"
    rf"\s?(?P<mult>万|亿)\s?(?P<cur>{_CUR})?"
)


def _approx_units(m: re.Match[str]) -> Amount | None:
    t = _DIGITS[m.group("t")] if m.group("t") else 1
    a, b = _DIGITS[m.group("a")], _DIGITS[m.group("b")]
    if b != a + 1:
        return None
    mult = _MULTIPLIERS[m.group("mult")]
    return Amount((t * 10 + a) * mult, (t * 10 + b) * mult, m.start(), m.end(), mult)


def _approx_tens(m: re.Match[str]) -> Amount | None:
    h, a, b = _DIGITS[m.group("h")], _DIGITS[m.group("a")], _DIGITS[m.group("b")]
    if b != a + 1:
        return None
    mult = _MULTIPLIERS.get(m.group("mult") or "", 1)
    return Amount((h * 100 + a * 10) * mult, (h * 100 + b * 10) * mult, m.start(), m.end(), mult)


def _approx(m: re.Match[str]) -> Amount | None:
    a, b = _DIGITS[m.group("a")], _DIGITS[m.group("b")]
    if b != a + 1:
        return None
    if m.group("big"):  # "七八万"
        unit = _BIG_UNITS[m.group("big")]
    else:
        unit = _SMALL_UNITS[m.group("unit")] * _MULTIPLIERS.get(m.group("mult") or "", 1)
    return Amount(a * unit, b * unit, m.start(), m.end(), unit)


def _money(text: str, m: re.Match[str]) -> bool:
    """Whether an AMOUNT_RE match reads as money rather than a quantity, weekday or count."""
    if m.group("cur") or _CUR_SIGN.search(text, max(0, m.start() - 2), m.start()):
        return True
    end = _end(m)
    # (after 万 and a pause a word starts the next clause: "预算200万 月底前定")
    # (also after a numeral's own 万: "预算还是三十万 周四再打")
    big = bool(m.group("mult")) or ("num" in m.re.groupindex and _scale(m) > 1)
    paused = big and m.group().endswith((" ", "\t"))
    # (and a weekday glued after 万 starts the next clause, unpunctuated: "预算三十万周四再去")
    paused = paused or (big and _WEEKDAY_AFTER.match(text, end) is not None)
    # (a line break after 万 ends the clause: "预算65万\n月底前送合同" is no count of months)
    paused = paused or (big and text.startswith(("\n", "\r"), end))
    if end < len(text) and _NOT_MONEY_AFTER.match(text, end) and end == m.end() and not paused:
        return False  # "10万只", "2万平", "3台", "100MW"
    return bool(m.group("mult")) or not _NOT_MONEY_BEFORE.search(text[max(0, m.start() - 10) : m.start()])


# A lone Chinese numeral glued to the word it begins ("六轴要三台", "五金", "三星"): no amount.
_NUMERAL_WORD = re.compile(r"[一二两三四五六七八九十](?=[\u4e00-\u9fff])(?![块元万千百亿多来余左上以到至])")


def _numeral_in_word(text: str, m: re.Match[str]) -> bool:
    return (
        not (m.group("mult") or m.group("cur"))
        and m.end() - m.start() == 1
        and bool(_NUMERAL_WORD.match(text, m.start()))
    )


def _amount_at(text: str, pos: int, end: int) -> Amount | None:
    """First plausible money amount in text[pos:end]."""
    for m in AMOUNT_RE.finditer(text, pos, end):
        if _WORD_WITH_ONE.match(text, m.start()):
            continue
        ap = APPROX_RE.match(text, m.start())
        if ap is not None and (a := _approx(ap)) is not None and _money(text, ap):
            return a
        tens = APPROX_TENS_RE.match(text, m.start())
        if tens is not None and (a := _approx_tens(tens)) is not None and _money(text, tens):
            return a
        units = APPROX_UNITS_RE.match(text, m.start())
        if units is not None and (a := _approx_units(units)) is not None:
            return a
        if not _money(text, m) or _numeral_in_word(text, m):
            continue
        value = amount_value(m)
        if value is None:
            continue
        return Amount(value, value, m.start(), _end(m), _scale(m), m)
    return None


def _amount_before(text: str, cue_start: int) -> Amount | None:
    """An amount with a multiplier that ends right before the cue ("三四十万的预算")."""
    lo = max(0, cue_start - 20)
    gap = _BEFORE_CUE.search(text, lo, cue_start)
    stop = gap.start() if gap else cue_start
    best: Amount | None = None
    for m in AMOUNT_RE.finditer(text, lo, stop):
        if _WORD_WITH_ONE.match(text, m.start()):
            continue  # (nor 一 starting a word: "跟他们一块签了三年" is together, no 1 yuan)
        if m.end() != stop:
            # a range's lower end: "在他们80到100万的预算里" is 80万 to 100万, not 100万 alone
            if _RANGE_SEP.match(text, m.end()) and (v := amount_value(m)) is not None:
                wide = _widen(text, Amount(v, v, m.start(), m.end(), _scale(m), m))
                if wide.end == stop and wide.lo < wide.hi and _money(text, m):
                    return wide
            continue
        ap = None
        for k in range(max(lo, m.start() - 2), m.start() + 1):
            cand = APPROX_RE.match(text, k)
            if cand is not None and cand.end() == stop:
                ap = _approx(cand)
                break
        if ap is not None:
            return ap
        value = amount_value(m)
        if value is not None and (m.group("mult") or m.group("cur")) and _money(text, m):
            best = Amount(value, value, m.start(), m.end(), _scale(m), m)
    return best


def _widen(text: str, first: Amount) -> Amount:
    """A range that starts at `first` ("50到80万", "3到5个亿"), else `first` itself."""
    sep = _RANGE_SEP.match(text, first.end)
    if not sep:
        return first
    ap = APPROX_RE.match(text, sep.end())
    second_ap = _approx(ap) if ap else None
    if second_ap is not None:
        return Amount(first.lo, second_ap.hi, first.start, second_ap.end, second_ap.scale)
    second = AMOUNT_RE.match(text, sep.end())
    if not second or amount_value(second) is None:
        return first
    hi = amount_value(second)
    assert hi is not None
    lo = first.lo
    scale = _scale(second)
    if scale > 1 and first.scale == 1 and first.match is not None:
        # "50到80万", "一百五到两百万": the multiplier of the upper bound applies to both, unless that
        # puts it above the upper bound: "六千到一万" is 6000 to 10000, the first said in full.
        scaled = round((parse_number(first.match.group("num")) or 0) * scale)
        lo = scaled if scaled <= hi else lo
    return Amount(lo, hi, first.start, second.end(), scale)


# A purchase's total said without a budget word, right before the amount: "一共大概八万", "采购额约二百万".
_TOTAL_BEFORE = re.compile(
    r"(?:一共|总共|总价|总计|合计|总额|总金额|采购额|采购金额|整体算下来|整体下来|算下来|加起来)"
    r"(?:是|有|在|要|控制在|不超过|不超|最多)?(?:大概|大约|约|差不多|估计)?\s?$"
)
# Amounts that are not what the customer will spend, said in the clause before them: a unit price, a
# price cut, a loan, what the customer earns, sells (a shop's GMV) or owes ("单价3到5万", "想贷50到80万",
# "营收两三千万").
_NOT_SPENT_BEFORE = re.compile(
    r"单价|每|人均|一(?:台|套|个(?!月)|件|吨|只|张|把|辆)|价格|报价|价钱|贷|授信|保理|融资|营收|营业额|产值|收入|利润|销售额|流水|GMV|gmv"
    r"|应收|应付|付|欠|注册资本|资金(?!是|分|[\u4e00-\u9fff]?投)|差价|便宜|贵|降|让|优惠|赔|罚|工资|薪"
)
# What a customer buys in a year, said right before the amount: "杯卖酒一年大概12万", "保洁每年六十万".
# (a quarter's the same: "一个季度9万", "每季度大概4万"; not "一季度", the first quarter of a year)
_YEARLY_BEFORE = re.compile(
    r"(?:一年|每年|全年|一年下来|一个季度|每个?季度)(?:大概|大约|约|差不多|估计|在|能有|要)?\s?$"
)
# ...but not a yearly rent, tax, saving or earning ("房租一年12万", "一年能省12万" has its verb between).
_NOT_BOUGHT_BEFORE = re.compile(r"租|税|赚|挣|省|亏|保费")
# ...the same without the one-of-a-thing words, for the words past a pause: "一个带洽谈区的特装 150来万"
# is the one thing's whole worth, while "一台 3万" in one clause is a unit price.
_NOT_SPENT_PAST_PAUSE = re.compile(
    r"单价|每|价格|报价|价钱|贷|授信|保理|融资|营收|营业额|产值|收入|利润|销售额|流水|GMV|gmv"
    # (the customer's funds for the deal said first are what it spends: "资金是财政拨款 不超过200万",
    # "资金分两年投 第一年六百来万"; a firm's capital or cash is not: "注册资金五百万", "资金紧张")
    r"|应收|应付|付|欠|注册资本|资金(?!是|分|[\u4e00-\u9fff]?投)|差价|便宜|贵|降|让|优惠|赔|罚|工资|薪"
)


def _not_spent_before(text: str, start: int) -> bool:
    """The words before an amount say it is not spent: in its clause, or past a pause ("一年付KONE
    30来万": paid to another supplier)."""
    return bool(
        _NOT_SPENT_BEFORE.search(_clause_before(text, start))
        or _NOT_SPENT_PAST_PAUSE.search(_sentence_before(text, start))
    )


_CLAUSE_START = re.compile(r".*[，,。；;！!？?\s]", re.DOTALL)


def _clause_before(text: str, start: int) -> str:
    """The words of the clause that ends at `start`."""
    head = text[max(0, start - 20) : start]
    m = _CLAUSE_START.match(head)
    return head[m.end() :] if m else head


_SENTENCE_START = re.compile(r".*[，,。；;！!？?]", re.DOTALL)


def _sentence_before(text: str, start: int) -> str:
    """The words before `start` back to a punctuation mark, past spaces (voice input puts a space
    between words: "一年付KONE 30来万" is paid to another supplier)."""
    head = text[max(0, start - 14) : start]
    m = _SENTENCE_START.match(head)
    return head[m.end() :] if m else head


def _uncued_budget(text: str) -> Amount | None:
    """A budget said without a budget word: a purchase's total ("一共大概八万"), or a range of money
    ("大概30到40万"), which in a report estimates what the deal is worth. A single bare amount is not
    one: it may be a loan, a turnover or a price ("她想贷200万", "应收账款大概3000万")."""
    pos = 0
    while (first := _amount_at(text, pos, len(text))) is not None:
        pos = first.end
        amount = _widen(text, first)
        if (
            amount.hi >= 1000
            and (amount.scale >= 1000 or _in_money_words(first))
            and _ACCEPTED_AFTER.match(text, amount.end)
            and not _UNIT_PRICE_BEFORE.search(_clause_before(text, amount.start))
        ):
            return amount  # "3w以内可以接受", "五千以内都可以": what the customer will go to
        if amount.scale >= 1000 and _quote_taken(text, amount):
            return amount  # "报价1w2她认了": the quote the customer took is what the deal is worth
        if (
            amount.scale >= 1000
            and _APPROVED_AFTER.match(text, amount.end)
            and not _NOT_SPENT_BEFORE.search(_clause_before(text, amount.start))
        ):
            return amount  # "院里的25万批下来了": the customer's money for it, approved
        if _monthly(text, amount):
            return amount  # "每月一万八", "一个月总共六千左右": what the customer pays us each month
        # (k or w after a figure is money said short as well: "一年3k以内")
        small = 1000 <= amount.hi < 10_000 and first.match is not None and _money_said(first.match)
        if small and _capped(text, amount) and not _not_spent_before(text, amount.start):
            return amount  # "5000块以内试试": a small first order's ceiling, in money words
        if small and _GOODS_AFTER.match(text, amount.end) and not _not_spent_before(text, amount.start):
            return amount  # "先拿5k的货试试", "进3000块的货": a small first order's worth, in money words
        if (
            small
            and amount.lo < amount.hi
            and _ASKED_IN_BAND.match(text, amount.end)
            and not _UNIT_PRICE_BEFORE.search(_clause_before(text, amount.start))
        ):
            return amount  # "2k-3k的有没有": the price band the customer asks for is what they will spend
        if amount.scale < 1000:
            continue  # no 万/千/w/k: a count or a day, not money said as a deal's worth
        if amount.hi < 10_000:
            # Under 1万 only a rough recurring spend counts: "大概三四千一个月", "每月约五千": what the
            # customer pays us each month (a quantity has its measure word: "三四千件一个月").
            if _recurring_spend(text, amount):
                return amount
            continue
        said = text[amount.start : amount.end]
        if not said[-1:].isspace() and _NOT_MONEY_AFTER.match(text, amount.end):
            continue  # "3到5万只"; after a pause a word starts the next clause ("60万 月底前定")
        if _TOTAL_BEFORE.search(text, max(0, amount.start - 12), amount.start):
            return amount
        yearly = _YEARLY_BEFORE.search(text, max(0, amount.start - 10), amount.start)
        if yearly is not None and not _NOT_SPENT_AFTER.match(text, amount.end):  # "一年大概800万的营收"
            before = _sentence_before(text, yearly.start())  # (每年 is no unit price's 每)
            if not (_NOT_SPENT_BEFORE.search(before) or _NOT_BOUGHT_BEFORE.search(before)):
                return amount  # a year's purchase: what the customer spends on the deal
        if _capped(text, amount) and not _NOT_SPENT_BEFORE.search(_clause_before(text, amount.start)):
            return amount  # "一共不超过8万", "总价控制在45万以内": a ceiling is a budget's
        if amount.lo < amount.hi and not _NOT_SPENT_BEFORE.search(_clause_before(text, amount.start)):
            return amount
        if _rough(first) and not _not_spent_before(text, amount.start):
            return amount  # "打包一起做 大概60来万": a rough figure estimates what the deal is worth
        if _estimated(text, amount) and not _not_spent_before(text, amount.start):
            return amount  # "液氮 一年大概一百二十万", "先订100斤，大概6w", "约20万": the deal's rough worth
        if _LOWER_BEFORE.search(
            text, max(0, amount.start - 8), amount.start
        ) and not _NOT_SPENT_BEFORE.search(_clause_before(text, amount.start)):
            return amount  # "至少要40万的配置": a floor is a budget's
        if _GOODS_AFTER.match(text, amount.end) and not _NOT_SPENT_BEFORE.search(
            _clause_before(text, amount.start)
        ):
            return amount  # "大概6万块的货", "一个月能走两三万的货": what an order is worth
    return None


# What the customer will spend up to, said as acceptable after the amount: "3w以内可以接受", "五千以内都可以",
# "二十万左右也行" (not a unit price: "单价两百以内都行").
_ACCEPTED_AFTER = re.compile(
    r"\s?(?:以内|之内|以下|左右|上下|之间)(?:的话)?\s?(?:[他她]们?)?(?:都|也|还)?(?:(?:能|可以)?接受|行|可以|没问题)"
)


def _money_said(m: re.Match[str]) -> bool:
    """Said in money words: a currency word, or a figure with k or w ("3k", "8w")."""
    return bool(m.group("cur")) or (m.group("mult") or "") in ("k", "K", "w", "W")


# The customer's money for the deal said approved after the amount: "院里的25万批下来了", "80万已经批了"
# (the cue before it, "钱批了 45万", is a budget word).
_APPROVED_AFTER = re.compile(r"\s?(?:已经?|也|都|终于|总算)?(?:批下来|批好了|批了|到位了)")
# A quote of ours the customer took: "报价1w2她认了", "报价六千八对方接受了" (what the customer will pay).
_QUOTE_BEFORE = re.compile(r"报价(?:是|为)?\s?$")
_TAKEN_AFTER = re.compile(
    r"\s?(?:[他她]们?|对方|客户|老板|人家)?(?:也|都|就|基本)?(?:认了|认可了?|接受了|同意了|答应了|没意见|没问题)"
)


def _quote_taken(text: str, amount: Amount) -> bool:
    before = _QUOTE_BEFORE.search(text, max(0, amount.start - 4), amount.start)
    return before is not None and _TAKEN_AFTER.match(text, amount.end) is not None


def _in_money_words(amount: Amount) -> bool:
    """Said with a currency word or in thousands in words ("六千", "两千块"), not a bare figure."""
    m = amount.match
    return m is not None and bool(m.group("cur") or any(u in m.group("num") for u in "千万亿"))


_UNIT_PRICE_BEFORE = re.compile(r"单价|每|一(?:台|套|个(?!月)|件|吨|只|张|把|辆|平|米)")

_PER_PERIOD_AFTER = re.compile(r"\s?(?:块|元)?\s?(?:一个月|每个?月|一月|/月|一个季度|每季度)")
_PER_PERIOD_BEFORE = re.compile(r"(?:每个?月|一个月)\s?(?:大概|大约|约|差不多|估计)?\s?$")


# A month's payment said right before the amount: "每月3500", "一个月总共六千左右", "每个月大概一万八".
_MONTHLY_BEFORE = re.compile(
    r"(?:每个?月|一个月)\s?(?:总共|一共|合计|加起来)?\s?(?:大概|大约|约|差不多|估计|在)?\s?$"
)


def _monthly(text: str, amount: Amount) -> bool:
    """A figure of a thousand or more said as paid per month, before or after it ("每月3500",
    "4200一个月"): a service's monthly fee, what the customer will spend; not when the words before say
    it is a unit's price, a wage, a rent or an earning ("每台每月3000", "工资一个月五千")."""
    if amount.hi < 1000:
        return False
    before = _MONTHLY_BEFORE.search(text, max(0, amount.start - 12), amount.start)
    if before is not None:
        start = before.start()
    elif _PER_PERIOD_AFTER.match(text, amount.end):
        start = amount.start
    else:
        return False
    return not (_not_spent_before(text, start) or _NOT_BOUGHT_BEFORE.search(_clause_before(text, start)))


def _recurring_spend(text: str, amount: Amount) -> bool:
    """A small rough amount said per month: a range ("三四千一个月") or a guess ("每月大概五千")."""
    per = _PER_PERIOD_AFTER.match(text, amount.end) or _PER_PERIOD_BEFORE.search(
        text, max(0, amount.start - 8), amount.start
    )
    if per is None or _NOT_SPENT_BEFORE.search(_clause_before(text, amount.start)):
        return False
    return (
        amount.lo < amount.hi
        or _GUESS_BEFORE.search(text, max(0, amount.start - 4), amount.start) is not None
    )


def signed_worth(text: str) -> tuple[tuple[int | None, int | None], tuple[int, int]] | None:
    """A won deal's worth, said anywhere in its news without a budget word ("单子拿下了！全年的量，38
    万"): a signed deal's amount is what the customer spends, so a bare figure counts here, unless its
    clause says it is a price, a payment or a discount."""
    pos = 0
    while (first := _amount_at(text, pos, len(text))) is not None:
        pos = first.end
        amount = _widen(text, first)
        if amount.scale < 1000 or amount.hi < 10_000:
            continue  # no 万/千/w/k: a count or a day
        said = text[amount.start : amount.end]
        if not said[-1:].isspace() and _NOT_MONEY_AFTER.match(text, amount.end):
            continue
        if _NOT_SPENT_BEFORE.search(_clause_before(text, amount.start)):
            continue
        return _bounds(text, amount)
    return None


def _rough(amount: Amount) -> bool:
    """The amount is said as a round estimate, "60来万", "二十多万", "三百余万": a rep's guess at a
    deal's worth. (A precise bare figure may be a loan, a turnover or a price.)"""
    m = amount.match
    return (
        m is not None
        and bool(m.group("mult"))
        and m.start("mult") > m.end("num")
        and (m.string[m.end("num") : m.start("mult")].strip() in _ROUGH)
    )


_ROUGH = frozenset("来多余")
# A figure said as a guess: "大概120万", "约20万", "55万左右".
_GUESS_BEFORE = re.compile(r"(?:大概|大约|约|差不多|估计|预计|将近|接近|~)\s?$")
_GUESS_AFTER = re.compile(r"\s?(?:左右|上下|的样子)")
# What the amount buys, right after it: "6万块的货", "两三万的单子".
_GOODS_AFTER = re.compile(r"\s?的(?:货|单子|订单|单|生意|项目|合同)")
# One in a price band asked for, right after the band: "2k-3k的有没有", "五百到八百块的有吗".
_ASKED_IN_BAND = re.compile(
    r"\s?(?:左右|上下)?的?\s?(?:有没有|有没|有吗|有不|有木有|有么|有嘛|能不能做|可以做吗)"
)


# ...and what it is when not the deal's worth, named after it: "大概300万的流水".
_NOT_SPENT_AFTER = re.compile(
    r"\s?(?:的|左右的|上下的)?(?:流水|营收|营业额|产值|收入|利润|销售额|贷款|应收|应付|欠款|差价|注册资本|资金|工资)"
)


def _estimated(text: str, amount: Amount) -> bool:
    """A 万-sized figure said as a guess at what the deal is worth."""
    if _NOT_SPENT_AFTER.match(text, amount.end):
        return False
    return amount.scale >= 10_000 and bool(
        _GUESS_BEFORE.search(text, max(0, amount.start - 4), amount.start)
        or _GUESS_AFTER.match(text, amount.end)
    )


def _capped(text: str, amount: Amount) -> bool:
    """The amount is said as a ceiling: "不超过200万", "上限 150w", "15万以内"."""
    before = text[max(0, amount.start - 14) : amount.start]
    return _UPPER_BEFORE.search(before) is not None or _UPPER_AFTER.match(text, amount.end) is not None


def sole_amount(text: str) -> tuple[tuple[int | None, int | None], tuple[int, int]] | None:
    """The one money amount `text` says, in 万 or more ("是七十万", "80到90w"), with no budget word:
    [min, max] and its span; None when it says none or several. A value given bare where the field is
    known (a correction of a record that said a budget) is read with it."""
    first = _amount_at(text, 0, len(text))
    if first is None:
        return None
    amount = _widen(text, first)
    if amount.scale < 10_000 or amount.hi < 10_000 or _amount_at(text, amount.end, len(text)) is not None:
        return None
    return _bounds(text, amount)


def find_budget(text: str) -> tuple[tuple[int | None, int | None], tuple[int, int]] | None:
    """The budget [min, max] in yuan and its span, looked for right after (or just before) a cue word,
    else said without one (`_uncued_budget`)."""
    found = _cued_budget(text)
    if found is not None:
        return found
    amount = _uncued_budget(text)
    if amount is None:
        return None
    return _bounds(text, _taken_back(text, amount))


def _taken_back(text: str, amount: Amount) -> Amount:
    """The amount said again right after one taken back ("90万，不对，是95万"), else the amount itself."""
    back = _TAKEN_BACK.match(text, amount.end)
    if back is None:
        return amount
    again = _amount_at(text, back.end(), min(len(text), back.end() + 8))
    return again if again is not None and again.start == back.end() else amount


def _bounds(text: str, amount: Amount) -> tuple[tuple[int | None, int | None], tuple[int, int]] | None:
    """[min, max] of an amount, one-sided when the words around it say so ("100万以内", "至少50万")."""
    lo_val, hi_val, start, end = amount.lo, amount.hi, amount.start, amount.end
    if lo_val <= 0:
        return None
    before = text[max(0, start - 14) : start]  # (wide enough for "no more than ")
    if lo_val < hi_val and _BETWEEN_AFTER.match(text, end):
        return (lo_val, hi_val), (start, end)  # "控制在5到8万之间": both ends kept, no ceiling alone
    if _UPPER_BEFORE.search(before) or _UPPER_AFTER.match(text, end):
        return (None, hi_val), (start, end)
    if (
        _LOWER_BEFORE.search(before)
        or _LOWER_AFTER.match(text, end)
        or (lo_val == hi_val and _PLUS_AFTER.match(text, end))
    ):
        return (lo_val, None), (start, end)
    if lo_val > hi_val:
        lo_val, hi_val = hi_val, lo_val
    return (lo_val, hi_val), (start, end)


# Sales slang: "预算150到200个", "budget 80个左右": 个 stands for 万 when the amount right after the
# budget word ends its clause with it (no counted noun follows) and is budget-sized as 万.
_SLANG_WAN = re.compile(
    rf"\s?(?:是|有|在|大概|大约|约|差不多|估计|能有)?\s?(?P<lo>{_NUM})(?:{_RANGE_SEP.pattern}(?P<hi>{_NUM}))?"
    r"\s?个(?=\s|$|[，,。；;！!…~～]|左右|上下|吧|的样子|以内|之内|以下|以上)"
)
_SLANG_SIZE = (10, 9999)  # as 万: 10万 .. a little under 1亿


def _slang_wan(text: str, cue_end: int) -> Amount | None:
    m = _SLANG_WAN.match(text, cue_end)
    if m is None:
        return None
    lo = parse_number(m.group("lo"))
    hi = parse_number(m.group("hi")) if m.group("hi") else lo
    low, high = _SLANG_SIZE
    if lo is None or hi is None or not (low <= lo <= hi <= high):
        return None
    end = m.end()
    return Amount(round(lo * 10_000), round(hi * 10_000), m.start("lo"), end, 10_000)


_AGREED_PRICE = ("价格", "总价", "价钱")
# A price said of one unit, right after the amount: "2万一吨", "3000/台", "八百块每平".
# (the spoken figure's last digit may come first: "7万8一吨" is 78,000 a ton)
_PER_UNIT_AFTER = re.compile(
    r"(?:(?<=[万千])[一二两三四五六七八九\d](?![万千百十]))?\s?(?:块|元)?\s?(?:/|每|一)(?:台|套|个|件|吨|只|张|把|辆|平|米|方|公斤|斤|箱|桶|袋|包|瓶|支|盒)"
)
# A push for less ("要压到", "希望降到") is on the price only when the figure right after it is money.
_PUSHED_TO = re.compile(r"[压砍降]价?到$")
# A unit's or a day's price said just before the push: "嫌每天1.8w的课酬贵 想压到1.5w", "单价嫌高 要求降到
# 900": what is pushed down is that price, not the deal's.
_UNIT_PRICE_PUSHED = re.compile(r"每(?!个?[月年季])|人均|单价|日薪|课酬")


def _pushes_no_price(text: str, cue_end: int, money_start: int) -> bool:
    """Whether a figure that is no money (a time, a size, a count) comes between a push for less and
    the first amount after it: what is pushed down is that figure, and the amount is another thing's."""
    said = next(iter(AMOUNT_RE.finditer(text, cue_end, money_start)), None)
    return said is not None and not _WORD_WITH_ONE.match(text, said.start())


# A budget given in parts, then its whole: "…二期50万，合计80万", "…，总盘子340万左右".
_TOTAL_AFTER = re.compile(
    r"(?:合计|总计|共计|一共|总共|总盘子|加起来|总预算)(?:是|为|有)?(?:大概|大约|约)?\s?"
)


def _total_after(text: str, first: Amount, stop: int) -> Amount | None:
    """The whole said after a budget's first part, in its sentence and in money as large or larger."""
    for m in _TOTAL_AFTER.finditer(text, first.end, stop):
        total = _amount_at(text, m.end(), min(stop, m.end() + 8))
        if total is not None and total.start == m.end() and total.scale >= 1000 and total.hi > first.hi:
            return total
    return None


def _cued_budget(text: str) -> tuple[tuple[int | None, int | None], tuple[int, int]] | None:
    for cue in BUDGET_CUE.finditer(text):
        stop = min(len(text), cue.end() + _WINDOW)
        # A weak cue ("保理额度，应收账款大概3000万") takes only an amount in its own clause.
        seps = (
            ("。", "\n", "！", "？", "，", ",", "；")
            if cue.group() in _WEAK_CUES
            else ("。", "\n", "！", "？")
        )
        for sep in seps:
            idx = text.find(sep, cue.end(), stop)
            if idx != -1:
                stop = idx
        head = re.split(r"[。！!？?；;\n]", text[max(0, cue.start() - 16) : cue.start()])[-1]
        if cue.group() == "额度" and _CREDIT.search(head):
            continue
        if _PER_UNIT_BEFORE_CUE.search(text, max(0, cue.start() - 4), cue.start()):
            continue
        if _UNIT_PRICE_SUBJECT.search(text, max(0, cue.start() - 5), cue.start()):
            continue
        slang = _slang_wan(text, cue.end())
        if slang is not None:
            return _bounds(text, slang)
        first = _amount_before(text, cue.start()) or _amount_at(text, cue.end(), stop)
        if first is None:
            continue
        if _PUSHED_TO.search(cue.group()) and _pushes_no_price(text, cue.end(), first.start):
            continue  # "RPO要压到15分钟以内": a time (or a size) pushed down, not the price
        if _PUSHED_TO.search(cue.group()) and _UNIT_PRICE_PUSHED.search(_sentence_before(text, cue.start())):
            continue
        in_money = first.scale >= 1000 or (first.match is not None and bool(first.match.group("cur")))
        if cue.group() == "PO" and not in_money:
            continue  # "PO膜 8丝的": a material (polyolefin), no order; an order's worth is said in money
        if _PER_UNIT.search(text, cue.end(), first.start):
            continue  # "价格谈到了每头份一块八": a unit's price, not the deal's ("预算每月15万" is one)
        # (a range held within is read whole first: "价格压在20到25万之间" is 20万 to 25万)
        held = _widen(text, first) if cue.group().endswith("在") else first
        if cue.group().startswith(_AGREED_PRICE) and held.hi < 1000:
            continue  # "价格按26块": an agreed price of a few yuan is a unit's (a square metre's, a piece's)
        if not cue.group().startswith("预算") and _PER_UNIT_AFTER.match(text, held.end):
            continue  # "价格不超过2万一吨", "合同价按铜价7万8一吨": a unit's price, however large
        first = _taken_back(text, first)
        moved = _MOVED_TO.match(text, first.end)
        if moved is not None and (later := _amount_at(text, moved.end(), min(len(text), moved.end() + 8))):
            first = later  # "预算从40万提到55万": what it is now
        if (total := _total_after(text, first, stop)) is not None:
            first = total  # "预算按阶段：一期30万，二期50万，合计80万": the whole, not the first part
        found = _bounds(text, _widen(text, first))
        if found is not None:
            return found
    return None
