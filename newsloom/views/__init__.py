"""What a person looks at, once: one typed view per thing (timeline, story, storyline, event,
entity, article, search results, compare).

A view is a function ``view(conn, query) -> Model``: it reads the store through the domains'
query functions and returns a frozen pydantic model. The CLI prints it, the API returns it as its
``response_model`` (so ``/openapi.json`` documents every response), the pages render it.
"""
