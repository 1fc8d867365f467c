"""Entity mentions, gazetteers, canonical linking across languages, roles over time."""
