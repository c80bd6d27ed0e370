"""Safe `str.format` and `str.format_map`: field names obey the same attribute rules.

`"{0.__class__.__mro__}".format(x)` resolves attributes natively inside C, out of reach of
the rewriter (CVE-2023-41039). A format string whose field attributes are all plain public
names goes to the real `str.format` unchanged (exact CPython behaviour, full speed); any other
is formatted by a `string.Formatter` whose attribute steps go through the cell's guard.
"""

from __future__ import annotations

import _string  # type: ignore[import-not-found]  # CPython's format parser; no stubs
import string
from collections import UserString
from collections.abc import Callable, Mapping, Sequence
from types import BuiltinMethodType, MethodType
from typing import Any

from ..rules import format_string_is_plain

#: The guard a formatter calls for each `.attr` step: (obj, name) -> value.
AttrGetter = Callable[[Any, str], Any]

_STR_FORMAT = str.format
_STR_FORMAT_MAP = str.format_map
#: Python functions in granted modules that forward to the real str.format / format_map.
_FORWARDERS: tuple[tuple[Any, bool], ...] = ((UserString.format, False),
                                             (UserString.format_map, True))


class _GuardedFormatter(string.Formatter):
    def __init__(self, getattr_guard: AttrGetter) -> None:
        self._getattr = getattr_guard
        # The guard may carry a check for format specs (wide widths against the budget).
        self._check_spec = getattr(getattr_guard, "check_spec", None)

    def format_field(self, value: Any, format_spec: str) -> Any:
        if self._check_spec is not None:
            self._check_spec(format_spec)
        return super().format_field(value, format_spec)

    def get_field(self, field_name: str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        first, rest = _string.formatter_field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            obj = self._getattr(obj, key) if is_attr else obj[key]
        return obj, first


def _exact(text: str) -> str:
    # A str subclass could override methods the formatter calls; use its plain value.
    return text if type(text) is str else str.__str__(text)


def guarded_format(getattr_guard: AttrGetter, text: str, args: tuple[Any, ...],
                   kwargs: Mapping[str, Any], use_map: bool) -> str:
    """Format `text` like `str.format` (or `format_map` when `use_map`), checking fields."""
    fmt = _exact(text)
    if format_string_is_plain(fmt):
        return _STR_FORMAT_MAP(text, kwargs) if use_map else _STR_FORMAT(text, *args, **kwargs)
    return _GuardedFormatter(getattr_guard).vformat(fmt, args, kwargs)


def bound_format(text: str, guard: AttrGetter, use_map: bool) -> Any:
    """What `s.format` / `s.format_map` gives a cell: the method with checked field names.
    A closure, so nothing reachable from it leads to the guards."""
    if use_map:
        def format_map(*args: Any, **kwargs: Any) -> str:
            if kwargs or len(args) != 1:
                raise TypeError("format_map() takes exactly one argument")
            return guarded_format(guard, text, (), args[0], True)
        return format_map

    def format(*args: Any, **kwargs: Any) -> str:
        return guarded_format(guard, text, args, kwargs, False)
    return format


def unbound_format(guard: AttrGetter, use_map: bool) -> Any:
    """What `str.format` / `str.format_map` gives a cell."""
    name = "format_map" if use_map else "format"

    def method(text: Any, *args: Any, **kwargs: Any) -> str:
        if not isinstance(text, str):
            raise TypeError(f"descriptor '{name}' for 'str' objects doesn't apply to a "
                            f"'{type(text).__name__}' object")
        result: str = bound_format(text, guard, use_map)(*args, **kwargs)
        return result
    method.__name__ = method.__qualname__ = name
    return method


def _forwarder(func: Any, use_map: bool, bound_to: Any, guard: AttrGetter) -> Any:
    """`collections.UserString.format` calls `self.data.format(...)` natively: check its
    `data` the same way (or go through the guard again when it is not a str)."""
    name = "format_map" if use_map else "format"

    def call(owner: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        data = guard(owner, "data")
        if isinstance(data, str):
            if use_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                return guarded_format(guard, data, (), args[0], True)
            return guarded_format(guard, data, args, kwargs, False)
        return guard(data, name)(*args, **kwargs)

    if bound_to is not None:
        def bound(*args: Any, **kwargs: Any) -> Any:
            return call(bound_to, args, kwargs)
        return bound

    def unbound(owner: Any, *args: Any, **kwargs: Any) -> Any:
        return call(owner, args, kwargs)
    return unbound


def wrap_format(value: Any, guard: AttrGetter) -> Any:
    """Replace the real str.format/format_map (bound or not) in `value`, and Python-level
    forwarders to them; else return it."""
    if value is _STR_FORMAT or value is _STR_FORMAT_MAP:
        return unbound_format(guard, value is _STR_FORMAT_MAP)
    func = value.__func__ if type(value) is MethodType else value
    for forwarder, use_map in _FORWARDERS:
        if func is forwarder:
            return _forwarder(func, use_map, getattr(value, "__self__", None)
                              if type(value) is MethodType else None, guard)
    if type(value) is BuiltinMethodType:
        owner = value.__self__
        if isinstance(owner, str) and value.__name__ in ("format", "format_map"):
            return bound_format(owner, guard, value.__name__ == "format_map")
    return value
