"""The denial-of-service corpus (tests/dos/): every payload is stopped by its budget.

Each in-process payload runs in a fresh subprocess (so host memory can be measured and a
failure cannot take the test run down), under the policy the corpus README gives. The stated
slack: a 1 s time limit stops the run before 2 s; with a 100 MB memory limit the process's
peak memory grows by less than 150 MB.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import paddedcell as pc
from helpers import corpus_header

CORPUS = sorted((Path(__file__).parent / "dos").glob("*.py"))



RUNNER = textwrap.dedent(
    """
    import json, resource, sys, time
    resource.setrlimit(resource.RLIMIT_AS, (6 * 2**30, 6 * 2**30))  # a safety net only
    import paddedcell as pc
    policy = pc.Policy.preset("default").with_limits(
        time=1.0, steps=10_000_000, memory=100 * 2**20, output=2**20, recursion=200)
    source = open(sys.argv[1], encoding="utf-8").read()
    callback = sys.argv[2]
    cell = pc.Cell(policy)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    start = time.monotonic()
    outcome = "returned"
    try:
        cell.exec(source, filename="<dos>")
        if callback:
            obj = cell.namespace["CALLBACK"]
            ops = {"repr": repr, "str": str, "hash": hash, "eq": lambda o: o == 1,
                   "iter": lambda o: next(iter(o)), "len": len, "bool": bool,
                   "call": lambda o: o()}
            outcome = "callback returned"
            ops[callback](obj)
    except BaseException as exc:
        outcome = type(exc).__name__
    elapsed = time.monotonic() - start
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - before
    # the host is alive and usable afterwards, and so is the same cell
    usable = pc.Cell(policy).eval("sum(range(10))") == 45 and cell.eval("2 + 2") == 4
    print(json.dumps({"outcome": outcome, "elapsed": elapsed, "grown": grown,
                      "usable": usable}))
    """
)

IN_PROCESS = [p for p in CORPUS
              if corpus_header(p.read_text(), "tier") == "both" and corpus_header(p.read_text(), "family") != "compiler"]
COMPILER = [p for p in CORPUS if corpus_header(p.read_text(), "family") == "compiler"]


def test_corpus_is_there() -> None:
    assert len(CORPUS) >= 40
    for path in CORPUS:
        text = path.read_text()
        assert corpus_header(text, "source") and corpus_header(text, "expect") and corpus_header(text, "tier")


@pytest.mark.parametrize("path", IN_PROCESS, ids=[p.stem for p in IN_PROCESS])
def test_in_process_payload_is_stopped(path: Path) -> None:
    text = path.read_text()
    expected = set(corpus_header(text, "expect").split("|"))  # type: ignore[union-attr]
    callback = corpus_header(text, "callback") or ""
    proc = subprocess.run([sys.executable, "-c", RUNNER, str(path), callback],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["outcome"] in expected, result
    assert result["usable"], result
    assert result["elapsed"] < 2.0, result
    assert result["grown"] < 150 * 2**20, result


@pytest.mark.parametrize("path", COMPILER, ids=[p.stem for p in COMPILER])
def test_compiler_bomb_is_rejected(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    with pytest.raises(pc.RestrictedSyntaxError):
        pc.compile_restricted(source, "<dos>")
