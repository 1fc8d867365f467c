"""The PLOVER codebook: event types, their modes, quad categories, scores, and the PLOVER JSON export.

Facts (type and mode names, quad categories, scores, JSON field names) follow the PLOVER manual
(openeventdata/PLOVER, ``PLOVER_MANUAL.tex``, draft 2.0); the one-line definitions are ours.

Where CONCEDE ends and RETREAT begins (decided in round 5 from the published definitions only: the
manual's CONCEDE and RETREAT sections and the CAMEO-to-PLOVER table ``CAMEO2PLOVER-2021.txt``; no
example sentence of theirs was read for training or copied). The manual's test is *verbal versus
material*: RETREAT covers events "which have an immediate (not simply promised) material
consequence"; CONCEDE covers concessions "which have no immediate material consequences", including
promises of future concessions and "declarations (but not implementations)". So:

- **RETREAT** (carried out, takes effect now): releasing or handing back captives and seized
  property, pulling forces out or ceding ground, disarming or demobilising, letting observers,
  inspectors or aid in, observing a ceasefire, resigning; and, following the 2021 table (which moved
  "ease curfew" and "ease state of emergency" out of the verbal block into RETREAT, beside "ease
  economic sanctions, boycott, embargo" and "ease military blockade"), *lifting a curfew, a
  lockdown, a state of emergency, economic sanctions, an embargo or a blockade*. The manual's older
  CONCEDE prose still names "removing curfews"; we follow the later table, whose note is dated.
- **CONCEDE** (verbal, or no immediate material effect): an announced or promised retreat ("said it
  would withdraw", "pledged to free the hostages": the manual codes RETREAT in the future as
  CONCEDE, not AGREE); a declared ceasefire not yet observed; pardons, amnesties, acquittals and
  commuted sentences (the manual: the pardon is CONCEDE, the release itself RETREAT); apologies,
  admissions and expressions of regret; acceding to demands for reform or a change of policy or
  leadership (repealing a law, dropping a plan, conceding defeat); easing administrative or legal
  restrictions on persons and organisations (unbanning a party, a newspaper or rallies, easing visa
  rules); withdrawing a demand, a lawsuit or a veto; suspending a protest.

Round 4's codebook had the curfews, sanctions and emergencies on the CONCEDE side and promised
releases and withdrawals as AGREE; both independent blind annotators had drawn those two lines the
other way, which is also where the definitions above put them. The training sentences in
``data/sentences_*.tsv`` were relabelled to this line in round 5.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from newsloom.events.types import PLOVER_TYPES, Event

#: The codebook version the export declares in ``cite_info.codebook``.
CODEBOOK = "plover-2.0-draft"
CODER = "newsloom"


@dataclass(frozen=True)
class EventType:
    """One PLOVER event type."""

    name: str
    definition: str
    quad: int  # 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
    score: float  # PLOVER conflict-cooperation score of the type
    requires_recipient: bool = False
    modes: dict[str, str] = field(default_factory=dict)  # mode -> definition
    mode_scores: dict[str, float] = field(default_factory=dict)


QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

#: REQUEST and REJECT share their modes in PLOVER.
_ASK_MODES = {
    "assist": "about help, exchange or relations",
    "change": "about a change of policy, government or institutions that is not a concession",
    "yield": "about releasing prisoners, lifting sanctions, curfews or boycotts, or a ceasefire",
    "meet": "about meetings or negotiations",
}

TYPES: dict[str, EventType] = {
    t.name: t
    for t in (
        EventType(
            "AGREE",
            "Offers, promises or states willingness to cooperate, including promises to sign; "
            "future-tense cooperation of any kind.",
            1,
            2.5,
        ),
        EventType(
            "CONSULT",
            "Meets, visits, hosts, talks with or phones another actor.",
            1,
            2.5,
            modes={
                "visit": "one side travels to the other; in PLOVER JSON the visitor is the actor, the host the recipient",
                "third-party": "the meeting is hosted by someone else",
                "multilateral": "the meeting takes place within an alliance, a summit or an international organization",
                "phone": "by telephone, video link or another remote medium",
            },
            mode_scores={"visit": 4, "third-party": 1, "multilateral": 4, "phone": 1.5},
        ),
        EventType(
            "SUPPORT",
            "Praises, welcomes, thanks or endorses an actor or policy; signs or ratifies an agreement; "
            "opens or improves diplomatic ties (non-material).",
            1,
            5,
        ),
        EventType(
            "CONCEDE",
            "Makes a verbal concession, with no immediate material effect: promises or announces a retreat, "
            "declares a ceasefire, pardons, apologises, accedes to a demand for reform, eases administrative "
            "or legal restrictions on persons or organisations, withdraws a demand.",
            1,
            4.5,
        ),
        EventType(
            "COOPERATE",
            "Engages in mutual material cooperation: trade, joint exercises, extradition, intelligence sharing.",
            2,
            9.5,
            requires_recipient=True,
        ),
        EventType(
            "AID",
            "Gives material help that mainly benefits the recipient: money, equipment, relief, asylum.",
            2,
            10,
            requires_recipient=True,
            # the manual prints no AID mode table; its definition names these four kinds of aid
            modes={
                "economic": "money: grants, loans, credit, budget support, debt relief, reparations",
                "military": "military or police help: arms, equipment, training, personnel",
                "humanitarian": "relief: food, water, medicine, shelter, emergency or disaster aid, rescue",
                "asylum": "asylum for persons, on its territory or in an embassy",
            },
        ),
        EventType(
            "RETREAT",
            "Carries out a material concession that takes effect now: releases captives, withdraws, disarms, "
            "allows access, observes a ceasefire, resigns, lifts a curfew, an emergency, sanctions or a blockade.",
            2,
            6.5,
            modes={
                "withdraw": "pulls out of territory or an area",
                "release": "frees captives or prisoners",
                "disarm": "gives up weapons",
                "ceasefire": "observes a ceasefire",
                "access": "lets observers, peacekeepers or aid workers in",
                "resign": "an official steps down",
                # named by the definition ("the return of confiscated property"; the table's own
                # ``return`` line is commented out) and by the 2021 table's easing of curfews,
                # emergencies, sanctions and blockades, which the type's definition here follows
                "ease": "lifts or eases a curfew, restrictions, an emergency, sanctions, an embargo or a blockade",
                "return": "hands back seized property, territory or people's remains",
            },
            mode_scores={
                "withdraw": 8,
                "release": 6.5,
                "disarm": 10,
                "ceasefire": 7.5,
                "access": 6.5,
                "resign": 4.5,
            },
        ),
        EventType(
            "REQUEST",
            "Asks, urges, calls on, proposes to or demands of another actor (verbally).",
            3,
            0,
            modes=dict(_ASK_MODES),
            mode_scores={"assist": 0.5, "change": -1, "yield": -1, "meet": 0},
        ),
        EventType(
            "ACCUSE",
            "Criticises, condemns, accuses, sues or investigates an actor.",
            3,
            # the manual's table prints 3 for the type (its modes are all negative); we read it as -3
            -3,
            modes={
                "disapprove": "criticises, condemns or complains",
                "investigate": "opens or runs an investigation or inquiry",
                "allege": "accuses, charges, indicts or sues",
            },
            mode_scores={"disapprove": -2, "investigate": -3.5, "allege": -3.5},
        ),
        EventType(
            "REJECT",
            "Refuses, rejects or turns down a request, proposal or actor.",
            3,
            -2,
            modes=dict(_ASK_MODES),
            mode_scores={"assist": -1.5, "change": -2, "yield": -2, "meet": -2},
        ),
        EventType(
            "THREATEN",
            "Warns of or threatens serious consequences; the mode is what is threatened.",
            3,
            -3.5,
            modes={
                "restrict": "restrictions on movement or activity (blockade, boycott, ban)",
                "arrest": "arrest or detention",
                "relations": "breaking off relations or talks",
                "expel": "expelling diplomats, peacekeepers or organizations",
                "territory": "seizing territory",
                "violence": "violence",
            },
            mode_scores={
                "restrict": -3,
                "arrest": -3.5,
                "relations": -3.5,
                "expel": -3.5,
                "territory": -4,
                "violence": -3.5,
            },
        ),
        EventType(
            "PROTEST",
            "Takes part in collective civilian protest: demonstrations, riots, strikes, boycotts.",
            4,
            -5,
            modes={
                "demo": "a mostly peaceful demonstration",
                "riot": "a violent riot",
                "strike": "workers stop work",
                "hunger": "a hunger strike",
                "boycott": "withdraws commercial or social relations",
                "obstruct": "blocks passage or access",
                "vandalize": "damages property as a symbol",
            },
            mode_scores={
                "demo": -5,
                "riot": -7,
                "strike": -5,
                "hunger": -4.5,
                "boycott": -4.5,
                "obstruct": -4.5,
            },
        ),
        EventType(
            "SANCTION",
            "Reduces existing relations: sanctions, expulsions, suspensions, convictions.",
            # the manual's quad table lists SANCTION as verbal conflict, its own section as material
            # conflict; we follow the section and the summary table
            4,
            -6,
            requires_recipient=True,
            modes={
                "convict": "a court finds the recipient guilty or liable",
                "expel": "expels the recipient from a group or country (diplomats included)",
                "withdraw": "withdraws its own people or non-military resources",
                "discontinue": "cuts or ends exchanges, including economic sanctions",
            },
            mode_scores={"convict": -6, "expel": -5.5, "withdraw": -6, "discontinue": -6},
        ),
        EventType(
            "MOBILIZE",
            "Moves or readies military, police or armed forces short of using them.",
            4,
            -5.5,
            modes={
                "troops": "armed personnel",
                "weapons": "weapons systems",
                "police": "police or security units",
                "militia": "a non-state armed group",
            },
            mode_scores={"troops": -6.5, "weapons": -6.5, "police": -5.5, "militia": -6},
        ),
        EventType(
            "COERCE",
            "Represses or restricts without violence: arrests, raids, bans, curfews, deportations, cyber attacks.",
            4,
            -7,
            modes={
                "seize": "searches, raids or confiscates",
                "restrict": "restricts political freedom or movement",
                "censor": "censors or bans publications or information",
                "curfew": "imposes a curfew",
                "martial-law": "declares a state of emergency or martial law",
                "arrest": "arrests or detains",
                "deport": "expels or deports individuals",
                "withhold": "cuts off public goods or services",
                "misinformation": "deceives or spreads misinformation",
                "cyber": "hacks or attacks computer systems",
            },
            mode_scores={
                "seize": -7,
                "restrict": -7,
                "censor": -6.5,
                "curfew": -6.5,
                "martial-law": -7.5,
                "arrest": -7,
                "deport": -7,
                "withhold": -7,
                "misinformation": -6.5,
                "cyber": -7,
            },  # fmt: skip
        ),
        EventType(
            "ASSAULT",
            "Uses physical force that can cause serious harm: attacks, killings, kidnappings, bombings.",
            4,
            -9,
            modes={
                "abduct": "kidnaps or hijacks",
                "beat": "beats or strikes people",
                "torture": "tortures",
                "sexual": "sexual violence",
                "targeted": "kills or tries to kill chosen people",
                # the assassinations of ``targeted`` (a named person killed or attacked to be killed),
                # apart from executions and mass killings
                "assassinate": "assassinates or tries to assassinate a chosen person",
                "destroy": "destroys property on purpose",
                "primitive": "with fire, blades, stones or tools",
                "firearms": "with small arms",
                "explosives": "with mines or bombs",
                "suicide-attack": "a suicide attack",
                "aerial": "from manned aircraft",
                "drone": "from drones",
                "heavy-weapons": "with artillery, rockets or armour",
                "crowd-control": "with tear gas, water cannon or similar",
                "unconventional": "with chemical, biological, radiological or nuclear weapons",
            },
            mode_scores={
                "abduct": -8.5,
                "beat": -7.5,
                "torture": -8.5,
                "sexual": -8.5,
                "targeted": -9.5,
                "destroy": -8.5,
                "primitive": -8,
                "firearms": -9,
                "explosives": -9,
                "suicide-attack": -9.5,
                "aerial": -9.5,
                "drone": -9.5,
                "heavy-weapons": -9.5,
                "crowd-control": -7.5,
                "unconventional": -10,
            },  # fmt: skip
        ),
    )
}

assert tuple(TYPES) == PLOVER_TYPES, "codebook and PLOVER_TYPES disagree"

#: Every mode the codebook defines, of any type. The stage reports each of them where the text
#: names it (the issue asks for "the codebook's modes per type"; the held-out evaluation is PLOVER's).
#: A gold set written to a closed list of modes declares that list beside it and is scored in its own
#: convention (``sentence_eval.load_coded_modes``); the codebook never narrows what is reported.
ALL_MODES = frozenset(mode for entry in TYPES.values() for mode in entry.modes)

#: PLOVER general contexts (names only).
CONTEXTS = (
    "military", "intelligence", "executive", "legislative", "election", "political_institutions",
    "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights", "rights_freedoms",
    "repression", "human_security", "gender", "lgbt", "religion_ethnicity", "inequality", "diplomatic",
    "territory", "peacekeeping", "health", "asylum", "migration", "disasters", "natural_resource",
    "environment", "technology", "terrorism", "cbrn", "cyber", "misinformation", "crime", "corruption",
    "illegal_drugs", "trafficking",
)  # fmt: skip

#: PLOVER codes for international non-state actors, used where a country code would go.
NON_STATE_CODES = {
    "IGO": "international governmental organization",
    "UNO": "United Nations",
    "EUR": "European Union",
    "NGO": "non-governmental organization",
    "ISM": "international social movement",
    "IMG": "transnational militarized group",
    "MNC": "multinational corporation",
}

#: PLOVER sector codes (primary).
SECTORS = (
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK",
    "AGR", "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
)  # fmt: skip

#: Words in a role id that tell the sector of its holder (first match wins).
ROLE_SECTORS = (
    ("police", "COP"),
    ("military", "MIL"),
    ("army", "MIL"),
    ("defen", "MIL"),
    ("court", "JUD"),
    ("judge", "JUD"),
    ("prosecutor", "JUD"),
    ("legislat", "LEG"),
    ("parliament", "LEG"),
    ("party", "PTY"),
    ("head_of", "GOV"),
    ("minister", "GOV"),
    ("ambassador", "GOV"),
    ("governor", "GOV"),
    ("mayor", "GOV"),
    ("secretary", "GOV"),
    ("agency", "GOV"),
)


def event_type(name: str) -> EventType:
    """The codebook entry of a type name (case-insensitive)."""
    try:
        return TYPES[name.upper()]
    except KeyError:
        raise KeyError(f"'{name}' is not a PLOVER event type. Types: {', '.join(TYPES)}.") from None


def is_mode(type_name: str, mode: str | None) -> bool:
    """Whether ``mode`` is one PLOVER defines for ``type_name`` (None always is)."""
    return mode is None or mode in event_type(type_name).modes


def event_scale(type_name: str, mode: str | None = None) -> float:
    """The PLOVER conflict-cooperation score of a type, or of its mode when PLOVER scores it."""
    entry = event_type(type_name)
    if mode and mode in entry.mode_scores:
        return float(entry.mode_scores[mode])
    return float(entry.score)


def sector_of(role: str | None) -> str | None:
    """A PLOVER sector code for a role vocabulary id, when the id says."""
    if not role:
        return None
    for word, sector in ROLE_SECTORS:
        if word in role:
            return sector
    return None


# -- PLOVER JSON export --------------------------------------------------------------------------


def _entity(actor: Mapping[str, Any]) -> dict[str, Any]:
    """A PLOVER entity object from one of our actor dicts."""
    out: dict[str, Any] = {
        "entity_text": actor.get("text") or actor.get("name"),
        "identifier_id": actor.get("key"),
        "identifier_text": actor.get("name"),
    }
    if actor.get("country"):
        out["code"] = actor["country"]
    sector = sector_of(actor.get("role"))
    if sector:
        out["sector"] = sector
    if actor.get("role_text") or actor.get("role"):
        out["office"] = actor.get("role_text") or actor.get("role")
    return out


def _as_record(event: Event | Mapping[str, Any]) -> dict[str, Any]:
    """The corpus-record shape (as ``export_events`` writes it) of an Event or a record."""
    if not isinstance(event, Event):
        return dict(event)
    return {
        "id": f"{event.group}:{event.sentence}",
        "type": event.type,
        "mode": event.mode,
        "date": event.date,
        "date_end": event.date_end,
        "precision": event.precision,
        "actors": {
            "source": [a.to_dict() for a in event.source_actors]
            or [{"key": k, "name": k} for k in event.source],
            "target": [a.to_dict() for a in event.target_actors]
            or [{"key": k, "name": k} for k in event.target],
        },
        "host": event.host,
        "location": event.location,
        "context": list(event.context),
        "sources": [
            {
                "language": event.language,
                "sentence": event.evidence,
                "sentence_index": event.sentence,
                "trigger": event.trigger,
                "start": event.start,
                "end": event.end,
            }
        ],
        "discrepancies": [],
        "confidence": event.confidence,
    }


def to_plover(event: Event | Mapping[str, Any], coded_date: str | None = None) -> dict[str, Any]:
    """A PLOVER JSON record (the codebook's field names) for a stored event record or an Event.

    For CONSULT ``visit`` events PLOVER puts the visitor in ``actor`` and the host in
    ``recipient``; our records keep the grammatical source (the host in "A received B") and say
    who hosts in ``host``, so the two are swapped here when the source is the host.
    """
    record = _as_record(event)
    actors = record.get("actors") or {}
    source = list(actors.get("source") or [])
    target = list(actors.get("target") or [])
    joint = bool(record.get("joint"))
    if record.get("type") == "CONSULT" and record.get("mode") == "visit" and record.get("host") == "source":
        source, target = target, source
    if joint:  # a meeting or agreement with no direction: every participant is an actor
        source, target = source + target, []
    mode = record.get("mode")
    out: dict[str, Any] = {
        "id": f"{CODER}-{record.get('id')}",
        "date": record.get("date"),
        "actor": [_entity(a) for a in source],
        "recipient": [_entity(a) for a in target],
        "event": [record["type"]],
        "mode": [mode] if mode else [],
        "context": list(record.get("context") or []),
        "quad_code": event_type(record["type"]).quad,
        "event_scale": event_scale(record["type"], mode),
        "event_text": [s.get("trigger") for s in record.get("sources", []) if s.get("trigger")],
        "coder": CODER,
        "coded_date": coded_date or datetime.now(UTC).date().isoformat(),
    }
    if record.get("date_end") and record.get("date_end") != record.get("date"):
        out["enddate"] = record["date_end"]
    if record.get("location"):
        out["event_loc"] = {"extracted_place": record["location"], "resolved_place": record["location"]}
    sources = record.get("sources") or []
    if sources:
        first = sources[0]
        text_info: dict[str, Any] = {"sequence": first.get("sentence_index")}
        if first.get("start") is not None:
            text_info.update(start=first.get("start"), end=first.get("end"))
        out["text_info"] = text_info
    out["cite_info"] = [
        {
            "corpus": s.get("path"),
            "language": s.get("language"),
            "title": s.get("title"),
            "url": s.get("url"),
            "coder": CODER,
            "codebook": CODEBOOK,
        }
        for s in sources
    ] or [{"coder": CODER, "codebook": CODEBOOK}]
    if record.get("discrepancies"):
        out["comment"] = "; ".join(d.get("summary", "") for d in record["discrepancies"])
    return out
