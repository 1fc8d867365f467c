"""Language identification of a batch (issue #18): the long samples of the texts lingua is unsure of
go to lingua in one parallel call too, and every answer is the one of an article alone."""

from __future__ import annotations

from newsloom import langcheck, langid
from newsloom.article import Article
from newsloom.settings import Settings
from tests.conftest import EXAMPLES

#: Mixed-language openings keep lingua under ``SURE`` on the first sample, so the long one is read.
MIXED = [
    "Hội nghị ASEAN summit meeting tại Jakarta pertemuan para menteri luar negeri "
    + "the ministers met Bộ trưởng các nước " * 12
    + "Para menteri luar negeri negara-negara ASEAN bertemu di Jakarta untuk membahas kerja sama. " * 40,
    "OK 12",  # too short to tell
    "Delegasi Vietnam dan delegation of Viet Nam " * 10
    + "Đoàn đại biểu Việt Nam đã làm việc với các đối tác. " * 60,
]


def test_a_batch_answers_as_each_article_alone() -> None:
    settings = Settings()
    identifier = langid.LanguageIdentifier(settings)
    texts = [p.read_text(encoding="utf-8") for p in sorted((EXAMPLES / "text").glob("*.txt"))] + MIXED
    articles = [Article(id=f"a{i}", path=f"a{i}.txt", text=t) for i, t in enumerate(texts)]
    batch = identifier.pipe(articles)
    alone = [
        langid.identify(
            langid._text_of(a), identifier._narrow, identifier._wide_detector, identifier.min_confidence
        )
        for a in articles
    ]
    assert [(a.language, a.language_confidence) for a in batch] == [
        (a.language, a.language_confidence) for a in map(identifier, articles)
    ]
    # lingua alone reads each the same; the ones the packs settle first (langcheck) carry its confidence
    settled = {
        a.id for a in batch if "language" in a.metadata and a.metadata["language"].detail == "pack words"
    }
    assert settled, "the packs must settle some example for this test to check them"
    assert [(a.language, a.language_confidence) for a in batch] == [
        (code, langcheck.SETTLED_CONFIDENCE if a.id in settled else round(conf, 3))
        if code
        else (None, a.language_confidence)
        for (code, conf), a in zip(alone, articles, strict=True)
    ]
    unsure = [
        a
        for a in articles
        if len(langid._text_of(a)) > langid.SAMPLE_CHARS
        and langid._best(identifier._narrow, langid._text_of(a)[: langid.SAMPLE_CHARS])[1] < langid.SURE
    ]
    assert unsure, "some text must take the long sample for this test to check the batched call"
