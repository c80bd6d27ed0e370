"""The old rexec API, exercised as its Python 2 documentation shows (ported to Python 3)."""

from __future__ import annotations

import io
import os
import types
from pathlib import Path
from typing import Any

import pytest

import paddedcell as pc
from paddedcell.rexec import C_EXTENSION, PY_SOURCE, RExec


def _quiet(cls: type[RExec] = RExec, **streams: Any) -> RExec:
    out = streams.pop("stdout", io.StringIO())
    return cls(stdout=out, stderr=io.StringIO(), **streams)


def test_r_eval_and_r_exec_share_main() -> None:
    r = _quiet()
    r.r_exec("import math\nx = math.sqrt(16)\nprint('x is', x)")
    assert r.r_eval("x * 2") == 8.0
    assert r.cell.stdout.getvalue() == "x is 4.0\n"  # type: ignore[attr-defined]
    main = r.add_module("__main__")
    assert main.x == 4.0
    main.y = 5  # the supervisor passes values in through __main__, as in the original
    assert r.r_eval("x + y") == 9.0
    assert r.modules["__main__"].y == 5


def test_prints_to_the_hosts_stdout_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    r = RExec()
    r.r_exec("print('hello from rexec')")
    assert capsys.readouterr().out == "hello from rexec\n"


