"""Article summaries for uploads (kept where ``serve.uploads`` finds them; they live in ``views.articles``)."""

from newsloom.views.articles import LEAD_CHARS, article_summary, articles_at_path

__all__ = ["LEAD_CHARS", "article_summary", "articles_at_path"]
