"""pyperformance's pure-Python benchmarks, run unchanged by plain CPython, paddedcell and
RestrictedPython.

Nothing of pyperformance lives in this repository: the sdist is downloaded from PyPI at run
time into a cache folder outside git, extracted, and each `bm_*/run_benchmark.py` is rewritten
with the `ast` module, only where pyperf is involved:

* `import pyperf` is removed; the program gets a global `pyperf` from the supervisor, a tiny
  namespace with `perf_counter` (the time functions read the clock through it) and
  `python_implementation` (bm_pickle asks it whether it runs on PyPy).
* the `if __name__ == "__main__":` block is replaced by what it does to start the benchmark:
  the pyperf Runner and its metadata are dropped, the command-line options it declares
  (`add_argument`) become the class attributes of an options object holding their defaults
  (or a value from `OPTIONS` below),
  and `runner.bench_func(name, f, *args)` becomes `f(*args)` (called `loops` times),
  `runner.bench_time_func(name, f, *args)` becomes `f(loops, *args)`, and
  `runner.bench_async_func(name, f, *args)` drives the coroutine `f(*args)` to its end.
  A module-level `main()` that the block calls (with no arguments, or handing it the runner
  and the parsed options) is expanded the same way.

Everything else is the benchmark's own code. Each run executes the whole rewritten program
(module body, setup and the benchmark calls) in a fresh namespace or a fresh cell; a figure
is the median of several such runs.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import copy
import io
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tarfile
import time
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

VERSION = "1.14.0"
HERE = Path(__file__).resolve().parent
#: Where the sdist is downloaded and extracted: never inside git (see .gitignore).
CACHE_DIR = Path(os.environ.get("PADDEDCELL_BENCH_CACHE", HERE / ".cache"))

#: The stdlib-only benchmarks (no requirements.txt), in the order of the table. Value: loops
#: for a full run (the `loops` a time function gets, or how many times a plain benchmark
#: function is called), chosen so that each program takes roughly 0.05-0.5 s in plain CPython.
BENCHMARKS: dict[str, int] = {
    "richards": 3, "richards_super": 3, "nbody": 2, "chaos": 2, "deltablue": 30, "go": 1,
    "hexiom": 20, "raytrace": 1, "fannkuch": 1, "spectral_norm": 1, "nqueens": 1, "float": 2,
    "generators": 1, "coroutines": 4, "comprehensions": 200, "unpack_sequence": 1000,
    "json_dumps": 8, "json_loads": 200, "regex_v8": 5, "regex_effbot": 4, "regex_dna": 1,
    "regex_compile": 1, "deepcopy": 120, "decimal_factorial": 1, "decimal_pi": 1, "mdp": 1,
    "meteor_contest": 1, "pidigits": 1, "pprint": 1, "scimark": 1, "base64": 1,
    "barnes_hut": 1, "telco": 15, "typing_runtime_protocols": 80, "logging": 400,
    "argparse": 120, "async_generators": 1, "pickle": 250, "xml_etree": 1, "bpe_tokeniser": 1,
}

#: Values for command-line options a benchmark declares without a usable default, or where
#: pyperformance's own manifest passes one (its `extra_opts`): option name -> value.
OPTIONS: dict[str, dict[str, Any]] = {
    # pyperformance's default variant is "argparse_many_optionals".
    "argparse": {"benchmark": "many_optionals"},
    # The C-accelerated variant: pickle_pure_python swaps sys.modules['_pickle'] of the
    # whole interpreter, which needs the fresh process pyperformance gives it.
    "pickle": {"benchmark": "pickle"},
}

#: Benchmarks that are not run at all, with the reason (they are listed in the table).
UNSUPPORTED: dict[str, str] = {
    "regex_compile": "imports two sibling benchmark files (which import pyperf) and "
                     "monkeypatches the host's re module to capture their patterns",
}

#: Source appended before the rewritten start-up code: stand-ins for pyperf's Runner calls
#: where the call cannot be written out (async, or the function inside *args).
#: `pp_loops` is replaced by the loop count.
HELPERS = '''
pp_ran = []

def pp_bench_func(name, func, *args, **options):
    for i in range(pp_loops):
        func(*args)
    pp_ran.append(name)

def pp_bench_time_func(name, func, *args, **options):
    func(pp_loops, *args)
    pp_ran.append(name)

def pp_bench_async_func(name, func, *args, **options):
    for i in range(pp_loops):
        coroutine = func(*args)
        try:
            while True:
                coroutine.send(None)
        except StopIteration:
            pass
    pp_ran.append(name)
'''


def pyperf_stub() -> types.SimpleNamespace:
    """The `pyperf` global every system gets: the two functions the benchmarks call."""
    return types.SimpleNamespace(perf_counter=time.perf_counter,
                                 python_implementation=lambda: platform.python_implementation()
                                 .lower())


# --- fetching -----------------------------------------------------------------------------
def benchmarks_dir(cache: Path = CACHE_DIR, timeout: float = 300) -> Path:
    """The extracted `benchmarks` folder of the pyperformance sdist, downloading it if needed.

    Raises RuntimeError with a one-line reason when it cannot be had.
    """
    root = cache / f"pyperformance-{VERSION}"
    target = root / "pyperformance" / "data-files" / "benchmarks"
    if (target / "bm_richards" / "run_benchmark.py").is_file():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    sdist = cache / f"pyperformance-{VERSION}.tar.gz"
    if not sdist.is_file():
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
               f"pyperformance=={VERSION}", "-d", str(cache), "--retries", "1", "--timeout", "20"]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise RuntimeError(f"pip download failed: {type(exc).__name__}") from exc
        if proc.returncode != 0 or not sdist.is_file():
            lines = (proc.stderr or proc.stdout).strip().splitlines() or ["no output"]
            raise RuntimeError(f"pip download failed: {lines[-1][:120]}")
    prefix = f"pyperformance-{VERSION}/pyperformance/data-files/benchmarks/"
    shutil.rmtree(root, ignore_errors=True)
    with tarfile.open(sdist) as tar:
        members = [m for m in tar.getmembers() if m.name.startswith(prefix)]
        if hasattr(tarfile, "data_filter"):
            tar.extractall(cache, members=members, filter="data")
        else:  # pragma: no cover - Python without extraction filters
            tar.extractall(cache, members=members)
    if not (target / "bm_richards" / "run_benchmark.py").is_file():
        raise RuntimeError("the sdist has no benchmarks folder")
    return target


# --- the rewrite --------------------------------------------------------------------------
class UnsupportedShape(Exception):
    """The start-up code has a shape the rewrite does not know."""


def _names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _is_main_guard(stmt: ast.stmt) -> bool:
    if not isinstance(stmt, ast.If):
        return False
    test = stmt.test
    return (isinstance(test, ast.Compare) and isinstance(test.left, ast.Name)
            and test.left.id == "__name__" and len(test.comparators) == 1
            and isinstance(test.comparators[0], ast.Constant)
            and test.comparators[0].value == "__main__")


def _option_name(call: ast.Call) -> str:
    for kw in call.keywords:
        if kw.arg == "dest" and isinstance(kw.value, ast.Constant):
            return str(kw.value.value)
    flags = [a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    if not flags:
        raise UnsupportedShape("add_argument without a literal name")
    long = [f for f in flags if f.startswith("--")]
    name = (long or flags)[0].lstrip("-")
    return name.replace("-", "_")


def _option_default(call: ast.Call) -> ast.expr:
    keywords = {kw.arg: kw.value for kw in call.keywords}
    if "default" in keywords:
        return keywords["default"]
    action = keywords.get("action")
    if isinstance(action, ast.Constant) and action.value == "store_true":
        return ast.Constant(False)
    if isinstance(action, ast.Constant) and action.value == "store_false":
        return ast.Constant(True)
    return ast.Constant(None)


class _StartUp:
    """Turns the statements of a `__main__` block into plain start-up code."""

    def __init__(self, functions: dict[str, ast.FunctionDef], options: dict[str, Any],
                 loops: int) -> None:
        self.functions = functions
        self.loops = loops
        self.overrides = options
        self.runnerish: set[str] = {"pyperf"}  # the runner, its argparser and aliases
        self.declared: dict[str, ast.expr] = {}  # option name -> default expression
        self.calls = 0

    def collect_options(self, node: ast.AST) -> None:
        for sub in ast.walk(node):
            if (isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute)
                    and sub.func.attr == "add_argument"):
                self.declared[_option_name(sub)] = _option_default(sub)

    def options_object(self, target: ast.expr) -> list[ast.stmt]:
        """`args = runner.parse_args()` -> an instance of a class whose attributes are the
        declared defaults: made without attribute writes, which RestrictedPython's write
        guard would refuse (pyperf's argparse builds its Namespace outside the program)."""
        unknown = set(self.overrides) - set(self.declared)
        if unknown:
            raise UnsupportedShape(f"no such option: {sorted(unknown)}")
        fields: list[ast.stmt] = []
        for name, default in self.declared.items():
            value = (ast.parse(repr(self.overrides[name]), mode="eval").body
                     if name in self.overrides else copy.deepcopy(default))
            fields.append(ast.Assign(targets=[ast.Name(name, ast.Store())], value=value))
        cls = ast.parse("class pp_options:\n    pass\n").body[0]
        assert isinstance(cls, ast.ClassDef)
        cls.body = fields or cls.body
        make = ast.Assign(targets=[target], value=ast.Call(
            func=ast.Name("pp_options", ast.Load()), args=[], keywords=[]))
        return [cls, make]

    def block(self, body: list[ast.stmt]) -> list[ast.stmt]:
        out: list[ast.stmt] = []
        for stmt in body:
            out.extend(self.statement(stmt))
        return out

    def statement(self, stmt: ast.stmt) -> list[ast.stmt]:
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
            call = stmt.value
            func = call.func
            if (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                    and func.value.id in self.runnerish
                    and func.attr in ("bench_func", "bench_time_func", "bench_async_func")):
                self.calls += 1
                return self.invoke(func.attr, call)
            if isinstance(func, ast.Name) and func.id in self.functions:
                expanded = self.expand(func.id, call)
                if expanded is not None:
                    return expanded
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            value = stmt.value
            target = stmt.targets[0]
            if (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute)
                    and value.func.attr == "parse_args" and _names(value) & self.runnerish):
                return self.options_object(target)
            if _names(value) & self.runnerish:
                # the Runner, runner.argparser or an alias: drop, and remember the name
                self.collect_options(value)
                self.runnerish |= _names(target)
                return []
        if isinstance(stmt, (ast.If, ast.For, ast.While, ast.With, ast.Try)):
            for field in ("body", "orelse", "finalbody"):
                if hasattr(stmt, field) and getattr(stmt, field):
                    setattr(stmt, field, self.block(getattr(stmt, field)) or [ast.Pass()])
            if isinstance(stmt, ast.Try):
                for handler in stmt.handlers:
                    handler.body = self.block(handler.body) or [ast.Pass()]
            return [stmt]
        if _names(stmt) & self.runnerish:
            # runner.metadata[...] = ..., cmd.add_argument(...), add_parser_args(runner...)
            self.collect_options(stmt)
            for name in _names(stmt) & set(self.functions):
                self.collect_options(self.functions[name])
            return []
        return [stmt]

    def invoke(self, kind: str, call: ast.Call) -> list[ast.stmt]:
        """`runner.bench_*(name, func, *args, **pyperf_options)` -> the call itself: written out
        when `func` is spelled in the call, else through the pp_bench_* helpers."""
        if (kind == "bench_async_func" or len(call.args) < 2
                or any(isinstance(a, ast.Starred) for a in call.args[:2])):
            call.func = ast.Name(f"pp_{kind}", ast.Load())
            return [ast.Expr(call)]
        name, func, rest = call.args[0], call.args[1], call.args[2:]
        loops = ast.Constant(self.loops)
        if kind == "bench_time_func":
            run: ast.stmt = ast.Expr(ast.Call(func=func, args=[loops, *rest], keywords=[]))
        else:
            run = ast.For(target=ast.Name("pp_i", ast.Store()),
                          iter=ast.Call(func=ast.Name("range", ast.Load()), args=[loops],
                                        keywords=[]),
                          body=[ast.Expr(ast.Call(func=func, args=rest, keywords=[]))],
                          orelse=[])
        record = ast.Expr(ast.Call(
            func=ast.Attribute(value=ast.Name("pp_ran", ast.Load()), attr="append",
                               ctx=ast.Load()), args=[name], keywords=[]))
        return [run, record]

    def expand(self, name: str, call: ast.Call) -> list[ast.stmt] | None:
        """A call to a module-level function: its body when it starts the benchmark."""
        func = self.functions[name]
        passed = [a.id if isinstance(a, ast.Name) else None for a in call.args]
        starts = any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                     and n.func.attr.startswith("bench_") for n in ast.walk(func))
        if not starts or call.keywords or None in passed:
            return None
        prologue: list[ast.stmt] = []
        for param, arg in zip(func.args.args, passed, strict=False):
            assert arg is not None
            if arg in self.runnerish:
                self.runnerish.add(param.arg)
            elif param.arg != arg:
                prologue.append(ast.Assign(targets=[ast.Name(param.arg, ast.Store())],
                                           value=ast.Name(arg, ast.Load())))
        if any(isinstance(n, ast.Return) for n in ast.walk(func)):
            raise UnsupportedShape(f"{name}() returns")
        return prologue + self.block(copy.deepcopy(func.body))


