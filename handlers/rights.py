"""Who may see which leads: a rep their own, a manager their team's, an admin everything.

Every query filters through `visible_leads` in SQL, so a lead outside one's rights never
leaves the database; product-line isolation is checked in Python because it needs the
catalog (product -> line), which lives in nlp and not in the tables.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import ColumnElement, or_, select, true

from bot.types import PermissionDenied, Reply
from storage.models import Lead, Person

if TYPE_CHECKING:
    from handlers.context import Context

REFUSE_TEAM = "你只能查看自己名下的线索；团队数据请找主管查看。"
REFUSE_LEAD = "这个客户不在你的权限范围内，无法查看。如需协作，请联系主管。"


class ProductLines(Protocol):
    def line_of(self, product: str) -> str | None: ...


Keep = Callable[[Lead], bool]


def keep_all(_lead: Lead) -> bool:
    return True


def visible_leads(person: Person) -> ColumnElement[bool]:
    """The SQL condition for the leads `person` may see."""
    if person.role == "admin":
        return true()
    if person.role == "manager" and person.team_id is not None:
        members = select(Person.id).where(Person.team_id == person.team_id).scalar_subquery()
        return or_(Lead.team_id == person.team_id, Lead.owner_id.in_(members), Lead.owner_id == person.id)
    return Lead.owner_id == person.id


def scope_leads(person: Person, scope: str | None) -> ColumnElement[bool]:
    """Own leads for scope "me", everything visible for "team"; a rep asking for the team is refused.

    Without a scope a rep means themselves and a manager or admin usually means what they oversee.
    """
    if scope is None:
        scope = "me" if person.role == "rep" else "team"
    if scope == "team":
        if person.role == "rep":
            raise PermissionDenied(REFUSE_TEAM)
        return visible_leads(person)
    return Lead.owner_id == person.id


def is_own_scope(person: Person, scope: str | None) -> bool:
    """Whether the answer covers only the asker's own leads (the same default as `scope_leads`)."""
    return person.role == "rep" or scope == "me"


def scope_label(person: Person, scope: str | None) -> str:
    if is_own_scope(person, scope):
        return "我的"
    return "全部" if person.role == "admin" else "团队"


def line_filter(person: Person, isolate: bool, catalog: ProductLines | None) -> Keep:
    """With `isolate_product_lines`, keep only leads of the person's lines.

    Leads with no known product line stay visible (a fresh inquiry often names no product and must
    not vanish), and so do people with no lines configured and admins.
    """
    if not isolate or person.role == "admin" or not person.product_lines or catalog is None:
        return keep_all
    mine = set(person.product_lines)

    def keep(lead: Lead) -> bool:
        lines = {line for p in lead.products or () if (line := catalog.line_of(p))}
        return not lines or bool(lines & mine)

    return keep


def lines_for(ctx: Context, person: Person) -> Keep:
    """The product-line check of `person` under the context's [org] isolate_product_lines."""
    return line_filter(person, ctx.config.org.isolate_product_lines, ctx.catalog)


def can_see(person: Person, lead: Lead, *, owner_team_id: int | None = None, keep: Keep = keep_all) -> bool:
    """The Python twin of `visible_leads` for one loaded lead; `owner_team_id` is the owner's team."""
    if person.role == "admin":
        return True
    if lead.owner_id == person.id:
        return keep(lead)
    if person.role == "manager" and person.team_id is not None:
        in_team = person.team_id in (lead.team_id, owner_team_id)
        return in_team and keep(lead)
    return False


def check_can_see(
    person: Person, lead: Lead, *, owner_team_id: int | None = None, keep: Keep = keep_all
) -> None:
    if not can_see(person, lead, owner_team_id=owner_team_id, keep=keep):
        raise PermissionDenied(REFUSE_LEAD)


@dataclass(frozen=True, slots=True)
class Visibility:
    """What one query may look at: an SQL condition plus the Python product-line check."""

    where: ColumnElement[bool]
    keep: Keep


def visibility(person: Person, scope: str | None, isolate: bool, catalog: ProductLines | None) -> Visibility:
    return Visibility(scope_leads(person, scope), line_filter(person, isolate, catalog))


def visibility_for(ctx: Context, person: Person, scope: str | None) -> Visibility:
    return visibility(person, scope, ctx.config.org.isolate_product_lines, ctx.catalog)


def refusal(denied: PermissionDenied, to: int | None = None) -> Reply:
    """The polite no, the only one: says what is not allowed and shows nothing of what was asked.
    `to`: the asker's person id; None answers whoever sent the message."""
    return Reply(to=to, title="无权查看", lines=(str(denied) or REFUSE_LEAD,))
