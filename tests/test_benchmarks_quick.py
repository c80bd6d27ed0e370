"""The benchmark suite runs (quick mode) and reports what it measured; no timing is asserted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_benchmark_suite_runs_in_quick_mode(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick",
                           "--json", str(out)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(out.read_text())
    workloads = {row["workload"] for row in report["runtime"]}
    assert {"attribute-heavy", "numeric-loop", "recursion", "exceptions"} <= workloads
    for row in report["runtime"]:
        assert row["paddedcell_ratio"] > 0 and row["limited_ratio"] > 0
        # RestrictedPython either ran it (a ratio) or the table says why not
        assert "restrictedpython_ratio" in row or row.get("restrictedpython")
    assert report["cell"]["cell_create_us"] > 0
    assert "geometric mean" in proc.stdout
    # pyperformance: a row for every benchmark that ran, or the honest "unavailable" line
    pp = report["pyperformance"]
    if "unavailable" in pp:
        assert f"pyperformance: unavailable ({pp['unavailable']})" in proc.stdout
    else:
        ran = [row for row in pp["rows"] if "plain_s" in row]
        assert ran, pp["rows"]
        for row in ran:
            assert row["benchmark"] in proc.stdout
            # each cell column either has a ratio or says why it did not run the benchmark
            assert "paddedcell_ratio" in row or row["paddedcell"]
            assert "limited_ratio" in row or row["limited"]


def test_pyperformance_rewrite_drops_pyperf_and_calls_the_benchmark() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import pyperf_suite

    program = (
        "import pyperf\n"
        "SIZE = 3\n"
        "def work(loops, size):\n"
        "    t0 = pyperf.perf_counter()\n"
        "    total = sum(range(size)) * loops\n"
        "    seen.append(total)\n"
        "    return pyperf.perf_counter() - t0\n"
        "seen = []\n"
        "if __name__ == '__main__':\n"
        "    runner = pyperf.Runner()\n"
        "    runner.metadata['description'] = 'x'\n"
        "    runner.argparser.add_argument('--size', type=int, default=SIZE)\n"
        "    args = runner.parse_args()\n"
        "    runner.bench_time_func('work', work, args.size)\n"
    )
    src = pyperf_suite.rewrite(program, loops=2)
    assert "import pyperf" not in src and "Runner" not in src and "__main__" not in src
    ns = {"pyperf": pyperf_suite.pyperf_stub()}
    exec(compile(src, "<bm>", "exec"), ns)
    assert ns["seen"] == [6] and ns["pp_ran"] == ["work"]
