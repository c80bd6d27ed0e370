"""Module attributes that a cell gets in a cell-aware form instead of the real object.

Each factory takes the real module and returns what the view holds. They close over the cell's
guards (ownership) and stdout, so they are built per cell.
"""

from __future__ import annotations

import collections
import copy
import types
from collections.abc import Callable
from typing import Any

from ..rules import Access, classify_attribute, is_dunder
from .guards import HASHED_BUILTINS, Guards
from .meter import Meter, itertools_pools, math_comb_perm, math_factorial, unicodedata_normalize

Factory = Callable[[types.ModuleType], Any]
# The class's own namespace, read through `type`'s descriptor so no metaclass can fake it.
_class_dict = type.__dict__["__dict__"].__get__


def plain_function(name: str, method: Any, doc: str | None = None) -> Any:
    """A plain function calling `method`: closures are copied by reference, never walked, so
    nothing reachable from it leads back to the guards (copy.deepcopy walks `__self__`)."""

    def function(*args: Any, **kwargs: Any) -> Any:
        return method(*args, **kwargs)
    function.__name__ = function.__qualname__ = name
    function.__doc__ = doc
    return function


def _plain_flags(flags: Any) -> int:
    if not isinstance(flags, int):
        raise TypeError(f"flags must be an int, not {type(flags).__name__}")
    return int.__int__(flags)  # the int value, whatever the subclass says


def _plain_format(fmt: Any) -> Any:
    """A struct format as exact `str` or `bytes` with the same text (other types unchanged:
    struct refuses them itself)."""
    if isinstance(fmt, str):
        return str.__str__(fmt)
    if isinstance(fmt, bytes):
        return bytes.__bytes__(fmt)
    return fmt


def _struct_function(name: str) -> Factory:
    """struct's module functions keep the Struct compiled for each format in a dict shared by
    the whole process, keyed by the format object itself: a cell's `str` subclass whose hash
    and equality imitate '<I' would answer the host's later `struct.pack('<I', ...)` with the
    cell's format. The format is made an exact `str`/`bytes` first (C reads only its text)."""

    def make(real: types.ModuleType) -> Any:
        target = getattr(real, name)

        def function(fmt: Any, /, *args: Any, **kwargs: Any) -> Any:
            return target(_plain_format(fmt), *args, **kwargs)
        function.__name__ = function.__qualname__ = name
        function.__doc__ = target.__doc__
        return function
    return make


#: Module attributes that need no cell state to be made safe (see modules.BUILTIN_SPECIALS).
STATELESS_SPECIALS: dict[tuple[str, str], Factory] = {
    ("struct", n): _struct_function(n)
    for n in ("calcsize", "iter_unpack", "pack", "pack_into", "unpack", "unpack_from")
}


def metered_specials(meter: Meter) -> dict[tuple[str, str], Factory]:
    """Module functions that charge the memory budget before building huge results."""
    table: dict[tuple[str, str], Factory] = {
        ("math", "factorial"): lambda real: math_factorial(meter, real.factorial),
        ("math", "comb"): lambda real: math_comb_perm(meter, real.comb),
        ("math", "perm"): lambda real: math_comb_perm(meter, real.perm),
        ("unicodedata", "normalize"): lambda real: plain_function(
            "normalize", unicodedata_normalize(meter, real.normalize, real.is_normalized),
            real.normalize.__doc__),
    }
    for name in ("mul", "imul", "pow", "ipow", "lshift", "ilshift", "mod"):
        # Plain functions, not bound methods of the meter (copy.deepcopy walks __self__).
        table[("operator", name)] = (lambda n: lambda real: plain_function(n, getattr(meter, n)))(name)
    for name in ("product", "permutations", "combinations", "combinations_with_replacement"):
        table[("itertools", name)] = (lambda n: lambda real: itertools_pools(meter, getattr(real, n)))(name)
    table[("contextlib", "ExitStack")] = lambda real: _checked_exit_stack(meter, real)
    table[("contextlib", "suppress")] = lambda real: _checked_suppress(meter, real)
    return table


def copied_class(base: type, **replaced: Any) -> Any:
    """A per-cell copy of library class `base` (its namespace copied, `replaced` names set):
    not a subclass, so `super()` and `mro()` never lead back to the class the host shares."""
    namespace = {k: v for k, v in vars(base).items() if k not in ("__dict__", "__weakref__")}
    namespace.update(replaced)
    return type(base.__name__, base.__bases__, namespace)


