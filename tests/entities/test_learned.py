"""The learned recogniser and the gate on it (newsloom/entities/learned.py, evaluate.py).

Gates: sentences written for this project (tests/gold/entities/sentences.jsonl, never used in
training), the blind sentences (tests/gold/blind/entities.jsonl, never tuned on) and, where the public
training files are fetched under /work/.mirror, our held-out 10% of them. Floors in
tests/gold/entity_floors.json.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsloom.entities import corpora
from newsloom.entities.evaluate import compare, compare_gold_file, figures, score
from newsloom.entities.learned import learned_recogniser, model_version, shipped_languages
from newsloom.lang import load_part
from tests.entities.conftest import make_article

ROOT = Path(__file__).resolve().parents[2]
FLOORS = json.loads((ROOT / "tests" / "gold" / "entity_floors.json").read_text(encoding="utf-8"))
SENTENCES = ROOT / "tests" / "gold" / "entities" / "sentences.jsonl"
BLIND = ROOT / "tests" / "gold" / "blind" / "entities.jsonl"
LANGUAGES = ("en", "id", "vi")
#: Languages whose pack lets the shipped model propose the spans; the quality gates below are on these.
ACTIVE = tuple(code for code in LANGUAGES if load_part(code, "entities").learned_model)


def spans(text: str, language: str) -> list[tuple[str, str]]:
    article = make_article(text, language)
    return [(m.text, m.type) for m in article.entities if m.kind == "name"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_model_ships_with_its_provenance(language: str) -> None:
    assert language in shipped_languages()
    model = learned_recogniser(language)
    assert model is not None
    assert model.meta["version"] == model_version(language)
    assert model.meta["sources"] and all(s["licence"] for s in model.meta["sources"])
    size = sum(p.stat().st_size for p in model.path.rglob("*") if p.is_file())
    assert size < 12_000_000, f"the {language} model is {size / 1e6:.1f} MB; keep it small"


def test_the_model_is_loaded_once_per_process() -> None:
    assert learned_recogniser("en") is learned_recogniser("en")


def test_malay_keeps_the_indonesian_model_it_was_checked_with() -> None:
    # id was retrained (1.1.0); Malay keeps its own copy of id 1.0.0, the model its linking was checked with
    malay, indonesian = learned_recogniser("ms"), learned_recogniser("id")
    assert malay is not None and indonesian is not None and malay is not indonesian
    assert (malay.version, indonesian.version) == ("ms-1.0.0", "id-1.1.0")


def test_a_language_without_its_own_model_borrows_the_close_relative_its_pack_names(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from newsloom.entities import learned

    (tmp_path / "id").mkdir()
    (tmp_path / "id" / "meta.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(learned, "MODELS_DIR", tmp_path)
    assert learned.model_path("ms") == tmp_path / "id"
    assert learned.model_path("fr") is None


def test_a_language_without_a_model_keeps_the_rules() -> None:
    assert learned_recogniser("fr") is None
    assert ("Jakarta", "place") in spans("Le ministre est arrivé à Jakarta lundi.", "fr")


def test_single_unknown_capitalised_words_are_found() -> None:
    found = spans("He visited Scotland and Wales last week.", "en")
    assert ("Scotland", "place") in found and ("Wales", "place") in found


def test_the_vietnamese_model_does_not_cut_an_organization_at_an_inner_lowercase_word() -> None:
    model = learned_recogniser("vi")
    assert model is not None
    words = ["Sở", "Y", "tế", "Đà", "Nẵng", "vừa", "công", "bố", "kết", "quả", "."]
    found = [(p.start, p.end, p.type) for p in model.propose_many([words])[0]]
    assert (0, 5, "organization") in found, found


def test_the_vietnamese_model_is_used_and_its_version_recorded_when_the_pack_turns_it_on() -> None:
    from newsloom.entities.stage import recogniser

    assert load_part("vi", "entities").learned_model, "the Vietnamese pack switches its model on"
    assert recogniser("vi").learned is learned_recogniser("vi")
    article = make_article("Theo Liên đoàn Bóng đá Việt Nam, đội tuyển sẽ tập trung tại Hà Nội.", "vi")
    found = {m.text: m.rule for m in article.entities}
    # the rules alone have no name for the federation; the model's span is recorded with its version
    assert found.get("Liên đoàn Bóng đá Việt Nam") == f"model:vi-{model_version('vi')}", found


def test_a_pack_can_keep_the_rules_beside_a_shipped_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pack whose ``learned_model`` is off gets the rules' mentions though a model is shipped."""
    import dataclasses

    from newsloom.entities import stage

    real = stage.load_part

    def rules_only(language: str | None, part: str):  # type: ignore[no-untyped-def]
        return dataclasses.replace(real(language, part), learned_model=False)

    stage.recogniser.cache_clear()
    monkeypatch.setattr(stage, "load_part", rules_only)
    try:
        assert stage.recogniser("vi").learned is None
        article = make_article("Sở Y tế Đà Nẵng vừa công bố kết quả.", "vi")
        found = {(m.start, m.end, m.type, m.rule) for m in stage.find_mentions(article)}
        assert found == {(m.start, m.end, m.type, m.rule) for m in stage.find_mentions(article, "rules")}
        assert not any(rule.startswith("model:") for *_, rule in found)
    finally:
        stage.recogniser.cache_clear()


def _written() -> dict[str, list[tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]]]:
    pairs: dict[str, list] = {}
    for line in SENTENCES.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        article = make_article(row["text"], row["language"])
        predicted = [(m.start, m.end, m.type) for m in article.entities if m.kind == "name"]
        gold = [(m["start"], m["end"], m["type"]) for m in row["mentions"]]
        pairs.setdefault(row["language"], []).append((predicted, gold))
    return pairs


