"""How uvicorn runs newsloom's server: one table for ``newsloom serve``, its workers and the bench."""

from __future__ import annotations

from typing import Any

#: How uvicorn serves (one process or workers; ``bench/serve.py`` uses the same): the C HTTP parser
#: (httptools) and event loop (uvloop) when installed, else the pure-Python ones (h11, asyncio); no
#: access log line per request (the server's start and errors are still logged); an idle keep-alive
#: connection kept 30 s, not uvicorn's 5: a pooling client (httpx, 32 readers on a loaded machine)
#: that sends on a connection the server is closing gets a ReadError (15 of 2,923 requests in one
#: bench run at load 13).
SERVER_OPTIONS: dict[str, Any] = {
    "http": "auto", "loop": "auto", "access_log": False, "proxy_headers": False, "server_header": False,
    "timeout_keep_alive": 30,
}  # fmt: skip
