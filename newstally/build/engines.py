"""Where extraction runs: in this process, in local worker processes, or on a Dask cluster.

Each engine maps one function over batches of articles and yields the results in input order,
with a bounded number of batches in flight, so a build streams: memory grows with the batch,
not with the corpus. The function is the same in every engine, so the tables are the same.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from newstally.contract.errors import NewstallyError

from .lifeline import watch_build

T = TypeVar("T")
R = TypeVar("R")
F = TypeVar("F")  # the future submit gives back
ENGINES = ("local", "dask")


class EngineError(NewstallyError):
    """The engine cannot start (no Dask, unreachable scheduler, bad worker count)."""


def _bounded(submit: Callable[[T], F], result: Callable[[F], R], batches: Iterable[T], in_flight: int) -> Iterator[R]:
    pending: deque = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= in_flight:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


@contextmanager
def mapper(engine: str = "local", workers: int = 1, scheduler: str | None = None, registry: Path | None = None):
    """A function ``map(fn, batches) -> iterator of fn(batch)``, in order, for the engine chosen.

    ``local`` with one worker runs in this process; with N it uses N processes, which end when
    this process ends, however it ends, and list themselves in ``registry`` so that the next
    build can end any that did not (see ``lifeline``). ``dask`` uses the scheduler at
    ``scheduler`` or, when none is given, a LocalCluster of ``workers`` processes.
    """
    if workers < 1:
        raise EngineError(f"--workers must be 1 or more, not {workers}")
    if engine == "local" and workers == 1:
        yield lambda fn, batches: map(fn, batches)
    elif engine == "local":
        with ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("forkserver"),
            initializer=watch_build,
            initargs=(os.getpid(), str(registry) if registry else None),
        ) as pool:
            yield lambda fn, batches: _bounded(lambda b: pool.submit(fn, b), lambda f: f.result(), batches, 2 * workers)
    elif engine == "dask":
        with _dask_client(workers, scheduler) as client:
            n = max(1, len(client.scheduler_info().get("workers", {})) or workers)
            yield lambda fn, batches: _bounded(
                lambda b: client.submit(fn, b, pure=False), lambda f: f.result(), batches, 2 * n
            )
    else:
        raise EngineError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")


@contextmanager
def _dask_client(workers: int, scheduler: str | None):
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise EngineError("--engine dask needs the distributed package: pip install 'dask[distributed]'") from None
    if scheduler:
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as err:
            raise EngineError(
                f"cannot reach the Dask scheduler at {scheduler} ({err}); "
                "check the address, or leave out --scheduler to start a local cluster"
            ) from None
        with client:
            yield client
    else:
        with (
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
            Client(cluster) as client,
        ):
            yield client