def rewrite(source: str, loops: int, options: dict[str, Any] | None = None) -> str:
    """The benchmark program without pyperf: see the module docstring."""
    tree = ast.parse(source)
    main: list[ast.stmt] | None = None
    body: list[ast.stmt] = []
    for stmt in tree.body:
        if _is_main_guard(stmt):
            assert isinstance(stmt, ast.If)
            main = stmt.body
            continue
        if isinstance(stmt, ast.Import):
            stmt.names = [a for a in stmt.names if a.name != "pyperf"]
            if not stmt.names:
                continue
        body.append(stmt)
    if main is None:
        raise UnsupportedShape('no `if __name__ == "__main__":` block')
    functions = {s.name: s for s in body if isinstance(s, ast.FunctionDef)}
    startup = _StartUp(functions, options or {}, int(loops))
    start = startup.block(main)
    if startup.calls == 0:
        raise UnsupportedShape("no runner.bench_* call found")
    helpers = ast.parse(HELPERS.replace("pp_loops", str(int(loops)))).body
    tree.body = body + helpers + start
    return ast.unparse(ast.fix_missing_locations(tree))


def programs(folder: Path, loops: Callable[[str], int]) -> Iterator[tuple[str, str, Path]]:
    """(name, rewritten source or 'unsupported: reason', path) for every listed benchmark."""
    for name in BENCHMARKS:
        path = folder / f"bm_{name}" / "run_benchmark.py"
        if name in UNSUPPORTED:
            yield name, f"unsupported: {UNSUPPORTED[name]}", path
            continue
        try:
            yield name, rewrite(path.read_text(encoding="utf-8"), loops(name),
                                OPTIONS.get(name)), path
        except (OSError, SyntaxError, UnsupportedShape) as exc:
            yield name, f"unsupported: {type(exc).__name__}: {exc}", path


