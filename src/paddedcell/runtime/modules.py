"""Module views and the importers a cell sees.

An import yields a *view*: a fresh module object per cell holding only the granted attributes,
so a cell can neither reach what the policy left out nor change a module for anyone else.
Submodules, and modules that granted modules import (`statistics.sys`), appear only as views
of modules the policy grants. Some objects are never handed out, whatever a policy says.
"""

from __future__ import annotations

import builtins
import importlib
import random as _random
import types
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from ..errors import ImportDenied, OperationDenied, PolicyError
from ..policy import Policy
from .files import OS_NAMES, PATH_NAMES, CellFiles
from .hardening import harden_value
from .sources import SourceFile, find_source
from .specials import STATELESS_SPECIALS, copied_class

#: (module, attribute) pairs that turn strings into attribute lookups, code or pickles, or
#: hand out host-global mutable state. Never part of a view, even with `attributes = "*"`.
NEVER_GRANTED: frozenset[tuple[str, str]] = frozenset(
    {
        ("operator", "attrgetter"),
        ("operator", "methodcaller"),
        ("string", "Formatter"),
        ("typing", "get_type_hints"),
        ("functools", "singledispatch"),  # evaluates string annotations with eval
        ("functools", "singledispatchmethod"),
        ("decimal", "DefaultContext"),  # templates shared by every thread (the cell's
        # getcontext/setcontext/localcontext/Context are its own: runtime/decimals.py)
        ("decimal", "BasicContext"),
        ("decimal", "ExtendedContext"),
        ("collections", "namedtuple_rename"),
        ("json", "decoder"),
        ("json", "encoder"),
        ("json", "scanner"),
        ("re", "template"),
        ("enum", "EnumType"),  # metaclasses: calling one builds an unchecked class
        ("enum", "EnumMeta"),
        ("enum", "EnumDict"),
        ("enum", "global_enum"),  # writes into sys.modules[cls.__module__] (the host's __main__)
        ("enum", "global_enum_repr"),
        ("enum", "global_flag_repr"),
        ("enum", "global_str"),
        ("enum", "pickle_by_enum_name"),
        ("enum", "pickle_by_global_name"),
        ("abc", "ABCMeta"),
        ("abc", "update_abstractmethods"),  # rewrites any class it is given
        ("dataclasses", "make_dataclass"),  # builds classes from strings, dunders included
        ("typing", "ForwardRef"),  # evaluates its string
        ("typing", "no_type_check"),  # set attributes on whatever they are given
        ("typing", "no_type_check_decorator"),
        ("typing", "final"),
        ("typing", "override"),
        ("typing", "dataclass_transform"),
        ("typing", "runtime_checkable"),
        ("typing", "overload"),  # a process-wide registry
        ("typing", "get_overloads"),
        ("typing", "clear_overloads"),
        ("typing", "reveal_type"),  # writes to the host's sys.stderr
        ("typing", "TypeAliasType"),
        ("contextlib", "redirect_stdout"),  # replace the host's sys.stdout
        ("contextlib", "redirect_stderr"),
        ("contextlib", "chdir"),  # the process's working directory
        ("io", "open"),
        ("io", "open_code"),
        ("io", "FileIO"),
        ("pprint", "PrettyPrinter"),  # prints to the host's sys.stdout by default
        ("hashlib", "file_digest"),
        ("errno", "errorcode"),  # a dict shared with the host
        ("time", "tzset"),  # the process's time zone
        ("time", "clock_settime"),
        ("time", "clock_settime_ns"),
        ("hashlib", "algorithms_available"),  # sets shared with the host
        ("hashlib", "algorithms_guaranteed"),
    }
)

#: Modules no policy may grant: each reaches the process, the interpreter or the machine.
NEVER_GRANTED_MODULES: frozenset[str] = frozenset(
    """
    os posix nt sys subprocess ctypes importlib builtins gc inspect pickle marshal shelve
    types code codeop socket shutil pathlib signal threading _thread multiprocessing
    _io sysconfig runpy pkgutil site atexit traceback faulthandler tracemalloc ast dis
    paddedcell
    """.split()
)

