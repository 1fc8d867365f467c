"""The world outline the map page draws (see README.md here: Natural Earth 110m, public domain)."""
