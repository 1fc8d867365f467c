"""Kinds of errors a held-out reading found, each checked on sentences written for these tests."""

from collections.abc import Callable

from newsloom.article import Article


def _found(article: Article) -> dict[str, list]:
    found: dict[str, list] = {}
    for m in article.entities:
        found.setdefault(m.text, []).append(m)
    return found


def _types(article: Article) -> dict[str, str]:
    return {m.text: m.type for m in article.entities}


def test_one_word_name_after_a_title_is_a_person(article: Callable[..., Article]) -> None:
    a = article(
        "Thai Foreign Minister Sihasak told reporters on Monday that the border talks would resume.", "en"
    )
    sihasak = _found(a)["Sihasak"][0]
    assert sihasak.type == "person" and sihasak.role == "foreign_minister"


def test_vietnamese_provincial_police_is_an_organization(article: Callable[..., Article]) -> None:
    a = article("Công an tỉnh Nghệ An đã khởi tố vụ án. Công an TP Hải Phòng cũng vào cuộc.", "vi")
    types = _types(a)
    assert types.get("Công an tỉnh Nghệ An") == "organization"
    assert types.get("Công an TP Hải Phòng") == "organization"
    assert "Công" not in types


def test_indonesian_ministry_titles_and_country_mark_stay_in_the_title(
    article: Callable[..., Article],
) -> None:
    text = ("Menteri Luar Negeri RI Sugiono menerima kunjungan delegasi. "
            "Menteri Perhubungan Budi Santoso meninjau Pelabuhan Tanjung Perak.")  # fmt: skip
    found = _found(article(text, "id"))
    assert found["Sugiono"][0].type == "person" and found["Sugiono"][0].role_of == "place:ID"
    assert found["Budi Santoso"][0].role == "minister"
    assert found["Pelabuhan Tanjung Perak"][0].type == "place"
    assert "RI Sugiono" not in found and "Perhubungan Budi Santoso" not in found


def test_police_rank_after_an_agency_title(article: Callable[..., Article]) -> None:
    text = (
        "Kepala Badan Narkotika Nasional (BNN) Komisaris Jenderal Polisi Rudi Hartanto memimpin operasi itu."
    )
    found = _found(article(text, "id"))
    assert found["Rudi Hartanto"][0].type == "person"
    assert not any("Polisi" in t or "Komisaris" in t for t in found)


def test_english_portfolio_titles_and_malaysian_honorifics(article: Callable[..., Article]) -> None:
    text = ("Minister for Immigration and Border Protection Sarah Lindqvist spoke first. "
            "Police Commissioner Mark Doyle and Tan Sri Azman Hashim followed, with Datuk Seri Lim Wei Ming. "
            "Dato' Faridah Osman closed the session.")  # fmt: skip
    found = _found(article(text, "en"))
    assert found["Sarah Lindqvist"][0].role == "minister"
    assert found["Mark Doyle"][0].role == "police_chief"
    for name in ("Azman Hashim", "Lim Wei Ming", "Faridah Osman"):
        assert found[name][0].type == "person", name
    assert not any(t.startswith(("Tan Sri", "Datuk", "Dato", "Corrections", "Border")) for t in found)


def test_place_and_organization_head_words(article: Callable[..., Article]) -> None:
    en = _types(article("Patrol boats crossed the Sulu Sea to reach Sandakan Port, said the Maritime Enforcement Bureau.", "en"))  # fmt: skip
    assert en.get("Sulu Sea") == "place" and en.get("Sandakan Port") == "place"
    assert en.get("Maritime Enforcement Bureau") == "organization"
    id_ = _types(article("Kapal patroli menyisir Laut Sulawesi dan Teluk Tomini. Gerakan Pemuda Bahari ikut membantu.", "id"))  # fmt: skip
    assert id_.get("Laut Sulawesi") == "place" and id_.get("Teluk Tomini") == "place"
    assert id_.get("Gerakan Pemuda Bahari") == "organization"
    vi = _types(article("Tàu tuần tra đi qua Vịnh Thái Lan rồi cập Cảng Cái Mép.", "vi"))
    assert vi.get("Vịnh Thái Lan") == "place" and vi.get("Cảng Cái Mép") == "place"