#: Objects never placed in a view, by identity: the real builtins a cell must not have.
_FORBIDDEN_OBJECTS: tuple[Any, ...] = (
    builtins.eval, builtins.exec, builtins.compile, builtins.__import__, builtins.open,
    builtins.globals, builtins.locals, builtins.vars, builtins.getattr, builtins.setattr,
    builtins.delattr, builtins.breakpoint, builtins.input, builtins.type, builtins.dir,
    builtins.__build_class__, builtins.memoryview, builtins.id,
)
_FORBIDDEN_IDS = frozenset(id(o) for o in _FORBIDDEN_OBJECTS)

#: Modules that C code inside granted modules imports through the *calling frame's*
#: `__import__` (datetime.strftime imports time, strptime imports _strptime, re.sub templates
#: import re on 3.11, typing's C half imports typing on 3.12+). CPython's `PyImport_Import`
#: only needs the call to succeed and then takes the module from `sys.modules`, so the
#: importer loads the real module and returns an empty placeholder: a cell that ever reached
#: this importer would get nothing from it.
INTERNAL_IMPORTS = frozenset({"time", "_strptime", "re", "typing", "copyreg"})


#: Methods of a per-cell `random.Random` that stand in for the module functions, so a cell's
#: `random.seed()` never touches the host's global generator.
_RANDOM_METHODS = frozenset(
    """
    seed random uniform randint randrange choice choices shuffle sample gauss normalvariate
    lognormvariate expovariate vonmisesvariate gammavariate triangular betavariate
    paretovariate weibullvariate getrandbits randbytes binomialvariate getstate setstate
    """.split()
)


def _private_text_wrapper(real: types.ModuleType) -> Any:
    # A per-cell copy of the class (not a subclass: `mro()` would lead back to the shared
    # one), so its class-level translation dict is not shared with the host.
    base = real.TextWrapper
    assert base.__bases__ == (object,)
    return copied_class(base, unicode_whitespace_trans=dict(base.unicode_whitespace_trans))


def _member_names(names: Any) -> tuple[Any, list[Any]]:
    """`names` rebuilt from plain data exactly as the enum functional API will read it, and
    the member names in it. Each item is unpacked once, the way enum unpacks it, and names
    must be exact `str` (a subclass could lie to the check)."""
    if isinstance(names, str):
        text = str.__str__(names)
        return text, text.replace(",", " ").split()
    if isinstance(names, Mapping):
        items = [(k, names[k]) for k in list(names)]
        return dict(items), [k for k, _ in items]
    rebuilt: list[Any] = []
    for item in list(names):
        if isinstance(item, str):
            rebuilt.append(str.__str__(item))
        else:
            name, value = item
            rebuilt.append((name, value))
    if all(isinstance(i, str) for i in rebuilt):
        return rebuilt, list(rebuilt)
    pairs = [(i, None) if isinstance(i, str) else i for i in rebuilt]
    return pairs, [n for n, _ in pairs]


def _checked_enum(name: str) -> Callable[[types.ModuleType], Any]:
    """A member-less subclass of an enum base whose functional API (`Enum('E', names)`)
    refuses names starting with '_': through it a cell could otherwise put `__del__` or
    `__reduce_ex__` hooks on a class built outside the class-statement checks."""

    def make(real: types.ModuleType) -> Any:
        base = getattr(real, name)
        create = real.EnumType._create_

        def _create_(cls: Any, class_name: Any, names: Any, *args: Any, **kwargs: Any) -> Any:
            names, members = _member_names(names)
            bad = [m for m in members if type(m) is not str or str.startswith(m, "_")]
            if bad:
                raise OperationDenied(f"enum member names may not start with '_': {bad}",
                                      "PC205")
            return create(cls, class_name, names, *args, **kwargs)

        namespace = real.EnumType.__prepare__(name, (base,))
        namespace.update({"__module__": "enum", "__qualname__": name, "__doc__": base.__doc__})
        checked = real.EnumType(name, (base,), namespace)
        # Set afterwards: enum reserves _sunder_ names in class bodies. A class attribute
        # shadows the metaclass method for lookups through this class and its subclasses.
        checked._create_ = classmethod(_create_)
        return checked
    return make


