from newsloom.ingest.text import parse_text


def test_fused_header_gives_published_and_is_removed_from_body() -> None:
    article = parse_text(
        " date 2025-10-22 Chiều 21/10, Phó Thủ tướng tiếp bà Ghada Waly.\n\nĐoạn hai.", "a.txt"
    )
    assert article.published == "2025-10-22"
    assert article.metadata["published"].source == "header"
    assert article.text.startswith("Chiều 21/10")
    assert "date" not in article.text.split()[0]


def test_section_title_author_lines_then_body() -> None:
    text = "Quốc tế\n\nHợp tác chống tội phạm mạng\n\nDương Ngọc\n\nChủ tịch nước đề xuất 5 lĩnh vực\n\nĐoạn thân bài."
    article = parse_text(text, "b.txt")
    assert article.meta("section") == "Quốc tế"
    assert article.meta("title") == "Hợp tác chống tội phạm mạng"
    assert article.meta("author") == "Dương Ngọc"
    assert article.text.startswith("Chủ tịch nước đề xuất")
    assert article.published is None  # no header, no URL: never invented


def test_captions_credit_dateline_counter_and_source_line_are_boilerplate() -> None:
    text = (
        " date 2025-10-21 HÀ NỘI — The Deputy Prime Minister received the visitor.\n\n"
        "Talks covered crime - Ảnh 1.\n\n"
        "The leaders met at the Government Office. Ảnh: HỮU HƯNG\n\n"
        "Komentar (0)\n\n"
        "Sumber: https://news.example/2025/10/21/talks\n\n"
        "Both sides agreed to cooperate. — VNA/VNS"
    )
    article = parse_text(text, "c.txt")
    kinds = sorted(b.kind for b in article.boilerplate)
    assert kinds == ["caption", "caption", "counter", "credit", "source_line"]
    assert article.meta("credit") == "VNA/VNS"
    assert article.meta("dateline") == "HÀ NỘI"
    assert article.meta("source_url") == "https://news.example/2025/10/21/talks"
    assert "Ảnh" not in article.text and "Komentar" not in article.text and "VNA/VNS" not in article.text
    assert article.text.endswith("agreed to cooperate.")


def test_date_from_source_url_when_no_header() -> None:
    text = "Jakarta menandatangani konvensi itu.\n\nSumber: https://berita.example/konvensi-20251025201901655.htm"
    article = parse_text(text, "d.txt")
    assert article.published == "2025-10-25"
    assert article.metadata["published"].source == "url"


def test_boilerplate_line_numbers_point_into_the_input() -> None:
    text = "First paragraph of the story.\n\nKomentar (3)\n"
    article = parse_text(text, "e.txt")
    assert [(b.kind, b.line) for b in article.boilerplate] == [("counter", 3)]


def test_a_markdown_heading_is_a_title_without_its_hashes() -> None:
    # notes and exports in Markdown: the title was stored as "# Talks in Hanoi"
    article = parse_text(
        "# Talks in Hanoi\n\nThe minister met the ambassador in Hanoi on Monday to discuss trade.\n",
        "talks.md",
    )
    assert article.title == "Talks in Hanoi"
    hashtag = parse_text(
        "#Breaking news today\n\nThe minister met the ambassador in Hanoi on Monday.\n", "a.txt"
    )
    assert hashtag.title == "#Breaking news today"  # a hashtag is no heading: kept as written
