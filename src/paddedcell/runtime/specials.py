"""Module attributes that a cell gets in a cell-aware form instead of the real object.

Each factory takes the real module and returns what the view holds. They close over the cell's
guards (ownership) and stdout, so they are built per cell.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import IO, Any

from ..rules import is_dunder
from .guards import Guards

Factory = Callable[[types.ModuleType], Any]


def cell_specials(guards: Guards, stdout: Callable[[], IO[str]]) -> dict[tuple[str, str], Factory]:
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
                result = real.dataclass(target, **kwargs)
                guards.owned_types.add(result)  # slots=True makes a new class from the cell's
                return result
            return wrap if cls is None else wrap(cls)
        return dataclass

    def dataclass_reader(name: str) -> Factory:
        # asdict/astuple read every field natively, `_private` ones included: only for
        # objects the cell owns, or whose fields are all public.
        def make(real: types.ModuleType) -> Any:
            target = getattr(real, name)

            def reader(obj: Any, *args: Any, **kwargs: Any) -> Any:
                if not guards.owns(obj) and real.is_dataclass(obj) and any(
                        f.name.startswith("_") for f in real.fields(obj)):
                    guards.deny_op(f"{name}() of an object the cell does not own reads its "
                                   "private fields")
                return target(obj, *args, **kwargs)
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
                flags = kwargs.get("flags", args[flags_at] if len(args) > flags_at else 0)
                if isinstance(flags, int) and flags & debug:
                    guards.deny_op("re.DEBUG is not available in a cell")
                return target(*args, **kwargs)
            checked.__name__ = checked.__qualname__ = name
            checked.__doc__ = target.__doc__
            return checked
        return make

    re_flags_position = {"compile": 1, "search": 2, "match": 2, "fullmatch": 2, "split": 3,
                         "findall": 2, "finditer": 2, "sub": 4, "subn": 4}
    return {
        **{("re", n): re_factory(n, i) for n, i in re_flags_position.items()},
        ("functools", "total_ordering"): total_ordering_factory,
        ("functools", "wraps"): lambda real: wraps,
        ("functools", "update_wrapper"): lambda real: update_wrapper,
        ("dataclasses", "dataclass"): dataclass_factory,
        ("dataclasses", "asdict"): dataclass_reader("asdict"),
        ("dataclasses", "astuple"): dataclass_reader("astuple"),
        ("pprint", "pprint"): pprint_factory("pprint"),
        ("pprint", "pp"): pprint_factory("pp"),
    }
