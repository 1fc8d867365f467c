"""Events in a language without a pack: no trigger words; sentences are classified by embedding
similarity to English example sentences (``newsloom/events/data/examples.json``)."""

from newsloom.events.rules import EventRules

RULES = EventRules(
    clause_break=r";",
    use_embeddings=True,
)