def test_written_sentences_gate() -> None:
    floors = FLOORS["written_sentences"]
    for language, pairs in sorted(_written().items()):
        if language not in ACTIVE:
            print(f"written {language}: the pack keeps the rules, no learned gate")
            continue
        result = figures(*score(pairs))
        print(f"written {language}: {result}")
        assert result["exact"] >= floors[language]["exact"], (language, result)
        assert result["overlap"] >= floors[language]["overlap"], (language, result)


@pytest.mark.parametrize("language", ACTIVE)
def test_public_heldout_gate(language: str) -> None:
    if not corpora.available(language):
        pytest.skip(f"public training files of {language} are not fetched under {corpora.MIRROR}")
    report = compare(language)
    print(f"public held-out {language}: {report}")
    floors = FLOORS["public_heldout"][language]
    assert report["hybrid"]["exact"] >= floors["exact"]
    assert report["hybrid"]["overlap"] >= floors["overlap"]
    assert report["hybrid"]["overlap"] > report["rules"]["overlap"]


def test_blind_sentences_gate() -> None:
    """The blind sentences (never tuned on): the learned recogniser must beat the rules and hold its floor."""
    if not BLIND.exists():
        pytest.skip(f"{BLIND} is not in this checkout")
    report = compare_gold_file(BLIND)
    for language in ACTIVE:
        rules, hybrid = report[language]["rules"], report[language]["hybrid"]
        print(
            f"blind {language}: rules {rules['exact']}/{rules['overlap']} hybrid {hybrid['exact']}/{hybrid['overlap']}"
        )
        floors = FLOORS["blind_sentences"][language]
        assert hybrid["exact"] >= floors["exact"] and hybrid["overlap"] >= floors["overlap"], (
            language,
            hybrid,
        )
        assert hybrid["overlap"] > rules["overlap"], language


def test_a_batch_of_articles_gives_what_each_article_gives_alone() -> None:
    """The stage's batch method (all sentences of all articles in one model call per language) and the
    per-article call agree, mixed languages and an empty article included."""
    from newsloom.entities.stage import EntityStage

    texts = [
        ("He visited Scotland and Wales last week. Boris Johnson met Angela Merkel in Berlin.", "en"),
        ("Presiden Joko Widodo tiba di Bandara Soekarno-Hatta, Jakarta.", "id"),
        ("", "en"),
        ("Sở Y tế Đà Nẵng vừa công bố kết quả. Ông Nguyễn Văn An đến Hà Nội.", "vi"),
        ("The United Nations met in Geneva on Monday.", "en"),
    ]
    articles = [make_article(text, language, id=f"a{n}") for n, (text, language) in enumerate(texts)]
    stage = EntityStage()
    one_by_one = [stage(a).entities for a in articles]
    batched = [a.entities for a in stage.pipe(articles)]
    assert batched == one_by_one
    assert any(m.text == "Joko Widodo" for m in batched[1]), batched[1]


def test_a_proposal_without_a_capital_or_a_number_is_no_name() -> None:
    """ "cảnh sát" (the police) is a common noun, whatever the model says; "quận 10" keeps its number."""
    from newsloom.entities.learned import Proposal
    from newsloom.entities.mentions import tokenize
    from newsloom.entities.stage import recogniser

    toks = tokenize("Theo cảnh sát Thái Lan, nghi phạm sống ở quận 10.")
    vi = recogniser("vi")
    assert not vi._may_be_proposed(toks, Proposal(1, 3, "organization"))
    assert vi._may_be_proposed(toks, Proposal(3, 5, "place"))
    assert vi._may_be_proposed(toks, Proposal(11, 12, "place"))


def test_a_run_away_proposal_is_no_name() -> None:
    from newsloom.entities.learned import Proposal
    from newsloom.entities.mentions import MAX_PROPOSAL_TOKENS, tokenize
    from newsloom.entities.stage import recogniser

    words = "Trung tâm đào tạo khu vực về chống tội phạm mạng và khẳng định Liên hợp quốc sẵn sàng phối hợp"
    toks = tokenize(words)
    assert len(toks) > MAX_PROPOSAL_TOKENS
    assert not recogniser("vi")._may_be_proposed(toks, Proposal(0, len(toks), "organization"))
    assert recogniser("vi")._may_be_proposed(toks, Proposal(0, 11, "organization"))


def test_a_pack_says_whether_lowercase_and_two_letter_proposals_stand() -> None:
    """Indonesian corpora tag names written lower case ("kediri"); Vietnamese "cảnh sát" is a common noun.
    Two capitals alone stay initials in every pack unless the pack lowers the bar."""
    from newsloom.entities.learned import Proposal
    from newsloom.entities.mentions import tokenize
    from newsloom.entities.stage import recogniser

    assert load_part("id", "entities").lowercase_names and not load_part("vi", "entities").lowercase_names
    toks = tokenize("Ia pindah dari jawa ke kediri bersama JT .")
    id_ = recogniser("id")
    assert id_._may_be_proposed(toks, Proposal(3, 4, "place"))
    assert id_._may_be_proposed(toks, Proposal(5, 6, "place"))
    assert not id_._may_be_proposed(toks, Proposal(7, 8, "person"))
    vi_toks = tokenize("Theo cảnh sát Thái Lan.")
    assert not recogniser("vi")._may_be_proposed(vi_toks, Proposal(1, 3, "organization"))
