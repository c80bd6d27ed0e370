"""The old `rexec` API (Python 2's restricted execution), on top of `Cell`, for porting code.

`RExec` keeps the original's methods (`r_eval`, `r_exec`, `r_execfile`, `r_import`, `r_open`,
`r_reload`, `r_unload` and the `s_*` variants) and its class attributes, which a subclass
overrides as the original documentation describes:

    class TmpWriterRExec(RExec):
        def r_open(self, file, mode="r", buf=-1):
            if mode in ("r", "rb"):
                pass
            elif mode in ("w", "wb", "a", "ab"):
                if file[:5] != "/tmp/":
                    raise OSError("can't write outside /tmp")
                elif "/../" in file or file[:3] == "../" or file[-3:] == "/..":
                    raise OSError("'..' in filename forbidden")
            else:
                raise OSError("Illegal open() mode")
            return open(file, mode, buf)

Untrusted code's `open`, `import` and `reload` call those methods, as in the original. The
environment starts from the `rexec` preset (`policies/rexec.toml`).

Differences from the original, all on the side of safety:
- The code runs through paddedcell's restricted compiler, not the interpreter's restricted
  mode (which Python 2.2 already broke): dunder attributes, frames and the like are refused.
  `r_eval`/`r_exec` take source text only; a code object compiled by the host would bypass
  the restricted compiler and is a TypeError.
- The default `r_open` reads only under the folders in `ok_file_roots` (a new attribute,
  empty by default: every read is refused), confined as `Policy.with_files`, each folder
  seen at its own host path. The original read any file on the machine.
- `ok_path` (where imports find modules) is empty by default, not `sys.path`: modules under
  it are untrusted and compiled restricted, so the standard library's sources would not work
  there anyway. Its `.py` files load only while `PY_SOURCE` is in `ok_file_types`;
  `C_EXTENSION` and `PY_COMPILED` files are never loaded.
- `ok_builtin_modules` grants only modules the `rexec` preset reviewed (their modern names:
  `_sre`/`regex` are `re`, `md5`/`sha` are `hashlib`, `strop` is `string`); names it does
  not know are skipped and listed in `skipped_modules`. `marshal`, `parser` and `select` are
  never granted.
- `ok_posix_names` names functions of paddedcell's confined `os` (granted only when
  `ok_file_roots` is set); pid/uid/uname-style functions do not exist there and are skipped.
- `ok_sys_names`: `maxint` is `maxsize`; `ps1`, `ps2` and `copyright` have no stand-in. The
  original's restricted `sys` also always had `modules`, `path`, `argv` and `exc_info`;
  these do not exist here.
- `sys.exit()` and `raise SystemExit` reach the supervisor as `paddedcell.CellExit` (an
  ordinary Exception whose `.code` is the exit code), not SystemExit: where the original's
  documentation says to protect every call with `except SystemExit`, catch `CellExit`; an
  unprotected call cannot end the host. (Restricted code may still catch SystemExit itself.)
- `add_module(name)` gives `__main__` and `__builtin__` (both with a live `__dict__`) and
  modules the environment can import; for any other name it raises ImportError where the
  original made an empty module: pass values in through `__main__` instead.
- `nok_builtin_names` removes builtins; `open`, `reload` and `__import__` come back as the
  `r_*` methods, as in the original (`__import__` is `import` statements: the name itself is
  never spellable in a cell).
- Streams: `r_*` calls print to the host's `sys.stdout` (as the original's restricted code
  did) and refuse stdin; `s_*` calls also grant `sys.stdin`/`input()`, reading the RExec's
  stdin (by default the host's `sys.stdin`). Streams passed to `RExec(stdin=..., stdout=...,
  stderr=...)` replace the host's.
- Every run has the preset's finite limits (time, steps, memory, output); `hooks` and
  `verbose` are accepted and ignored (there is no ihooks loader to hook).
"""

from __future__ import annotations

import dataclasses
import inspect
import os
import sys
import types
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from typing import IO, Any

from .cell import Cell
from .compiler.rewrite import G_IMPORT, G_IMPORT_FROM, G_IMPORT_STAR
from .errors import AccessDenied, ImportDenied
from .policy import FileRoot, ModuleGrant, Policy

