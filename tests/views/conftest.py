"""The views' tests read the same examples' store as the server's tests (built once per session)."""

from tests.serve.conftest import copy_db, module_db, served_db

__all__ = ["copy_db", "module_db", "served_db"]
