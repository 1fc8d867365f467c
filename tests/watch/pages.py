"""Feeds, sitemaps and article pages for the watch tests (invented news, written for these tests)."""

from __future__ import annotations

from html import escape

ARTICLES = {
    "hanoi-talks": (
        "en",
        "Vietnam and Indonesia hold talks in Hanoi",
        [
            "Foreign Minister Bui Thanh Son met Indonesian Foreign Minister Retno Marsudi in Hanoi on "
            "Tuesday, March 3, 2026, to discuss trade and maritime cooperation between the two countries.",
            "The two ministers agreed to expand fisheries cooperation and to hold a joint commission "
            "meeting later this year, officials said after the talks.",
        ],
    ),
    "jakarta-protest": (
        "en",
        "Thousands protest fuel prices in Jakarta",
        [
            "Thousands of students protested in Jakarta on Wednesday, March 4, 2026, against a rise in fuel "
            "prices announced by the government last week.",
            "The demonstrators marched to the parliament building and demanded that the decision be "
            "reversed, police said, adding that the rally ended peacefully in the evening.",
        ],
    ),
    "hoi-dam-ha-noi": (
        "vi",
        "Việt Nam và Indonesia hội đàm tại Hà Nội",
        [
            "Ngày 3/3/2026, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã hội đàm với Bộ trưởng Ngoại giao Indonesia "
            "Retno Marsudi tại Hà Nội về hợp tác thương mại và hàng hải giữa hai nước.",
            "Hai bộ trưởng nhất trí mở rộng hợp tác nghề cá và tổ chức kỳ họp ủy ban hỗn hợp trong năm nay.",
        ],
    ),
    "pembicaraan-hanoi": (
        "id",
        "Indonesia dan Vietnam gelar pembicaraan di Hanoi",
        [
            "Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Vietnam Bui Thanh Son di Hanoi "
            "pada Selasa, 3 Maret 2026, untuk membahas kerja sama perdagangan dan maritim kedua negara.",
            "Kedua menteri sepakat memperluas kerja sama perikanan dan menggelar sidang komisi bersama "
            "tahun ini, kata pejabat setelah pembicaraan.",
        ],
    ),
    "harbour-opens": (
        "en",
        "New harbour opens in Danang",
        [
            "A new container harbour opened in Danang on Thursday, March 5, 2026, after three years of "
            "construction, the city's transport department said in a statement.",
            "The harbour can handle two million containers a year and will create about four thousand "
            "jobs in the region, according to the operator of the terminal.",
        ],
    ),
}


def article_html(slug: str, charset: str = "utf-8", meta_charset: bool = True) -> str:
    lang, title, paragraphs = ARTICLES[slug]
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    meta = f'<meta charset="{charset}">' if meta_charset else ""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head>{meta}<title>{escape(title)}</title></head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{escape(title)}</h1>{body}</article>"
        "<footer>Invented for newsloom's tests.</footer></body></html>"
    )


def rss(base: str, slugs: list[str], dated: bool = True) -> str:
    items = []
    for n, slug in enumerate(slugs):
        _, title, _ = ARTICLES[slug]
        date = f"<pubDate>Tue, 03 Mar 2026 0{n % 10}:00:00 GMT</pubDate>" if dated else ""
        items.append(
            f"<item><title>{escape(title)}</title><link>{base}/news/{slug}</link>{date}"
            "<author>desk@example.org (News Desk)</author></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test feed</title>'
        f"<link>{base}/</link>{''.join(items)}</channel></rss>"
    )


def atom(base: str, slugs: list[str]) -> str:
    entries = "".join(
        f"<entry><title>{escape(ARTICLES[s][1])}</title><link href='{base}/news/{s}'/><id>{s}</id>"
        "<updated>2026-03-04T10:00:00Z</updated><author><name>Desk</name></author></entry>"
        for s in slugs
    )
    return f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>{entries}</feed>'


def news_sitemap(base: str, slugs: list[str]) -> str:
    urls = "".join(
        f"<url><loc>{base}/news/{s}</loc><news:news><news:publication_date>2026-03-05</news:publication_date>"
        f"<news:title>{escape(ARTICLES[s][1])}</news:title></news:news></url>"
        for s in slugs
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>'
    )


def sitemap_index(children: list[str]) -> str:
    maps = "".join(f"<sitemap><loc>{c}</loc><lastmod>2026-03-05</lastmod></sitemap>" for c in children)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{maps}</sitemapindex>'
    )
