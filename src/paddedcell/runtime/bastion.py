"""Bastion proxies: a supervisor object a cell may call only through a filter.

`Bastion(obj, filter)` and `expose(obj, methods=..., attributes=...)` build a proxy that holds
no reference to `obj` at all: no slot, no `__dict__`. The object and the filters live in the
module-private `_ENTRIES`, keyed weakly by the proxy, so even `object.__getattribute__(proxy,
...)` finds nothing but the proxy's own `__weakref__`.

What a cell can do with a proxy `p`:

- `p.name`, if `name` does not start with `_` (dunders included, whatever the filter says) and
  every filter passes it. A callable value comes back as a fresh plain function that calls the
  supervisor's attribute by name: never a bound method, so it has no `__self__`, `__func__` or
  `__wrapped__`, and its closure holds only the proxy and the name. A non-callable value is
  exported like a return value (below). Anything else raises `AttributeDenied`.
- `p(...)`, only if every filter passes `"__call__"` (else `OperationDenied`, a TypeError).
- `repr(p)` is `<Bastion for NAME>` and never calls the target's `repr`; `dir(p)` lists the
  public names the filters pass. Operators, `len`, iteration, subscripts and the other special
  methods are not forwarded. `copy.copy`/`copy.deepcopy` give the proxy itself (a proxy is a
  capability, like a function); pickling raises TypeError.
- Setting or deleting an attribute raises `AttributeDenied`, and the class refuses subclasses.

Calls through a proxy:

- Arguments are *imported*: proxies (at the top level of args and kwargs values) are
  unwrapped to their targets, so handles round-trip; plain data passes and exact containers
  are copied as for return values; a callable (function, lambda, bound method, callable
  object) reaches the method as a host function that calls it with *exported* arguments and
  imports its result, so a predicate, sort key or callback never sees a supervisor object
  unwrapped; any other object raises `OperationDenied`, since supervisor code would call its
  methods (`__eq__` in `list.index`, `__radd__`, a visitor's `visit`) with supervisor objects.
  Keyword names become exact `str`.
- Return values (and data attributes) are *exported*: None, bool, int, float, complex, str and
  bytes (exact types, not subclasses) pass; tuples, lists, dicts, sets and frozensets (exact
  types) are copied item by item, at most `MAX_DEPTH` deep (deeper raises ValueError), so the
  cell cannot change the supervisor's containers. A result that is the target of a proxy
  passed as an argument comes back as that same proxy. A proxy the supervisor returns passes
  as it is (narrowed by any filters that composition added). Any other object comes back in a
  new proxy with the same filters: the set of names a cell can ever use through a proxy and
  everything it returns is bounded by its filters. To hand out a richer object, return an
  `expose(...)` of it.
- Exceptions (from the target's attribute, the call, the filters or the export) never reach the
  cell as the supervisor raised them: args, `__traceback__`, `__context__` and `__cause__`
  could carry supervisor objects and frames. A builtin exception class is raised afresh with
  its plain-data args (others replaced by `'<TypeName object>'`); paddedcell's own
  `SecurityError`s are raised afresh with their message and rule; any other class (or a
  builtin one that cannot be rebuilt) becomes `BastionError` (a RuntimeError) naming the class.
  The fresh exception is raised outside any handler (no `__context__`) from a frame that holds
  no supervisor object. `LimitExceeded` (the cell's budget ran out during the call) passes as
  it is.

Composition: `Bastion(proxy, filter=f2)` is a new proxy over the same target whose filters are
the inner proxy's plus `f2`: never wider than the inner proxy.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Final, NoReturn, final

from ..errors import AttributeDenied, BastionError, LimitExceeded, OperationDenied, SecurityError

Filter = Callable[[str], object]

#: How deep exported containers may nest (a self-referential list ends here too).
MAX_DEPTH: Final = 32

_SCALARS: Final = frozenset({type(None), bool, int, float, complex, str, bytes})
_CONTAINERS: Final = frozenset({tuple, list, set, frozenset})
#: Names that library code (copy, pickle) looks up on the instance; the cell cannot spell them.
_PROTOCOL: Final = frozenset({"__copy__", "__deepcopy__", "__reduce__", "__reduce_ex__"})


@dataclass(frozen=True, slots=True)
class _Entry:
    """What a proxy stands for. Never reachable from the proxy itself."""

    target: Any
    #: Every filter a name must pass: the original proxy's first, then composition's.
    filters: tuple[Filter, ...]
    #: The filters composition added; they also narrow proxies the supervisor returns.
    extra: tuple[Filter, ...]
    name: str
    #: Whether non-callable attributes may be read (the Python 2 port reads only methods).
    data: bool

    def allows(self, name: str) -> bool:
        return all(f(name) for f in self.filters)


# Keyed weakly by the proxy: an entry lives exactly as long as its proxy.
_ENTRIES: weakref.WeakKeyDictionary[Bastion, _Entry] = weakref.WeakKeyDictionary()


@final
class Bastion:
    """A proxy through which a cell may use only what `filter` passes (see the module doc).

    `filter(name)` returns true if the attribute may be accessed; it is called only for names
    that do not start with `_` (and for `"__call__"` when the proxy is called). `name` is
    shown in `repr`; it defaults to the target's class name.
    """

    __slots__ = ("__weakref__",)

    def __new__(cls, obj: Any, filter: Filter, name: str | None = None) -> Bastion:
        if not callable(filter):
            raise TypeError(f"filter must be callable, not {type(filter).__name__}")
        if name is not None and type(name) is not str:
            raise TypeError(f"name must be a str, not {type(name).__name__}")
        inner = _ENTRIES.get(obj) if type(obj) is Bastion else None
        if inner is not None:
            return _new(inner.target, (*inner.filters, filter), (*inner.extra, filter),
                        inner.name if name is None else name, inner.data)
        return _new(obj, (filter,), (), type(obj).__qualname__ if name is None else name, True)

    def __init_subclass__(cls, **kwargs: Any) -> NoReturn:
        # A subclass could add a __dict__ or override the lookups.
        raise TypeError("Bastion cannot be subclassed")

    def __getattribute__(self, name: str) -> Any:
        if type(name) is str and name in _PROTOCOL:
            return object.__getattribute__(self, name)
        ok, value = _read(self, name)
        if ok:
            return value
        # Raised here, where the frame holds only the proxy, the name and the exception.
        raise value

    def __setattr__(self, name: str, value: Any) -> NoReturn:
        raise AttributeDenied(f"cannot set attribute {name!r} of a Bastion proxy", "PC203")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeDenied(f"cannot delete attribute {name!r} of a Bastion proxy", "PC203")

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        ok, value = _call(self, None, args, kwargs)
        if ok:
            return value
        raise value

    def __repr__(self) -> str:
        entry = _ENTRIES.get(self)
        return f"<Bastion for {entry.name if entry is not None else '?'}>"

    def __dir__(self) -> list[str]:
        entry = _ENTRIES.get(self)
        if entry is None:
            return []
        try:
            names = [n for n in dir(entry.target) if type(n) is str and n[:1] != "_"]
            return sorted(n for n in names if entry.allows(n))
        except LimitExceeded:
            raise
        except Exception:
            return []  # the supervisor's __dir__ or a filter failed: reveal nothing

    def __copy__(self) -> Bastion:
        return self

    def __deepcopy__(self, memo: Any) -> Bastion:
        return self

    def __reduce_ex__(self, protocol: Any) -> NoReturn:
        raise TypeError("cannot pickle a Bastion proxy")

    def __reduce__(self) -> NoReturn:
        raise TypeError("cannot pickle a Bastion proxy")


def _new(target: Any, filters: tuple[Filter, ...], extra: tuple[Filter, ...], name: str,
         data: bool) -> Bastion:
    proxy = object.__new__(Bastion)
    _ENTRIES[proxy] = _Entry(target, filters, extra, name, data)
    return proxy


def bastion_methods_only(obj: Any, filter: Filter, name: str | None = None) -> Bastion:
    """A proxy that gives only callables, never data attributes (the Python 2 semantics)."""
    proxy = Bastion(obj, filter, name)
    entry = _ENTRIES[proxy]
    _ENTRIES[proxy] = _Entry(entry.target, entry.filters, entry.extra, entry.name, False)
    return proxy


def proxy_name(proxy: Bastion) -> str:
    """The name `repr(proxy)` shows."""
    return _ENTRIES[proxy].name


def target_of(proxy: Bastion) -> Any:
    """The supervisor's object behind `proxy` (for the supervisor, never handed to a cell)."""
    return _ENTRIES[proxy].target