def _checked_exit_stack(meter: Meter, real: types.ModuleType) -> Any:
    """`ExitStack.__exit__` runs every callback, catching what each one raises, and re-raises
    at the end: a limit raised once (by the watchdog, at the next bytecode) would be stored
    while callbacks that take no steps (`stack.callback(sum, range(10**7))`, pushed by the
    thousand) all still run. Here each callback first checks that the budget lives.

    A per-cell copy of the class, not a subclass: `super()` would lead back to the real
    `__exit__`."""
    base = real.ExitStack
    real_exit = base.__exit__

    def checked(callback: Any) -> Any:
        def run(*args: Any) -> Any:
            meter.current.raise_if_exhausted()
            return callback(*args)
        return run

    def __exit__(self: Any, *exc_details: Any) -> Any:
        self._exit_callbacks = collections.deque(
            (is_sync, checked(callback)) for is_sync, callback in self._exit_callbacks)
        return real_exit(self, *exc_details)

    return copied_class(base, __exit__=__exit__)


def _checked_suppress(meter: Meter, real: types.ModuleType) -> Any:
    """`suppress(BaseException)` would swallow a limit the watchdog raised (once per
    statement, at the next bytecode) in code that takes no steps: one `with suppress(...)`
    line after another, each around library code, and the run never ends. Here `__exit__`
    suppresses nothing once the budget is exhausted. A per-cell copy, as for ExitStack."""
    base = real.suppress
    real_exit = base.__exit__

    def __exit__(self: Any, *exc_details: Any) -> Any:
        meter.current.raise_if_exhausted()
        return real_exit(self, *exc_details)

    return copied_class(base, __exit__=__exit__)


