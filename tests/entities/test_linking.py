"""Corpus linking through blocking keys, roles over time, and the query functions."""

from collections.abc import Callable

import sqlalchemy as sa

from newsloom.article import Article
from newsloom.entities.linking import link_article
from newsloom.entities.queries import entity_detail, export_entities, find_entity, list_entities


def _link(conn: sa.Connection, article: Article) -> dict[str, int]:
    return {link.key: link.entity_id for link in link_article(conn, article)}


def test_same_person_across_languages_and_diacritics(
    conn: sa.Connection, article: Callable[..., Article]
) -> None:
    vi = article(
        "Phó Thủ tướng Bùi Thanh Sơn tiếp bà Ghada Waly tại Hà Nội.",
        "vi",
        "2025-10-21",
        id="a1",
        path="vi.txt",
    )
    id_ = article(
        "Wakil Perdana Menteri Vietnam Bui Thanh Son menerima Ghada Waly di Hanoi.",
        "id",
        "2025-10-22",
        id="a2",
        path="id.txt",
    )
    first, second = _link(conn, vi), _link(conn, id_)
    assert first["person:bui thanh son"] == second["person:bui thanh son"]
    assert first["place:geo:1581130"] == second["place:geo:1581130"]
    [son] = find_entity(conn, "Bui Thanh Son")
    assert son["name"] == "Bùi Thanh Sơn"  # the marked spelling wins
    assert son["names"]["vi"] == ["Bùi Thanh Sơn"] and son["names"]["id"] == ["Bui Thanh Son"]


def test_other_diacritics_are_another_person(conn: sa.Connection, article: Callable[..., Article]) -> None:
    one = _link(conn, article("Bộ trưởng Lê Minh Hưng phát biểu.", "vi", id="b1"))
    two = _link(conn, article("Bộ trưởng Lê Minh Hùng phát biểu.", "vi", id="b2"))
    three = _link(conn, article("Minister Le Minh Hung spoke.", "en", id="b3"))
    assert one["person:le minh hung"] != two["person:le minh hung"]
    assert three["person:le minh hung"] in {one["person:le minh hung"], two["person:le minh hung"]}


def test_family_name_sharers_stay_apart_across_articles(
    conn: sa.Connection, article: Callable[..., Article]
) -> None:
    one = _link(conn, article("Thủ tướng Phạm Minh Chính phát biểu.", "vi", id="c1"))
    two = _link(conn, article("Ông Phạm Bình Minh dự họp.", "vi", id="c2"))
    assert one["person:pham minh chinh"] != two["person:pham binh minh"]


def test_one_word_name_joins_the_only_person_called_so(
    conn: sa.Connection, article: Callable[..., Article]
) -> None:
    full = _link(conn, article("UN Secretary-General António Guterres spoke in Hanoi.", "en", id="d1"))
    short = _link(conn, article("Sekjen Guterres memuji Vietnam.", "id", id="d2"))
    assert short["person:guterres"] == full["person:antonio guterres"]


def test_acronym_links_to_known_organization(conn: sa.Connection, article: Callable[..., Article]) -> None:
    _link(conn, article("Badan Keamanan Siber Regional (BKSR) menggelar rapat.", "id", id="e1"))
    later = _link(conn, article("Officials of BKSR met in Jakarta.", "en", id="e2"))
    [org] = find_entity(conn, "Badan Keamanan Siber Regional")
    assert later["organization:bksr"] == org["id"]


def test_roles_over_time_with_evidence(conn: sa.Connection, article: Callable[..., Article]) -> None:
    _link(
        conn,
        article(
            "Bà Ghada Waly, Phó Tổng Thư ký Liên hợp quốc, tới Hà Nội.",
            "vi",
            "2025-10-21",
            id="f1",
            path="a.txt",
        ),
    )
    _link(
        conn,
        article(
            "Ghada Waly, UN Under-Secretary-General, met Sơn.", "en", "2025-10-25", id="f2", path="b.txt"
        ),
    )
    [waly] = find_entity(conn, "ghada waly")
    detail = entity_detail(conn, waly["id"])
    assert detail is not None
    [role] = [r for r in detail["roles"] if r["role"] == "un_under_secretary_general"]
    assert (
        role["of"] == "United Nations"
        and role["first_seen"] == "2025-10-21"
        and role["last_seen"] == "2025-10-25"
    )
    assert "Phó Tổng Thư ký" in role["evidence"]["text"]
    assert {a["path"] for a in detail["articles"]} == {"a.txt", "b.txt"}


