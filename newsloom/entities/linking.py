"""Corpus-level linking: each entity of a new article joins a stored canonical entity, or starts one.

Incremental and cheap: an article's entities are looked up only through indexed blocking keys
(gazetteer id, diacritic-folded full name, acronym, and a given name for a person named by one
word), never against every stored entity. Diacritics and case do not matter when the rest agrees
("Bui Thanh Son" = "Bùi Thanh Sơn"), but two marked spellings that differ ("Hùng" vs "Hưng") are two
people. Each link keeps its evidence (article, sentence, offsets, rule) and a score.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from newsloom.article import Article
from newsloom.entities.gazetteer import load_gazetteer
from newsloom.entities.names import (
    diacritic_weight,
    fold,
    folded_name,
    has_diacritics,
    is_acronym,
    name_tokens,
)
from newsloom.entities.stage import family_names
from newsloom.entities.types import Mention
from newsloom.store import Connection
from newsloom.store import entities as sql

#: How much a link rule is trusted (multiplied into the mention's own score).
LINK_SCORES = {"gazetteer": 1.0, "full-name": 0.95, "acronym": 0.85, "name-part": 0.6, "new": 1.0}
#: Below this recogniser score a mention's type is a guess (generic capitalised runs): it may join
#: a stored entity of another type found by the same full name.
TYPE_GUESS_SCORE = 0.7
#: The rule of a mention the learned model typed ("model:vi-1.0.0").
MODEL_RULE = "model:"
#: Types the learned model confuses for one name across articles (a province and its government).
INTERCHANGEABLE_TYPES = {"place", "organization"}
#: Evidence sentences are cut to this many characters.
EVIDENCE_CHARS = 300


@dataclass(frozen=True, slots=True)
class Link:
    """The stored entity an in-article entity was linked to, and how."""

    key: str  # the in-article key (Mention.key)
    entity_id: int
    entity_key: str
    name: str
    type: str
    rule: str  # gazetteer | full-name | acronym | name-part | new
    score: float
    mentions: int
    created: bool


@dataclass(slots=True)
class _Group:
    key: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def names(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind == "name"]

    @property
    def type(self) -> str:
        types = Counter(m.type for m in self.names) or Counter(m.type for m in self.mentions)
        return types.most_common(1)[0][0]

    @property
    def guessed(self) -> bool:
        return max((m.score for m in self.names), default=0.0) < TYPE_GUESS_SCORE

    @property
    def model_typed(self) -> bool:
        """Every name was typed by the learned model alone (no gazetteer, title or shape confirmed it)."""
        return bool(self.names) and all(m.rule.startswith(MODEL_RULE) for m in self.names)

    @property
    def canonical(self) -> str:
        named = [m.canonical for m in self.mentions if m.canonical]
        return named[0] if named else (self.names[0].text if self.names else self.mentions[0].text)


def link_article(conn: Connection, article: Article) -> list[Link]:
    """Link every entity of ``article`` (its mentions grouped by in-article key) to the store.

    Call inside the article's transaction, after the entity stage ran. Re-linking an article
    replaces its earlier links.
    """
    sql.remove_article_links(conn, article.id)
    groups: dict[str, _Group] = {}
    for mention in article.entities:
        if mention.key:
            groups.setdefault(mention.key, _Group(mention.key)).mentions.append(mention)
    if not groups:
        return []
    wanted = {k for g in groups.values() for k in _lookup_keys(g)}
    candidates = sql.entities_for_keys(conn, {k for k in wanted if not k.startswith("part:")})
    for key in (k for k in wanted if k.startswith("part:")):
        # a given name is shared by many: two holders are enough to know it is ambiguous
        candidates[key] = sql.entities_for_key(conn, key, limit=2)
    links: list[Link] = []
    by_key: dict[str, Link] = {}
    for group in groups.values():
        link = _resolve(conn, group, candidates)
        by_key[group.key] = link
        links.append(link)
    _store(conn, article, groups, by_key)
    return links


def _lookup_keys(group: _Group) -> list[str]:
    keys = []
    if group.key in load_gazetteer().entries:
        keys.append(f"gaz:{group.key}")
    for mention in group.names:
        folded = folded_name(mention.text)
        if not folded:
            continue
        keys.append(f"full:{folded}")
        if is_acronym(mention.text):
            keys.append(f"acr:{mention.text}")
        if group.type == "person" and len(name_tokens(mention.text)) == 1:
            keys.append(f"part:{folded}")
    return keys


def _blocking_keys(group: _Group, type_: str) -> list[str]:
    """The keys written for an entity after linking: how later articles will find it."""
    keys = [k for k in _lookup_keys(group) if not k.startswith("part:")]
    if type_ == "person":
        for mention in group.names:
            words = name_tokens(mention.text)
            if len(words) < 2:
                continue
            first = mention.text.split()[0]
            parts = (words[-1],) if first in family_names() else (words[0], words[-1])
            keys.extend(f"part:{p}" for p in parts)
    return keys


def _resolve(conn: Connection, group: _Group, found: dict[str, list[sql.StoredEntity]]) -> Link:
    gaz = f"gaz:{group.key}"
    if gaz in found:
        return _link(group, found[gaz][0], "gazetteer", False)
    for mention in sorted(group.names, key=lambda m: -len(name_tokens(m.text))):
        folded = folded_name(mention.text)
        options = [e for e in found.get(f"full:{folded}", []) if _type_fits(group, e)]
        options = _same_marks(conn, options, mention.text, folded)
        if options:
            return _link(group, max(options, key=lambda e: e.article_count), "full-name", False)
    if group.type == "organization":
        for mention in group.names:
            options = [e for e in found.get(f"acr:{mention.text}", []) if _type_fits(group, e)]
            if options:
                return _link(group, max(options, key=lambda e: e.article_count), "acronym", False)
    if group.type == "person" and all(len(name_tokens(m.text)) == 1 for m in group.names) and group.names:
        folded = folded_name(group.names[0].text)
        people = {e.id: e for e in found.get(f"part:{folded}", []) if e.type == "person"}
        if len(people) == 1:  # a one-word name joins a known person only when nobody else shares it
            return _link(group, next(iter(people.values())), "name-part", False)
    return _create(conn, group)


def _type_fits(group: _Group, entity: sql.StoredEntity) -> bool:
    """A stored entity of the group's type; or of any type if the type was guessed; or, for a name the
    model alone typed, the other one of place and organization (the model types "Quảng Ninh" a place
    in one article and an organization in the next; the name is one entity, of its first type)."""
    if entity.type == group.type or group.guessed:
        return True
    return group.model_typed and {entity.type, group.type} == INTERCHANGEABLE_TYPES


def _same_marks(
    conn: Connection, options: list[sql.StoredEntity], text: str, folded: str
) -> list[sql.StoredEntity]:
    """Drop candidates whose spelling of this name carries other diacritics ("Hùng" is not "Hưng")."""
    if not options or not has_diacritics(text):
        return options
    aliases = sql.aliases_with_folded(conn, [e.id for e in options], folded)
    kept = []
    for entity in options:
        spelled = aliases.get(entity.id, [])
        marked = [a for a in spelled if has_diacritics(a)]
        if not marked or any(a.casefold() == text.casefold() for a in marked):
            kept.append(entity)
    return kept


def _create(conn: Connection, group: _Group) -> Link:
    gazetteer = load_gazetteer()
    entry = gazetteer.entries.get(group.key)
    key = group.key
    n = 1
    while sql.key_taken(conn, key):  # same folded name, other diacritics: another entity
        n += 1
        key = f"{group.key}#{n}"
    type_ = entry.type if entry else group.type
    entity = sql.insert_entity(
        conn, key, entry.name if entry else group.canonical, type_, entry.id if entry else None
    )
    return _link(group, entity, "new", True)


def _link(group: _Group, entity: sql.StoredEntity, rule: str, created: bool) -> Link:
    return Link(
        key=group.key,
        entity_id=entity.id,
        entity_key=entity.key,
        name=entity.name,
        type=entity.type,
        rule=rule,
        score=LINK_SCORES[rule],
        mentions=len(group.mentions),
        created=created,
    )


def _store(conn: Connection, article: Article, groups: dict[str, _Group], links: dict[str, Link]) -> None:
    """Write one article's links, aliases, blocking keys, counts and roles in a few batched statements."""
    language_of = {n: s.language or article.language for n, s in enumerate(article.sentences)}
    rows: list[dict[str, Any]] = []
    aliases: Counter[tuple[int, str, str, str]] = Counter()
    keys: dict[int, list[str]] = {}
    updates: list[sql.EntityUpdate] = []
    sightings: list[sql.RoleSighting] = []
    for key, group in groups.items():
        link = links[key]
        for m in group.mentions:
            rows.append(
                {"entity_id": link.entity_id, "article_id": article.id, "article_path": article.path,
                 "published": article.published, "sentence": m.sentence, "start_offset": m.start,
                 "end_offset": m.end, "text": m.text, "kind": m.kind, "rule": f"{m.rule}|{link.rule}",
                 "score": round(m.score * link.score, 3)}
            )  # fmt: skip
            if m.kind == "name":
                language = (
                    language_of.get(m.sentence) if m.sentence is not None else None
                ) or article.language
                aliases[
                    (link.entity_id, " ".join(m.text.split()), folded_name(m.text), language or "xx")
                ] += 1
            for role in m.roles:
                of_link = links.get(role.of) if role.of else None
                sightings.append(
                    sql.RoleSighting(
                        link.entity_id, role.role, of_link.entity_key if of_link else (role.of or ""),
                        of_link.entity_id if of_link else None, role.text,
                        _sentence_text(article, m)[:EVIDENCE_CHARS],
                    )
                )  # fmt: skip
        keys.setdefault(link.entity_id, []).extend(_blocking_keys(group, link.type))
        updates.append(sql.EntityUpdate(link.entity_id, len(group.mentions), _better_name(link, group)))
    sql.add_links(conn, rows)
    sql.add_aliases(conn, dict(aliases))
    sql.add_keys(conn, keys)
    sql.update_entities_after_link(conn, _merge_updates(updates), article.published)
    sql.upsert_roles(conn, sightings, article.published, article.id)


