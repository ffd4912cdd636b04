"""reassign_lead: a customer handed to another member in chat ("X转给许婷跟吧", "X交给小王负责", "把X分给
李娜", "X以后由王强跟进", "X的单子给lina").

Who may hand what to whom:
- an admin: any customer, to any active rep or manager;
- a manager: a customer of their team (what handlers.rights lets them see), to a member of their
  team (themselves included);
- a rep: only a customer of their own, to a team-mate (their manager included). A team-mate's
  customer or one waiting in the team's queue is the manager's to hand out.

The customer is found as every sales handler finds it (handlers.lead_lookup: full name, short name,
contact, phone); several that nothing settles, or none, are asked about with "是哪个客户？"
(handlers.clarify), whose answer completes this message. The member is named by full name, given
name, 小王 / 老李 / 王姐 / 王总, or user id (nlp.handover.calls); several that the rights do not settle
are asked about with "是哪位同事？", answered by number or name. The lead's owner, team and assignment
time change (storage.leads.change_owner: a customer never contacted starts the new owner's
first-response clock); the new owner gets the assignment card new leads get, the previous owner
(and, for a rep's hand-over, the manager) a note, and the writer who now owns which customer. The
project keeps no owner history table: the change is logged, as the 转给别人 button's is.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Sequence

from bot.types import Reply
from handlers.assignment import team_manager
from handlers.cards import assignment_card
from handlers.clarify import MEMBER_OPTIONS, ask, forget, keep_question, kept_extraction, pending
from handlers.context import Context
from handlers.lead_lookup import owner_team_id, resolve_lead
from handlers.rights import can_see, lines_for
from nlp import Intent
from nlp.handover import calls
from storage.leads import change_owner
from storage.models import Lead, PendingQuestion, Person
from storage.people import list_active_people

log = logging.getLogger("salesbot.handlers.reassign_lead")

EXAMPLES: tuple[str, ...] = ("华康转给王强跟吧", "把仁济医院分给李娜负责")

TITLE_DONE = "已转交"
TITLE_REFUSED = "无法转交"
ASK_WHO = "是哪位同事？"
ASK_CUSTOMER = ("没认出要转交的是哪个客户，请回复客户名称。",)
NOT_MINE = "你只能转交自己名下的客户，这个客户不在你名下；需要调整请找主管。"
NOT_TEAM_LEAD = "这个客户不在你的团队，无法转交。"
QUEUED = "团队待分配的客户由主管分配，请找主管。"
NOT_IN_CRM = "CRM里还没有这个客户，没法转交；请先录入客户，再说转给谁。"
RECEIVERS = ("rep", "manager")  # who may own leads
_ANSWER_FILLER = re.compile(r"[\s，,。.!！~～、]|^(?:是|就是|应该是|转给|给)|(?:吧|啊|呀|哈|的)$")
_CHOICE = re.compile(r"第?([1-9１-９])(?:个|位|号)?")
_MAX_ANSWER = 12


def _names(mention: str, member: Person) -> bool:
    """Whether `mention` names the member: their user id on any platform, or a form of their name."""
    folded = mention.casefold()
    ids = (member.key, member.wecom_userid, member.dingtalk_userid)
    return any(i and i.casefold() == folded for i in ids) or calls(mention, member.name)


def may_receive(writer: Person, member: Person) -> bool:
    """Whether the writer may hand a customer to `member` (see the module docstring)."""
    if member.role not in RECEIVERS or not member.active:
        return False
    if writer.role == "admin":
        return True
    if writer.role == "manager":
        return member.id == writer.id or (writer.team_id is not None and member.team_id == writer.team_id)
    return member.id != writer.id and writer.team_id is not None and member.team_id == writer.team_id


async def _may_hand_over(ctx: Context, writer: Person, lead: Lead) -> str | None:
    """None when the writer may hand this customer over, else why not (nothing about whose it is)."""
    if writer.role == "admin":
        return None
    if writer.role == "manager":
        team = await owner_team_id(ctx.session, lead)
        seen = can_see(writer, lead, owner_team_id=team, keep=lines_for(ctx, writer))
        return None if seen else NOT_TEAM_LEAD
    if lead.owner_id == writer.id:
        return None
    return QUEUED if lead.owner_id is None and lead.team_id == writer.team_id else NOT_MINE


def _out_of_reach(writer: Person, member: Person) -> str:
    """Why the writer may not hand a customer to a member the message names."""
    if member.role not in RECEIVERS:
        return f"{member.name}不负责跟进客户，请换一位同事。"
    if writer.role == "rep" and member.id == writer.id:
        return "不能转给自己，请写要接手的同事。"
    if writer.role == "rep":
        return f"只能转给本组同事，{member.name}不在你的组；跨组转交请找主管。"
    return f"{member.name}不在你的团队，跨组转交请找管理员。"


def _refused(writer: Person, why: str) -> list[Reply]:
    return [Reply(to=writer.id, title=TITLE_REFUSED, lines=(why,))]


async def handle(ctx: Context) -> list[Reply]:
    writer, ex = ctx.member, ctx.extraction
    if not ex.assignee:
        return _refused(writer, "请说明转给哪位同事，例如「华康转给王强跟吧」。")
    named = [m for m in await list_active_people(ctx.session) if _names(ex.assignee, m)]
    if not named:
        # (the org is not listed: a member's name is for them to know, not for the bot to offer)
        lines = (f"没找到叫「{ex.assignee}」的同事，请写同事的全名或账号。",)
        return [Reply(to=writer.id, title="没找到这位同事", lines=lines)]
    found = await resolve_lead(ctx.session, ex, writer, ctx.message.text)
    if found.candidates:  # never a guess between two customers; the answer completes this message
        return [await ask(ctx, writer, found.candidates)]
    lead = found.lead
    if lead is None:
        return [await ask(ctx, writer, lines=ASK_CUSTOMER)]
    why = await _may_hand_over(ctx, writer, lead)
    if why is not None:
        log.info("reassign refused person_id=%s lead_id=%s", writer.id, lead.id)
        return _refused(writer, why)
    reachable = [m for m in named if may_receive(writer, m)]
    if not reachable:
        return _refused(writer, _out_of_reach(writer, named[0]))
    if len(reachable) > 1:
        return [await _ask_who(ctx, writer, lead, reachable)]
    return await _hand_over(ctx, writer, lead, reachable[0])


async def _hand_over(ctx: Context, writer: Person, lead: Lead, member: Person) -> list[Reply]:
    session = ctx.session
    previous = await session.get(Person, lead.owner_id) if lead.owner_id is not None else None
    if previous is not None and previous.id == member.id:
        lines = (f"客户：{lead.company}", f"{lead.company}本来就由{member.name}负责，没有变化。")
        return [Reply(to=writer.id, title="无需转交", lines=lines)]
    await change_owner(session, lead, member, ctx.message.sent_at)
    log.info(
        "lead reassigned lead_id=%s from=%s to=%s by=%s",
        lead.id,
        previous and previous.id,
        member.id,
        writer.id,
    )
    was = previous.name if previous is not None else "待分配"
    lines = [
        f"客户：{lead.company}",
        f"负责人：{was} → {member.name}",
        f"{lead.company}现在由{member.name}负责。",
    ]
    if member.id != writer.id:
        lines.append(f"已通知{member.name}。")
    replies = [Reply(to=writer.id, title=TITLE_DONE, lines=tuple(lines))]
    if member.id != writer.id:
        reason = f"{writer.name}转交" + (
            f"，原负责人{previous.name}" if previous and previous.id != writer.id else ""
        )
        need = "、".join(lead.products or [])
        replies.append(assignment_card(member.id, lead, need, reason, title="客户转交给你"))
    told = {writer.id, member.id}
    if previous is not None and previous.id not in told:
        note = (f"客户：{lead.company}", f"已由{writer.name}转给{member.name}。")
        replies.append(Reply(to=previous.id, title="线索已转交", lines=note))
        told.add(previous.id)
    if writer.role == "rep":  # the manager keeps track of who follows which customer
        manager = await team_manager(session, writer.team_id)
        if manager is not None and manager.id not in told:
            note = (f"客户：{lead.company}", f"{writer.name}转给了{member.name}。")
            replies.append(Reply(to=manager.id, title="线索已转交", lines=note))
    return replies


async def not_in_crm(ctx: Context) -> list[Reply]:
    """The answer 新客户 to "是哪个客户？": a customer the CRM does not hold has no owner to change."""
    return _refused(ctx.member, NOT_IN_CRM)


# ---- "是哪位同事？" ----------------------------------------------------------------------------------


async def _ask_who(ctx: Context, writer: Person, lead: Lead, options: Sequence[Person]) -> Reply:
    """Ask which of several members the message means, keeping it (with its customer settled) until
    the answer, a number or a name, completes it."""
    kept = dataclasses.replace(ctx.extraction, intent=Intent.REASSIGN_LEAD, company=lead.company)
    # (no customers offered: "是哪个客户？" answers never complete it)
    await keep_question(ctx, writer, kept, extra={MEMBER_OPTIONS: [m.id for m in options]})
    log.info("asked which member person_id=%s options=%s", writer.id, [m.id for m in options])
    listed = [f"{i}. {m.name}" for i, m in enumerate(options, 1)]
    lines = (f"「{ctx.extraction.assignee}」可能是：", *listed, "回复序号或全名即可。")
    return Reply(to=writer.id, title=ASK_WHO, lines=lines)


def _plain(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, _ANSWER_FILLER.sub("", text)
    return text


async def _chosen(ctx: Context) -> tuple[PendingQuestion, Person] | None:
    """The writer's open "是哪位同事？" and the member this message answers it with, or None."""
    person, message = ctx.person, ctx.message
    if person is None or message.kind != "text":
        return None
    answer = _plain(message.text)
    if not answer or len(answer) > _MAX_ANSWER:
        return None  # decided from the words alone, without a query for every message
    row = await pending(ctx, person, message.sent_at)
    if row is None or row.intent != Intent.REASSIGN_LEAD or MEMBER_OPTIONS not in row.extracted:
        return None
    options = [
        m for i in row.extracted[MEMBER_OPTIONS] if (m := await ctx.session.get(Person, i)) is not None
    ]
    choice = _CHOICE.fullmatch(answer)
    if choice is not None:
        n = int(choice[1])  # int() reads full-width digits too
        return (row, options[n - 1]) if n <= len(options) else None
    fits = [m for m in options if _names(answer, m)]
    return (row, fits[0]) if len(fits) == 1 else None


async def continues_last(ctx: Context) -> bool:
    """Whether this message answers the writer's open "是哪位同事？"; then route it to `complete`."""
    return await _chosen(ctx) is not None


async def complete(ctx: Context) -> list[Reply]:
    chosen = await _chosen(ctx)
    if chosen is None:  # the question lapsed between the two calls
        return []
    row, member = chosen
    writer = ctx.member
    await forget(ctx, writer)
    kept = dataclasses.replace(kept_extraction(row), assignee=member.key)
    message = dataclasses.replace(ctx.message, text=row.text, sent_at=row.sent_at)
    return await handle(dataclasses.replace(ctx, message=message, extraction=kept))
