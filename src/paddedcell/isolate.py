"""The isolated tier: the same Cell, in worker processes with OS limits.

What no in-process check can stop (a regular expression that backtracks for hours, one C call
that loops, a C stack overflow) stops here: the worker runs under an address-space limit, a
CPU-time limit, no core files, few open files and no file writes; it starts from a minimal
environment in a private temporary folder with no inherited descriptors, and an audit hook
refuses process creation, sockets and ctypes. The host waits with a wall-clock deadline and
kills a worker that overruns. Inputs and results cross as JSON.

    result = pc.run_isolated("sum(x)", policy=policy, inputs={"x": [1, 2]})
    with pc.WorkerPool(4, policy) as pool:
        result = pool.run("result = x * 2", inputs={"x": 21})
"""

from __future__ import annotations

import json
import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import (
    LimitExceeded,
    MemoryLimitExceeded,
    OutputLimitExceeded,
    RecursionLimitExceeded,
    StepLimitExceeded,
    TimeLimitExceeded,
    WorkerCrashed,
)
from .policy import Policy

#: Characters of JSON a worker may answer with (value and output together).
MAX_ANSWER = 16 * 2**20
#: Seconds the host waits beyond the time limit before killing a worker.
SLACK = 0.5
#: Address space a worker needs besides the cell's memory limit (interpreter, libraries).
BASE_ADDRESS_SPACE = 768 * 2**20
_PACKAGE_ROOT = str(Path(__file__).resolve().parent.parent)
_LIMITS = {cls.__name__: cls for cls in (StepLimitExceeded, TimeLimitExceeded,
                                         MemoryLimitExceeded, OutputLimitExceeded,
                                         RecursionLimitExceeded, LimitExceeded)}


@dataclass(frozen=True)
class IsolatedError:
    """An exception the code raised in the worker, as data."""

    type: str
    message: str
    traceback: str


@dataclass(frozen=True)
class IsolatedResult:
    """`value`: the expression's value (or the variable `result`); `output`: printed text;
    `error`: None, or the exception the code raised."""

    value: Any
    output: str
    error: IsolatedError | None