def _checked_template(real: types.ModuleType) -> Any:
    """string.Template, whose `__init_subclass__` compiles a subclass's pattern with string's
    own reference to the real `re` and the class's `flags`: this version first turns `flags`
    into a plain int without re.DEBUG (which prints to the host's sys.stdout) and refuses a
    pattern that is a `str` subclass, as the cell's `re` functions do."""
    import re as real_re

    base = real.Template
    debug = int(real_re.DEBUG)

    def __init_subclass__(cls: type[Any], /, **kwargs: Any) -> None:
        flags = cls.flags
        if not isinstance(flags, int):
            raise TypeError(f"Template flags must be an int, not {type(flags).__name__}")
        plain = int.__int__(flags)  # the value, whatever an int subclass says
        if plain & debug:
            raise OperationDenied("re.DEBUG is not available in a cell", "PC205")
        pattern = type.__dict__["__dict__"].__get__(cls).get("pattern")
        if isinstance(pattern, str) and type(pattern) is not str:
            raise OperationDenied("re patterns must be plain str or bytes in a cell", "PC205")
        type.__setattr__(cls, "flags", plain)  # the real hook reads cls.flags again
        super(checked, cls).__init_subclass__(**kwargs)

    checked: type[Any] = type("Template", (base,), {
        "__module__": "string", "__qualname__": "Template", "__doc__": base.__doc__,
        "__slots__": (), "__init_subclass__": classmethod(__init_subclass__)})
    return checked


#: Module attributes every cell gets its own copy of, whatever the supervisor passes.
BUILTIN_SPECIALS: dict[tuple[str, str], Callable[[types.ModuleType], Any]] = {
    ("textwrap", "TextWrapper"): _private_text_wrapper,
    ("string", "Template"): _checked_template,
    **{("enum", n): _checked_enum(n) for n in ("Enum", "IntEnum", "StrEnum", "Flag", "IntFlag")},
    **STATELESS_SPECIALS,
}


#: The stand-in `import paddedcell` gives a cell whose policy grants sub-cells: only a
#: function that makes sub-cells no wider than the cell itself.
SUBCELLS_MODULE = "paddedcell"

#: Modules a cell gets as a stand-in built by paddedcell, never a view of the real module.
#: `sys`: the cell's own streams, an `exit` that ends the run, `argv`, and read-only facts
#: about the interpreter. Nothing in it reaches the real sys (no modules, path, settrace).
SYNTHETIC: dict[str, frozenset[str]] = {
    "sys": frozenset({"argv", "byteorder", "exit", "float_info", "getrecursionlimit",
                      "getsizeof", "hexversion", "int_info", "intern", "maxsize", "maxunicode",
                      "platform", "stderr", "stdin", "stdout", "version", "version_info"}),
}


#: Modules served by the cell's `CellFiles`: stand-ins confined to the policy's file roots.
FILE_MODULES: dict[str, frozenset[str]] = {"os": OS_NAMES, "os.path": PATH_NAMES}


def validate_policy_modules(policy: Policy) -> None:
    """Raise PolicyError for grants that can never be honoured safely."""
    for grant in policy.modules:
        root = grant.name.split(".")[0]
        if grant.name in FILE_MODULES:
            if not policy.files:
                raise PolicyError(f"{policy.source}: modules.{grant.name}: paddedcell's "
                                  f"{grant.name} needs file roots ([[files]]) to work on")
            extra = sorted(set(grant.attributes or ()) - FILE_MODULES[grant.name])
            if extra:
                raise PolicyError(f"{policy.source}: modules.{grant.name}.attributes: "
                                  f"{extra} are not part of paddedcell's {grant.name}")
            continue
        if grant.name in SYNTHETIC:
            allowed = SYNTHETIC[grant.name]
            extra = sorted(set(grant.attributes or allowed) - allowed)
            if extra:
                raise PolicyError(f"{policy.source}: modules.{grant.name}.attributes: "
                                  f"{extra} are not part of paddedcell's {grant.name}")
            continue
        if grant.name in NEVER_GRANTED_MODULES or root in NEVER_GRANTED_MODULES:
            raise PolicyError(f"{policy.source}: modules.{grant.name}: this module reaches the "
                              "process or the interpreter and cannot be granted")
        for attr in grant.attributes or ():
            if (grant.name, attr) in NEVER_GRANTED:
                raise PolicyError(f"{policy.source}: modules.{grant.name}.attributes: {attr!r} "
                                  "turns strings into code or attribute lookups, or exposes "
                                  "host-global state, and cannot be granted")


