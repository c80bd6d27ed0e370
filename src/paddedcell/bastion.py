"""The Python 2 `Bastion` module's API, for porting, built on `paddedcell.Bastion` proxies.

`from paddedcell.bastion import Bastion` replaces `from Bastion import Bastion`. The proxies
are only as strong as the cell that holds them: hand them to a `paddedcell.Cell`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .runtime.bastion import bastion_methods_only, proxy_name

__all__ = ["Bastion", "BastionClass"]


class BastionClass:
    """The old helper class: `BastionClass(get, name)` answers attribute reads with
    `get(name)`. Subclass it and pass it as `bastionclass` to change how the bastion looks.

    Differences from the original: reads are not cached in the instance dict (a filter is
    asked every time), and `get` reads through a `paddedcell.Bastion` proxy, so it can return
    only what that proxy returns.
    """

    def __init__(self, get: Callable[[str], Any], name: str) -> None:
        self._get_ = get
        self._name_ = name

    def __repr__(self) -> str:
        return f"<Bastion for {self._name_}>"

    def __getattr__(self, name: str) -> Any:
        return self._get_(name)


def Bastion(object: Any, filter: Callable[[str], object] = lambda name: name[:1] != "_",
            name: str | None = None, bastionclass: type[Any] | None = None) -> Any:
    """Protect `object`: reading an attribute must be approved by `filter`, a function that
    takes the attribute name and returns true if the attribute may be accessed; if it returns
    false the read raises AttributeError. The default filter denies names starting with '_'.
    Only methods are given out (data attributes raise AttributeError even when the filter
    passes them), as in the original.

    Differences from Python 2's `Bastion.Bastion`:

    - It works: the original raised RuntimeError since Python 2.2 because instances leaked
      their class and bound methods their `im_self`. The result here is a
      `paddedcell.Bastion` proxy, safe only inside a cell.
    - Names starting with '_' (dunders included) are refused whatever the filter says, and
      `filter` is called only for other names (and for `"__call__"`, which decides whether
      the proxy itself may be called; the default filter refuses it).
    - A method comes back as a plain function, not a bound method: it has no `im_self` /
      `__self__` and looks the method up again by name when called.
    - Return values are not handed out as they are: plain data (exact str, int, ..., and
      copies of exact tuples, lists, dicts, sets) passes, any other object comes back in a
      bastion with the same filter. Bastions passed as arguments are unwrapped.
    - Exceptions raised by the methods are rebuilt from plain data (builtin classes) or become
      `paddedcell.BastionError`, so they carry no supervisor objects, frames or chains.
    - `name` defaults to the object's class name, not `repr(object)`: the object's repr is
      never called.
    - `bastionclass` defaults to None, which returns the proxy itself. When given, it is
      called as `bastionclass(get, name)` as before, with a `get(name)` that reads through
      the proxy; the object it builds is the supervisor's and only as tight as its class.
      The old BastionClass, with its instance-dict cache, is not a good base: see
      `BastionClass` here.
    - Copying returns the same bastion; pickling it raises TypeError; setting or deleting its
      attributes raises `paddedcell.AttributeDenied`.
    """
    proxy = bastion_methods_only(object, filter, name)
    if bastionclass is None:
        return proxy

    def get(attribute: str) -> Any:
        # Computed names go through the proxy's own checks, private ones included.
        return getattr(proxy, attribute)
    return bastionclass(get, proxy_name(proxy))
