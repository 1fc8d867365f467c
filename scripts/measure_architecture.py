"""Architecture figures for the closing note: modules, largest module, import cycles, SQL outside the
store, JSON routes with a response schema.

Run: ``PYTHONPATH=. python scripts/measure_architecture.py`` (reads the source; the route count
builds the app over a throwaway store).
"""

from __future__ import annotations

import ast
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "newsloom"
#: What counts as knowing SQL: importing SQLAlchemy or a table module, or building a statement.
SQL_MARKERS = re.compile(
    r"^\s*(import sqlalchemy|from sqlalchemy|from newsloom\.store\.(migrations|schema))|sa\.(select|insert|update|delete|text)\(",
    re.M,
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph() -> dict[str, set[str]]:
    """Module -> the newsloom modules it imports (anywhere in the file, deferred imports included)."""
    files = {module_name(p): p for p in ROOT.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + [base])
                    base = base.rstrip(".")
                submodules = [f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in files]
                # ``from package import module`` depends on that module; the package's own names only
                # when something else is imported from it
                targets = submodules + ([base] if len(submodules) < len(node.names) else [])
            for target in targets:
                if target in files and target != name:
                    graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def sql_outside_store() -> list[str]:
    return sorted(
        str(p.relative_to(ROOT.parent))
        for p in ROOT.rglob("*.py")
        if "store" not in p.relative_to(ROOT).parts[:1] and SQL_MARKERS.search(p.read_text(encoding="utf-8"))
    )


def routes_with_schema() -> tuple[int, int]:
    """(JSON routes whose 200/201 response names its fields, JSON routes) in /openapi.json.

    A bare ``{"type": "object"}`` (what ``-> dict[str, Any]`` gives) documents nothing."""
    from fastapi.testclient import TestClient

    from newsloom.serve.api import create_app

    with (
        tempfile.TemporaryDirectory() as tmp,
        TestClient(create_app(str(Path(tmp) / "m.db"), embeddings=False)) as client,
    ):
        spec = client.get("/openapi.json").json()
    total = documented = 0
    for methods in spec["paths"].values():
        for operation in methods.values():
            ok = {k: v for k, v in operation["responses"].items() if k in ("200", "201")}
            for response in ok.values():
                content = response.get("content", {})
                if "application/json" not in content:
                    continue
                total += 1
                schema = content["application/json"].get("schema") or {}
                documented += bool(schema.get("$ref") or schema.get("properties") or schema.get("items"))
    return documented, total


def main() -> None:
    files = list(ROOT.rglob("*.py"))
    largest = max(files, key=lambda p: len(p.read_text(encoding="utf-8").splitlines()))
    found = cycles(import_graph())
    outside = sql_outside_store()
    print(f"modules: {len(files)}")
    print(
        f"largest module: {largest.relative_to(ROOT.parent)} ({len(largest.read_text().splitlines())} lines)"
    )
    print(f"import cycles (strongly connected groups): {len(found)}")
    for group in found:
        print("   ", " <-> ".join(group))
    print(f"files outside store/ importing tables or SQLAlchemy, or writing SQL: {len(outside)}")
    for path in outside:
        print("   ", path)
    documented, total = routes_with_schema()
    print(f"JSON routes with a response schema: {documented} of {total}")


if __name__ == "__main__":
    main()
