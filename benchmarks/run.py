"""Side-by-side benchmarks: plain CPython, paddedcell and RestrictedPython, in one run.

    python3 benchmarks/run.py                  # full run: tables on stdout, JSON in benchmarks/results/
    python3 benchmarks/run.py --quick          # one short round each, to prove the suite works
    python3 benchmarks/run.py --pyperformance  # only pyperformance's pure-Python benchmarks

Every figure is a median of several rounds, reported with its ratio to plain CPython measured
in the same run. RestrictedPython is wired as its documentation shows (safe_builtins,
safer_getattr, full_write_guard, the unpack guards, _getiter_, _inplacevar_, a print
collector); where it rejects or fails a workload, the table says so.
"""

from __future__ import annotations

import argparse
import builtins
import json
import math
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import paddedcell as pc  # noqa: E402
import pyperf_suite  # noqa: E402
from paddedcell.compiler import CACHE, compile_full  # noqa: E402
from workloads import RUNTIME, plugin_module  # noqa: E402

try:
    import RestrictedPython as rp
    from RestrictedPython import Guards as rp_guards
    from RestrictedPython import PrintCollector, limited_builtins, safe_builtins, utility_builtins
except ImportError:  # pragma: no cover - dev extra not installed
    rp = None


def _median_time(fn: Callable[[], object], rounds: int, inner: int = 1) -> float:
    """Median seconds per call of `fn` over `rounds` rounds of `inner` calls each."""
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(inner):
            fn()
        samples.append((time.perf_counter() - start) / inner)
    return statistics.median(samples)


# --- the three systems --------------------------------------------------------------------
def plain_compile(src: str) -> Any:
    return compile(src, "<bench>", "exec")


def plain_run(code: Any) -> dict[str, Any]:
    ns: dict[str, Any] = {"__builtins__": builtins, "__name__": "__main__"}
    exec(code, ns)
    return ns


def rp_globals() -> dict[str, Any]:
    assert rp is not None
    return {
        "__builtins__": {**safe_builtins, **limited_builtins, **utility_builtins},
        "__name__": "restricted",
        "__metaclass__": type,
        "_getattr_": rp_guards.safer_getattr,
        "_write_": rp_guards.full_write_guard,
        "_getiter_": iter,
        "_getitem_": lambda obj, key: obj[key],
        "_iter_unpack_sequence_": rp_guards.guarded_iter_unpack_sequence,
        "_unpack_sequence_": rp_guards.guarded_unpack_sequence,
        "_inplacevar_": _rp_inplacevar,
        "_print_": PrintCollector,
    }


def _rp_inplacevar(op: str, x: Any, y: Any) -> Any:
    # The documented shape of an _inplacevar_: apply the in-place operator.
    import operator

    ops = {"+=": operator.iadd, "-=": operator.isub, "*=": operator.imul, "/=": operator.itruediv,
           "//=": operator.ifloordiv, "%=": operator.imod, "**=": operator.ipow}
    return ops[op](x, y)


def rp_compile(src: str) -> Any:
    assert rp is not None
    return rp.compile_restricted(src, "<bench>", "exec")


def rp_run(code: Any) -> dict[str, Any]:
    ns = rp_globals()
    exec(code, ns)
    return ns


# --- measurements -------------------------------------------------------------------------
#: No run-time limits: the guards alone.
UNLIMITED = pc.Policy.preset("default").with_limits(
    time=None, steps=None, memory=None, output=None, recursion=None)
#: Step and time limits on (the issue's "+limits" target), generous so every workload
#: finishes; nothing else metered.
LIMITED = pc.Policy.preset("default").with_limits(
    time=60.0, steps=10**9, memory=None, output=None, recursion=None)
#: Every run-time limit on: steps, time, memory, output and recursion.
ALL_LIMITS = pc.Policy.preset("default").with_limits(
    time=60.0, steps=10**9, memory=2**31, output=2**26, recursion=1000)


def _interleaved(systems: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """Median seconds per run of each system, the systems taking turns in every round: drift
    in the machine's speed (other tenants, frequency) then shifts every system alike instead
    of whichever one happened to run during it."""
    samples: dict[str, list[float]] = {name: [] for name in systems}
    for _ in range(rounds):
        for name, fn in systems.items():
            start = time.perf_counter()
            fn()
            samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in samples.items()}


