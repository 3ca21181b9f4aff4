"""Worker processes that end with the build that started them, however the build ends.

A pool's workers wait on a queue for work. When the build is killed (SIGKILL, the OOM killer, a
closed terminal) nothing tells them, and with the forkserver start method their parent is the
fork server, not the build, so ``PR_SET_PDEATHSIG`` would only fire when the server ends, which
it does only after its last worker. So each worker watches the build itself: a daemon thread
waits on a pidfd of the build process (Linux 5.3 and later; elsewhere it polls twice a second)
and ends the worker with ``os._exit`` once the build is gone. The fork server and the resource
tracker then see their last client go and end by themselves.

A worker stuck in a long C call cannot run that thread until the call returns, so each worker
also writes its pid and start time to a registry beside the store; the next build of the store,
once it holds the store's lock, ends any worker still listed. The start time is compared first,
so a pid the system has given to another process since is never signalled.
"""

from __future__ import annotations

import os
import select
import signal
import threading
import time
from pathlib import Path

# How a worker ends when its build is gone: no clean-up, the build that wanted the results is dead.
_ORPHANED = 1
_POLL_SECONDS = 0.5


def worker_registry(store: Path) -> Path:
    """The file beside ``store`` that lists the worker processes of the build writing it."""
    return store.with_name(store.name + ".workers")


def watch_build(build_pid: int, registry: str | None) -> None:
    """Pool initializer: this worker ends when process ``build_pid`` ends, and is listed in
    ``registry`` (a path, or None to list it nowhere)."""
    if registry:
        _register(Path(registry))
    threading.Thread(target=_end_with, args=(build_pid,), name="newstally-lifeline", daemon=True).start()


def reap_workers(registry: Path) -> int:
    """Ends the workers a killed build left behind, as listed in ``registry``, and removes the
    list; returns how many were ended. Call it only while holding the store's lock."""
    try:
        lines = registry.read_text(encoding="ascii").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    ended = 0
    for line in lines:
        try:
            pid_text, started = line.split()
            pid = int(pid_text)
        except ValueError:
            continue  # a line cut short by the kill
        if pid != os.getpid() and _start_time(pid) == started:
            try:
                os.kill(pid, signal.SIGKILL)
                ended += 1
            except OSError:
                pass
    registry.unlink(missing_ok=True)
    return ended


def _register(registry: Path) -> None:
    started = _start_time(os.getpid())
    if started is None:
        return  # no /proc: a pid alone could name another process later, so list nothing
    try:
        # one short append per worker: O_APPEND keeps the lines of several workers whole
        with open(registry, "a", encoding="ascii") as listing:
            listing.write(f"{os.getpid()} {started}\n")
    except OSError:
        pass  # the lifeline thread still ends this worker with its build


def _end_with(pid: int) -> None:
    try:
        handle = os.pidfd_open(pid)
    except ProcessLookupError:
        os._exit(_ORPHANED)
    except (AttributeError, OSError):
        handle = None
    if handle is not None:
        select.select([handle], [], [])  # readable once the process has ended
    else:
        while _alive(pid):
            time.sleep(_POLL_SECONDS)
    os._exit(_ORPHANED)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _start_time(pid: int) -> str | None:
    """When process ``pid`` started, in clock ticks since boot (from /proc), or None."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return fields[19] if len(fields) > 19 else None
