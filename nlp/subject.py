"""The customer a short message is about when it names it before anything else and without an
organisation word: "海底捞那单丢了", "恒达续约了", "蓝海科技 到谈判了", "瑞祥这个单子现在在谁手上".

Short stage news and questions about one customer put the customer first and the news or the
question right after it. The company finder needs a legal form or an industry word to see a name;
here the position says it: whatever stands before the news is the customer, if it can be a name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

# Where the name ends: what the news is about follows it ("X的防火墙", "X那单盐酸", "X这个单子",
# "X 已签约", "X重新报价了", "X第二次拜访"; not the 都 of a city, "成都X"), as does anything the catalog
# knows (a product is not part of the customer's name).
_NAME_END = re.compile(
    r"的|那|这|已|又|也|重新|再次|(?<![成首])都|还|终于|总算|现在|目前|最近|眼下|上次|上回|之前|以前"
    r"|今天|昨天|前天|现场"
    r"|第[一二两三四五六七八九十\d]|[\s，,：:。]"
    # how it ended, or a count of what is done for it: "X最后还是定了Y", "X两期的报价"
    r"|最后|最终|(?<=[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z])[一两二三四五六七八九十几\d]\s?(?:期|个|套|台|款|条|家|批|项|份|栋|辆)"
)
_WHAT = re.compile(r"(?:项目|单子|订单|合同)$")  # "X项目到报价了": the deal, named after the customer
_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9&·]{1,11}")
# Words a sentence starts with that are not a customer: people, time, manner.
_NOT_A_NAME = re.compile(
    r"^(?:我|你|他|她|它|咱|您|这|那|哪|谁|今|明|昨|前天|后天|刚|才|终于|总算|已经|已|还|也|都|又|就|最后|目前|现在|马上"
    r"|怎么|如何|把|给|帮|请|麻烦|能不能|可以|春节|元旦|清明|五一|端午|中秋|国庆|节前|节后|周末|月底|年底"
    r"|客户|对方|人家|别人|重新|再次|老板|领导|主管|经理|上周|本周|这周|下周|上个?月|本月|这个?月|下个?月|今年|去年"
    r"|单子|项目|合同|订单"
    # a correction's marker and the field it fixes ("不对，阶段是需求确认", "阶段应该是报价")
    r"|不对|不是|错了|[搞弄说写记填]错|纠正|更正|阶段|状态|进度)"
)
# A member's customers, named by what holds them ("何丽手上", "老周名下") or said after them ("X的客户都…").
_WHOSE_BOOK = re.compile(r"(?:手上|手里|名下)$")
_BOOK_AFTER = re.compile(r"的(?:那|这)?(?:几个|些|所有|全部)?客户")
MAX_PREFIX = 16  # the name and what links it to the news
# Spaces and emoji that open the message before the name ("🎉🎉X那套Y合同签了", "😭X最后给Y做了"), the
# news heralded in a clause of its own ("报告好消息，X那单签了", "喜报！X中标了", "坏消息：X黄了"), and the
# colleague it is said to.
_EMOJI = r"[\s\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F\u200d]*"
_OPENING = re.compile(
    rf"{_EMOJI}(?:(?:报告|报个|报|说个|告诉大家|跟大家说)?(?:一个|个)?(?:大?好消息|喜讯|喜报|坏消息|噩耗)"
    rf"(?:啊|呀|哈|了|了啊)?\s?[，,。！!：:~～]+{_EMOJI})?"
    # ...or a colleague called first, as a manager opens a question ("伙计，X最近…", "兄弟们，X…")
    rf"(?:(?:伙计|兄弟|哥们儿?|老铁|老哥|老弟|同事|小伙子?)们?\s?[，,：:~～]+{_EMOJI})?"
)


def subject_before(
    text: str,
    end: int,
    is_verb: Callable[[str], bool],
    known: Sequence[int] = (),
    split: Callable[[str], list[str]] | None = None,
) -> tuple[str, tuple[int, int]] | None:
    """The name standing first, before position `end` (where the news or the question starts) and
    before any of the `known` positions (catalog words); `split` cuts words, to end the name before
    what was done ("X改用别家了") or an acronym of the deal ("XOEM")."""
    start = _OPENING.match(text).end()
    head = text[start : min([end, *known])]
    if not head or len(head) > MAX_PREFIX:
        return None
    cut = _NAME_END.search(head)
    name = head[: cut.start()] if cut is not None else head
    if split is not None:
        name = _before_the_news(name, is_verb, split)
    deal = _WHAT.search(name)
    if deal is not None:  # "X搬迁项目": the deal is named after the customer and what is done for it
        name = name[: deal.start()]
        if len(name) > 3 and is_verb(name[-2:]):
            name = name[:-2]
    if not _NAME.fullmatch(name) or _NOT_A_NAME.match(name) or is_verb(name):
        return None
    if _WHOSE_BOOK.search(name) or _BOOK_AFTER.match(head, len(name)):
        return None  # one who holds customers: "何丽手上的客户都到哪一步了" names a book, not a customer
    return name, (start, start + len(name))


# An acronym glued after a Han brand is the kind of deal, not part of the name ("海X宠OEM", "X通ERP").
_HAN_THEN_ACRONYM = re.compile(r"(?P<han>[\u4e00-\u9fff]{2,})[A-Z]{2,5}$")


def _before_the_news(name: str, is_verb: Callable[[str], bool], split: Callable[[str], list[str]]) -> str:
    """The name without what was done to or by it glued after it: a verb and its object ("X焊接|改用
    别家了") ends it, a verb alone does not ("X焊接", "X建工"); so does an acronym after Han ("XOEM")."""
    m = _HAN_THEN_ACRONYM.fullmatch(name)
    if m is not None:
        return m.group("han")
    words = split(name)
    pos = 0
    for k, w in enumerate(words):
        verb_and_object = len(w) > 1 and is_verb(w) and k + 1 < len(words) and not is_verb(words[k + 1])
        if pos >= 2 and (verb_and_object or w == "了"):
            return name[:pos]
        pos += len(w)
    return name