def test_relinking_an_article_replaces_its_links(
    conn: sa.Connection, article: Callable[..., Article]
) -> None:
    a = article("Chủ tịch nước Lương Cường tiếp khách tại Hà Nội.", "vi", id="g1")
    _link(conn, a)
    _link(conn, a)
    [cuong] = find_entity(conn, "Lương Cường")
    assert cuong["articles"] == 1
    detail = entity_detail(conn, cuong["id"])
    assert detail is not None and detail["mentions"] == 1


def test_list_and_export(conn: sa.Connection, article: Callable[..., Article]) -> None:
    _link(conn, article("Liên hợp quốc và ASEAN họp tại Hà Nội.", "vi", id="h1", path="x.txt"))
    _link(conn, article("The UN and ASEAN met in Jakarta.", "en", id="h2", path="y.txt"))
    orgs = list_entities(conn, type="organization")
    un = next(e for e in orgs if e["name"] == "United Nations")
    assert un["articles"] == 2 and un["names"] == {"vi": ["Liên hợp quốc"], "en": ["UN"]}
    rows = {row["name"]: row for row in export_entities(conn, batch=2)}
    assert set(rows["United Nations"]) >= {"id", "name", "type", "aliases", "roles", "articles"}
    assert rows["United Nations"]["articles"] == ["x.txt", "y.txt"]
    assert find_entity(conn, "LHQ") == [] and find_entity(conn, "lien hop quoc")[0]["id"] == un["id"]


def test_unknown_language_links_by_folded_name(conn: sa.Connection, article: Callable[..., Article]) -> None:
    known = _link(conn, article("Phó Thủ tướng Bùi Thanh Sơn tiếp bà Ghada Waly.", "vi", id="i1"))
    french = _link(
        conn, article("Le vice-Premier ministre Bui Thanh Son a reçu Ghada Waly à Hanoï.", "fr", id="i2")
    )
    malay = _link(
        conn, article("Timbalan Perdana Menteri Bui Thanh Son bertemu Ghada Waly di Hanoi.", "ms", id="i3")
    )
    for links in (french, malay):
        assert links["person:bui thanh son"] == known["person:bui thanh son"]
    assert french["person:ghada waly"] == known["person:ghada waly"]
    # Malay has no entity rules: the bare name is untyped there, and joins the person stored by that name
    assert malay["name:ghada waly"] == known["person:ghada waly"]


def _one_mention(text: str, type_: str, rule: str, id: str) -> Article:
    import dataclasses

    from newsloom.entities.names import entity_key
    from newsloom.entities.types import Mention

    body = f"{text} công bố kết quả."
    mention = Mention(
        0, len(text), text, type_, sentence=0, key=entity_key(text, type_), rule=rule, score=0.8
    )
    return dataclasses.replace(
        Article(id=id, path=f"{id}.txt", text=body, language="vi"), entities=(mention,)
    )


def test_a_name_the_model_types_place_then_organization_is_one_entity(conn: sa.Connection) -> None:
    """The model types "Quảng Ninh" a place here and an organization there: one entity, its first type."""
    first = link_article(conn, _one_mention("Quảng Ninh", "place", "model:vi-1.0.0", "m1"))
    second = link_article(conn, _one_mention("Quảng Ninh", "organization", "model:vi-1.0.0", "m2"))
    assert second[0].entity_id == first[0].entity_id and second[0].type == "place"
    # a type a rule gave stays firm, and a person never joins a place
    ruled = link_article(conn, _one_mention("Quảng Ninh", "organization", "org-shape", "m3"))
    person = link_article(conn, _one_mention("Quảng Ninh", "person", "model:vi-1.0.0", "m4"))
    assert ruled[0].entity_id != first[0].entity_id and person[0].entity_id != first[0].entity_id