#: File types of the old `imp` module, for `ok_file_types`.
PY_SOURCE = 1
PY_COMPILED = 2
C_EXTENSION = 3

#: The original's module names that live on under a modern name.
MODULE_ALIASES = {"_sre": "re", "regex": "re", "md5": "hashlib", "sha": "hashlib",
                  "strop": "string"}
_SYS_ALIASES = {"maxint": "maxsize"}
#: Streams every cell's sys stand-in has (stdin reads only in the s_* calls).
_SYS_STREAMS = frozenset({"stdin", "stdout", "stderr"})
_WRITE_MODES = frozenset("wax+")
#: Keywords of open() that reach r_open (when it takes them): text settings only.
_OPEN_KEYWORDS = frozenset({"encoding", "errors", "newline"})


class _HostStdout:
    """The host's `sys.stdout` (or stderr) as it is at each write, like the original's print."""

    def __init__(self, name: str) -> None:
        self._name = name

    def write(self, text: str) -> int:
        return int(getattr(sys, self._name).write(text))

    def flush(self) -> None:
        getattr(sys, self._name).flush()


class RExec:
    """A restricted execution environment: one cell (its `__main__`) plus the `r_*` hooks."""

    ok_path: tuple[str, ...] = ()
    ok_builtin_modules: tuple[str, ...] = (
        "audioop", "array", "binascii", "cmath", "errno", "imageop", "marshal", "math", "md5",
        "operator", "parser", "regex", "select", "sha", "_sre", "strop", "struct", "time")
    ok_posix_names: tuple[str, ...] = (
        "error", "fstat", "listdir", "lstat", "readlink", "stat", "times", "uname", "getpid",
        "getppid", "getcwd", "getuid", "getgid", "geteuid", "getegid")
    ok_sys_names: tuple[str, ...] = ("ps1", "ps2", "copyright", "version", "platform", "exit",
                                     "maxint")
    nok_builtin_names: tuple[str, ...] = ("open", "reload", "__import__")
    ok_file_types: tuple[int, ...] = (C_EXTENSION, PY_SOURCE)
    #: New: host folders the default `r_open` (and a granted `os`) may read, each seen by
    #: the cell at its own host path. Empty: no files at all.
    ok_file_roots: tuple[str, ...] = ()
    #: New: the preset the environment starts from.
    preset: str = "rexec"

    def __init__(self, hooks: Any = None, verbose: bool = False, *,
                 stdin: IO[str] | None = None, stdout: IO[str] | None = None,
                 stderr: IO[str] | None = None) -> None:
        self.hooks = hooks
        self.verbose = verbose
        #: Names in ok_builtin_modules that have no reviewed modern module.
        self.skipped_modules: list[str] = []
        self.policy = self.make_policy()
        self._streams = (stdin, stdout, stderr)
        self.cell = Cell(self.policy, stdout=stdout or _HostStdout("stdout"),  # type: ignore[arg-type]
                         stderr=stderr or _HostStdout("stderr"))  # type: ignore[arg-type]
        self._install_hooks()

    # -- the policy from the class attributes ---------------------------------------------------
    def make_policy(self) -> Policy:
        """The environment's policy: the preset narrowed by the class attributes."""
        base = Policy.preset(self.preset)
        modules: dict[str, ModuleGrant] = {}
        for name in self.ok_builtin_modules:
            modern = MODULE_ALIASES.get(name, name)
            grant = base.module(modern)
            if grant is None or modern == "sys":
                self.skipped_modules.append(name)
            else:
                modules[modern] = grant
        sys_grant = base.module("sys")
        if sys_grant is not None and sys_grant.attributes is not None:
            wanted = {_SYS_ALIASES.get(n, n) for n in self.ok_sys_names} | _SYS_STREAMS
            modules["sys"] = ModuleGrant("sys", frozenset(wanted & sys_grant.attributes))
        deny = frozenset(self.nok_builtin_names) - {"open", "reload", "__import__", "file"}
        policy = base.narrow(modules={n: sorted(g.attributes) if g.attributes is not None
                                      else "*" for n, g in modules.items()},
                             deny_builtins=sorted(deny))
        roots = tuple(FileRoot(os.path.abspath(r), os.path.abspath(r))
                      for r in self.ok_file_roots)
        sources = tuple(os.path.abspath(p) for p in self.ok_path) \
            if PY_SOURCE in self.ok_file_types else ()
        # Roots and sources are the subclass's own grants, added to the preset's (none).
        policy = dataclasses.replace(policy, name=type(self).__name__, files=roots,
                                     sources=sources)
        if roots:
            from .runtime.files import OS_NAMES

            posix = {n for n in self.ok_posix_names if n in OS_NAMES} | {"path"}
            policy = policy.with_modules(ModuleGrant("os", frozenset(posix)),
                                         ModuleGrant("os.path", None))
        return policy

    def _install_hooks(self) -> None:
        """Untrusted `open`, `import` and `reload` call this object's r_* methods."""
        rexec = self
        table = self.cell.builtins

        def open(file: Any, mode: Any = "r", buffering: Any = -1, **kwargs: Any) -> Any:
            return rexec._call_r_open(file, mode, buffering, kwargs)

        def reload(module: Any) -> Any:
            # A module object, as the original's builtin: r_reload then refills *that* module
            # (a name would let the cell reload, and so obtain, the environment's full view
            # of a module that a subclass's r_import handed out narrowed).
            if not isinstance(module, types.ModuleType):
                raise TypeError("reload() argument must be a module")
            return rexec.r_reload(module)

        def r_import(dotted: str, fromlist: Any) -> Any:
            # Every module the statement loads is asked for, parents first: `import a.b`
            # loads and binds `a`, which a subclass's r_import may refuse. (A parent the
            # environment does not have is an empty placeholder: nothing to ask about.)
            parts = dotted.split(".")
            for i in range(1, len(parts)):
                parent = ".".join(parts[:i])
                if rexec.cell.modules.available(parent):
                    rexec.r_import(parent, None, None, ["*"])
            return rexec.r_import(dotted, None, None, fromlist)

        def import_(dotted: str, leaf: bool) -> Any:
            return r_import(dotted, ["*"] if leaf else None)

        def import_from(dotted: str, names: tuple[str, ...]) -> tuple[Any, ...]:
            # The names come from the module r_import returned (a subclass may return a
            # narrowed one); a name it lacks can only be a submodule, imported through
            # r_import as well.
            module = r_import(dotted, list(names))
            values = []
            for name in names:
                if hasattr(module, name):
                    values.append(getattr(module, name))
                    continue
                try:
                    values.append(r_import(f"{dotted}.{name}", ["*"]))
                except ImportError:
                    raise ImportDenied(f"cannot import name {name!r} from {dotted!r}") from None
            return tuple(values)

        def import_star(dotted: str, namespace: dict[str, Any] | None = None) -> None:
            # `namespace`: the globals of one of the cell's own modules (see Cell._run_source).
            module = r_import(dotted, ["*"])
            modules = rexec.cell.modules
            if modules.views.get(dotted) is module:
                modules.import_star(dotted, namespace)
                return
            target = rexec.cell.namespace if namespace is None else namespace
            for name in dir(module):
                if type(name) is str and name.isidentifier() and not name.startswith("_"):
                    target[name] = getattr(module, name)

        # As the original's make_builtin: open and reload are always the r_* hooks.
        table["open"] = open
        table["reload"] = reload
        table[G_IMPORT] = import_
        table[G_IMPORT_FROM] = import_from
        table[G_IMPORT_STAR] = import_star

    # -- the hooks a subclass overrides -----------------------------------------------------------
    def r_import(self, mname: str, globals: Any = None, locals: Any = None,
                 fromlist: Any = None) -> types.ModuleType:
        """Import `mname` in the environment: a view of a granted module, or an untrusted
        module from `ok_path`; ImportError otherwise. Without a fromlist, the top package."""
        if type(mname) is not str:
            raise TypeError("module name must be a str")
        modules = self.cell.modules
        if not modules.available(mname):
            raise ImportDenied(f"untrusted code may not import {mname!r}")
        return modules.import_(mname, bool(fromlist))

    def r_open(self, file: Any, mode: str = "r", buf: int = -1) -> Any:
        """`open()` in the environment. By default: reading under `ok_file_roots` only (the
        cell sees each root at its host path); any write mode is refused."""
        if type(mode) is not str:
            raise TypeError("open() mode must be a str")
        if _WRITE_MODES & set(mode):
            raise AccessDenied(f"can't open files for writing in restricted mode: {file!r}",
                               "PC206")
        if not self.ok_file_roots:
            raise AccessDenied("no files are readable in this restricted environment (set "
                               "ok_file_roots)", "PC206")
        return self.cell.files.open(file, mode, buf)

    def r_reload(self, module: Any) -> types.ModuleType:
        """Reload a module of the environment in place (a module object must be the one
        loaded in the environment)."""
        if not isinstance(module, (str, types.ModuleType)):
            raise TypeError("expected a module or a module name")
        return self.cell.modules.reload(module)

    def r_unload(self, module: Any) -> None:
        """Forget a module of the environment; the next import loads it afresh."""
        self.cell.modules.unload(_module_name(module))

    # -- running code ---------------------------------------------------------------------------
    def r_eval(self, code: str) -> Any:
        """The value of an expression, evaluated in the environment's __main__."""
        return self.cell.eval(_source(code), "<rexec>")

    def r_exec(self, code: str) -> None:
        """Run statements in the environment's __main__."""
        self.cell.exec(_source(code), "<rexec>")

    def r_execfile(self, filename: str | os.PathLike[str]) -> None:
        """Run the (host) file `filename` in the environment's __main__."""
        path = os.fspath(filename)
        with open(path, encoding="utf-8") as f:
            source = f.read()
        self.cell.exec(source, os.path.abspath(path))

    def s_eval(self, code: str) -> Any:
        with self._standard_streams():
            return self.r_eval(code)

    def s_exec(self, code: str) -> None:
        with self._standard_streams():
            self.r_exec(code)

    def s_execfile(self, filename: str | os.PathLike[str]) -> None:
        with self._standard_streams():
            self.r_execfile(filename)

    def s_import(self, mname: str, globals: Any = None, locals: Any = None,
                 fromlist: Any = None) -> types.ModuleType:
        with self._standard_streams():
            return self.r_import(mname, globals, locals, fromlist)

    def s_reload(self, module: Any) -> types.ModuleType:
        with self._standard_streams():
            return self.r_reload(module)

    def s_unload(self, module: Any) -> None:
        with self._standard_streams():
            self.r_unload(module)

    # -- the environment ------------------------------------------------------------------------
    @property
    def modules(self) -> dict[str, Any]:
        """The environment's modules by name, `__main__` among them."""
        found: dict[str, Any] = dict(self.cell.modules.items())
        found["__main__"] = self.add_module("__main__")
        return found

    def add_module(self, mname: str) -> Any:
        """The environment's module `mname`; `__main__` is the namespace code runs in and
        `__builtin__` (or `builtins`) its builtins: their attributes and `__dict__` entries can
        be set and deleted by the supervisor, as in the original."""
        if mname == "__main__":
            return _Main(self.cell.namespace)
        if mname in ("__builtin__", "builtins"):
            # The environment's own builtins table, as the original's restricted __builtin__
            # module: the rexec HOWTO deletes 'open' from its __dict__ to take files away.
            return _Main(self.cell.builtins, "__builtin__")
        if mname in self.cell.modules:
            return self.cell.modules[mname]
        return self.r_import(mname, None, None, ["*"])

    @contextmanager
    def _standard_streams(self) -> Iterator[None]:
        """During s_* calls the cell may read stdin (the RExec's, else the host's)."""
        cell = self.cell
        reader = cell._in
        stdin = self._streams[0]
        saved = (cell.stdin, reader._granted)
        cell.stdin = stdin if stdin is not None else sys.stdin
        reader._granted = True
        try:
            yield
        finally:
            cell.stdin, reader._granted = saved

    def _call_r_open(self, file: Any, mode: Any, buffering: Any, extra: dict[str, Any]) -> Any:
        # A str subclass could lie to the checks in a subclass's r_open (file[:5] == "/tmp/"):
        # r_open sees exact values only.
        if isinstance(file, bytes):
            # Exact bytes, decoded to an exact str: a bytes subclass's __bytes__/decode are
            # cell code (see CellFiles.cellpath).
            file = str.__str__(os.fsdecode(bytes(memoryview(file))))
        if not isinstance(file, str):
            raise TypeError(f"open() path must be a str, not {type(file).__name__}")
        if not isinstance(mode, str) or type(buffering) is not int:
            raise TypeError("open() mode must be a str and buffering an int")
        args = (str.__str__(file), str.__str__(mode), int(buffering))
        if extra:
            return self.r_open(*args, **self._open_keywords(extra))
        return self.r_open(*args)

    def _open_keywords(self, extra: dict[str, Any]) -> dict[str, Any]:
        # Only the text keywords, as exact str or None: `opener` would run cell code inside
        # the host's open() and hand back any file descriptor of the host's; `closefd` has no
        # use with a path. Keys are copied too: a str subclass's __eq__/__hash__ could pass
        # the check under one name and bind another parameter of r_open.
        keywords: dict[str, Any] = {}
        for key, value in extra.items():
            name = str.__str__(key)
            if name not in _OPEN_KEYWORDS:
                raise TypeError(f"open() in this environment takes no {name}")
            if value is not None and not isinstance(value, str):
                raise TypeError(f"open() {name} must be a str or None")
            keywords[name] = None if value is None else str.__str__(value)
        params = inspect.signature(self.r_open).parameters
        takes_any = any(p.kind is p.VAR_KEYWORD for p in params.values())
        unknown = [k for k in keywords if not takes_any and k not in params]
        if unknown:
            raise TypeError(f"open() in this environment takes no {', '.join(unknown)}")
        return keywords


