"""The cell's streams: stdin (only when granted), stdout and stderr, supervisor-chosen."""

from __future__ import annotations

import dataclasses
import io

import pytest

import paddedcell as pc

GRANTED = dataclasses.replace(pc.Policy.preset("default"), stdin=True)


def test_input_and_sys_stdin_refuse_without_a_grant() -> None:
    cell = pc.Cell(stdin=io.StringIO("secret line\n"))
    for source in ("input()", "input('? ')", "import sys\nsys.stdin.readline()",
                   "import sys\nsys.stdin.read()", "import sys\nnext(iter(sys.stdin))"):
        with pytest.raises(pc.AccessDenied) as info:
            cell.exec(source)
        assert isinstance(info.value, PermissionError) and info.value.rule == "PC206"
    assert cell.stdin.read() == "secret line\n"  # nothing was consumed
    assert cell.output == ""  # the prompt is not written when input() is refused


def test_input_reads_lines_and_writes_the_prompt_to_stdout() -> None:
    cell = pc.Cell(GRANTED, stdin=io.StringIO("alice\nbob\nlast"))
    cell.exec("a = input('name? ')\nb = input()\nc = input()\n"
              "try:\n    input()\nexcept EOFError as e:\n    d = str(e)\n")
    ns = cell.namespace
    assert (ns["a"], ns["b"], ns["c"], ns["d"]) == ("alice", "bob", "last",
                                                     "EOF when reading a line")
    assert cell.output == "name? "


def test_sys_stdin_reader_api() -> None:
    cell = pc.Cell(GRANTED, stdin=io.StringIO("1\n2\n3\n4\n"))
    cell.exec("import sys\nfirst = sys.stdin.readline()\nrest = [int(x) for x in sys.stdin]\n"
              "tty = sys.stdin.isatty()\nr = repr(sys.stdin)")
    ns = cell.namespace
    assert ns["first"] == "1\n" and ns["rest"] == [2, 3, 4] and ns["tty"] is False
    assert "cell" in ns["r"] and "StringIO" not in ns["r"]


def test_the_supervisors_stream_is_not_reachable() -> None:
    stream = io.StringIO("x\n")
    cell = pc.Cell(GRANTED, stdin=stream)
    for source in ("import sys\nsys.stdin._stream", "import sys\nsys.stdin._stream()",
                   "import sys\ngetattr(sys.stdin, '_stream')", "import sys\nvars(sys.stdin)",
                   "import sys\nsys.stdin.write('y')", "import sys\nsys.stdin.seek(0)"):
        with pytest.raises((AttributeError, TypeError, pc.RestrictedSyntaxError)):
            cell.exec(source)
    with pytest.raises(pc.AttributeDenied):
        cell.exec("import sys\nsys.stdin.readline = None")
    assert stream.getvalue() == "x\n"


def test_lines_are_exact_str_even_from_a_subclass_stream() -> None:
    class Sneaky(str):
        def upper(self) -> str:
            raise AssertionError("supervisor code ran")

    class Stream(io.StringIO):
        def readline(self, size: int | None = -1) -> str:
            return Sneaky("hello\n")

    cell = pc.Cell(GRANTED, stdin=Stream())
    cell.exec("import sys\nline = sys.stdin.readline()\nt = type(line) is str\nu = line.upper()")
    assert cell.namespace["t"] is True and cell.namespace["u"] == "HELLO\n"


def test_a_stream_that_returns_bytes_is_a_type_error() -> None:
    cell = pc.Cell(GRANTED, stdin=io.BytesIO(b"raw\n"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not str"):
        cell.exec("input()")


def test_one_endless_line_is_cut() -> None:
    from paddedcell.runtime.streams import MAX_LINE

    cell = pc.Cell(GRANTED, stdin=io.StringIO("x" * (MAX_LINE + 10)))
    cell.exec("import sys\nn = len(sys.stdin.readline())")
    assert cell.namespace["n"] == MAX_LINE


def test_stderr_goes_to_the_supervisors_stream_and_is_charged() -> None:
    err = io.StringIO()
    cell = pc.Cell(pc.Policy.preset("default").with_limits(output=10), stderr=err)
    cell.exec("import sys\nprint('oops', file=sys.stderr)")
    assert err.getvalue() == "oops\n" and cell.output == "" and cell.errors == ""
    with pytest.raises(pc.OutputLimitExceeded):
        cell.exec("import sys\nsys.stderr.write('y' * 11)")
    assert err.getvalue() == "oops\n"  # nothing of the refused text was written


def test_default_streams_are_captured() -> None:
    cell = pc.Cell()
    cell.exec("import sys\nprint('a')\nsys.stderr.write('b')")
    assert cell.output == "a\n" and cell.errors == "b"


def test_stdin_grant_from_toml() -> None:
    policy = pc.Policy.from_toml("[streams]\nstdin = true\n")
    assert policy.stdin is True
    with pytest.raises(pc.PolicyError, match="streams"):
        pc.Policy.from_toml("[streams]\nstdout = true\n")


def test_what_the_supervisors_stream_returns_stays_with_the_supervisor() -> None:
    # review i4-modules, finding 2: sys.stdout.write() handed the cell whatever the
    # supervisor's stream returned; a stream whose write returns itself (for chaining) was
    # then the cell's to use.
    class Chaining(io.StringIO):
        def write(self, text: str) -> Chaining:  # type: ignore[override]
            super().write(text)
            return self

    out, err = Chaining(), Chaining()
    cell = pc.Cell(stdout=out, stderr=err)
    cell.exec("import sys\nr = sys.stdout.write('abc')\ne = sys.stderr.write('de')\n"
              "f = sys.stdout.flush()\n")
    assert (cell.namespace["r"], cell.namespace["e"], cell.namespace["f"]) == (3, 2, None)
    assert (out.getvalue(), err.getvalue()) == ("abc", "de")
