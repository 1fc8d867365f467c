"""newsloom: news in many languages turned into one cross-lingual record of events, entities and stories."""

__version__ = "0.1.0"