def bench_runtime(rounds: int) -> list[dict[str, Any]]:
    rows = []
    columns = {"paddedcell": UNLIMITED, "limited": LIMITED, "all_limits": ALL_LIMITS}
    for name, src in RUNTIME.items():
        code = plain_compile(src)
        expected = plain_run(code)["result"]
        row: dict[str, Any] = {"workload": name}
        systems: dict[str, Callable[[], object]] = {"plain": lambda code=code: plain_run(code)}
        for column, policy in columns.items():
            got = pc.Cell(policy).exec(src, "<bench>")["result"]  # warms the cache too
            assert got == expected, (name, column, got, expected)
            systems[column] = lambda src=src, policy=policy: pc.Cell(policy).exec(src, "<bench>")
        if rp is None:
            row["restrictedpython"] = "not installed"
        else:
            try:
                rcode = rp_compile(src)
                rgot = rp_run(rcode)["result"]
                if rgot != expected:
                    raise AssertionError(f"computed {rgot!r}, expected {expected!r}")
                systems["restrictedpython"] = lambda rcode=rcode: rp_run(rcode)
            except Exception as exc:  # RP rejects or fails this workload: say which way
                row["restrictedpython"] = f"{type(exc).__name__}: {str(exc).splitlines()[0][:70]}"
        for system, seconds in _interleaved(systems, rounds).items():
            row[f"{system}_s"] = seconds
            if system != "plain":
                row[f"{system}_ratio"] = seconds / row["plain_s"]
        rows.append(row)
    return rows