# -- attribute reads and calls: each returns (ok, value-or-exception), never raises, so the
# -- frame that raises into the cell holds no supervisor object -------------------------------

def _entry(proxy: Bastion) -> _Entry:
    entry = _ENTRIES.get(proxy)
    if entry is None:
        raise AttributeDenied("this Bastion proxy has no target", "PC201")
    return entry


def _read(proxy: Bastion, name: Any) -> tuple[bool, Any]:
    if type(name) is not str:
        return False, TypeError(f"attribute name must be string, not '{type(name).__name__}'")
    if name[:1] == "_":
        return False, AttributeDenied(f"attribute {name!r} of a Bastion proxy is private to "
                                      "the supervisor", "PC202")
    try:
        entry = _entry(proxy)
        if not entry.allows(name):
            return False, AttributeDenied(f"attribute {name!r} is not allowed by the Bastion "
                                          f"for {entry.name}", "PC201")
        value = getattr(entry.target, name)
        if callable(value):
            return True, _method(proxy, name)
        if not entry.data:
            return False, AttributeDenied(f"attribute {name!r} of the Bastion for {entry.name} "
                                          "is not a method", "PC201")
        return True, _export(value, entry, {}, 0)
    except LimitExceeded:
        raise
    except BaseException as exc:  # sanitized below, never re-raised as it is
        return False, _fresh(exc)


