"""The learned recogniser's spans merged with the rules: the model proposes, the lexicons correct.

The model decides where names are and what they are. The rules then: strip role words and
honorifics the model glued onto a name ("Midfielder Valentin Stefan" -> "Valentin Stefan"); let a
gazetteer entry covering exactly the same span correct the type and give its id; and add what the
model missed only where the rules are near-certain (a gazetteer name, a name after a title or an
honorific). Capitalised-run guesses of the rules are dropped where a model runs.

Span convention: the one of each language's training corpus, since the model learns it. In
Indonesian the administrative word is part of the place when the corpus tags it so ("Kabupaten
Bogor", "dusun Talang"); Vietnamese follows PhoNER_COVID19 (the name without a lowercase
"sân bay"/"tỉnh" before it, "Bộ Y tế" whole); English follows CoNLL-2003.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from newsloom.entities.learned import Proposal

#: How much a span the model proposes is trusted (above linking's TYPE_GUESS_SCORE: the type is firm).
SCORE_MODEL = 0.8
#: Rule mentions whose type wins over the model's on the same span: a gazetteer name, a name after an
#: honorific, an organization with a head word ("Bộ ...", "Ministry of ..."). Not a credit line's name:
#: the model tells the agency ("Ảnh : Bloomberg") from the photographer.
TYPE_RULES = frozenset({"gazetteer", "honorific", "title-of", "org-shape", "place-word"})
#: (rule, the model's type) pairs where the rule's type wins too: a name right after a person's title is
#: a person (or a place), not an organization; an acronym ("BKSR") is not a person.
TYPE_FIXES = frozenset({("title", "organization"), ("acronym", "person")})
#: Rule mentions kept where the model proposes nothing overlapping them: the above, names after a title
#: and runs opening with a Vietnamese family name. A credit line's name the model does not propose is
#: dropped ("Ảnh : Quartz": the corpora tag none).
ALONE_RULES = TYPE_RULES | {"title", "family-name", "brand-country"}
#: Rule mentions the model's span and type win over: a run opening with a Vietnamese family name is a
#: person only where the model reads nothing there ("đường Lê Lai", "Bệnh viện Bạch Mai" name a street
#: and a hospital after people); a body named by a country ("Pemerintah Indonesia") is kept only where
#: the model reads nothing there (a government is an event's actor even where a corpus tags none).
MODEL_FIRST = frozenset({"family-name", "brand-country"})
#: Rule mentions whose span stands against an overlapping proposal that does not strictly contain it
#: (the model's "Sở Y tế Đà Nẵng" wins over the rules' "Đà Nẵng"; the gazetteer's "United Nations
#: High Commissioner for Refugees" over the model's "United Nations").
SPAN_RULES = ALONE_RULES - MODEL_FIRST


class Mentionlike(Protocol):
    start: int
    end: int
    type: str
    rule: str
    score: float
    kind: str
    gazetteer_id: str | None


M = TypeVar("M", bound=Mentionlike)


def strip_edges(
    start: int, end: int, blocked: set[int], is_word: Sequence[bool], texts: Sequence[str] = ()
) -> tuple[int, int]:
    """Shrink ``[start, end)`` past role words / honorifics (``blocked``) opening it and past
    punctuation at its edges; a closing bracket whose opening one is inside stays ("Partai X (PPP)")."""
    while start < end and not is_word[start]:
        start += 1
    while start < end - 1 and start in blocked:  # a lone "Anh" is England, not the honorific
        start += 1
    while end > start and not is_word[end - 1]:
        if texts and texts[end - 1] == ")" and "(" in texts[start : end - 1]:
            break
        end -= 1
    return start, end


#: The fewest title words opening the model's place that show it misread a titled person as a place.
#: One title word may open a place's own name: of 12 places the model opened with one title word on
#: 6,000 id training sentences, 9 were gold places ("Raja Ampat", "Raja Basa").
MIN_TITLE_WORDS_OPENING_PLACE = 2

#: The fewest names of a list whose odd one out takes the others' type (three agreeing, one odd).
MIN_LIST_NAMES = 4


def coherent_lists(
    proposals: Sequence[Proposal], texts: Sequence[str], joiners: frozenset[str]
) -> list[Proposal]:
    """The model's proposals, where a list of names ("New Mexico , Arizona , Wyoming , Colorado dan Texas":
    names separated only by a comma or one of ``joiners``) types all but one name alike as places or as
    organizations, with that one name, one word long, read as a person: it takes the others' type. A list
    names things of one kind, and the model reads a lone unfamiliar word by its shape ("Colorado" as a
    person); other odd ones out are left alone (on the training split they were right)."""
    found = sorted(proposals, key=lambda p: p.start)
    if not joiners or len(found) < MIN_LIST_NAMES:
        return list(found)
    lists: list[list[int]] = [[0]]
    for n in range(1, len(found)):
        between = texts[found[n - 1].end : found[n].start]
        if len(between) == 1 and (between[0] == "," or between[0].casefold() in joiners):
            lists[-1].append(n)
        else:
            lists.append([n])
    for members in lists:
        if len(members) < MIN_LIST_NAMES:
            continue
        kinds = [found[n].type for n in members]
        for n in members:
            others = {kind for m, kind in zip(members, kinds, strict=True) if m != n}
            proposal = found[n]
            if (
                proposal.type == "person"
                and len(others) == 1
                and "person" not in others
                and proposal.end - proposal.start == 1
            ):
                found[n] = Proposal(proposal.start, proposal.end, others.pop())
    return found


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def merged_spans(
    proposals: Sequence[Proposal],
    rule_mentions: Sequence[M],
    blocked: set[int],
    is_word: Sequence[bool],
    texts: Sequence[str] = (),
    may_stand_alone: Callable[[M], bool] = lambda _: True,
    cuts: frozenset[int] = frozenset(),
    titles: frozenset[int] = frozenset(),
    family_named: frozenset[int] = frozenset(),
    title_bodies: bool = True,
    acronym_people: bool = False,
    headed: frozenset[int] = frozenset(),
) -> list[tuple[int, int, str, M | None]]:
    """``(start, end, type, rule mention it agrees with or None)`` for each kept span.

    The model's span wins (edges stripped, cut before a title or a person the rules found inside it),
    except against a near-certain rule mention (:data:`SPAN_RULES`) it does not strictly contain. Where a
    near-certain rule mention (:data:`TYPE_RULES`) has the same span, its type wins. Near-certain
    rule mentions (:data:`ALONE_RULES`) no proposal overlaps are kept; the rules' other guesses are
    dropped. ``headed``: the tokens right after a title heading an organization ("Kepala | BKSR")."""
    names = [m for m in rule_mentions if m.kind == "name"]
    trusted = [m for m in names if m.rule in ALONE_RULES and may_stand_alone(m)]
    spans: list[tuple[int, int, str, M | None]] = []
    # a name does not run on through a title or into a person the rules are sure of
    persons = {m.start for m in trusted if m.type == "person" and m.rule not in MODEL_FIRST}
    stops = cuts | persons
    trimmed: dict[int, int] = {}  # id of a rule organization -> where a person closing it starts
    broken = (
        _broken_title_runs(proposals, trusted, blocked, is_word, texts, family_named)
        if title_bodies
        else set()
    )
    trusted = [m for m in trusted if id(m) not in broken]
    for proposal in proposals:
        if _named_after_title(proposal, titles, is_word):
            # "Jalan Sultan Agung", "Stadion Raja Baudouin": a place named after a titled person
            start, end = strip_edges(proposal.start, proposal.end, blocked - titles, is_word, texts)
            spans.append((start, end, proposal.type, None))
            continue
        start, end = strip_edges(proposal.start, proposal.end, blocked, is_word, texts)
        cut = min([i for i in stops if start < i < end], default=end)
        if proposal.type == "person" and cut < end and cut in persons:
            continue  # "Azerbaijan | Ali Naghiyev": what the model put before a sure person is no person
        end = cut
        start, end = strip_edges(start, end, blocked, is_word, texts)
        if start >= end or all(i in titles for i in range(start, end)):
            continue  # "Secretary-General", "Assembly" of "General Assembly Chair": part of a title
        rivals = [
            m
            for m in trusted
            if m.rule in SPAN_RULES
            and overlaps(m.start, m.end, start, end)
            and not _adds_lowercase_only(m, start, end, is_word, texts)
        ]
        closed = [m for m in rivals if _closes_organization(proposal.type, start, end, m)]
        trimmed.update((id(m), start) for m in closed)
        if any(
            not _strictly_inside(m, start, end) and (m.start, m.end) != (start, end) and m not in closed
            for m in rivals
        ):
            continue  # "United Nations High Commissioner for Refugees" over the model's "United Nations"
        same = next((m for m in names if (m.start, m.end) == (start, end)), None)
        kind = proposal.type
        if (
            same is not None
            and (same.rule in TYPE_RULES or (same.rule, kind) in TYPE_FIXES)
            and not (acronym_people and kind == "person" and _initials_of(same, texts, headed))
        ):
            kind = same.type
        if _title_opened_place(proposal, start, kind, same, titles):
            kind = "person"
        if same is None and kind == "organization":  # "ASEAN Political-Security Community Council"
            same = _gazetteer_inside(names, start, end, kind)
        spans.append((start, end, kind, same))
    for mention in trusted:
        end = trimmed.get(id(mention), mention.end)
        if not any(overlaps(mention.start, end, s, e) for s, e, _, _ in spans):
            spans.append((mention.start, end, mention.type, mention))
    spans.sort(key=lambda span: span[0])
    return spans


def _initials_of(mention: M, texts: Sequence[str], headed: frozenset[int] = frozenset()) -> bool:
    """The rules' organization is one all-capitals word ("SBY"): maybe a person's initials; not in
    brackets, where it is the short name of the organization before it ("Badan ... (BKSR)"), nor right
    after a title heading an organization ("Kepala BKSR": the head of the agency)."""
    return (
        mention.type == "organization"
        and mention.end - mention.start == 1
        and bool(texts)
        and texts[mention.start].isupper()
        and texts[mention.start].isalpha()
        and not (mention.start > 0 and texts[mention.start - 1] == "(")
        and mention.start not in headed
    )


def _title_opened_place(
    proposal: Proposal, start: int, kind: str, same: Mentionlike | None, titles: frozenset[int]
) -> bool:
    """The model's place opened with a person's title of several words ("Timbalan Perdana Menteri Bui
    Thanh Son"): such a title is no part of a place, and the rest is the name the rules read after it, a
    person. One title word may open a place's own name ("Raja Ampat", "Raja Basa"), and a place the
    gazetteer knows after a title ("Raja | Jordania") is the gazetteer's, not the title's."""
    return (
        kind == "place"
        and same is not None
        and same.rule == "title"
        and same.type == "person"
        and sum(i in titles for i in range(proposal.start, start)) >= MIN_TITLE_WORDS_OPENING_PLACE
    )


def _named_after_title(proposal: Proposal, titles: frozenset[int], is_word: Sequence[bool]) -> bool:
    """The model's place holds a title after its first word, and a word after the title: a street,
    stadium or base named after a titled person, whose title is part of the place's name."""
    words = [i for i in range(proposal.start, proposal.end) if is_word[i]]
    return (
        proposal.type == "place"
        and len(words) >= 3
        and words[0] not in titles
        and words[-1] not in titles
        and any(i in titles for i in words[1:-1])
    )


def _broken_title_runs(
    proposals: Sequence[Proposal],
    trusted: Sequence[M],
    blocked: set[int],
    is_word: Sequence[bool],
    texts: Sequence[str],
    family_named: frozenset[int],
) -> set[int]:
    """Ids of the rules' names after a title that hold an organization or place the model proposed:
    the title's body, then its holder ("Ketua DPP PKS Nasir Djamil": the party's board, then the
    person; "Kepala BATAN"), so the model's spans win over the one run-on person. A run opening with
    a family name is a person's name whatever the model reads inside it ("Bùi Thanh Sơn")."""
    inner = [
        (start, end)
        for p in proposals
        if p.type != "person"
        for start, end in [strip_edges(p.start, p.end, blocked, is_word, texts)]
        if start < end
    ]
    return {
        id(m)
        for m in trusted
        if m.rule == "title"
        and m.type == "person"
        and m.start not in family_named
        and any(
            m.start <= start and end <= m.end and (start, end) != (m.start, m.end) for start, end in inner
        )
    }


def _closes_organization(kind: str, start: int, end: int, rule: Mentionlike) -> bool:
    """The model's person ends an organization the rules ran on into the name ("Dewan Pertimbangan
    Partai Golkar Akbar Tandjung": the council, then its chair)."""
    return (
        kind == "person"
        and rule.type == "organization"
        and rule.rule == "org-shape"
        and rule.start < start
        and end == rule.end
    )


def _adds_lowercase_only(
    mention: Mentionlike, start: int, end: int, is_word: Sequence[bool], texts: Sequence[str]
) -> bool:
    """The rules' organization goes beyond the model's span only by lowercase words: a common word the
    run swallowed ("đăng" of "Báo ANTĐ đăng", "thông" of "Bộ GTVT thông qua"), so the model's span stands."""
    if mention.rule != "org-shape" or not texts:
        return False  # a gazetteer name is whole as listed ("châu Phi")
    outside = [i for i in range(mention.start, mention.end) if not start <= i < end and is_word[i]]
    return bool(outside) and all(texts[i][:1].islower() for i in outside)


def _strictly_inside(mention: Mentionlike, start: int, end: int) -> bool:
    return start <= mention.start and mention.end <= end and (mention.start, mention.end) != (start, end)


def _gazetteer_inside(names: Sequence[M], start: int, end: int, kind: str) -> M | None:
    """The gazetteer organization opening a longer organization's span (its body, council or office):
    its id links the span across languages, so stories and events find the organization through it."""
    return next(
        (
            m
            for m in names
            if m.rule == "gazetteer"
            and m.gazetteer_id
            and m.type == kind
            and m.start == start
            and m.end < end
        ),
        None,
    )
