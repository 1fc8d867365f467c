"""Shared fixtures; the network is blocked in every test (haystack's request_blocker idea)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples"


def fill_with_examples(store: object, names: tuple[str, ...]) -> None:
    """Run every stage and corpus step on some bundled examples into ``store`` (each one new)."""
    from newsloom.runner import process_paths

    report = process_paths([str(EXAMPLES / name) for name in names], store, stages=None, corpus=True)  # type: ignore[arg-type]
    assert report.ok, report.errors
    assert report.statuses["new"] == len(names)


class NetworkBlocked(RuntimeError):
    pass


@pytest.fixture(autouse=True)
def _block_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def guard(self: socket.socket, address: object, *args: object, **kwargs: object) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if (
            isinstance(host, str)
            and host not in ("127.0.0.1", "localhost", "::1")
            and not str(host).startswith("/")
        ):
            raise NetworkBlocked(f"a test tried to reach {address}")
        return real_connect(self, address, *args, **kwargs)  # type: ignore[arg-type]

    real_connect = socket.socket.connect
    monkeypatch.setattr(socket.socket, "connect", guard)


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip("../shared/seeds is not beside the repository")
    return paths
