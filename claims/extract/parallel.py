"""Extraction in several processes: each loads its own extractor and takes chunks of documents.

The work is CPU-bound Python, so threads would not help; processes do, one per core.
"""
from __future__ import annotations

import multiprocessing
import sys
import types
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from itertools import islice

_worker_extractor = None


def _start_worker(nlp: str) -> None:
    global _worker_extractor
    from claims.extract.extractor import load_extractor
    _worker_extractor = load_extractor(nlp)
    if _worker_extractor.name == "stanza":
        import torch
        torch.set_num_threads(1)  # one core per process: torch's own threads would fight the other workers


def _extract_chunk(chunk: list, batch: int) -> list:
    return list(_worker_extractor.extract_documents(chunk, batch))


def extract_in_processes(nlp: str, documents: Iterable, workers: int, batch: int) -> Iterator:
    """What Extractor.extract_documents yields, in the input order, from `workers` processes, for
    documents (name, text, reading error) or (name, text, reading error, kind, speaker)."""
    # Reading errors travel as their messages (an exception object need not survive pickling).
    documents = ((name, text, None if error is None else str(error), *kind_and_speaker)
                 for name, text, error, *kind_and_speaker in documents)
    # "spawn": a forked copy of a process that has run torch can die in its thread pools.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(nlp,)) as pool:
        window: list = []  # a few chunks in flight per worker: all cores busy, memory bounded

        def fill() -> None:
            while len(window) < 2 * workers:
                chunk = list(islice(documents, batch))
                if not chunk:
                    return
                window.append(pool.submit(_extract_chunk, chunk, batch))

        with _no_main_script():
            fill()  # the first submissions start the workers
        while window:
            yield from window.pop(0).result()
            fill()


@contextmanager
def _no_main_script():
    """A spawned worker first runs the parent's main script again, unless there is none. Under Streamlit
    (the dashboard adds sources; AppTest in the tests) the main module is a dashboard page, which must not
    run in a worker, and the workers need nothing from it: they start without one."""
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main