def cell_specials(guards: Guards, stdout: Callable[[], Any],
                  stderr: Callable[[], Any] | None = None) -> dict[tuple[str, str], Factory]:
    """The (module, attribute) -> factory table for one cell."""

    def update_wrapper(wrapper: Any, wrapped: Any, *args: Any, **kwargs: Any) -> Any:
        # The real one copies `wrapped.__dict__` (any object's private attributes) into an
        # object the cell owns; this copies names and docs, and the dict only between the
        # cell's own objects.
        if args or kwargs:
            guards.deny_op("functools.update_wrapper takes no 'assigned' or 'updated' in a cell")
        guards.write(wrapper, "__wrapped__")
        for attr in ("__module__", "__name__", "__qualname__", "__doc__"):
            try:
                value = getattr(wrapped, attr)
            except AttributeError:
                continue
            if isinstance(value, str) or value is None:
                try:
                    setattr(wrapper, attr, value)
                except (AttributeError, TypeError):
                    pass
        if guards.owns(wrapped) and hasattr(wrapped, "__dict__") and hasattr(wrapper, "__dict__"):
            wrapper.__dict__.update(
                {k: v for k, v in wrapped.__dict__.items() if type(k) is str and not is_dunder(k)}
            )
        wrapper.__wrapped__ = wrapped
        return wrapper

    def wraps(wrapped: Any, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs:
            guards.deny_op("functools.wraps takes no 'assigned' or 'updated' in a cell")

        def decorate(wrapper: Any) -> Any:
            return update_wrapper(wrapper, wrapped)
        return decorate

    def dataclass_factory(real: types.ModuleType) -> Any:
        def dataclass(cls: Any = None, /, **kwargs: Any) -> Any:
            # The real decorator rewrites the class it is given in place: only the cell's own.
            def wrap(target: Any) -> Any:
                if not (isinstance(target, type) and guards.owns(target)):
                    guards.deny_op("dataclass() applies only to classes the cell defined")
                _check_field_names(target)
                for option in ("eq", "unsafe_hash"):
                    if option in kwargs:
                        # Read once, here: the real decorator would test a cell object's
                        # truth again (False for the check below, True for it).
                        kwargs[option] = bool(kwargs[option])
                if issubclass(target, HASHED_BUILTINS) and (kwargs.get("eq", True)
                                                            or kwargs.get("unsafe_hash")):
                    # It would give a str/int/... subclass a Python `__eq__` or `__hash__`
                    # (see Guards.check_hashing); refused before it changes the class.
                    guards.deny_op("dataclass() with eq=True or unsafe_hash=True cannot apply "
                                   f"to a subclass of {target.__mro__[-2].__name__!r} in a cell")
                # dataclass() renames and retypes the Field objects it finds in the class: a
                # Field taken from another dataclass (`fields(host_obj)[0]`) is the host's.
                for key, value in list(_class_dict(target).items()):
                    if isinstance(value, real.Field):
                        setattr(target, key, copy.copy(value))
                result = real.dataclass(target, **kwargs)
                if result is not target:
                    guards.register(result)  # slots=True makes a new class from the cell's
                return result
            return wrap if cls is None else wrap(cls)
        def _check_field_names(target: type) -> None:
            # asdict/astuple/replace read every field with the native getattr: a field with
            # no value of its own finds the library base's attribute (`format` on a str
            # subclass is the raw str.format), so field names must be names the cell could
            # read natively itself. (The class's own annotations and the inherited fields.)
            names = list(_class_dict(target).get("__annotations__", {}))
            for base in target.__mro__[1:]:
                names += list(_class_dict(base).get("__dataclass_fields__", {}))
            for name in names:
                _check_field_name(target, name)
        return dataclass

    def _check_field_name(obj: Any, name: Any) -> None:
        if type(name) is not str:
            guards.deny_op(f"dataclass field names must be str, not {type(name).__name__!r}")
        access = classify_attribute(name)
        if access is not Access.ALLOW and access is not Access.PRIVATE:
            guards.deny_op(f"a dataclass field may not be named {name!r} in a cell (reading "
                           "it needs a guard that dataclasses' own reads skip)")
        if access is Access.PRIVATE:
            cls = obj if isinstance(obj, type) else type(obj)
            if guards.owns(cls) and not guards._own_private(cls, name):
                guards.deny_op(f"dataclass field {name!r} comes from a library base class "
                               "and is private to it")

    def dataclass_reader(name: str) -> Factory:
        # asdict/astuple read every field natively, `_private` ones included: only for
        # objects the cell owns, or whose fields are all public.
        def make(real: types.ModuleType) -> Any:
            target = getattr(real, name)

            def reader(obj: Any, *args: Any, **kwargs: Any) -> Any:
                _check_tree(obj, 0)
                return target(obj, *args, **kwargs)

            def _check_tree(obj: Any, depth: int) -> None:
                # Walk what asdict/astuple will walk: dataclass fields, lists, tuples, dicts.
                if depth > 100:
                    guards.deny_op(f"{name}() of a structure this deep")
                if real.is_dataclass(obj) and not isinstance(obj, type):
                    fields = real.fields(obj)
                    if not guards.owns(obj) and any(f.name.startswith("_") for f in fields):
                        guards.deny_op(f"{name}() of an object the cell does not own reads "
                                       "its private fields")
                    for f in fields:
                        _check_field_name(obj, f.name)
                        _check_tree(getattr(obj, f.name), depth + 1)
                elif type(obj) in (list, tuple) or isinstance(obj, tuple):
                    for item in obj:
                        _check_tree(item, depth + 1)
                elif isinstance(obj, dict):
                    for key, value in obj.items():
                        _check_tree(key, depth + 1)
                        _check_tree(value, depth + 1)
            reader.__name__ = reader.__qualname__ = name
            return reader
        return make

    def pprint_factory(name: str) -> Factory:
        def make(real: types.ModuleType) -> Any:
            target = getattr(real, name)

            def printer(obj: Any, stream: Any = None, *args: Any, **kwargs: Any) -> None:
                target(obj, stdout() if stream is None else stream, *args, **kwargs)
            printer.__name__ = printer.__qualname__ = name
            return printer
        return make

    def total_ordering_factory(real: types.ModuleType) -> Any:
        def total_ordering(cls: Any) -> Any:
            # The real one adds methods to whatever class it is given.
            if not (isinstance(cls, type) and guards.owns(cls)):
                guards.deny_op("total_ordering() applies only to classes the cell defined")
            return real.total_ordering(cls)
        return total_ordering

    def re_factory(name: str, flags_at: int) -> Factory:
        # re.DEBUG makes the compiler print to the host's sys.stdout.
        def make(real: types.ModuleType) -> Any:
            target = getattr(real, name)
            debug = int(real.DEBUG)

            def checked(*args: Any, **kwargs: Any) -> Any:
                # Flags become a plain int: an int subclass could lie to the check below or
                # poison re's compile cache (its key holds the flags) for the host.
                if "flags" in kwargs:
                    kwargs["flags"] = _plain_flags(kwargs["flags"])
                elif len(args) > flags_at:
                    args = (*args[:flags_at], _plain_flags(args[flags_at]), *args[flags_at + 1:])
                flags = kwargs.get("flags", args[flags_at] if len(args) > flags_at else 0)
                if flags & debug:
                    guards.deny_op("re.DEBUG is not available in a cell")
                pattern = args[0] if args else kwargs.get("pattern")
                if isinstance(pattern, (str, bytes)) and type(pattern) not in (str, bytes):
                    guards.deny_op("re patterns must be plain str or bytes in a cell")
                return target(*args, **kwargs)
            checked.__name__ = checked.__qualname__ = name
            checked.__doc__ = target.__doc__
            return checked
        return make

    re_flags_position = {"compile": 1, "search": 2, "match": 2, "fullmatch": 2, "split": 3,
                         "findall": 2, "finditer": 2, "sub": 4, "subn": 4}
    def copy_factory(name: str) -> Factory:
        # No memo argument: the memo keeps every original it copied (real __dict__s of
        # foreign objects among them).
        def make(real: types.ModuleType) -> Any:
            target = getattr(real, name)

            def copier(x: Any, *args: Any, **kwargs: Any) -> Any:
                if args or kwargs:
                    guards.deny_op(f"copy.{name}() takes no memo in a cell")
                return target(x)
            copier.__name__ = copier.__qualname__ = name
            copier.__doc__ = target.__doc__
            return copier
        return make

    def _check_abstract_target(obj: Any, what: str) -> None:
        # The real ones do `obj.__isabstractmethod__ = True` on whatever they are given:
        # a supervisor object, a library function or class.
        if not guards.owns(obj):
            guards.deny_op(f"abc.{what}() applies only to functions and objects the cell "
                           "created")

    def abstractmethod_factory(real: types.ModuleType) -> Any:
        target = real.abstractmethod

        def abstractmethod(funcobj: Any) -> Any:
            _check_abstract_target(funcobj, "abstractmethod")
            return target(funcobj)
        abstractmethod.__doc__ = target.__doc__
        return abstractmethod

    def abstract_descriptor_factory(name: str) -> Factory:
        def make(real: types.ModuleType) -> Any:
            base = getattr(real, name)

            def __init__(self: Any, callable: Any) -> None:
                _check_abstract_target(callable, name)
                base.__init__(self, callable)
            return type(name, (base,), {"__init__": __init__, "__module__": "abc",
                                        "__qualname__": name, "__doc__": base.__doc__})
        return make

    def sys_exit(code: Any = None) -> None:
        raise SystemExit(code)

    return {
        ("sys", "stdout"): lambda real: stdout(),
        ("sys", "stderr"): lambda real: (stderr or stdout)(),
        ("sys", "exit"): lambda real: plain_function("exit", sys_exit),
        ("copy", "deepcopy"): copy_factory("deepcopy"),
        ("copy", "copy"): copy_factory("copy"),
        **{("re", n): re_factory(n, i) for n, i in re_flags_position.items()},
        ("functools", "total_ordering"): total_ordering_factory,
        ("abc", "abstractmethod"): abstractmethod_factory,
        ("abc", "abstractclassmethod"): abstract_descriptor_factory("abstractclassmethod"),
        ("abc", "abstractstaticmethod"): abstract_descriptor_factory("abstractstaticmethod"),
        ("functools", "wraps"): lambda real: wraps,
        ("functools", "update_wrapper"): lambda real: update_wrapper,
        ("dataclasses", "dataclass"): dataclass_factory,
        ("dataclasses", "asdict"): dataclass_reader("asdict"),
        ("dataclasses", "astuple"): dataclass_reader("astuple"),
        ("pprint", "pprint"): pprint_factory("pprint"),
        ("pprint", "pp"): pprint_factory("pp"),
    }
