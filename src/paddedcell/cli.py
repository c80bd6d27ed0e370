"""The `paddedcell` command: check, run, show, explain, rules."""

from __future__ import annotations

import argparse
import ast
import json
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .cell import Cell
from .compiler.pipeline import check, compile_full
from .errors import (
    CellExit,
    LimitExceeded,
    PolicyError,
    RestrictedSyntaxError,
    Violation,
    WorkerCrashed,
)
from .isolate import run_isolated
from .policy import Policy
from .rules import RULES, RULES_BY_ID, render_markdown


def _policy(spec: str) -> Policy:
    path = Path(spec)
    if spec.endswith(".toml") or path.is_file():
        return Policy.load(path)
    return Policy.preset(spec)


def _read(path: str) -> str:
    # Source files are UTF-8; undecodable bytes stay visible as replacement characters, and
    # the parser's encoding checks then report them.
    return Path(path).read_bytes().decode("utf-8", errors="surrogateescape")


def _format_text(filename: str, source: str, v: Violation) -> str:
    lines = source.splitlines()
    out = v.format(filename)
    if 1 <= v.lineno <= len(lines):
        line = lines[v.lineno - 1].expandtabs(1)
        out += f"\n    {line}\n    {' ' * v.col_offset}^"
    return out


def _cmd_check(args: argparse.Namespace) -> int:
    policy = _policy(args.policy)
    found = False
    report: list[dict[str, object]] = []
    for name in args.files:
        try:
            source = _read(name)
        except OSError as exc:
            print(f"{name}: cannot read: {exc.strerror}", file=sys.stderr)
            return 2
        violations = check(source, filename=name, policy=policy)
        found = found or bool(violations)
        if args.format == "json":
            report.extend({"file": name, "rule": v.rule, "message": v.message, "line": v.lineno,
                           "column": v.col_offset + 1, "end_line": v.end_lineno,
                           "end_column": v.end_col_offset + 1} for v in violations)
        else:
            for v in violations:
                print(_format_text(name, source, v))
    if args.format == "json":
        print(json.dumps(report, indent=2))
    elif not found:
        print(f"{len(args.files)} file(s) checked: no violations")
    return 1 if found else 0


def _print_violations(exc: RestrictedSyntaxError, filename: str, source: str) -> None:
    for v in exc.violations:
        print(_format_text(filename, source, v), file=sys.stderr)


def _size(text: str) -> int:
    """'100M', '1G', '512k' or a number of bytes."""
    units = {"k": 2**10, "m": 2**20, "g": 2**30}
    text = text.strip().lower().removesuffix("b").removesuffix("i")
    factor = units.get(text[-1:], 1)
    number = text[:-1] if text[-1:] in units else text
    try:
        value = int(float(number) * factor)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (use e.g. 100M)") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("a size must be positive")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("a time limit must be positive")
    return value


def _cmd_run(args: argparse.Namespace) -> int:
    policy = _policy(args.policy)
    limits = {k: v for k, v in (("time", args.time_limit), ("memory", args.memory_limit))
              if v is not None}
    if limits:
        policy = policy.with_limits(**limits)
    source = _read(args.file)
    if args.isolated:
        return _run_isolated(source, args.file, policy)
    cell = Cell(policy, stdout=sys.stdout)
    try:
        cell.exec(source, filename=args.file)
    except RestrictedSyntaxError as exc:
        _print_violations(exc, args.file, source)
        return 1
    except LimitExceeded as exc:
        print(f"{args.file}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    except CellExit as exc:
        if exc.kind == "SystemExit":
            code = exc.code
            if code is None or isinstance(code, int):
                return code or 0
            print(code, file=sys.stderr)
            return 1
        print(f"{args.file}: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # the cell's own error: show only the cell's frames
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == args.file]
        sys.stdout.flush()
        print("Traceback (most recent call last):", file=sys.stderr)
        print("".join(traceback.format_list(frames)), end="", file=sys.stderr)
        print("".join(traceback.format_exception_only(type(exc), exc)), end="", file=sys.stderr)
        return 1
    return 0


def _run_isolated(source: str, filename: str, policy: Policy) -> int:
    try:
        result = run_isolated(source, policy=policy, filename=filename)
    except LimitExceeded as exc:
        print(f"{filename}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    except WorkerCrashed as exc:
        print(f"{filename}: {exc}", file=sys.stderr)
        return 1
    sys.stdout.write(result.output)
    if result.error is not None:
        print(result.error.traceback, file=sys.stderr, end="")
        return 1
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    policy = _policy(args.policy)
    source = _read(args.file)
    try:
        compiled = compile_full(source, args.file, args.mode, policy)
    except RestrictedSyntaxError as exc:
        _print_violations(exc, args.file, source)
        return 1
    print(ast.unparse(compiled.tree))
    return 0


def _cmd_explain(args: argparse.Namespace) -> int:
    found = RULES_BY_ID.get(args.rule.upper())
    if found is None:
        by_name = {r.name: r for r in RULES}
        found = by_name.get(args.rule)
    if found is None:
        print(f"unknown rule {args.rule!r}; see 'paddedcell rules'", file=sys.stderr)
        return 2
    print(found.explain())
    return 0


def _cmd_rules(args: argparse.Namespace) -> int:
    if args.format == "json":
        print(json.dumps([{"id": r.id, "name": r.name, "stage": r.stage, "what": r.what}
                          for r in RULES], indent=2))
        return 0
    if args.format == "markdown":
        print(render_markdown(), end="")
        return 0
    for r in RULES:
        print(f"{r.id}  {r.name:<28} {r.stage:<8} {r.what.splitlines()[0]}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="paddedcell",
                                     description="Run untrusted Python in a padded cell.")
    parser.add_argument("--version", action="version", version=f"paddedcell {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("check", help="report every policy violation in files")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--policy", default="default", help="preset name or TOML path")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("run", help="run a file in a cell; output goes to stdout")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--policy", default="default", help="preset name or TOML path")
    p.add_argument("--isolated", action="store_true",
                   help="run in a worker process with OS limits")
    p.add_argument("--time-limit", type=_seconds, metavar="S", help="seconds of wall time")
    p.add_argument("--memory-limit", type=_size, metavar="SIZE", help="e.g. 100M, 1G")
    p.set_defaults(func=_cmd_run)

    p = sub.add_parser("show", help="print the guarded source the cell would run")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--policy", default="default", help="preset name or TOML path")
    p.add_argument("--mode", choices=("exec", "eval", "single"), default="exec")
    p.set_defaults(func=_cmd_show)

    p = sub.add_parser("explain", help="explain a rule by id or name")
    p.add_argument("rule", metavar="RULE")
    p.set_defaults(func=_cmd_explain)

    p = sub.add_parser("rules", help="list every rule")
    p.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    p.set_defaults(func=_cmd_rules)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        result: int = args.func(args)
    except (PolicyError, OSError) as exc:
        print(f"paddedcell: {exc}", file=sys.stderr)
        return 2
    return result


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