def test_code_objects_are_refused() -> None:
    r = _quiet()
    with pytest.raises(TypeError, match="restricted compiler"):
        r.r_exec(compile("x = 1", "<host>", "exec"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="restricted compiler"):
        r.r_eval(compile("1", "<host>", "eval"))  # type: ignore[arg-type]


def test_the_restricted_compiler_applies() -> None:
    r = _quiet()
    with pytest.raises(pc.RestrictedSyntaxError):
        r.r_exec("().__class__.__bases__[0].__subclasses__()")
    with pytest.raises(pc.RestrictedSyntaxError):
        r.r_exec("__import__('os')")


def test_ok_builtin_modules_and_their_modern_names() -> None:
    r = _quiet()
    r.r_exec("import math, cmath, operator, binascii, errno, struct, array, time, re, hashlib\n"
             "h = hashlib.md5(b'x').hexdigest()\np = struct.pack('>H', 258)")
    assert r.r_eval("p") == b"\x01\x02"
    assert set(r.skipped_modules) == {"audioop", "imageop", "marshal", "parser", "select"}
    for name in ("marshal", "os", "socket", "sys.modules", "json", "importlib"):
        with pytest.raises((ImportError, pc.RestrictedSyntaxError)):
            r.r_exec(f"import {name}")
    with pytest.raises(AttributeError):
        r.r_exec("import errno\nerrno.errorcode")  # a host-shared dict is left out


def test_a_subclass_narrows_modules_and_builtins() -> None:
    class Narrow(RExec):
        ok_builtin_modules = ("math",)
        nok_builtin_names = (*RExec.nok_builtin_names, "sorted", "input")

    r = _quiet(Narrow)
    r.r_exec("import math")
    with pytest.raises(ImportError):
        r.r_exec("import cmath")
    for name in ("sorted", "input"):
        with pytest.raises(NameError):
            r.r_exec(f"{name}")
    r.r_exec("v = len([1, 2])")


def test_ok_sys_names() -> None:
    r = _quiet()
    r.r_exec("import sys\nv = (sys.version, sys.platform, sys.maxsize > 0)")
    for name in ("path", "modules", "argv", "getrecursionlimit"):
        with pytest.raises(AttributeError):
            r.r_exec(f"import sys\nsys.{name}")

    class NoExit(RExec):
        ok_sys_names = ("version",)

    r = _quiet(NoExit)
    with pytest.raises(AttributeError):
        r.r_exec("import sys\nsys.exit")


def test_default_r_open_refuses_everything_without_roots(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("s3cret")
    r = _quiet()
    for mode in ("r", "w", "a", "rb"):
        with pytest.raises(PermissionError):
            r.r_exec(f"open({str(secret)!r}, {mode!r})")
    with pytest.raises(PermissionError):
        r.r_open(str(secret))


def test_default_r_open_reads_under_ok_file_roots(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "notes.txt").write_text("hello")
    (tmp_path / "outside.txt").write_text("secret")

    class Reader(RExec):
        ok_file_roots = (str(data),)

    r = _quiet(Reader)
    r.r_exec(f"text = open({str(data / 'notes.txt')!r}).read()")
    assert r.r_eval("text") == "hello"
    for path, mode in [(data / "notes.txt", "w"), (data / "new.txt", "x"),
                       (tmp_path / "outside.txt", "r"), (data / ".." / "outside.txt", "r")]:
        with pytest.raises(PermissionError):
            r.r_exec(f"open({str(path)!r}, {mode!r})")
    assert (data / "notes.txt").read_text() == "hello"
    r.r_exec("import os\nnames = os.listdir(" + repr(str(data)) + ")")
    assert r.r_eval("names") == ["notes.txt"]


class TmpWriterRExec(RExec):
    """The subclass from the old documentation, ported (it writes under one folder)."""

    base = "/tmp/"

    def r_open(self, file: str, mode: str = "r", buf: int = -1) -> Any:
        if mode in ("r", "rb"):
            pass
        elif mode in ("w", "wb", "a", "ab"):
            # check filename: must begin with the base folder
            if file[: len(self.base)] != self.base:
                raise OSError(f"can't write outside {self.base}")
            elif "/../" in file or file[:3] == "../" or file[-3:] == "/..":
                raise OSError("'..' in filename forbidden")
        else:
            raise OSError("Illegal open() mode")
        return open(file, mode, buf)


def test_the_documented_tmp_writer_subclass(tmp_path: Path) -> None:
    class Writer(TmpWriterRExec):
        base = str(tmp_path) + "/"

    r = _quiet(Writer)
    target = tmp_path / "out.txt"
    r.r_exec(f"f = open({str(target)!r}, 'w')\nf.write('written')\nf.close()")
    assert target.read_text() == "written"
    with pytest.raises(OSError, match="outside"):
        r.r_exec("open('/etc/evil', 'w')")
    with pytest.raises(OSError, match="forbidden"):
        r.r_exec(f"open({str(tmp_path)!r} + '/../evil', 'w')")
    with pytest.raises(OSError, match="Illegal"):
        r.r_exec(f"open({str(target)!r}, 'r+')")
    # The file object the supervisor returned gives no way to the host's open or FileIO.
    for source in (f"type(open({str(target)!r}).buffer.raw)", "f.buffer.raw.__init__('/etc/x')",
                   "open(" + repr(str(target)) + ").buffer.raw.__class__"):
        with pytest.raises((AttributeError, pc.RestrictedSyntaxError)):
            r.r_exec(source)


def test_r_open_sees_exact_strings(tmp_path: Path) -> None:
    seen: list[Any] = []

    class Spy(RExec):
        def r_open(self, file: str, mode: str = "r", buf: int = -1) -> Any:
            seen.append((type(file), type(mode), type(buf)))
            raise OSError("no")

    r = _quiet(Spy)
    with pytest.raises(OSError):
        r.r_exec("class S(str):\n    def __getitem__(self, i):\n        return '/tmp/'\n"
                 "open(S('/etc/passwd'), 'w')")
    with pytest.raises(TypeError):
        r.r_exec("open('x', 'r', encoding='utf-8')")  # the original r_open takes no encoding
    assert seen == [(str, str, int)]


def test_r_import_is_the_hook_for_imports() -> None:
    calls: list[tuple[str, Any]] = []

    class Logged(RExec):
        def r_import(self, mname: str, globals: Any = None, locals: Any = None,
                     fromlist: Any = None) -> Any:
            calls.append((mname, fromlist))
            if mname == "time":
                raise ImportError("no clocks here")
            return super().r_import(mname, globals, locals, fromlist)

    r = _quiet(Logged)
    r.r_exec("import math\nfrom operator import add\nv = add(1, 2)")
    assert calls == [("math", None), ("operator", ["add"])]
    with pytest.raises(ImportError, match="no clocks"):
        r.r_exec("import time")
    assert r.r_import("math").pi == 3.141592653589793


def test_ok_path_modules_and_reload_unload(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "plugin.py").write_text("VALUE = 1\n")

    class WithPath(RExec):
        ok_path = (str(lib),)

    r = _quiet(WithPath)
    r.r_exec("import plugin\nv = plugin.VALUE")
    assert r.r_eval("v") == 1
    (lib / "plugin.py").write_text("VALUE = 2\n")
    module = r.r_reload(r.modules["plugin"])
    assert module.VALUE == 2 and r.r_eval("plugin.VALUE") == 2
    r.r_exec("reload(plugin)")  # the restricted builtin reload is r_reload
    r.r_unload("plugin")
    assert "plugin" not in r.modules

    class NoSource(WithPath):
        ok_file_types = (C_EXTENSION,)

    with pytest.raises(ImportError):
        _quiet(NoSource).r_exec("import plugin")
    assert PY_SOURCE not in NoSource.ok_file_types


def test_r_execfile_runs_a_host_file(tmp_path: Path) -> None:
    script = tmp_path / "script.py"
    script.write_text("result = sum(range(10))\n")
    r = _quiet()
    r.r_execfile(script)
    assert r.r_eval("result") == 45
    script.write_text("import os\n")
    with pytest.raises(ImportError):
        r.r_execfile(str(script))


def test_s_variants_grant_stdin() -> None:
    r = _quiet(stdin=io.StringIO("line one\nline two\n"))
    with pytest.raises(PermissionError):
        r.r_exec("x = input()")
    r.s_exec("a = input()\nimport sys\nb = sys.stdin.readline()")
    assert (r.r_eval("a"), r.r_eval("b")) == ("line one", "line two\n")
    assert r.s_eval("1 + 1") == 2
    with pytest.raises(PermissionError):
        r.r_exec("import sys\nsys.stdin.read()")  # granted only during s_* calls
    assert r.s_import("math").sqrt(4) == 2.0


class Quick(RExec):
    """A subclass that sets its own limits, as a supervisor would."""

    def make_policy(self) -> pc.Policy:
        return super().make_policy().with_limits(time=0.5)


def test_limits_hold_in_rexec() -> None:
    r = _quiet(Quick)
    with pytest.raises(pc.LimitExceeded):
        r.r_exec("while True:\n    pass")
    with pytest.raises(pc.TimeLimitExceeded):
        r.r_exec("import time\ntime.sleep(60)")  # a sliced sleep that the time limit ends


def test_time_sleep_is_bounded_by_cancel() -> None:
    import threading

    r = _quiet()
    timer = threading.Timer(0.2, r.cell.cancel)
    timer.start()
    with pytest.raises(pc.TimeLimitExceeded, match="cancelled"):
        r.r_exec("import time\ntime.sleep(4)")
    timer.join()


def test_the_rexec_preset_ships_with_reasons() -> None:
    policy = pc.Policy.preset("rexec")
    text = (Path(pc.__file__).parent / "policies" / "rexec.toml").read_text()
    for grant in policy.modules:
        block = text.split(f"[modules.{grant.name}]")[0].rstrip().splitlines()
        assert block[-1].startswith("#"), f"{grant.name} has no comment saying why"
    assert all(getattr(policy.limits, k) is not None for k in ("time", "steps", "memory",
                                                              "output"))
    assert os.path.basename(policy.source) == "preset:rexec"


class NoClocks(RExec):
    """A subclass that refuses `time` (and anything under it) in r_import."""

    def r_import(self, mname: str, globals: Any = None, locals: Any = None,
                 fromlist: Any = None) -> Any:
        if mname.split(".")[0] == "time":
            raise ImportError("no clocks here")
        return super().r_import(mname, globals, locals, fromlist)


def test_star_imports_in_ok_path_modules_go_through_r_import(tmp_path: Path) -> None:
    # An untrusted module's `from time import *` went to the module table directly.
    (tmp_path / "plug.py").write_text("from time import *\n")

    class WithPlug(NoClocks):
        ok_path = (str(tmp_path),)

    r = _quiet(WithPlug)
    with pytest.raises(ImportError, match="no clocks"):
        r.r_exec("import plug")
    with pytest.raises(ImportError, match="no clocks"):
        r.r_exec("from time import *")
    assert "time" not in r.cell.modules


def test_from_import_and_reload_see_the_module_r_import_returned() -> None:
    # A subclass may hand out a narrowed module; `from m import x`, `from m import *` and
    # `reload(m)` used to reach the environment's full view of m instead.
    class OnlyTheClock(RExec):
        def r_import(self, mname: str, globals: Any = None, locals: Any = None,
                     fromlist: Any = None) -> Any:
            module = super().r_import(mname, globals, locals, fromlist)
            if mname != "time":
                return module
            narrowed = types.ModuleType("time")
            narrowed.time = module.time  # type: ignore[attr-defined]
            return narrowed

    r = _quiet(OnlyTheClock)
    r.r_exec("from time import time as now\nv = now() > 0")
    assert r.r_eval("v") is True
    with pytest.raises(ImportError):
        r.r_exec("from time import sleep")
    r.r_exec("from time import *")
    assert "time" in r.cell.namespace and "sleep" not in r.cell.namespace
    for source in ("import time\nv = reload(time).sleep", "v = reload('time')"):
        with pytest.raises((KeyError, TypeError)):
            r.r_exec(source)


def test_importing_a_submodule_asks_r_import_for_its_parents(tmp_path: Path) -> None:
    # `import pkg.sub` loads and binds pkg: r_import('pkg') must agree.
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("SECRET = 'inside pkg'\n")
    (tmp_path / "pkg" / "sub.py").write_text("X = 1\n")

    class NoPkg(RExec):
        ok_path = (str(tmp_path),)

        def r_import(self, mname: str, globals: Any = None, locals: Any = None,
                     fromlist: Any = None) -> Any:
            if mname == "pkg":
                raise ImportError("pkg is off limits")
            return super().r_import(mname, globals, locals, fromlist)

    r = _quiet(NoPkg)
    for source in ("import pkg.sub\nv = pkg.SECRET", "import pkg.sub as s",
                   "from pkg.sub import X", "from pkg.sub import *"):
        with pytest.raises(ImportError, match="off limits"):
            r.r_exec(source)
    assert "v" not in r.cell.namespace


def test_open_keywords_reaching_r_open_are_text_settings(tmp_path: Path) -> None:
    # A subclass whose r_open forwards keywords to the host's open: the cell's `opener`
    # ran inside the host's open() and could return any host file descriptor.
    target = tmp_path / "data.txt"
    target.write_text("mine")
    fd = os.open(__file__, os.O_RDONLY)
    seen: list[dict[str, Any]] = []

    class Forwarding(RExec):
        def r_open(self, file: str, mode: str = "r", buf: int = -1, **kw: Any) -> Any:
            seen.append(kw)
            if file != str(target) or mode != "r":
                raise OSError("only data.txt, read-only")
            return open(file, mode, buf, **kw)

    try:
        r = _quiet(Forwarding)
        with pytest.raises(TypeError):
            r.r_exec(f"v = open({str(target)!r}, opener=lambda p, f: {fd}).read()")
        with pytest.raises(TypeError):
            r.r_exec(f"open({str(target)!r}, closefd=False)")
        with pytest.raises(TypeError):  # a str subclass key that claims to be 'encoding'
            r.r_exec("class K(str):\n    def __eq__(self, o):\n        return True\n"
                     "    def __hash__(self):\n        return hash('encoding')\n"
                     f"open({str(target)!r}, **{{K('opener'): lambda p, f: {fd}}})")
        r.r_exec(f"v = open({str(target)!r}, encoding='utf-8', newline=None).read()")
        assert r.r_eval("v") == "mine"
        assert seen == [{"encoding": "utf-8", "newline": None}]
        assert all(type(k) is str for k in seen[0])
    finally:
        os.close(fd)


def test_time_sleep_called_by_the_host_later_is_bounded() -> None:
    # A lazy map the cell returns: the host's list() calls the cell's sleep with no cell
    # frame in between, so the callbacks' budget had never started and the sleep ran in full.
    r = _quiet(Quick)
    r.r_exec("import time")
    lazy = r.r_eval("map(time.sleep, [5])")
    with pytest.raises(pc.TimeLimitExceeded):
        list(lazy)


def test_a_granted_submodule_of_an_ungranted_package_still_imports() -> None:
    class Etree(RExec):
        def make_policy(self) -> pc.Policy:
            return super().make_policy().with_modules(
                pc.ModuleGrant("xml.etree.ElementTree", frozenset({"fromstring"})))

    r = _quiet(Etree)
    r.r_exec("import xml.etree.ElementTree as ET\nfrom xml.etree.ElementTree import fromstring\n"
             "import xml.etree.ElementTree\nv = ET.fromstring('<a/>').tag")
    assert r.r_eval("v") == "a"