def _method(proxy: Bastion, name: str) -> Callable[..., Any]:
    """A plain function calling attribute `name` of the target, looked up at call time: its
    closure holds the proxy and the name, nothing of the supervisor's."""

    def method(*args: Any, **kwargs: Any) -> Any:
        ok, value = _call(proxy, name, args, kwargs)
        if ok:
            return value
        raise value
    method.__name__ = method.__qualname__ = name
    return method


def _call(proxy: Bastion, name: str | None, args: tuple[Any, ...],
          kwargs: dict[str, Any]) -> tuple[bool, Any]:
    try:
        entry = _entry(proxy)
        if name is None:
            if not entry.allows("__call__"):
                return False, OperationDenied(f"the Bastion for {entry.name} is not callable",
                                              "PC205")
            function = entry.target
        else:
            if not entry.allows(name):
                return False, AttributeDenied(f"attribute {name!r} is not allowed by the "
                                              f"Bastion for {entry.name}", "PC201")
            function = getattr(entry.target, name)
        unwrapped: dict[int, Bastion] = {}
        real_args = [_import(a, entry, unwrapped, 0) for a in args]
        real_kwargs = {str.__str__(k): _import(v, entry, unwrapped, 0) for k, v in kwargs.items()}
        result = function(*real_args, **real_kwargs)
        return True, _export(result, entry, unwrapped, 0)
    except LimitExceeded:
        raise
    except BaseException as exc:  # sanitized below, never re-raised as it is
        return False, _fresh(exc)


def _import(value: Any, entry: _Entry, unwrapped: dict[int, Bastion], depth: int) -> Any:
    """What the supervisor's method receives for the cell's argument `value`.

    The way in needs a membrane as much as the way out: supervisor code calls what the cell
    passes with its own objects (a predicate or sort key called on each item, `list.index`
    calling the cell object's `__eq__` with each item, a visitor's method, `__radd__`, a list
    the method fills). Passed as they are, those would hand the cell raw supervisor objects
    whose every public method it could call, whatever the filter. So: plain data passes,
    exact containers are copied (the supervisor fills a copy), proxies at the top level are
    unwrapped, a callable becomes a host function that exports what it is called with (and
    imports what it returns) by the same rules as return values, and any other object of the
    cell's is refused: its methods would be cell code called with supervisor objects."""
    cls = type(value)
    if cls in _SCALARS:
        return value
    if cls is Bastion:
        if depth:
            return value  # a proxy inside a container stays a proxy: safe for the host
        target = _entry(value).target
        unwrapped[id(target)] = value
        return target
    if cls in _CONTAINERS or cls is dict:
        return _rebuilt(value, depth, "an argument passed",
                        lambda item, d: _import(item, entry, unwrapped, d))
    if callable(value):
        return _callback(value, entry, unwrapped)
    raise OperationDenied(f"a {cls.__name__} object cannot be passed through the Bastion for "
                          f"{entry.name}: pass plain data, proxies or functions", "PC205")


def _rebuilt(value: Any, depth: int, what: str,
             convert: Callable[[Any, int], Any]) -> Any:
    """A copy of an exact container (`dict` or one of `_CONTAINERS`) whose keys and items
    went through `convert` one level deeper; `what` names it in the depth error."""
    if depth >= MAX_DEPTH:
        raise ValueError(f"{what} through a Bastion is nested deeper than {MAX_DEPTH}")
    cls = type(value)
    if cls is dict:
        return {convert(k, depth + 1): convert(v, depth + 1) for k, v in dict.items(value)}
    return cls(convert(v, depth + 1) for v in value)