def test_code_of_ethics_is_not_a_name(article: Callable[..., Article]) -> None:
    types = _types(
        article("Polisi itu menjalani Sidang Kode Etik pekan lalu. Kode Etik profesi dilanggar.", "id")
    )
    assert "Kode Etik" not in types and "Sidang Kode Etik" not in types


def test_vietnamese_organization_stops_before_the_name_and_the_verb(article: Callable[..., Article]) -> None:
    text = ("Bộ trưởng Bộ Tài chính Nguyễn Văn Thắng đã làm việc với đoàn công tác. "
            "Bộ Ngoại giao và Bộ Tư pháp đã thống nhất phương án.")  # fmt: skip
    found = _found(article(text, "vi"))
    assert found["Bộ Tài chính"][0].type == "organization"
    assert found["Nguyễn Văn Thắng"][0].type == "person" and found["Nguyễn Văn Thắng"][0].role == "minister"
    assert "Bộ Ngoại giao" in found and "Bộ Tư pháp" in found
    assert not any(t.endswith(" đã") for t in found)


def test_vietnamese_minister_with_portfolio_and_foreign_name(article: Callable[..., Article]) -> None:
    found = _found(article("Bộ trưởng Quốc phòng Philippines Gilberto Teodoro đến Hà Nội chiều nay.", "vi"))
    teodoro = found["Gilberto Teodoro"][0]
    assert teodoro.type == "person" and teodoro.role == "minister" and teodoro.role_of == "place:PH"
    assert "Quốc" not in found


def test_bare_title_with_country_goes_to_that_countrys_minister(article: Callable[..., Article]) -> None:
    text = ("Bộ trưởng Ngoại giao Indonesia Sugiono hội đàm với đối tác. "
            "Sau đó, Bộ trưởng Lê Hoài Trung tiếp đoàn. Bộ trưởng Indonesia cho biết hai bên sẽ hợp tác.")  # fmt: skip
    a = article(text, "vi")
    found = _found(a)
    bare = [m for m in a.entities if m.kind == "title" and m.start > text.index("Bộ trưởng Indonesia") - 1]
    assert bare and bare[0].key == found["Sugiono"][0].key


def test_shortened_organization_name_is_not_a_person(article: Callable[..., Article]) -> None:
    text = "The Commission on Human Rights opened an inquiry. Human Rights officials visited the camp."
    found = _found(article(text, "en"))
    org = found["Commission on Human Rights"][0]
    assert org.type == "organization"
    assert all(m.type == "organization" and m.key == org.key for m in found["Human Rights"])


def test_initials_and_marked_place_names_are_not_countries(article: Callable[..., Article]) -> None:
    id_ = _found(article("Polisi menahan pria berinisial AS (38) dan wanita berinisial RI di Medan.", "id"))
    assert "AS" not in id_ and "RI" not in id_
    vi = _found(article("Hàng hóa qua cửa khẩu Lao Bảo tăng mạnh trong tháng này.", "vi"))
    assert all(m.key != "place:LA" for ms in vi.values() for m in ms)


def test_country_after_a_brand_belongs_to_the_organization(article: Callable[..., Article]) -> None:
    found = _found(
        article("Para pengemudi Gojek Indonesia dan Shopee Indonesia ikut dalam program itu.", "id")
    )
    assert found["Shopee Indonesia"][0].type == "organization"
    assert "Indonesia" not in found


def test_surname_refers_to_a_name_with_a_generational_suffix(article: Callable[..., Article]) -> None:
    text = "President Ferdinand Marcos Jr. arrived in Hanoi on Thursday. Marcos later met business leaders."
    found = _found(article(text, "en"))
    assert found["Marcos"][0].key == found["Ferdinand Marcos Jr"][0].key