#: Runs an untrusted module's file in its module (the Cell compiles it restricted).
SourceRunner = Callable[[types.ModuleType, SourceFile], None]


class ModuleTable(Mapping[str, types.ModuleType]):
    """The modules of one cell (`cell.modules`): views made on first import and kept for the
    cell's life, and the cell's own modules from the policy's source roots. A mapping from
    module name to module; `reload` and `unload` are the supervisor's."""

    def __init__(self, policy: Policy, namespace: dict[str, Any],
                 specials: dict[tuple[str, str], Callable[[Any], Any]]
                 | Callable[[], dict[tuple[str, str], Callable[[Any], Any]]] | None = None,
                 run_source: SourceRunner | None = None,
                 files: CellFiles | None = None) -> None:
        self.policy = policy
        self.files = files if files is not None else CellFiles(policy.files)
        self.namespace = namespace
        self.views: dict[str, types.ModuleType] = {}
        #: The cell's own modules (from source roots) by name, with their files.
        self.sources: dict[str, SourceFile] = {}
        self._special_table: dict[tuple[str, str], Callable[[Any], Any]] | None = None
        self._special_source = specials
        self._random: _random.Random | None = None
        self._run_source = run_source

    @property
    def _specials(self) -> dict[tuple[str, str], Callable[[Any], Any]]:
        """Built-in and per-cell specials, made on first use (a cell that imports nothing
        never pays for the per-cell closures)."""
        table = self._special_table
        if table is None:
            source = self._special_source
            extra = source() if callable(source) else (source or {})
            table = self._special_table = {**BUILTIN_SPECIALS, **extra}
        return table

    # -- the mapping ----------------------------------------------------------------------------
    def __getitem__(self, name: str) -> types.ModuleType:
        return self.views[name]

    def __iter__(self) -> Iterator[str]:
        return iter(list(self.views))

    def __len__(self) -> int:
        return len(self.views)

    # -- the supervisor's controls ----------------------------------------------------------------
    def _name_of(self, module: str | types.ModuleType) -> str:
        name = module.__name__ if isinstance(module, types.ModuleType) else module
        if self.views.get(name) is None:
            raise KeyError(f"module {name!r} is not loaded in this cell")
        if isinstance(module, types.ModuleType) and self.views[name] is not module:
            raise KeyError(f"this {name!r} module is not the one loaded in this cell")
        return name

    def reload(self, module: str | types.ModuleType) -> types.ModuleType:
        """Rebuild a loaded module in place (the same object, as `importlib.reload` does): a
        view is filled afresh from the policy, a source module's file runs again."""
        name = self._name_of(module)
        current = self.views[name]
        found = self.sources.get(name)
        if found is not None:
            self._execute(current, found)
            return current
        del self.views[name]
        try:
            fresh = self.view(name) if self.policy.module(name) is not None else current
        finally:
            self.views[name] = current
        if fresh is not current:
            kept = {k: v for k, v in vars(current).items() if k in ("__name__", "__doc__")}
            current.__dict__.clear()
            current.__dict__.update(vars(fresh))
            current.__dict__.update(kept)
        return current

    def unload(self, module: str | types.ModuleType) -> None:
        """Forget a loaded module and its submodules: the next import loads it afresh."""
        name = self._name_of(module)
        for key in list(self.views):
            if key == name or key.startswith(name + "."):
                del self.views[key]
                self.sources.pop(key, None)

    # -- views --------------------------------------------------------------------------------
    def _source(self, dotted: str) -> SourceFile | None:
        if not self.policy.sources or self._run_source is None:
            return None
        return find_source(self.policy.sources, dotted)

    def available(self, dotted: str) -> bool:
        """Whether `import dotted` can succeed: granted, or found under a source root."""
        return (dotted in self.views or self.policy.module(dotted) is not None
                or self._subcells(dotted) or self._source(dotted) is not None)

    def _subcells(self, dotted: str) -> bool:
        return dotted == SUBCELLS_MODULE and self.policy.subcells

    def _load_source(self, dotted: str, found: SourceFile) -> types.ModuleType:
        parent, _, leaf = dotted.rpartition(".")
        if parent:
            outer = self.view(parent)  # a package's __init__ runs before its submodules
            if parent not in self.sources or not self.sources[parent].package:
                raise ImportDenied(f"{dotted!r}: {parent!r} is not a package of the cell's")
        module = types.ModuleType(dotted)
        self.views[dotted] = module  # before running it, as sys.modules: import cycles work
        self.sources[dotted] = found
        try:
            self._execute(module, found)
        except BaseException:
            self.views.pop(dotted, None)
            self.sources.pop(dotted, None)
            raise
        if parent:
            setattr(outer, leaf, module)
        return module

    def _execute(self, module: types.ModuleType, found: SourceFile) -> None:
        assert self._run_source is not None
        self._run_source(module, found)

    def view(self, dotted: str) -> types.ModuleType:
        """The cell's view of `dotted`, which must be granted (or one of the cell's own
        modules under a source root)."""
        found = self.views.get(dotted)
        if found is not None:
            return found
        grant = self.policy.module(dotted)
        if grant is None and self._subcells(dotted):
            view = types.ModuleType(dotted, "Sub-cells: paddedcell.subcell(**narrowing) makes a "
                                            "cell no wider than this one.")
            view.subcell = self._specials[dotted, "subcell"](None)  # type: ignore[attr-defined]
            self.views[dotted] = view
            return view
        if grant is None:
            source = self._source(dotted)
            if source is not None:
                return self._load_source(dotted, source)
            raise ImportDenied(f"import of {dotted!r} is not allowed by the policy")
        if dotted in SYNTHETIC:
            return self._synthetic(dotted, grant.attributes or SYNTHETIC[dotted])
        if dotted in FILE_MODULES:
            return self._file_module(dotted, grant.attributes)
        real = importlib.import_module(dotted)
        doc = real.__doc__ if isinstance(real.__doc__, str) else None
        view = types.ModuleType(dotted, doc)
        self.views[dotted] = view  # before children, in case of cycles
        try:
            names = grant.attributes if grant.attributes is not None else _public_names(real)
            for name in sorted(names):
                value = self._value(dotted, real, name)
                if value is not _MISSING:
                    setattr(view, name, value)
            prefix = dotted + "."
            for child in sorted(self.policy.module_names):
                if child.startswith(prefix) and "." not in child[len(prefix):]:
                    setattr(view, child[len(prefix):], self.view(child))
        except BaseException:
            del self.views[dotted]  # never leave a half-built view behind
            raise
        return view

    def _synthetic(self, dotted: str, names: frozenset[str]) -> types.ModuleType:
        import sys as real_sys

        view = types.ModuleType(dotted, f"paddedcell's stand-in for {dotted}")
        for name in sorted(names):
            special = self._specials.get((dotted, name))
            if special is not None:
                setattr(view, name, special(real_sys))
            elif name == "argv":
                setattr(view, name, [""])
            else:
                setattr(view, name, getattr(real_sys, name))
        self.views[dotted] = view
        return view

    def _file_module(self, dotted: str, names: frozenset[str] | None) -> types.ModuleType:
        if dotted == "os.path":
            view: types.ModuleType = self.files.path_view(names)
        else:
            granted = self.policy.module("os.path") is not None
            view = self.files.os_view(names, self.view("os.path") if granted else None)
        self.views[dotted] = view
        return view

    def _value(self, dotted: str, real: types.ModuleType, name: str) -> Any:
        if name.startswith("_") or (dotted, name) in NEVER_GRANTED:
            return _MISSING
        special = self._specials.get((dotted, name))
        if special is not None:
            return special(real)
        if dotted == "random" and name in _RANDOM_METHODS:
            if self._random is None:
                self._random = _random.Random()  # noqa: S311 - the cell asked for random, not crypto
            return getattr(self._random, name, _MISSING)
        value = getattr(real, name, _MISSING)
        if isinstance(value, types.ModuleType):
            child = f"{dotted}.{name}"
            if value.__name__ == child and self.policy.module(child) is not None:
                return self.view(child)
            return _MISSING  # `statistics.sys`, `json.decoder`: modules only as granted views
        if id(value) in _FORBIDDEN_IDS:
            return _MISSING
        harden_value(value)
        return value

    def _top(self, dotted: str) -> types.ModuleType:
        """The view bound by `import a.b.c`: `a`, with `b` and `b.c` reachable from it.

        Granted views already hold their granted children; an ungranted parent of a granted
        submodule is an empty placeholder module that holds just the path to it.
        """
        parts = dotted.split(".")
        node: types.ModuleType | None = None
        for i in range(len(parts)):
            name = ".".join(parts[: i + 1])
            # (A placeholder made earlier is in `views`, so `available` finds it again.)
            if self.available(name):
                child = self.view(name)
            else:
                child = self.views.setdefault(name, types.ModuleType(name))
            if node is not None and not hasattr(node, parts[i]):
                setattr(node, parts[i], child)
            node = child
        return self.views[parts[0]]

    # -- the guards behind import statements --------------------------------------------------
    def import_(self, dotted: str, leaf: bool) -> types.ModuleType:
        """`import dotted` (leaf False: bind the top package) or `import dotted as x`."""
        if not self.available(dotted):
            raise ImportDenied(f"import of {dotted!r} is not allowed by the policy")
        return self.view(dotted) if leaf else self._top(dotted)

    def import_from(self, dotted: str, names: tuple[str, ...]) -> tuple[Any, ...]:
        """`from dotted import a, b`: the values, all or none."""
        view = self.view(dotted)
        values = []
        for name in names:
            child = f"{dotted}.{name}"
            if hasattr(view, name) and (not name.startswith("_") or dotted in self.sources):
                values.append(getattr(view, name))
            elif self.policy.module(child) is not None or (
                    dotted in self.sources and self._source(child) is not None):
                values.append(self.view(child))
            else:
                raise ImportDenied(f"cannot import name {name!r} from {dotted!r} "
                                   "(not granted by the policy)")
        return tuple(values)

    def import_star(self, dotted: str, namespace: dict[str, Any] | None = None) -> None:
        """`from dotted import *` at module level: every public name of the view (for the
        cell's own modules: their `__all__` when it is a list of public names)."""
        view = self.view(dotted)
        target = self.namespace if namespace is None else namespace
        names: Any = [n for n in vars(view) if type(n) is str]
        exported = vars(view).get("__all__") if dotted in self.sources else None
        if isinstance(exported, (list, tuple)):
            # Iterated once into a plain list: a cell's list subclass could hand the check
            # exact strs and the loop below a str subclass whose methods and hash lie.
            listed = list(exported)
            if all(type(n) is str for n in listed):
                names = listed
        for name in names:
            if name.isidentifier() and not name.startswith("_"):
                target[name] = getattr(view, name)

    def internal_import(self, name: str, globals: Any = None, locals: Any = None,
                        fromlist: Any = (), level: int = 0) -> types.ModuleType:
        """The cell's `__import__`, used only by C code running on the cell's frame."""
        if level == 0 and type(name) is str and name in INTERNAL_IMPORTS:
            importlib.import_module(name)
            return types.ModuleType(name)
        if name == "__future__" and level == 0:
            # `from __future__ import annotations`, the one future import the checker allows.
            import __future__

            future = types.ModuleType("__future__")
            future.annotations = __future__.annotations  # type: ignore[attr-defined]
            return future
        raise ImportDenied(f"import of {name!r} is not allowed by the policy")


class _Missing:
    pass


_MISSING: Any = _Missing()


def _public_names(module: types.ModuleType) -> list[str]:
    exported = getattr(module, "__all__", None)
    names = exported if isinstance(exported, (list, tuple)) else dir(module)
    return [n for n in names if isinstance(n, str) and not n.startswith("_")]
