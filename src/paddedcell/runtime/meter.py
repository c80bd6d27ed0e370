"""The cell's meter: guards that charge costly operations before they run, and the handler
check that keeps LimitExceeded uncatchable.

One `Meter` per cell; `current` is the budget of the run in progress (or of callbacks the
host makes between runs). Size estimates are deliberately rough: they only need to tell a
few kilobytes from many gigabytes before CPython allocates them.
"""

from __future__ import annotations

import array
import collections
import math
import operator
import re
import sys
from collections.abc import Callable
from typing import Any

from ..errors import MemoryLimitExceeded, RecursionLimitExceeded
from ..rules import WIDE_FORMAT
from .budget import Budget

_SEQUENCES = (str, bytes, bytearray, list, tuple, array.array, collections.deque,
              collections.UserList, collections.UserString)
#: Integer results larger than this are refused: computing them takes too long to interrupt.
MAX_INT_BITS = 1 << 24
#: Sizes below this are never worth estimating.
SMALL = 1 << 16
WIDE = WIDE_FORMAT

_WIDTH = re.compile(r"^(?:.?[<>=^])?[-+ ]?z?#?0?(\d+)")
_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


def _length(seq: Any) -> int:
    """The length as the sequence's own base type counts it: a cell subclass overriding
    `__len__` cannot under-report what the base operation will copy."""
    base: Any
    for base in _SEQUENCES:
        if isinstance(seq, base):
            return int(base.__len__(seq))
    return len(seq)


def _item_size(seq: Any) -> int:
    if isinstance(seq, (str, bytes, bytearray, collections.UserString)):
        return 1
    if isinstance(seq, array.array):
        return int(seq.itemsize)
    return 8