def _check_plain(data: Any, what: str) -> None:
    try:
        json.dumps(data, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{what} must be JSON-compatible plain data: {exc}") from None


class _Worker:
    """One worker process and its private folder."""

    def __init__(self, policy: Policy) -> None:
        self.folder = tempfile.mkdtemp(prefix="paddedcell-")
        limits = policy.limits
        env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
               "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "random"}
        config = json.dumps({"policy": policy.to_dict(), "root": _PACKAGE_ROOT})
        # The command is fixed: this interpreter and this package, nothing from the cell.
        self.proc = subprocess.Popen(  # noqa: S603
            [sys.executable, "-I", "-S", "-c",
             "import sys; sys.path.insert(0, sys.argv[1]); "
             "from paddedcell.isolate import worker_main; worker_main()",
             _PACKAGE_ROOT, config],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            cwd=self.folder, env=env, close_fds=True, start_new_session=True, text=True,
            encoding="utf-8",
        )
        self.deadline_seconds = (limits.time or 30.0) + SLACK
        ready = self._read(timeout=30.0)
        if ready != {"ready": True}:
            self.kill()
            raise WorkerCrashed(f"the worker did not start: {ready!r}")

    def _read(self, timeout: float) -> Any:
        assert self.proc.stdout is not None
        box: list[str] = []
        reader = threading.Thread(target=lambda: box.append(self.proc.stdout.readline()),  # type: ignore[union-attr]
                                  daemon=True)
        reader.start()
        reader.join(timeout)
        if reader.is_alive():
            return None  # still running: the caller kills it
        line = box[0] if box else ""
        if not line:
            return {"dead": True}
        return json.loads(line)

    def run(self, source: str, inputs: dict[str, Any] | None, filename: str) -> IsolatedResult:
        assert self.proc.stdin is not None
        task = json.dumps({"source": source, "inputs": inputs or {}, "filename": filename})
        try:
            self.proc.stdin.write(task + "\n")
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            raise self._death() from None
        answer = self._read(timeout=self.deadline_seconds)
        if answer is None:
            self.kill()
            raise TimeLimitExceeded(f"the worker ran longer than {self.deadline_seconds:.1f} s "
                                    "and was killed")
        if answer.get("dead"):
            raise self._death()
        if "limit" in answer:
            raise _LIMITS.get(answer["limit"], LimitExceeded)(answer.get("message", ""))
        error = answer.get("error")
        return IsolatedResult(answer.get("value"), answer.get("output", ""),
                              IsolatedError(**error) if error else None)

    def _death(self) -> BaseException:
        code = self.proc.wait(timeout=10)
        self.cleanup()
        if code in (-signal.SIGXCPU, -signal.SIGKILL):
            return TimeLimitExceeded("the worker used up its CPU time and was stopped")
        if code == -signal.SIGSEGV or code == -signal.SIGBUS:
            return WorkerCrashed(f"the worker crashed (signal {-code}); the host is unaffected")
        if code == 3:  # worker_main: MemoryError outside the cell
            return MemoryLimitExceeded("the worker ran out of address space")
        return WorkerCrashed(f"the worker exited with status {code}")

    @property
    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait(timeout=10)
        self.cleanup()

    def cleanup(self) -> None:
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass
        shutil.rmtree(self.folder, ignore_errors=True)


class WorkerPool:
    """Reusable workers for one policy. A worker that crashes, is killed or overruns is
    replaced. Use as a context manager; `close()` ends every worker."""

    def __init__(self, size: int, policy: Policy) -> None:
        if size < 1:
            raise ValueError("a pool needs at least one worker")
        self.policy = policy
        self.size = size
        self._idle: list[_Worker] = []
        self._busy = 0
        self._lock = threading.Condition()
        self._closed = False
        for _ in range(size):
            self._idle.append(_Worker(policy))

    def run(self, source: str, inputs: dict[str, Any] | None = None,
            filename: str = "<isolated>") -> IsolatedResult:
        """Run `source` in a worker; see `run_isolated`."""
        if not isinstance(source, str):
            raise TypeError(f"source must be str, not {type(source).__name__}")
        _check_plain(inputs or {}, "inputs")
        worker = self._acquire()
        healthy = False
        try:
            result = worker.run(source, inputs, filename)
            healthy = True
            return result
        except LimitExceeded:
            # A worker that ran out of something may be left damaged (a C stack overflow
            # reported as MemoryError, fragmented memory): start afresh.
            raise
        finally:
            self._release(worker, healthy)

    def _acquire(self) -> _Worker:
        with self._lock:
            while not self._idle:
                if self._closed:
                    raise RuntimeError("the pool is closed")
                self._lock.wait()
            self._busy += 1
            return self._idle.pop()

    def _release(self, worker: _Worker, healthy: bool) -> None:
        if not healthy:
            worker.kill()
            worker = _Worker(self.policy) if not self._closed else worker
        with self._lock:
            self._busy -= 1
            if self._closed:
                worker.kill()
            elif healthy or worker.alive:
                self._idle.append(worker)
            self._lock.notify()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
            self._lock.notify_all()
        for worker in idle:
            worker.kill()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def run_isolated(source: str, policy: Policy | None = None,
                 inputs: dict[str, Any] | None = None,
                 filename: str = "<isolated>") -> IsolatedResult:
    """Run `source` in a fresh worker process under `policy` (default preset 'default').

    The value is the source's value when it is an expression, else the variable `result`.
    Budget exhaustion, a killed or overrunning worker raise LimitExceeded subclasses; a crash
    raises WorkerCrashed; an exception of the code comes back as `result.error`."""
    with WorkerPool(1, policy if policy is not None else Policy.preset("default")) as pool:
        return pool.run(source, inputs, filename)


# --- the worker side ------------------------------------------------------------------------
_BLOCKED_EVENTS = (
    "os.system", "os.exec", "os.fork", "os.forkpty", "os.posix_spawn", "os.spawn", "os.kill",
    "os.killpg", "subprocess.Popen", "socket.", "ctypes.", "os.chdir", "os.remove", "os.rename",
    "os.rmdir", "os.mkdir", "os.symlink", "os.link", "os.truncate", "shutil.", "pty.",
)


def _set_os_limits(policy: Policy) -> None:
    import resource

    limits = policy.limits
    address_space = BASE_ADDRESS_SPACE + (limits.memory or 2**30)
    try:
        with open("/proc/self/statm", "rb") as f:
            address_space += int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        pass
    cpu = math.ceil((limits.time or 30.0) * 2) + 1
    for name, value in (("RLIMIT_AS", address_space), ("RLIMIT_CPU", cpu), ("RLIMIT_CORE", 0),
                        ("RLIMIT_FSIZE", 0), ("RLIMIT_NOFILE", 32), ("RLIMIT_NPROC", 0)):
        which = getattr(resource, name, None)
        if which is None:
            continue
        _soft, hard = resource.getrlimit(which)
        target = value if hard == resource.RLIM_INFINITY else min(value, hard)
        try:
            resource.setrlimit(which, (target, hard if name != "RLIMIT_CPU" else max(target, hard)
                                       if hard != resource.RLIM_INFINITY else hard))
        except (ValueError, OSError):
            pass


def _renew_cpu_limit(policy: Policy) -> None:
    """RLIMIT_CPU counts the process's whole life: give each task its own allowance."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = math.ceil(usage.ru_utime + usage.ru_stime)
    allowance = math.ceil((policy.limits.time or 30.0) * 2) + 1
    _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    target = used + allowance
    if hard != resource.RLIM_INFINITY:
        target = min(target, hard)
    try:
        resource.setrlimit(resource.RLIMIT_CPU, (target, hard))
    except (ValueError, OSError):
        pass


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event.startswith("ctypes.") and _from_watchdog():
        return  # the budget watchdog raising a limit in the running thread
    if event.startswith(_BLOCKED_EVENTS):
        raise PermissionError(f"{event} is not allowed in an isolated worker")
    if event == "open" and len(args) > 1 and isinstance(args[1], str) and \
            any(ch in args[1] for ch in "wax+"):
        raise PermissionError("writing files is not allowed in an isolated worker")


def _from_watchdog() -> bool:
    import threading

    from .runtime.watchdog import WATCHDOG

    return WATCHDOG.ident is not None and threading.get_ident() == WATCHDOG.ident


def worker_main() -> None:
    """Entry point of a worker process: one JSON task per line on stdin, answers on stdout."""
    import io
    import traceback

    config = json.loads(sys.argv[2])
    from . import Cell, RestrictedSyntaxError

    policy = Policy.from_dict(config["policy"], source="<isolated>")
    # Warm the imports a cell may need before the limits and the tripwire are in place.
    import decimal  # noqa: F401
    import json as _json  # noqa: F401
    import re  # noqa: F401

    _set_os_limits(policy)
    sys.addaudithook(_audit)
    out = sys.stdout
    print(json.dumps({"ready": True}), file=out, flush=True)
    for line in sys.stdin:
        task = json.loads(line)
        _renew_cpu_limit(policy)
        answer: dict[str, Any]
        buffer = io.StringIO()
        try:
            cell = Cell(policy, globals=task["inputs"], stdout=buffer)
            try:
                value = cell.eval(task["source"], task["filename"])
            except RestrictedSyntaxError as exc:
                if any(v.rule != "PC001" for v in exc.violations):
                    raise
                value = cell.exec(task["source"], task["filename"]).get("result")
            try:
                json.dumps(value, allow_nan=False)
            except (TypeError, ValueError):
                value = None
                raise TypeError("the result is not JSON-compatible plain data") from None
            answer = {"value": value, "output": buffer.getvalue()}
        except LimitExceeded as exc:
            answer = {"limit": type(exc).__name__, "message": str(exc)}
        except MemoryError:
            answer = {"limit": "MemoryLimitExceeded", "message": "the worker ran out of memory"}
        except Exception as exc:
            answer = {"value": None, "output": buffer.getvalue(), "error": {
                "type": type(exc).__name__, "message": str(exc),
                "traceback": "".join(traceback.format_exception(exc))[-4000:]}}
        try:
            line = json.dumps(answer)
            if len(line) > MAX_ANSWER:
                # The host reads the whole line: keep what it must hold bounded.
                line = json.dumps({"value": None, "output": "", "error": {
                    "type": "ResultTooLarge", "message": f"the answer is {len(line)} characters "
                    f"of JSON; the isolated tier returns at most {MAX_ANSWER}", "traceback": ""}})
            print(line, file=out, flush=True)
        except MemoryError:
            sys.exit(3)
