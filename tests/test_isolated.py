"""The isolated tier: real worker processes with OS limits."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

import paddedcell as pc
from helpers import corpus_header

DOS = Path(__file__).parent / "dos"
POLICY = pc.Policy.preset("default").with_limits(
    time=1.0, steps=10_000_000, memory=100 * 2**20, output=2**20, recursion=200)



def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie still answers; it is not running
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


def test_values_output_and_errors_come_back_as_data() -> None:
    assert pc.run_isolated("sum(x) * 2", inputs={"x": [1, 2, 3]}).value == 12
    result = pc.run_isolated("print('hi')\nresult = {'k': [1, 2.5, None]}")
    assert (result.value, result.output, result.error) == ({"k": [1, 2.5, None]}, "hi\n", None)
    failed = pc.run_isolated("print('before')\n1 / 0")
    assert failed.error is not None and failed.error.type == "ZeroDivisionError"
    assert failed.output == "before\n" and "ZeroDivisionError" in failed.error.traceback
    denied = pc.run_isolated("import os")
    assert denied.error is not None and denied.error.type == "ImportDenied"


def test_only_plain_data_crosses() -> None:
    with pytest.raises(TypeError, match="JSON-compatible"):
        pc.run_isolated("x", inputs={"x": object()})
    result = pc.run_isolated("result = object()")
    assert result.error is not None and "JSON-compatible" in result.error.message
    with pytest.raises(TypeError):
        pc.run_isolated(b"1")  # type: ignore[arg-type]


@pytest.mark.parametrize(("source", "expected"), [
    ("while True:\n    pass", pc.StepLimitExceeded),
    ("sum(range(10**12))", pc.TimeLimitExceeded),  # one C call: only the OS limits stop it
    ("import re\nre.match('(a+)+$', 'a' * 40 + 'b')", pc.TimeLimitExceeded),
    ("x = 'a' * 10**10", pc.MemoryLimitExceeded),
    ("while True:\n    print('x' * 1000)", pc.OutputLimitExceeded),
])
def test_limits_in_the_worker(source: str, expected: type[BaseException]) -> None:
    start = time.monotonic()
    with pytest.raises(expected):
        pc.run_isolated(source, policy=POLICY)
    assert time.monotonic() - start < 2.0


def test_a_crashing_worker_is_reported_and_replaced() -> None:
    crash = "x = iter([1])\nfor i in range(10**6):\n    x = map(abs, x)\nnext(x)"
    with pc.WorkerPool(1, POLICY) as pool:
        first = pool._idle[0].proc.pid
        # A C stack overflow: the worker dies of SIGSEGV, or (when the stack cannot grow
        # under the address-space limit) reports that it ran out of memory; on a loaded
        # machine building the million-deep chain can reach the time limit first.
        with pytest.raises((pc.WorkerCrashed, pc.MemoryLimitExceeded,
                            pc.TimeLimitExceeded)) as info:
            pool.run(crash)
        assert pool.run("1 + 1").value == 2  # the pool still answers
        if isinstance(info.value, pc.WorkerCrashed):
            assert pool._idle[0].proc.pid != first  # a new worker took over
        with pytest.raises(pc.TimeLimitExceeded):
            pool.run("sum(range(10**12))")
        assert pool.run("2 + 2").value == 4
        pids = [w.proc.pid for w in pool._idle]
    assert not any(_alive(pid) for pid in [*pids, first]), "leftover worker processes"


def test_host_memory_does_not_grow_with_the_worker() -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(pc.LimitExceeded):
        pc.run_isolated("l = []\nwhile True:\n    l.append('x' * 10000)", policy=POLICY)
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 20 * 1024


def test_worker_environment_is_minimal_and_private() -> None:
    # The cell cannot read the environment; the worker process itself is checked here.
    with pc.WorkerPool(1, POLICY) as pool:
        worker = pool._idle[0]
        environ = Path(f"/proc/{worker.proc.pid}/environ").read_bytes().split(b"\0")
        assert not any(e.startswith(b"HOME=") for e in environ)
        assert os.readlink(f"/proc/{worker.proc.pid}/cwd") == worker.folder
        fds = os.listdir(f"/proc/{worker.proc.pid}/fd")
        assert len(fds) <= 5  # stdin, stdout, stderr and little else
        folder = worker.folder
    assert not Path(folder).exists()


ISOLATED_DOS = sorted(p for p in DOS.glob("*.py") if corpus_header(p.read_text(), "tier") == "isolated")


@pytest.mark.parametrize("path", ISOLATED_DOS, ids=[p.stem for p in ISOLATED_DOS])
def test_isolated_dos_payload_is_stopped(path: Path) -> None:
    text = path.read_text()
    names = corpus_header(text, "expect").split("|")  # type: ignore[union-attr]
    expected = tuple(getattr(pc, n) for n in names)
    start = time.monotonic()
    with pytest.raises(expected):
        pc.run_isolated(text, policy=POLICY)
    assert time.monotonic() - start < 2.5


def test_cli_isolated_flags(tmp_path: Path) -> None:
    prog = tmp_path / "loop.py"
    prog.write_text("while True:\n    pass\n")
    proc = subprocess.run([sys.executable, "-m", "paddedcell", "run", "--isolated",
                           "--time-limit", "1", "--memory-limit", "100M", str(prog)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and "LimitExceeded" in proc.stderr
    prog.write_text("print(6 * 7)\n")
    proc = subprocess.run([sys.executable, "-m", "paddedcell", "run", "--isolated", str(prog)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout == "42\n"
    bad = subprocess.run([sys.executable, "-m", "paddedcell", "run", "--memory-limit", "lots",
                          str(prog)], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "not a size" in bad.stderr


BOTH_DOS = sorted(p for p in DOS.glob("*.py") if corpus_header(p.read_text(), "tier") == "both"
                  and corpus_header(p.read_text(), "family") not in ("compiler", "callback"))


def test_in_process_dos_payloads_are_stopped_in_workers_too() -> None:
    """The same payloads through one pool (workers replaced as they die)."""
    with pc.WorkerPool(2, POLICY) as pool:
        for path in BOTH_DOS:
            text = path.read_text()
            names = corpus_header(text, "expect").split("|")  # type: ignore[union-attr]
            # In a reused worker the address-space limit, or the host's deadline, may stop a
            # payload before the budget named in the header does: any limit will do here.
            expected = (*tuple(getattr(pc, n) for n in names), pc.LimitExceeded)
            start = time.monotonic()
            try:
                result = pool.run(text)
            except expected:
                pass
            else:
                raise AssertionError(f"{path.name}: not stopped: {result!r:.200}")
            assert time.monotonic() - start < 2.5, path.name


def test_a_reused_worker_gets_a_fresh_cpu_allowance_per_task() -> None:
    # RLIMIT_CPU counts a process's whole life; each task must get its own allowance.
    with pc.WorkerPool(1, POLICY) as pool:
        pid = pool._idle[0].proc.pid
        for _ in range(6):  # about 0.5 s of CPU each, 3 s in all: past a one-off allowance
            assert pool.run("n = 0\nfor i in range(4_000_000):\n    n += 1\nresult = n").value \
                == 4_000_000
        assert pool._idle[0].proc.pid == pid  # the same worker throughout


def test_a_huge_result_is_refused_in_the_worker() -> None:
    result = pc.run_isolated("result = ['\\u00e9' * 1000] * 20000", policy=POLICY)
    assert result.error is not None and result.error.type == "ResultTooLarge"


def test_library_loops_are_stopped_in_workers_too() -> None:
    start = time.monotonic()
    with pytest.raises(pc.TimeLimitExceeded):
        pc.run_isolated("import statistics, itertools\n"
                        "statistics.fmean(itertools.repeat(1.0, 10**9))", policy=POLICY)
    assert time.monotonic() - start < 2.0