def _merge_updates(updates: list[sql.EntityUpdate]) -> list[sql.EntityUpdate]:
    """Two in-article keys linked to one stored entity count as one article for it."""
    merged: dict[int, sql.EntityUpdate] = {}
    for u in updates:
        old = merged.get(u.entity_id)
        merged[u.entity_id] = (
            u if old is None else sql.EntityUpdate(u.entity_id, old.mentions + u.mentions, old.name or u.name)
        )
    return list(merged.values())


def _better_name(link: Link, group: _Group) -> str | None:
    """The canonical name keeps diacritics where any source has them, and the fullest form."""
    if link.key in load_gazetteer().entries or link.created:
        return None
    new = group.canonical
    if link.type != group.type:
        return None
    old_rank = (len(name_tokens(link.name)), diacritic_weight(link.name))
    new_rank = (len(name_tokens(new)), diacritic_weight(new))
    same_name = fold(new) == fold(link.name)
    return new if new_rank > old_rank and (same_name or new_rank[0] > old_rank[0]) else None


def _sentence_text(article: Article, mention: Mention) -> str:
    if mention.sentence is not None and 0 <= mention.sentence < len(article.sentences):
        return article.sentences[mention.sentence].text
    return article.text[max(0, mention.start - 100) : mention.end + 100]
