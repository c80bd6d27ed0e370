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
