"""Events in a language without a pack: no trigger words; every sentence goes to the learned
multilingual classifier (``newsloom/events/classifier.py``)."""

from newsloom.events.rules import EventRules

RULES = EventRules(
    clause_break=r";",
    conjunctions=("&",),  # in any language
    use_embeddings=True,
)