class Meter:
    """Budget guards of one cell."""

    def __init__(self, budget: Budget) -> None:
        self.current = budget

    # -- exceptions ----------------------------------------------------------------------------
    def catchable(self, spec: Any) -> Any:
        """`except .catchable(T):` — T is evaluated while an exception is being matched; a
        LimitExceeded (or any exception once the budget is exhausted) is re-raised instead."""
        budget = self.current
        exc = sys.exc_info()[1]
        if budget.cancelled is not None:
            raise budget.fail()
        # A LimitExceeded while the budget is not exhausted was raised by cell code itself
        # (every real one cancels the budget first): it matches like any other exception,
        # and is never stored, since its arguments may be cell objects.
        if isinstance(exc, RecursionError) and budget.limits.recursion is not None:
            budget.cancel(RecursionLimitExceeded(f"calls nested deeper than the interpreter "
                                                 f"allows (limit {budget.limits.recursion})"))
            raise budget.fail()
        if isinstance(exc, MemoryError) and budget.limits.memory is not None:
            # The address-space backstop (runtime.hardlimit) made an allocation fail.
            budget.cancel(MemoryLimitExceeded("an allocation failed: the cell reached its "
                                              "memory limit"))
            raise budget.fail()
        return spec

    # -- operators -----------------------------------------------------------------------------
    def mul(self, a: Any, b: Any) -> Any:
        self.mul_check(a, b)
        return a * b

    def add(self, a: Any, b: Any) -> Any:
        """`a + b`: concatenation at most doubles memory, but doubling in a loop is
        exponential, faster than the checkpoints between ticks can see."""
        self._concat(a, b)
        return a + b

    def iadd(self, a: Any, b: Any) -> Any:
        self._concat(a, b)
        a += b
        return a

    def _concat(self, a: Any, b: Any) -> None:
        if isinstance(a, _SEQUENCES) and isinstance(b, _SEQUENCES):
            size = (_length(a) + _length(b)) * _item_size(a)
            if size > SMALL:
                self.current.charge_memory(size, "this concatenation")

    def imul(self, a: Any, b: Any) -> Any:
        self.mul_check(a, b)
        a *= b
        return a

    def mul_check(self, a: Any, b: Any) -> None:
        if isinstance(b, int) and isinstance(a, _SEQUENCES):
            self._repeat(a, b)
        elif isinstance(a, int) and isinstance(b, _SEQUENCES):
            self._repeat(b, a)

    def _repeat(self, seq: Any, times: int) -> None:
        if times > 1:
            size = _length(seq) * times * _item_size(seq)
            if size > SMALL:
                self.current.charge_memory(size, "repeating a sequence")

    def pow(self, a: Any, b: Any, mod: Any = None) -> Any:
        if mod is None:
            self.pow_check(a, b)
            return a**b
        return pow(a, b, mod)

    def ipow(self, a: Any, b: Any) -> Any:
        self.pow_check(a, b)
        a **= b
        return a

    def pow_check(self, a: Any, b: Any) -> None:
        if type(a) in (int, bool) and type(b) in (int, bool) and b > 1 and abs(a) > 1:
            bits = a.bit_length() * b
            if bits > MAX_INT_BITS:
                # Computing it would take seconds inside one C call, past any time limit.
                self.current.cancel(MemoryLimitExceeded(
                    f"this power would have about {bits} bits; at most {MAX_INT_BITS} in a cell"))
                raise self.current.fail()
            if bits > SMALL * 8:
                self.current.charge_memory(bits // 8, "this power")

    def lshift(self, a: Any, b: Any) -> Any:
        self.lshift_check(a, b)
        return a << b

    def ilshift(self, a: Any, b: Any) -> Any:
        self.lshift_check(a, b)
        a <<= b
        return a

    def lshift_check(self, a: Any, b: Any) -> None:
        if type(a) in (int, bool) and type(b) in (int, bool) and a and b > SMALL * 8:
            self.current.charge_memory((a.bit_length() + b) // 8, "this shift")

    def mod(self, a: Any, b: Any) -> Any:
        """`template % args` with a template whose widths may be huge."""
        if isinstance(a, (str, bytes)):
            widths = 0
            args = b if isinstance(b, tuple) else (b,)
            stars = iter(x for x in args if type(x) is int)
            text = a if isinstance(a, str) else a.decode("latin-1")
            for m in _PERCENT.finditer(text):
                for group in m.groups():
                    if group == "*":
                        widths += max(0, next(stars, 0))
                    elif group:
                        widths += int(group)
            if widths > WIDE:
                self.current.charge_memory(widths, "this %-format")
        return a % b

    def factor(self, guard: str, value: Any) -> Any:
        """`o.a *= .factor('.imul', v)`: the left side is unknown here, so charge as if it
        were one byte (or bit) large; the checkpoints catch the rest."""
        if guard == ".iadd":
            if isinstance(value, _SEQUENCES) and _length(value) > SMALL:
                self.current.charge_memory(2 * _length(value) * _item_size(value),
                                           "this concatenation")
        elif type(value) in (int, bool) and value > SMALL:
            if guard == ".imul":
                self.current.charge_memory(value, "this repetition")
            elif guard == ".ipow":
                self.current.charge_memory(value // 8, "this power")
            else:
                self.current.charge_memory(value // 8, "this shift")
        return value

    # -- formatting ----------------------------------------------------------------------------
    def format_spec(self, spec: Any) -> None:
        if isinstance(spec, str):
            m = _WIDTH.match(spec)
            if m and len(m.group(1)) > 4 and int(m.group(1)) > WIDE:
                self.current.charge_memory(int(m.group(1)), "this format width")

    def format(self, value: Any, spec: Any = "") -> str:
        """The cell's `format()`."""
        self.format_spec(spec)
        return format(value, spec)

    def fstring(self, value: Any, conversion: int, spec: Any) -> str:
        """`f'{value!c:spec}'` with a computed or very wide spec."""
        if conversion == ord("r"):
            value = repr(value)
        elif conversion == ord("s"):
            value = str(value)
        elif conversion == ord("a"):
            value = ascii(value)
        self.format_spec(spec)
        return format(value, spec)

    # -- sized methods and constructors --------------------------------------------------------
    def sized(self, obj: Any, name: str) -> Any:
        """`.sized(s, 'zfill')`: a str/bytes method whose result size depends on arguments."""
        method = getattr(obj, name)
        charge = self.current.charge_memory
        if name == "to_bytes":
            if not isinstance(obj, int):
                return method

            def to_bytes(length: Any = 1, *args: Any, **kwargs: Any) -> Any:
                if isinstance(length, int) and length > SMALL:
                    charge(length, "int.to_bytes")
                return method(length, *args, **kwargs)
            return to_bytes
        if name in ("extend", "update"):
            if not isinstance(obj, (list, bytearray, dict, set)):
                return method
        elif not isinstance(obj, (str, bytes, bytearray)):
            return method
        unit = 1

        if name in ("zfill", "ljust", "rjust", "center"):
            def padded(width: Any, *args: Any) -> Any:
                if isinstance(width, int) and width > SMALL:
                    charge(width * unit, f"str.{name}")
                return method(width, *args)
            return padded
        if name == "expandtabs":
            def expanded(tabsize: Any = 8) -> Any:
                if isinstance(tabsize, int) and tabsize > 1:
                    size = obj.count("\t" if isinstance(obj, str) else b"\t") * tabsize
                    if size > SMALL:
                        charge(size, "expandtabs")
                return method(tabsize)
            return expanded
        if name == "replace":
            def replaced(old: Any, new: Any, count: Any = -1) -> Any:
                if isinstance(old, type(obj)) and isinstance(new, (str, bytes, bytearray)):
                    grow = len(new) - len(old)
                    if grow > 0:
                        n = obj.count(old) if old else len(obj) + 1
                        if isinstance(count, int) and count >= 0:
                            n = min(n, count)
                        if n * grow > SMALL:
                            charge(len(obj) + n * grow, "replace")
                return method(old, new, count)
            return replaced
        if name in ("extend", "update"):
            def grown(*args: Any, **kwargs: Any) -> Any:
                size = (sum(_hint(a) for a in args) + len(kwargs)) * 8
                if size > SMALL:
                    charge(size + len(obj) * 8, name)
                return method(*args, **kwargs)
            return grown
        if name == "translate":
            def translated(table: Any, *args: Any) -> Any:
                # Each character becomes at most the longest replacement a dict names (a
                # table of another kind is looked up per character by code that ticks).
                if type(table) is dict and table:
                    longest = max((len(v) for v in table.values()
                                   if isinstance(v, (str, bytes))), default=1)
                    if len(obj) * longest > SMALL:
                        charge(len(obj) * longest, "translate")
                return method(table, *args)
            return translated
        if name == "join":
            def joined(iterable: Any) -> Any:
                items = list(iterable)
                size = len(obj) * max(0, len(items) - 1)
                if size > SMALL:
                    charge(size, "join")
                return method(items)
            return joined
        return method

    def call(self, func: Any, *args: Any, **kwargs: Any) -> Any:
        """`.call(f, ...)` at calls of names that may materialise a lot (list, bytes, ...)."""
        estimate = _SIZED_CONSTRUCTORS.get(func) if _hashable(func) else None
        if estimate is not None and args:
            size = estimate(args[0])
            if size > SMALL:
                self.current.charge_memory(size, f"{func.__name__}()")
        return func(*args, **kwargs)


def _hashable(obj: Any) -> bool:
    try:
        hash(obj)
    except TypeError:
        return False
    return True


def _hint(obj: Any) -> int:
    if isinstance(obj, int):
        return 0
    try:
        return operator.length_hint(obj)
    except Exception:
        return 0


def _ints(obj: Any) -> int:
    return obj if type(obj) is int and obj > 0 else 0


#: Callables that materialise their argument, with a size estimate in bytes.
_SIZED_CONSTRUCTORS: dict[Any, Callable[[Any], int]] = {
    list: lambda a: _hint(a) * 40,
    tuple: lambda a: _hint(a) * 40,
    set: lambda a: _hint(a) * 60,
    frozenset: lambda a: _hint(a) * 60,
    sorted: lambda a: _hint(a) * 40,
    bytes: lambda a: _ints(a) or _hint(a),
    bytearray: lambda a: _ints(a) or _hint(a),
}


_NUMBER_TYPES = frozenset({int, float, complex, bool})


def range_items(iterable: Any) -> Any:
    """`.ints`: a comprehension's `range(...)` iterable. The checker counts on its items being
    exact numbers (no type test where they are used): a real range is let through; anything
    else a rebound `range` gave is checked item by item."""
    if type(iterable) is range:
        return iterable
    return map(_number_item, iterable)


def _number_item(item: Any) -> Any:
    if type(item) in _NUMBER_TYPES:
        return item
    raise TypeError(f"'range' gave a {type(item).__name__!r} item: in a cell with limits a "
                    "comprehension over range(...) must yield numbers")


def math_factorial(meter: Meter, real: Any) -> Any:
    def factorial(n: Any) -> Any:
        if type(n) is int and n > 20_000:
            meter.current.charge_memory(int(n * math.log2(n)) // 8, "factorial")
        return real(n)
    return factorial


#: The most characters one character becomes under each normalization form (U+FDFA has an
#: 18-character compatibility decomposition; canonical ones are at most 4 long).
_NORMALIZE_GROWTH = {"NFC": 4, "NFD": 4, "NFKC": 18, "NFKD": 18}


def unicodedata_normalize(meter: Meter, real: Any, is_normalized: Any) -> Any:
    """`normalize` builds its result in one C call, in a buffer of 4-byte characters, up to
    18 times as long as its input: charged unless the input is already normalized (a quick
    scan that allocates nothing). Outside runs no address-space limit backs the meter."""
    def normalize(form: Any, unistr: Any) -> Any:
        if type(form) is str and isinstance(unistr, str):
            growth = _NORMALIZE_GROWTH.get(form)
            size = str.__len__(unistr) * 4 * (growth or 1)
            if growth is not None and size > SMALL and not is_normalized(form, unistr):
                meter.current.charge_memory(size, "unicodedata.normalize")
        return real(form, unistr)
    return normalize


def math_comb_perm(meter: Meter, real: Any) -> Any:
    def counted(n: Any, k: Any = None) -> Any:
        if type(n) is int and n > 20_000:
            kk = n if k is None else min(k, n) if type(k) is int else n
            meter.current.charge_memory(int(kk * math.log2(n)) // 8, real.__name__)
        return real(n) if k is None else real(n, k)
    counted.__name__ = real.__name__
    return counted


def itertools_pools(meter: Meter, real: Any) -> Any:
    """product/permutations/combinations copy their input pools, product `repeat` times."""
    def pooled(*args: Any, **kwargs: Any) -> Any:
        repeat = kwargs.get("repeat", 1)
        size = sum(_hint(a) for a in args) * (repeat if type(repeat) is int else 1) * 8
        if size > SMALL:
            meter.current.charge_memory(size, real.__name__)
        return real(*args, **kwargs)
    pooled.__name__ = real.__name__
    return pooled


#: Unspellable guard name -> the meter's method (see compiler.rewrite).
OPERATOR_GUARDS: dict[str, Callable[[Meter], Any]] = {
    ".mul": lambda m: m.mul, ".imul": lambda m: m.imul, ".pow": lambda m: m.pow,
    ".ipow": lambda m: m.ipow, ".lshift": lambda m: m.lshift, ".ilshift": lambda m: m.ilshift,
    ".mod": lambda m: m.mod, ".add": lambda m: m.add, ".iadd": lambda m: m.iadd,
}