class _Main:
    """`__main__` (or `__builtin__`) of the environment for the supervisor: attributes are
    the cell's names (its builtins)."""

    __slots__ = ("_name", "_ns")

    def __init__(self, namespace: dict[str, Any], name: str = "__main__") -> None:
        object.__setattr__(self, "_ns", namespace)
        object.__setattr__(self, "_name", name)

    def __getattr__(self, name: str) -> Any:
        try:
            return self._ns[name]
        except KeyError:
            raise AttributeError(f"module {self._name!r} has no attribute {name!r}") from None

    def __setattr__(self, name: str, value: Any) -> None:
        if not name.isidentifier() or name.startswith("__"):
            raise AttributeError(f"cannot set {name!r} in the restricted {self._name}")
        self._ns[name] = value

    def __delattr__(self, name: str) -> None:
        self._ns.pop(name)

    @property
    def __dict__(self) -> _NamespaceView:  # type: ignore[override]
        # Live, as the original module's __dict__ (the rexec HOWTO edits it): a copy dropped
        # the supervisor's writes and deletes without a word.
        return _NamespaceView(self._ns)


class _NamespaceView(MutableMapping[str, Any]):
    """A live view of a cell namespace (or builtins table) for the supervisor: the names
    code can spell, without dunders (`__builtins__`, `__build_class__`) or the hidden names
    paddedcell's machinery keeps there."""

    __slots__ = ("_ns",)

    def __init__(self, namespace: dict[str, Any]) -> None:
        self._ns = namespace

    @staticmethod
    def _visible(name: object) -> bool:
        return type(name) is str and name.isidentifier() and not name.startswith("__")

    def __getitem__(self, name: str) -> Any:
        if not self._visible(name):
            raise KeyError(name)
        return self._ns[name]

    def __setitem__(self, name: str, value: Any) -> None:
        if not self._visible(name):
            raise KeyError(f"cannot set {name!r} in the restricted environment")
        self._ns[name] = value

    def __delitem__(self, name: str) -> None:
        if not self._visible(name):
            raise KeyError(name)
        del self._ns[name]

    def __iter__(self) -> Iterator[str]:
        return iter([k for k in self._ns if self._visible(k)])

    def __len__(self) -> int:
        return sum(1 for k in self._ns if self._visible(k))


def _source(code: Any) -> str:
    if isinstance(code, types.CodeType):
        raise TypeError("pass source text: a code object compiled outside paddedcell would "
                        "bypass the restricted compiler")
    if not isinstance(code, str):
        raise TypeError(f"code must be a str, not {type(code).__name__}")
    return code


def _module_name(module: Any) -> str:
    if isinstance(module, types.ModuleType):
        return module.__name__
    if isinstance(module, str):
        return module
    raise TypeError("expected a module or a module name")
