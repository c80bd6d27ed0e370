"""Library state shared with the host that a cell reaches through granted modules.

Some stdlib caches are keyed by values the caller passes. A cell's value can be an instance of
its own subclass of `str` or `int`, whose hash and equality are cell code, and a cache would
keep it for the host to find later:

- `_strptime._regex_cache` (behind `time.strptime` and `datetime.strptime`), keyed by the
  format: a `str` subclass that hashes and compares like another format answered the host's
  later `strptime` calls with the cell's pattern. Its keys are now exact `str` only; any other
  format is compiled for the call and not cached (what C would parse is the same string).
- A `Flag` class's `_value2member_map_`: calling the class with an `int` subclass stored a
  pseudo-member whose value was the cell's object, which the host's own `re.I | re.M` then
  returned. Every combination of a small Flag's bits is made once, with exact ints, before a
  cell can call it, so the host's lookups find those first.
- `re`'s replacement-template cache (`_compile_repl` on 3.11, `_compile_template` on 3.12+, an
  `lru_cache` behind every `re.sub`/`subn` and `Pattern.sub`/`subn` whose template holds a
  backslash), keyed by the template: a `str` subclass that hashes and compares like the
  template `\\1` answered the host's later `re.sub(p, '\\1', s)` with the cell's parsed
  template (and ran the cell's `__eq__` in the host). Only exact `str`/`bytes` templates
  are cached now; any other is parsed for the call alone.

These changes keep the host's behaviour for ordinary arguments. The strptime and re caches
are fixed when paddedcell is imported (a cell can reach `strptime` through any date or time
object a supervisor passes in, and `Pattern.sub` through any pattern); a Flag class when a
module view or the cell's `type()` first hands it out. On 3.12+ C code keeps its own
reference to `re._compile_template` once it has used it, so the re fix holds only if
paddedcell is imported before the process's first `re.sub` with a backslash template.
"""

from __future__ import annotations

import enum
import importlib
import threading
from typing import Any

#: A Flag with at most this many bits gets every combination made in advance (4,096 members).
MAX_FLAG_BITS = 12

_lock = threading.Lock()
_hardened_flags: set[type] = set()
_strptime_done = False


class ExactStrKeys(dict):  # type: ignore[type-arg]
    """A cache dict that neither finds nor keeps a key that is not an exact `str`."""

    __slots__ = ()

    def get(self, key: Any, default: Any = None) -> Any:
        if type(key) is not str:
            return default
        return dict.get(self, key, default)

    def __setitem__(self, key: Any, value: Any) -> None:
        if type(key) is str:
            dict.__setitem__(self, key, value)


def harden_strptime() -> None:
    """Make `_strptime`'s regex cache keep exact `str` formats only (idempotent)."""
    global _strptime_done
    if _strptime_done:
        return
    _strptime: Any = importlib.import_module("_strptime")  # (no type stubs)
    with _strptime._cache_lock, _lock:
        cache = _strptime._regex_cache
        if type(cache) is not ExactStrKeys:
            _strptime._regex_cache = ExactStrKeys(
                {k: v for k, v in cache.items() if type(k) is str})
        _strptime_done = True


def harden_re_templates() -> None:
    """Make `re`'s replacement-template cache keep exact `str`/`bytes` templates only
    (idempotent). C code finds the function by name in the `re` module at call time (3.11's
    `_subx` looks up `_compile_repl` as a global), and `re.purge` calls its `cache_clear`."""
    re_module: Any = importlib.import_module("re")
    name, repl_at = (("_compile_template", 1) if hasattr(re_module, "_compile_template")
                     else ("_compile_repl", 0))
    cached = getattr(re_module, name, None)
    uncached = getattr(cached, "__wrapped__", None)
    if cached is None or uncached is None or getattr(cached, "_exact_keys", False):
        return

    def compile_template(*args: Any) -> Any:
        if type(args[repl_at]) in (str, bytes):
            return cached(*args)
        return uncached(*args)  # a subclass: hash and equality may be the cell's code

    compile_template.__name__ = compile_template.__qualname__ = name
    compile_template.__doc__ = cached.__doc__
    compile_template.__wrapped__ = uncached  # type: ignore[attr-defined]
    compile_template.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    compile_template.cache_info = cached.cache_info  # type: ignore[attr-defined]
    compile_template._exact_keys = True  # type: ignore[attr-defined]
    with _lock:
        setattr(re_module, name, compile_template)


def harden_flag(cls: Any) -> None:
    """Make every member of a small library Flag class before a cell can call it."""
    if not (isinstance(cls, type) and issubclass(cls, enum.Flag)) or cls in _hardened_flags:
        return
    with _lock:
        if cls in _hardened_flags:
            return
        mask = 0
        for member in cls.__members__.values():
            value = member._value_
            if type(value) is int and value >= 0:
                mask |= value
        bits = [1 << i for i in range(mask.bit_length()) if mask >> i & 1]
        if len(bits) <= MAX_FLAG_BITS:
            for combination in range(1 << len(bits)):
                value = sum(bit for i, bit in enumerate(bits) if combination >> i & 1)
                try:
                    cls(value)
                except (ValueError, TypeError):
                    pass  # a boundary that refuses the combination: nothing is stored either
        _hardened_flags.add(cls)


def harden_value(value: Any) -> None:
    """Called for each value a module view hands out, and for classes `type()` hands out."""
    if isinstance(value, enum.Flag):
        harden_flag(type(value))
    elif isinstance(value, type) and issubclass(value, enum.Flag):
        harden_flag(value)


harden_strptime()
harden_re_templates()
