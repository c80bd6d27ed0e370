# benign: memoisation with functools.lru_cache/cache and a hand-written LRU cache on OrderedDict
from collections import OrderedDict
from functools import lru_cache, cache


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print("fib(90) =", fib(90))
info = fib.cache_info()
print(f"hits={info.hits} misses={info.misses} maxsize={info.maxsize} currsize={info.currsize}")
fib.cache_clear()
print("after clear:", fib.cache_info().currsize)


@cache
def binomial(n, k):
    if k == 0 or k == n:
        return 1
    return binomial(n - 1, k - 1) + binomial(n - 1, k)


print("C(60, 30) via cached Pascal recursion:", binomial(60, 30))
print("row 10:", [binomial(10, k) for k in range(11)])
print("cache entries:", binomial.cache_info().currsize)

calls = []


@lru_cache(maxsize=3)
def slow_square(x):
    calls.append(x)
    return x * x


for x in [1, 2, 3, 1, 4, 2, 5, 1, 1]:
    slow_square(x)
print("computed for:", calls)
print("small cache info:", tuple(slow_square.cache_info()))


@lru_cache(maxsize=32, typed=True)
def kind(x):
    return type(x).__name__


print([kind(v) for v in (1, 1.0, True, 1)], kind.cache_info().misses)


class LRUCache:
    def __init__(self, capacity):
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self.capacity = capacity
        self._data = OrderedDict()
        self.hits = self.misses = self.evictions = 0

    def get(self, key, default=None):
        if key in self._data:
            self._data.move_to_end(key)
            self.hits += 1
            return self._data[key]
        self.misses += 1
        return default

    def put(self, key, value):
        if key in self._data:
            self._data.move_to_end(key)
        self._data[key] = value
        if len(self._data) > self.capacity:
            old, _ = self._data.popitem(last=False)
            self.evictions += 1
            return old
        return None

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def __repr__(self):
        items = ", ".join(f"{k}={v}" for k, v in self._data.items())
        return f"LRUCache([{items}] cap={self.capacity})"


c = LRUCache(3)
for op in ["put a 1", "put b 2", "get a", "put c 3", "put d 4", "get b", "get c", "put a 10", "put e 5", "get d"]:
    parts = op.split()
    if parts[0] == "put":
        evicted = c.put(parts[1], int(parts[2]))
        print(f"{op:<10} evicted={evicted} -> {c!r}")
    else:
        print(f"{op:<10} -> {c.get(parts[1])}")
print(f"hits={c.hits} misses={c.misses} evictions={c.evictions} size={len(c)} 'a' in cache: {'a' in c}")
try:
    LRUCache(0)
except ValueError as exc:
    print("error:", exc)


def memoize(fn):
    memo = {}

    def wrapper(*args):
        if args not in memo:
            memo[args] = fn(*args)
        return memo[args]

    wrapper.memo = memo
    return wrapper


@memoize
def grid_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return grid_paths(r - 1, c) + grid_paths(r, c - 1)


print("grid paths 16x16:", grid_paths(16, 16), "memo entries:", len(grid_paths.memo))