def _callback(function: Any, entry: _Entry, unwrapped: dict[int, Bastion]) -> Callable[..., Any]:
    """A host function that calls the cell's `function` with exported arguments (supervisor
    objects wrapped with `entry`'s filters, the cell's handles as themselves) and gives the
    supervisor its result imported."""

    def callback(*args: Any, **kwargs: Any) -> Any:
        result = function(*[_export(a, entry, unwrapped, 0) for a in args],
                          **{str.__str__(k): _export(v, entry, unwrapped, 0)
                             for k, v in kwargs.items()})
        return _import(result, entry, unwrapped, 0)
    # Not mapped back to `function` when the supervisor returns it: a supervisor object shared
    # by several cells could hand one cell's function to another. It comes back wrapped.
    return callback


def _export(value: Any, entry: _Entry, unwrapped: dict[int, Bastion], depth: int) -> Any:
    """What the cell receives for `value` (see the module doc)."""
    cls = type(value)
    if cls in _SCALARS:
        return value
    if id(value) in unwrapped:
        return unwrapped[id(value)]  # a handle the cell passed in: the same proxy back
    if cls is Bastion:
        inner = _entry(value)
        if not entry.extra:
            return value  # the supervisor chose to hand out this proxy
        return _new(inner.target, inner.filters + entry.extra, inner.extra + entry.extra,
                    inner.name, inner.data and entry.data)
    if cls in _CONTAINERS or cls is dict:
        return _rebuilt(value, depth, "a value returned",
                        lambda item, d: _export(item, entry, unwrapped, d))
    return _new(value, entry.filters, entry.extra, cls.__qualname__, entry.data)


# -- exceptions -----------------------------------------------------------------------------

_SECURITY_MODULE: Final = SecurityError.__module__
# The args slot itself: a subclass may override `args` with a property.
_exception_args = BaseException.__dict__["args"].__get__


def _plain_arg(value: Any, depth: int = 0) -> Any:
    cls = type(value)
    if cls in _SCALARS:
        return value
    if cls is tuple and depth < 4 and len(value) <= 64:
        return tuple(_plain_arg(v, depth + 1) for v in value)
    return f"<{cls.__name__} object>"


def _fresh(exc: BaseException) -> BaseException:
    """A new exception for the cell that carries nothing of `exc` but plain data."""
    cls = type(exc)
    args = tuple(_plain_arg(a) for a in _exception_args(exc))
    if isinstance(exc, SecurityError) and cls.__module__ == _SECURITY_MODULE:
        message = args[0] if args and type(args[0]) is str else cls.__name__
        rule = exc.rule if type(exc.rule) is str else None
        return cls(message, rule)
    if isinstance(exc, BastionError) and type(exc.kind) is str and type(exc.message) is str:
        return BastionError(exc.kind, exc.message)  # from a proxy the supervisor itself used
    if cls.__module__ == "builtins":
        try:
            fresh = cls(*args)
        except Exception:  # noqa: S110  # a class that cannot be rebuilt: see below
            pass
        else:
            if type(fresh) is cls:
                return fresh
    message = str(args[0]) if len(args) == 1 and type(args[0]) is str else \
        ", ".join(map(repr, args))
    return BastionError(cls.__qualname__ if type(cls.__qualname__) is str else "Exception",
                        message)


# -- expose ---------------------------------------------------------------------------------

def expose(obj: Any, methods: Iterable[str] = (), attributes: Iterable[str] = (),
           name: str | None = None) -> Bastion:
    """A `Bastion` over `obj` that allows exactly `methods` (which must be callable now) and
    `attributes` (which must be data now: not callable). A name that is not an identifier
    raises ValueError, as does one starting with `_`; a name that is not a `str` TypeError."""
    if isinstance(methods, str) or isinstance(attributes, str):
        raise TypeError("methods and attributes must be collections of names, not a str")
    method_names = _names(methods)
    attribute_names = _names(attributes)
    for n in method_names:
        if not callable(getattr(obj, n)):
            raise TypeError(f"{n!r} is listed as a method but is not callable")
    for n in attribute_names:
        if callable(getattr(obj, n)):
            raise TypeError(f"{n!r} is listed as an attribute but is callable; list it in methods")
    allowed = method_names | attribute_names
    return Bastion(obj, allowed.__contains__, name)


def _names(names: Iterable[str]) -> frozenset[str]:
    result = set()
    for n in names:
        if type(n) is not str:
            raise TypeError(f"names must be str, not {type(n).__name__}")
        if n.startswith("_"):
            raise ValueError(f"{n!r} starts with '_': private names cannot be exposed")
        if not n.isidentifier():
            raise ValueError(f"{n!r} is not an attribute name")
        result.add(n)
    return frozenset(result)
