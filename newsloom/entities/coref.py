"""Within one article: short names, acronyms and bare titles resolved to the full name.

"Sơn" -> Bùi Thanh Sơn (a Vietnamese name is family-first and called by its last syllable),
"Guterres" -> António Guterres, "(UNODC)" -> the organization named just before it, and
"Phó Thủ tướng" / "the Deputy PM" / "Tổng thống Nam Phi" -> the person who holds that title in the
article. People sharing a family name or a title never merge: only full names and given names link.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from newsloom.entities.gazetteer import Gazetteer
from newsloom.entities.mentions import RawMention, RawRole, Token
from newsloom.entities.names import diacritic_weight, entity_key, fold, folded_name, name_tokens
from newsloom.entities.rules import ROLE_BY_ORGANIZATION
from newsloom.entities.types import Mention, Role

#: A narrowed role -> the generic role it narrows ("un_secretary_general" -> "secretary_general").
NARROWED = {narrow: generic for (generic, _), narrow in ROLE_BY_ORGANIZATION.items()}
#: Score of a short name or bare title resolved to a full name found elsewhere in the article.
SCORE_RESOLVED = 0.8
#: Generational suffixes that close a name but are never what it is shortened to ("Marcos Jr.").
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: A specific role -> the plain title that names it when said with the same country.
SPECIFIC_OF = {"foreign_minister": "minister"}
#: A shortened organization name has at least this many words ("Human Rights"); one word ("Party" in
#: "Party chiefs") is too often a common noun.
MIN_ORGANIZATION_PART = 2


@dataclass(slots=True)
class Found:
    """One raw mention placed in the article."""

    raw: RawMention
    sentence: int
    start: int
    end: int
    text: str
    key: str = ""
    order: int = 0
    words: tuple[str, ...] = field(default_factory=tuple)


def resolve(
    sentences: Sequence[tuple[int, list[Token], list[RawMention]]],
    text: str,
    gazetteer: Gazetteer,
    family_names: frozenset[str],
) -> tuple[Mention, ...]:
    """Mentions of an article with keys, canonical names and roles, from per-sentence raw mentions."""
    found = _place(sentences, text)
    _organization_parts(found)
    _key_names(found, family_names)
    _key_acronyms(found, text)
    _key_titles(found)
    kept = [f for f in found if f.key]
    canonical = _canonical_names(kept, gazetteer)
    _complete_roles(kept)
    return tuple(_to_mention(f, canonical.get(f.key)) for f in kept)


def _complete_roles(found: list[Found]) -> None:
    """A title said without its organization takes it from the same title said in full elsewhere
    in the article ("Tổng thống" after "Tổng thống Nam Phi"; "Tổng Thư ký" after "Tổng Thư ký LHQ")."""
    full: dict[tuple[str, str], RawRole] = {}
    for f in found:
        for role in f.raw.roles:
            if role.of:
                full.setdefault((f.key, fold(role.text)), role)
    for f in found:
        for n, role in enumerate(f.raw.roles):
            known = full.get((f.key, fold(role.text)))
            if role.of is None and known is not None:
                f.raw.roles[n] = RawRole(known.role, role.text, known.of)


def _place(sentences: Sequence[tuple[int, list[Token], list[RawMention]]], text: str) -> list[Found]:
    found = []
    for number, toks, raws in sentences:
        for raw in raws:
            start, end = toks[raw.start].start, toks[raw.end - 1].end
            span = text[start:end]
            found.append(Found(raw, number, start, end, span, words=name_tokens(span)))
    found.sort(key=lambda f: f.start)
    for order, f in enumerate(found):
        f.order = order
    return found


def _organization_parts(found: list[Found]) -> None:
    """An untitled capitalised run that ends an organization's name said in the article is that
    organization, not a person ("Human Rights" after "Commission on Human Rights")."""
    orgs = [f for f in found if f.raw.type == "organization" and f.raw.kind == "name" and len(f.words) > 1]
    for f in found:
        raw = f.raw
        if raw.type != "person" or raw.kind != "name" or raw.rule not in ("capitalised", "name-part"):
            continue
        n = len(f.words)
        if n < MIN_ORGANIZATION_PART:
            continue
        owner = next((o for o in orgs if len(o.words) > n and o.words[-n:] == f.words), None)
        if owner is not None:
            raw.type = "organization"
            raw.tentative = False
            raw.rule = "organization-part"
            f.key = (
                entity_key(owner.text, "organization")
                if not owner.raw.gazetteer_id
                else owner.raw.gazetteer_id
            )


def _key_names(found: list[Found], family_names: frozenset[str]) -> None:
    """Keys for gazetteer names, full person names, organizations; then short person names."""
    full: list[Found] = []
    for f in found:
        raw = f.raw
        if raw.kind != "name":
            continue
        if raw.gazetteer_id:
            f.key = raw.gazetteer_id
        elif raw.type == "person" and len(f.text.split()) >= 2 and not raw.tentative:
            full.append(f)
        elif raw.type in ("organization", "place") and not f.key and not _maybe_person(f):
            f.key = entity_key(f.text, raw.type)
    # longer names absorb their contiguous parts ("Cyril Ramaphosa" in "Matamela Cyril Ramaphosa")
    full.sort(key=lambda f: -len(f.words))
    for f in full:
        longer = [g for g in full if len(g.words) > len(f.words) and g.key and _contains(g.words, f.words)]
        owner = min(longer, key=lambda g: abs(g.order - f.order)) if longer else None
        f.key = owner.key if owner else entity_key(f.text, "person")
    persons = list(full)
    # one-word names given with a title ("Menteri Luar Negeri Sugiono") are full names too
    mononyms = {
        f.words: f
        for f in found
        if f.raw.type == "person" and not f.raw.tentative and len(f.text.split()) == 1
    }
    for f in found:
        if f.key or f.raw.kind != "name":
            continue
        candidates = [p for p in persons if _is_short_form(f.words, p.words, p.text, family_names)]
        if f.raw.type != "person":
            if not candidates:  # a one-word organization or place the model proposed, not a known person
                f.key = entity_key(f.text, f.raw.type)
                continue
            f.raw.type = "person"  # "Wong" after "Penny Wong": the model's one-word guess was a person
        keys = {p.key for p in candidates}
        if keys:
            before = [p for p in candidates if p.order < f.order]
            pick = max(before, key=lambda p: p.order) if before else min(candidates, key=lambda p: p.order)
            f.key = pick.key
            f.raw.score = (
                min(f.raw.score, SCORE_RESOLVED) if len(keys) > 1 else max(f.raw.score, SCORE_RESOLVED)
            )
            f.raw.rule = f"{f.raw.rule}+coref"
        elif f.words in mononyms:
            f.key = entity_key(mononyms[f.words].text, "person")
            if f.raw.tentative:
                f.raw.rule = f"{f.raw.rule}+coref"


def _maybe_person(f: Found) -> bool:
    """A one-word organization or place the learned model proposed: a person if it is the short form
    of a person named in the article ("Wong" after "Penny Wong")."""
    return f.raw.rule.startswith("model:") and len(f.words) == 1


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[k : k + n] == shorter for k in range(len(longer) - n + 1))


def _is_short_form(
    short: tuple[str, ...], full: tuple[str, ...], full_text: str, family_names: frozenset[str]
) -> bool:
    """ "Sơn" for Bùi Thanh Sơn (Vietnamese: the given name, never the family name "Bùi");
    "Guterres" or "António" for António Guterres."""
    while len(full) > 2 and full[-1] in NAME_SUFFIXES:
        full = full[:-1]  # "Ferdinand Marcos Jr." is "Marcos"
    if len(short) != 1 or len(full) < 2:
        return False
    first = full_text.split()[0]
    if first in family_names:
        return short[0] == full[-1]
    return short[0] in (full[0], full[-1])


def _key_acronyms(found: list[Found], text: str) -> None:
    """ "... Liên hợp quốc (UNODC)": the acronym in parentheses names the organization before it."""
    aliases: dict[str, str] = {}
    for prev, f in zip(found, found[1:], strict=False):
        if f.raw.type != "organization" or not f.text.isupper() or f.key == prev.key:
            continue
        parenthesised = text[prev.end : f.start].strip() == "(" and text[f.end : f.end + 1] == ")"
        if prev.raw.type == "organization" and prev.key and parenthesised:
            aliases[f.text] = prev.key  # the text's own definition beats the gazetteer's ("AFP" police)
    for f in found:
        if f.raw.type == "organization" and f.text in aliases:
            f.key = aliases[f.text]
            f.raw.gazetteer_id = None
            f.raw.rule = f"{f.raw.rule}+alias"


def _key_titles(found: list[Found]) -> None:
    """A bare title stands for the person holding it in this article: same title written the same
    way first, then same role and organization, nearest before (else after) the title. A title said
    with its country goes only to a holder of that country (:func:`_names_country`)."""
    holders: list[tuple[Found, RawMention]] = [
        (f, f.raw) for f in found if f.raw.kind == "name" and f.raw.type == "person" and f.key and f.raw.roles
    ]
    for f in found:
        if f.raw.kind != "title" or not f.raw.roles:
            continue
        want = f.raw.roles[0]
        best: tuple[tuple[int, int, int, int, int], Found] | None = None
        for holder, raw in holders:
            for role in raw.roles:
                # "Bộ trưởng Indonesia" also stands for Indonesia's foreign minister
                of_country = bool(want.of) and role.of == want.of and SPECIFIC_OF.get(role.role) == want.role
                if not (_same_role(role.role, want.role) or of_country) or (
                    want.of and role.of and want.of != role.of
                ):
                    continue
                if _names_country(want.of) and role.of is None:
                    continue  # "Presiden Prancis" is never "Presiden Prabowo", whose country is not said
                same_text = fold(role.text) == fold(want.text)
                same_of = role.of == want.of
                distance = f.order - holder.order
                # the holder named before the title first; then the same words; then the same organization
                # a title said with its country ("Bộ trưởng Indonesia") goes to that country's holder first
                country = 0 if want.of and same_of else 1
                rank = (
                    country,
                    0 if distance > 0 else 1,
                    0 if same_text else 1,
                    0 if same_of else 1,
                    abs(distance),
                )
                if best is None or rank < best[0]:
                    best = (rank, holder)
        if best is not None:
            f.key = best[1].key
            f.raw.score = SCORE_RESOLVED
            f.raw.rule = "title+coref"


def _names_country(of: str | None) -> bool:
    """A title's ``of`` that is a place (a country: "Thủ tướng Lào", "le président laotien"), not an
    organization: such a title goes only to a holder said to be of that country, never across
    countries, and never to a holder whose country the article does not say (that one is most often
    the home country's: "Presiden Prabowo" in Indonesian news)."""
    return of is not None and of.startswith("place:") and of.count(":") == 1  # "place:LA", not a city


def _same_role(a: str, b: str) -> bool:
    """Equal, or one is the other narrowed by its organization (secretary_general ~ un_secretary_general)."""
    return a == b or NARROWED.get(a) == b or NARROWED.get(b) == a


def _canonical_names(found: list[Found], gazetteer: Gazetteer) -> dict[str, str]:
    """The display name of each key: the gazetteer's, else the longest, most marked spelling."""
    names: dict[str, str] = {}
    for f in found:
        if f.raw.kind != "name":
            continue
        if f.key in gazetteer.entries:
            names[f.key] = gazetteer.entries[f.key].name
            continue
        current = names.get(f.key)
        if current is None or (len(f.words), diacritic_weight(f.text)) > (
            len(name_tokens(current)),
            diacritic_weight(current),
        ):
            names[f.key] = " ".join(f.text.split())
    return names


def _to_mention(f: Found, canonical: str | None) -> Mention:
    roles = tuple(Role(r.role, r.text, _role_of_key(r.of)) for r in f.raw.roles)
    first = roles[0] if roles else None
    return Mention(
        start=f.start,
        end=f.end,
        text=f.text,
        type=f.raw.type,
        sentence=f.sentence,
        key=f.key,
        canonical=canonical,
        role=first.role if first else None,
        role_text=first.text if first else None,
        role_of=first.of if first else None,
        rule=f.raw.rule,
        score=round(f.raw.score, 3),
        kind=f.raw.kind,
        roles=roles,
    )


def _role_of_key(of: str | None) -> str | None:
    if of is None or ":" in of:
        return of
    return f"organization:{folded_name(of)}"
