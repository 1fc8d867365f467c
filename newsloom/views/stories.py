"""Stories and storylines as a person looks at them: lists, and one story with its reports side by
side by language, its events, entities and dates."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import computed_field

from newsloom.store import Connection
from newsloom.stories.queries import list_stories, list_storylines, story_detail
from newsloom.views.common import Model, Page, page_of
from newsloom.views.trust import Trust


class StorySummary(Model):
    """A story in a list: its best title, a title per language, dates, reports per language."""

    id: int
    title: str | None
    titles: dict[str, str]
    date: str | None
    date_first: str | None
    date_last: str | None
    articles: int
    languages: dict[str, int]
    storyline: int | None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def trust(self) -> Trust:
        """Reports and their languages; a story has no confidence of its own (None)."""
        return Trust(sources=self.articles, languages=len(self.languages), confidence=None)


class StoryReport(Model):
    """An article (or one segment of a roundup) in a story."""

    id: str
    path: str | None
    title: str | None
    published: str | None
    date: str | None
    segment: int | None
    passage: str | None
    score: float
    joined_by: str


class StoryEvent(Model):
    id: int
    type: str
    date: str | None
    title: str
    parent: int | None
    articles: int
    mentions: int


class StoryEntity(Model):
    key: str
    name: str
    type: str
    mentions: int


class StoryDetail(StorySummary):
    """One story: its reports by language, the events and entities they report, their dates."""

    articles_by_language: dict[str, list[StoryReport]]
    events: list[StoryEvent]
    entities: list[StoryEntity]
    dates: list[str]
    storyline_span: tuple[str | None, str | None] | None = None
    #: the id asked for, when re-clustering merged that story into this one (None otherwise)
    moved_from: int | None = None


class Storyline(Model):
    """Stories linked over days, in date order."""

    id: int
    title: str | None
    #: principal actors, topic and place, e.g. "Lương Cường, Cyril Ramaphosa: talks (Hà Nội)"
    name: str | None = None
    date_first: str | None
    date_last: str | None
    stories: list[StorySummary]


@dataclass(frozen=True)
class StoryQuery:
    date_from: str | None = None
    date_to: str | None = None
    limit: int = 20
    offset: int = 0


def stories_view(conn: Connection, query: StoryQuery) -> Page[StorySummary]:
    """Stories newest first (by representative date)."""
    rows = list_stories(
        conn, limit=query.limit + 1, offset=query.offset, date_from=query.date_from, date_to=query.date_to
    )
    return page_of([StorySummary.model_validate(r) for r in rows], query.limit, query.offset)


def story_view(conn: Connection, story_id: int) -> StoryDetail | None:
    """One story; None when there is no such story."""
    record = story_detail(conn, story_id)
    return StoryDetail.model_validate(record) if record is not None else None


def storylines_view(conn: Connection, limit: int = 20, offset: int = 0) -> Page[Storyline]:
    """Storylines latest first, each with its stories in date order."""
    rows = list_storylines(conn, limit=limit + 1, offset=offset)
    return page_of([Storyline.model_validate(r) for r in rows], limit, offset)
