"""The network and map views against the trends view (the baseline: one pass over the same events).

    python bench/views.py --db COPY_OF_A_STORE.db [--repeat 20]   (the page sizes write its search index)

Prints each view's time per call as a ratio to ``trends_view`` over the same store in the same run
(the network also reads canonical names; the map also places each location, cached per name), and
the page sizes of /network and /map against /trends.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any


def per_call(fn: Callable[[], Any], repeat: int) -> float:
    fn()  # warm: the gazetteer and GeoNames load once per process
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - start) / repeat


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True, help="a store (SQLite file or SQLAlchemy URL)")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    from newsloom.store import Store
    from newsloom.views.map import MapQuery, map_view
    from newsloom.views.network import NetworkQuery, network_view
    from newsloom.views.trends import TrendsQuery, trends_view

    store = Store.open(args.db, read_only=True)
    with store.connect() as conn:
        base = per_call(lambda: trends_view(conn, TrendsQuery()), args.repeat)
        network = per_call(lambda: network_view(conn, NetworkQuery()), args.repeat)
        places = per_call(lambda: map_view(conn, MapQuery()), args.repeat)
    store.close()
    print(f"trends_view (baseline): 1.00 ({args.repeat} calls)")
    print(f"network_view / trends_view: {network / base:.2f}")
    print(f"map_view / trends_view: {places / base:.2f}")

    from fastapi.testclient import TestClient

    from newsloom.serve.api import create_app

    with TestClient(create_app(args.db, embeddings=False)) as client:
        sizes = {
            path: len(client.get(path, headers={"accept": "text/html"}).content)
            for path in ("/trends", "/network", "/map")
        }
    print(
        f"page bytes /network / /trends: {sizes['/network'] / sizes['/trends']:.2f}; /map / /trends: {sizes['/map'] / sizes['/trends']:.2f}"
    )


if __name__ == "__main__":
    main()
