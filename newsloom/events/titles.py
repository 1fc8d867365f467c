"""A person's title and affiliations as written around their name.

"UN Secretary-General António Guterres", "Direktur Eksekutif Kantor PBB ... (UNODC) Ghada Waly",
"Ghada Waly, Executive Director of UNODC, ...": the organizations and countries of the title or the
appositive are what the person speaks for, not actors of their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsloom.article import Sentence
from newsloom.entities.types import Mention
from newsloom.events.actors import fold
from newsloom.events.conjunctions import default_list_words

#: A place/organization this close before a person, with only words between, is the person's title
#: ("Tổng thống Nam Phi Matamela Cyril Ramaphosa", "UN Secretary-General António Guterres").
TITLE_PREFIX_GAP = 30


#: An appositive after a person ("Ghada Waly, Executive Director of UNODC, ...") reaches this far.
APPOSITIVE_REACH = 220


def _role_of_key(mention: Mention, article_mentions: Sequence[Mention]) -> str | None:
    if not mention.role_of:
        return None
    wanted = fold(mention.role_of)
    for other in article_mentions:
        if other.key and wanted in (fold(other.key), fold(other.canonical or ""), fold(other.text)):
            return fold(other.key)
    return wanted


def affiliations(
    person: Mention,
    mentions: Sequence[Mention],
    text: str,
    article_mentions: Sequence[Mention],
    clause: re.Pattern[str] | None = None,
    stop: re.Pattern[str] | None = None,
) -> tuple[str, ...]:
    """Organizations and countries a person speaks for: role_of, the title before, the appositive
    after (not one ``clause`` opens: "Sugiono, speaking at the meeting of X" is no title; none past a
    ``stop``, the packs' ``appositive_stops``: "who", "để", "yang")."""
    stop = stop or default_list_words().appositive_stop
    keys: list[str] = []
    role_of = _role_of_key(person, article_mentions)
    if role_of:
        keys.append(role_of)
    for other in mentions:
        if other is person or other.type == "person":
            continue
        if other.end <= person.start:
            if title_gap(text[other.end : person.start]):
                keys.append(fold(other.key or other.canonical or other.text))
        elif other.start >= person.end:
            gap = text[person.end : other.start]
            if not gap.lstrip().startswith((",", "(")) or len(gap) > APPOSITIVE_REACH:
                continue
            if stop.search(gap) or (clause is not None and clause.match(gap.lstrip(" ,("))):
                continue
            if any(
                m.type == "person" and person.end <= m.start < other.start and fold(m.key) != fold(person.key)
                for m in mentions
            ):
                continue
            if _in_next_title(other, person, mentions, text):
                continue  # "Quang, met UNODC Executive Director Ghada Waly": Waly's body, not Quang's
            keys.append(fold(other.key or other.canonical or other.text))
    return tuple(dict.fromkeys(k for k in keys if k))


def _in_next_title(other: Mention, person: Mention, mentions: Sequence[Mention], text: str) -> bool:
    """Whether ``other`` opens the title of another person named after it."""
    return any(
        m.type == "person"
        and m.start >= other.end
        and fold(m.key or m.text) != fold(person.key or person.text)
        and title_gap(text[other.end : m.start])
        for m in mentions
    )


def title_parts(outer: list[Mention], text: str) -> set[int]:
    """Indexes of the mentions that are part of a person's title, not actors of their own."""
    absorbed: set[int] = set()
    for i, mention in enumerate(outer):
        if mention.type != "person":
            continue
        # "Direktur Eksekutif Kantor PBB ... (UNODC) Ghada Waly": every organization of the title
        right = mention
        for j in range(i - 1, -1, -1):
            before = outer[j]
            if before.type == "person" or not title_gap(text[before.end : right.start]):
                break
            absorbed.add(j)
            right = before
    for i, mention in enumerate(outer[:-1]):
        after = outer[i + 1]
        # "Tổng thống Nam Phi" where the entity stage found the title "Tổng thống" standing for a person
        titled = mention.type == "person" and mention.kind == "title" and after.type != "person"
        if titled and not text[mention.end : after.start].strip():
            absorbed.add(i + 1)
    return absorbed


def phrase_start(i: int, outer: list[Mention], absorbed: set[int], text: str, sentence: Sentence) -> int:
    """Where the actor's phrase starts: before the organizations of its title and the title itself."""
    mention = outer[i]
    lead = mention.start
    for j in range(i - 1, -1, -1):
        if j not in absorbed:
            break
        lead = outer[j].start
    if mention.role_text:  # the title as written just before the name or its organizations
        at = text.rfind(mention.role_text, max(sentence.start, lead - len(mention.role_text) - 3), lead)
        lead = at if at >= 0 else lead
    return lead


def title_gap(gap: str) -> bool:
    """Only capitalised title words between an organization/country and a person ("UN Secretary-General")."""
    if len(gap) > TITLE_PREFIX_GAP or re.search(r"[,;.]", gap):
        return False
    return all(word.strip("()")[:1].isupper() for word in gap.split() if word.strip("()"))