def bench_compile(rounds: int, sizes: list[int]) -> list[dict[str, Any]]:
    rows = []
    policy = pc.Policy.preset("default")
    for lines in sizes:
        src = plugin_module(lines)
        row: dict[str, Any] = {"lines": src.count("\n")}
        inner = max(1, 10000 // lines)  # about 10,000 lines a sample: small rows are noisy
        row["plain_s"] = _median_time(lambda src=src: plain_compile(src), rounds, inner)
        # A miss is what `compile_restricted` does without its cache: function bodies are
        # deferred to their first call (compiler/lazy.py). "eager" compiles every body now,
        # which is what a program that calls all its functions pays in all (a little more).
        row["miss_s"] = _median_time(
            lambda src=src: compile_full(src, "<bench>", "exec", policy, defer=True), rounds,
            inner)
        row["eager_s"] = _median_time(
            lambda src=src: compile_full(src, "<bench>", "exec", policy), rounds, inner)
        row["eager_ratio"] = row["eager_s"] / row["plain_s"]
        # The default policy has run-time limits, so its code carries metering forms; without
        # limits the rewrite adds only the guards.
        row["miss_unlimited_s"] = _median_time(
            lambda src=src: compile_full(src, "<bench>", "exec", UNLIMITED, defer=True), rounds,
            inner)
        row["miss_unlimited_ratio"] = row["miss_unlimited_s"] / row["plain_s"]
        pc.compile_restricted(src, "<bench>", "exec", policy)
        row["hit_s"] = _median_time(
            lambda src=src: pc.compile_restricted(src, "<bench>", "exec", policy), rounds, 200)
        row["miss_ratio"] = row["miss_s"] / row["plain_s"]
        if rp is not None:
            row["rp_s"] = _median_time(lambda src=src: rp_compile(src), rounds, inner)
            row["rp_ratio"] = row["rp_s"] / row["plain_s"]
            row["miss_vs_rp"] = row["rp_s"] / row["miss_s"]
            row["hit_vs_rp"] = row["rp_s"] / row["hit_s"]
        rows.append(row)
    return rows


def bench_cell(rounds: int) -> dict[str, Any]:
    policy = UNLIMITED
    pc.Cell(policy)
    out: dict[str, Any] = {}
    out["cell_create_us"] = _median_time(lambda: pc.Cell(policy), rounds, 2000) * 1e6
    formula = "price * qty * (1 + tax) - discount"
    values = {"price": 9.5, "qty": 3, "tax": 0.2, "discount": 1.0}
    cell = pc.Cell(policy, globals=values)
    code = compile(formula, "<f>", "eval")
    ns = {"__builtins__": builtins, **values}
    assert cell.eval(formula) == eval(code, ns)
    out["formula_plain_us"] = _median_time(lambda: eval(code, ns), rounds, 20000) * 1e6
    out["formula_cell_us"] = _median_time(lambda: cell.eval(formula), rounds, 20000) * 1e6
    out["formula_ratio"] = out["formula_cell_us"] / out["formula_plain_us"]
    with pc.WorkerPool(1, pc.Policy.preset("default")) as pool:
        pool.run("1")
        out["isolated_round_trip_ms"] = _median_time(lambda: pool.run("x + 1", {"x": 1}),
                                                     rounds, 200) * 1e3
    return out


#: pyperformance in a cell: finite limits as the default preset has them, except a time and
#: step budget large enough for a whole benchmark program.
PP_LIMITED = pc.Policy.preset("default").with_limits(time=600, steps=10**10)
PP_COLUMNS = {"paddedcell": UNLIMITED, "limited": PP_LIMITED}


def bench_pyperformance(rounds: int, quick: bool) -> dict[str, Any]:
    """pyperformance's stdlib-only benchmarks, unchanged (see pyperf_suite); or why not."""
    try:
        folder = pyperf_suite.benchmarks_dir()
    except RuntimeError as exc:
        return {"version": pyperf_suite.VERSION, "unavailable": str(exc)}
    result = pyperf_suite.run_suite(
        rounds, quick, PP_COLUMNS, pc.Cell, rp_compile if rp is not None else None, rp_globals,
        folder=folder, log=lambda line: print(line, file=sys.stderr, flush=True))
    rows = result["rows"]
    for column in ("paddedcell", "limited", "restrictedpython"):
        ratios = [r[f"{column}_ratio"] for r in rows if f"{column}_ratio" in r]
        result[f"{column}_geomean"] = geomean(ratios)
        result[f"{column}_count"] = len(ratios)
    result["plain_count"] = sum(1 for r in rows if "plain_s" in r)
    return result


def _pp_cell(row: dict[str, Any], column: str) -> str:
    if f"{column}_ratio" in row:
        return f"{row[f'{column}_ratio']:.2f}x"
    text = str(row.get(column, "-"))
    # the exception type and rule id; the reasons are listed under the table
    if text.startswith("RestrictedSyntaxError: "):
        return "rejected " + text.split()[1]
    head = text.split(":", 1)[0]
    return "rejected" if head == "SyntaxError" else head


def render_pyperformance(pp: dict[str, Any]) -> str:
    if "unavailable" in pp:
        return f"pyperformance: unavailable ({pp['unavailable']})"
    lines = [f"pyperformance {pp['version']} benchmarks, unchanged (rounds={pp['rounds']}; "
             f"ratios to plain CPython)",
             f"{'benchmark':<26}{'loops':>6}{'plain ms':>10}{'paddedcell':>20}{'+limits':>20}"
             f"{'RestrictedPython':>20}"]
    why: list[str] = []
    for r in pp["rows"]:
        name = r["benchmark"]
        if "plain_s" not in r:
            note = r.get("unsupported") or f"fails in plain CPython: {r.get('plain')}"
            lines.append(f"{name:<26}{'':>6}{'not run':>10}")
            why.append(f"  {name}: not run: {note}")
            continue
        lines.append(f"{name:<26}{r['loops']:>6}{r['plain_s'] * 1e3:>10.1f}"
                     f"{_pp_cell(r, 'paddedcell'):>20}{_pp_cell(r, 'limited'):>20}"
                     f"{_pp_cell(r, 'restrictedpython'):>20}")
        if "paddedcell" in r:
            why.append(f"  {name}: paddedcell: {r['paddedcell']}")
        if "limited" in r and r.get("limited") != r.get("paddedcell"):
            why.append(f"  {name}: paddedcell +limits: {r['limited']}")
        if "restrictedpython" in r:
            why.append(f"  {name}: RestrictedPython: {r['restrictedpython']}")
    def gm(column: str) -> str:
        n = pp[f"{column}_count"]
        return f"{pp[f'{column}_geomean']:.2f}x ({n})" if n else "- (0)"

    lines.append(f"{'geometric mean (runs)':<26}{'':>6}{'(' + str(pp['plain_count']) + ')':>10}"
                 f"{gm('paddedcell'):>20}{gm('limited'):>20}{gm('restrictedpython'):>20}")
    return "\n".join([*lines, "", "why a system did not run a benchmark:", *why])


def geomean(values: list[float]) -> float:
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else float("nan")


def render(report: dict[str, Any]) -> str:
    lines = [f"paddedcell benchmarks: Python {report['python']} on {report['machine']}",
             f"RestrictedPython {report['restrictedpython']}", ""]
    lines.append(f"{'runtime workload':<22}{'plain ms':>10}{'paddedcell':>12}{'+limits':>10}"
                 f"{'+all':>8}{'RestrictedPython':>34}")
    for r in report["runtime"]:
        rp_cell = (f"{r['restrictedpython_ratio']:.2f}x" if "restrictedpython_ratio" in r
                   else r.get("restrictedpython", "-"))
        lines.append(f"{r['workload']:<22}{r['plain_s'] * 1e3:>10.2f}"
                     f"{r['paddedcell_ratio']:>11.2f}x{r['limited_ratio']:>9.2f}x"
                     f"{r['all_limits_ratio']:>7.2f}x  {rp_cell[:32]:>32}")
    rp_ratios = [r["restrictedpython_ratio"] for r in report["runtime"]
                 if "restrictedpython_ratio" in r]
    lines.append(f"{'geometric mean':<22}{'':>10}{report['runtime_geomean']:>11.2f}x"
                 f"{report['limited_geomean']:>9.2f}x{report['all_limits_geomean']:>7.2f}x"
                 f"  {f'{geomean(rp_ratios):.2f}x ({len(rp_ratios)} run)':>32}")
    lines.append("(+limits: step and time limits; +all: steps, time, memory, output, recursion)")
    lines.append("")
    lines.append(f"{'compile lines':<14}{'plain ms':>10}{'miss':>9}{'eager':>9}{'no limits':>11}"
                 f"{'hit us':>9}{'RP':>8}{'miss vs RP':>12}{'hit vs RP':>11}")
    for r in report["compile"]:
        rp_part = (f"{r['rp_ratio']:>7.2f}x{r['miss_vs_rp']:>11.1f}x{r['hit_vs_rp']:>10.0f}x"
                   if "rp_ratio" in r else "")
        lines.append(f"{r['lines']:<14}{r['plain_s'] * 1e3:>10.2f}{r['miss_ratio']:>8.2f}x"
                     f"{r['eager_ratio']:>8.2f}x{r['miss_unlimited_ratio']:>10.2f}x"
                     f"{r['hit_s'] * 1e6:>9.2f}{rp_part}")
    lines.append("(miss: default policy, with limits, so with metering, function bodies deferred to"
                 " their first call; eager: every body compiled now; no limits: guards only)")
    c = report["cell"]
    lines += ["", f"Cell() creation: {c['cell_create_us']:.1f} us",
              f"formula eval: plain {c['formula_plain_us']:.2f} us, cell.eval "
              f"{c['formula_cell_us']:.2f} us ({c['formula_ratio']:.2f}x)",
              f"isolated round trip (warm pool): {c['isolated_round_trip_ms']:.2f} ms"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one short round (CI smoke run)")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--json", type=Path, default=HERE / "results" / "latest.json")
    parser.add_argument("--pyperformance", action="store_true",
                        help="run only pyperformance's pure-Python benchmarks (downloaded from "
                             "PyPI into benchmarks/.cache or $PADDEDCELL_BENCH_CACHE)")
    parser.add_argument("--no-pyperformance", action="store_true",
                        help="leave pyperformance out of the full run")
    parser.add_argument("--pyperformance-rounds", type=int, default=3,
                        help="rounds for the pyperformance benchmarks (default 3)")
    args = parser.parse_args(argv)
    rounds = 1 if args.quick else args.rounds
    sizes = [10, 100] if args.quick else [10, 100, 1000, 10000]
    pp_rounds = 1 if args.quick else args.pyperformance_rounds
    CACHE.clear()
    if args.pyperformance:
        pp = bench_pyperformance(pp_rounds, args.quick)
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"python": platform.python_version(),
                                         "restrictedpython": _rp_version(),
                                         "pyperformance": pp}, indent=2))
        print(render_pyperformance(pp))
        print(f"\nJSON: {args.json}")
        # Asked for explicitly, a missing download is an error, except in a --quick smoke run.
        return 1 if "unavailable" in pp and not args.quick else 0
    report: dict[str, Any] = {
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {platform.system()}",
        "restrictedpython": getattr(rp, "__version__", None) or _rp_version(),
        "rounds": rounds,
        "runtime": bench_runtime(rounds),
        "compile": bench_compile(rounds, sizes),
        "cell": bench_cell(rounds),
    }
    report["runtime_geomean"] = geomean([r["paddedcell_ratio"] for r in report["runtime"]])
    report["limited_geomean"] = geomean([r["limited_ratio"] for r in report["runtime"]])
    report["all_limits_geomean"] = geomean([r["all_limits_ratio"] for r in report["runtime"]])
    if not args.no_pyperformance:
        report["pyperformance"] = bench_pyperformance(pp_rounds, args.quick)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2))
    print(render(report))
    if "pyperformance" in report:
        print()
        print(render_pyperformance(report["pyperformance"]))
    print(f"\nJSON: {args.json}")
    return 0


def _rp_version() -> str:
    try:
        from importlib.metadata import version

        return version("RestrictedPython")
    except Exception:
        return "not installed"


if __name__ == "__main__":
    sys.exit(main())
