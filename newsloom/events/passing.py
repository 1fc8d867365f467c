"""Acts told in passing: an article about something else that tells an act in one clause ("The
meeting came a day after police arrested two men in Bali", "Pertemuan berlangsung sehari setelah
aparat di Bali menggagalkan ...") mentions it; it does not report it. Such a source row joins the
act's record (one record per real event) as kind ``mention``: shown apart ("Also mentioned in"), and
not counted among its reports, in its trust figures or its agreement (``events/stored.py``).

The cues are the language packs' look-backs (``days_after``, ``in_passing``): one before the trigger,
inside its sentence, and not opening it, or opening it with no comma before the trigger ("A day after
police arrested two men, the ministers met": the arrest is told in passing, the meeting is the news).
"""

from __future__ import annotations

from newsloom.article import Article
from newsloom.events.rules import EventRules
from newsloom.events.types import Event
from newsloom.lang import load_part
from newsloom.store.events import MENTION_KIND

REPORT = "report"
MENTION = MENTION_KIND
#: The pack fields whose match before a trigger tells its act in passing.
LOOK_BACKS = ("days_after", "in_passing")
#: What may come before a look-back that opens its sentence (quotes, dashes).
OPENING = " \"'“‘—-"


def source_kind(article: Article, event: Event) -> str:
    """``mention`` when ``event`` is told in passing in its sentence of ``article``, else ``report``."""
    return MENTION if told_in_passing(article, event) else REPORT


def told_in_passing(article: Article, event: Event) -> bool:
    """Whether a look-back clause of the pack of the event's language holds the event's trigger."""
    if not 0 <= event.sentence < len(article.sentences):
        return False
    sentence = article.sentences[event.sentence]
    if not sentence.start <= event.start <= sentence.end:
        return False  # read from the whole sentence, or not placed in it: no clause to tell
    rules: EventRules = load_part(event.language or sentence.language or article.language, "events")
    text = article.text
    for field in LOOK_BACKS:
        for found in rules.compiled(field).finditer(text, sentence.start, event.start):
            opens = not text[sentence.start : found.start()].strip(OPENING)
            if not opens or "," not in text[found.end() : event.start]:
                return True
    return False