# --- running ------------------------------------------------------------------------------
def reason(exc: BaseException) -> str:
    """Exception type, rule id (paddedcell) and the first line of the message, table-sized."""
    violations = getattr(exc, "violations", None)
    if violations:
        v = violations[0]
        more = f" (+{len(violations) - 1} more)" if len(violations) > 1 else ""
        return f"{type(exc).__name__}: {v.rule} {v.message} (line {v.lineno}){more}"
    if exc.args and isinstance(exc.args[0], tuple) and exc.args[0]:
        # RestrictedPython's SyntaxError carries a tuple of messages
        msgs = exc.args[0]
        more = f" (+{len(msgs) - 1} more)" if len(msgs) > 1 else ""
        return f"{type(exc).__name__}: {msgs[0]}{more}"[:200]
    text = str(exc).strip().splitlines()
    first = text[0] if text else ""
    rule = getattr(exc, "rule", None)
    kind = f"{type(exc).__name__} {rule}" if isinstance(rule, str) else type(exc).__name__
    return f"{kind}: {first}"[:200]


def all_reasons(exc: BaseException) -> list[str]:
    """Every static violation (paddedcell rejects a program with all of them at once)."""
    violations = getattr(exc, "violations", None)
    if violations:
        return [f"{v.rule} {v.message} (line {v.lineno})" for v in violations]
    return [reason(exc)]


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Discard what the benchmark prints (plain and RestrictedPython runs)."""
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        yield


def plain_namespace(path: Path) -> dict[str, Any]:
    return {"__builtins__": builtins, "__name__": "__main__", "__file__": str(path),
            "pyperf": pyperf_stub()}


#: Benchmarks whose one loop takes about a second or more in plain CPython: left out of
#: --quick runs, which only prove that the suite works.
HEAVY = frozenset({"mdp", "bpe_tokeniser", "pprint", "base64", "barnes_hut"})


def run_suite(rounds: int, quick: bool, cell_policies: dict[str, Any], cell_class: Any,
              rp_compile: Callable[[str], Any] | None, rp_globals: Callable[[], dict[str, Any]],
              folder: Path | None = None,
              log: Callable[[str], None] = lambda line: None) -> dict[str, Any]:
    """Run every benchmark in plain CPython, in a cell under each of `cell_policies` (column
    name -> Policy) and in RestrictedPython; return rows with medians and ratios, or the
    reason a system did not run a benchmark."""
    folder = folder or benchmarks_dir()
    rows: list[dict[str, Any]] = []
    loops = (lambda name: 1) if quick else BENCHMARKS.__getitem__
    for name, src, path in programs(folder, loops):
        row: dict[str, Any] = {"benchmark": name, "loops": loops(name)}
        rows.append(row)
        if src.startswith("unsupported:"):
            row["unsupported"] = src[len("unsupported: "):]
            continue
        if quick and name in HEAVY:
            row["unsupported"] = "skipped in --quick (one loop takes about a second)"
            continue
        filename = f"bm_{name}/run_benchmark.py"
        log(f"pyperformance: {name}")

        code = compile(src, filename, "exec")

        def plain(code: Any = code, path: Path = path) -> dict[str, Any]:
            ns = plain_namespace(path)
            with quiet():
                exec(code, ns)
            return ns

        try:
            ran = plain()["pp_ran"]
        except Exception as exc:  # the benchmark itself fails here: nothing to compare with
            row["plain"] = reason(exc)
            continue
        row["ran"] = ran
        # First one checked run each (it also warms up); a system that fails says why.
        runners: dict[str, Callable[[], object]] = {"plain": plain}

        for column, policy in cell_policies.items():
            def in_cell(policy: Any = policy, src: str = src, filename: str = filename,
                        ) -> dict[str, Any]:
                cell = cell_class(policy, globals={"pyperf": pyperf_stub()})
                ns: dict[str, Any] = cell.exec(src, filename)
                return ns

            try:
                got = in_cell()["pp_ran"]
                if got != ran:
                    raise AssertionError(f"ran {got!r}, expected {ran!r}")
            except BaseException as exc:  # limits are BaseExceptions; recorded, not raised
                if isinstance(exc, KeyboardInterrupt):
                    raise
                row[column] = reason(exc)
                row[f"{column}_all"] = all_reasons(exc)
                continue
            runners[column] = in_cell

        if rp_compile is None:
            row["restrictedpython"] = "not installed"
        else:
            try:
                rcode = rp_compile(src)

                def in_rp(rcode: Any = rcode, path: Path = path) -> dict[str, Any]:
                    ns = {**rp_globals(), "__file__": str(path), "pyperf": pyperf_stub()}
                    with quiet():
                        exec(rcode, ns)
                    return ns

                got = in_rp()["pp_ran"]
                if got != ran:
                    raise AssertionError(f"ran {got!r}, expected {ran!r}")
                runners["restrictedpython"] = in_rp
            except Exception as exc:  # RP rejects or fails this benchmark: say which way
                row["restrictedpython"] = reason(exc)

        # Timed rounds, the systems interleaved so that load from other processes on a
        # shared machine falls on all of them alike.
        samples: dict[str, list[float]] = {column: [] for column in runners}
        for _ in range(rounds):
            for column, run in runners.items():
                start = time.perf_counter()
                run()
                samples[column].append(time.perf_counter() - start)
        for column, times in samples.items():
            row[f"{column}_s"] = statistics.median(times)
            if column != "plain":
                row[f"{column}_ratio"] = row[f"{column}_s"] / row["plain_s"]
    return {"version": VERSION, "rounds": rounds, "quick": quick, "rows": rows}
