"""Follow the news as it happens: poll feeds, sitemaps and section pages, run new articles, fire alerts."""
