"""Benchmark workloads: plain Python programs run unchanged by every system.

Each workload is source text that does its work at module level and stores a checksum in
`result`, so the three systems can be checked to compute the same thing.
"""

from __future__ import annotations

RUNTIME: dict[str, str] = {
    "attribute-heavy": """
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def dot(self, other):
        return self.x * other.x + self.y * other.y
    def scaled(self, k):
        return Point(self.x * k, self.y * k)
class Path:
    def __init__(self):
        self.points = []
        self.length = 0
    def add(self, p):
        self.points.append(p)
        self.length = self.length + 1
total = 0
path = Path()
for i in range(20000):
    p = Point(i, i + 1).scaled(2)
    path.add(p)
    total += p.dot(path.points[0]) + p.x - p.y + path.length
result = total
""",
    # Attribute reads and method calls on the objects any program has (str, list, dict,
    # complex), within what RestrictedPython can run (no class of its own, ranges under 1,000),
    # for the "at most half of RestrictedPython's ratio" target on attribute-heavy code.
    "method-calls": """
words = ["alpha", " beta", "gamma ", "delta"]
counts = {}
parts = []
total = 0
for rep in range(40):
    for i in range(500):
        w = words[i % 4].strip()
        key = w.upper()
        counts[key] = counts.get(key, 0) + 1
        z = complex(i, rep)
        total = total + int(z.real) - int(z.imag) + len(w)
        if w.startswith("g") or w.endswith("a"):
            parts.append(key.lower())
    parts.sort()
result = total + len(counts) + len(parts) + len(" ".join(parts).split())
""",
    "numeric-loop": """
total = 0
for i in range(200000):
    total = (total + i * i) % 1000003
result = total
""",
    "comprehensions": """
rows = [[(i * j) % 17 for j in range(60)] for i in range(300)]
flat = [v for row in rows for v in row if v % 2]
squares = {v: v * v for v in flat}
result = sum(flat) + len(squares) + sum(sum(r) for r in rows)
""",
    "string-formatting": """
parts = []
for i in range(20000):
    parts.append(f"{i:>6}|{i * 1.5:.2f}|" + "{}-{}".format(i, i % 7) + "%05d" % i)
result = len("".join(parts))
""",
    "subscripts": """
data = list(range(1000))
table = {}
total = 0
for i in range(100000):
    k = i % 1000
    table[k] = data[k] + data[(k * 7) % 1000]
    total += table[k]
result = total
""",
    "tuple-unpacking": """
pairs = [(i, i * 2) for i in range(1000)]
total = 0
for _ in range(100):
    for a, b in pairs:
        total += a - b
result = total
""",
    "augmented-assignment": """
class Counter:
    def __init__(self):
        self.n = 0
        self.items = [0] * 10
c = Counter()
d = {"k": 0}
for i in range(50000):
    c.n += 1
    c.items[i % 10] += i
    d["k"] += 2
result = c.n + sum(c.items) + d["k"]
""",
    "recursion": """
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
result = fib(22)
""",
    "class-creation": """
total = 0
for i in range(2000):
    class Shape:
        sides = i
        def area(self):
            return self.sides * 2
    total += Shape().area()
result = total
""",
    "exceptions": """
class AppError(Exception):
    pass
caught = 0
for i in range(30000):
    try:
        if i % 3 == 0:
            raise AppError("bad")
        raise KeyError(i)
    except AppError:
        caught += 1
    except KeyError:
        caught += 2
result = caught
""",
}


def plugin_module(lines: int) -> str:
    """Plugin-like source of about `lines` lines: classes, functions, loops, attribute calls."""
    unit = '''
class Handler{n}:
    def __init__(self, config):
        self.config = config
        self.cache = {{}}
    def handle(self, event):
        key = event.get("key", "")
        if key in self.cache:
            return self.cache[key]
        value = [item.strip().lower() for item in key.split(",") if item]
        self.cache[key] = value
        return value
def helper{n}(items, factor=2):
    total = 0
    for i, item in enumerate(items):
        total += len(str(item)) * factor + i
    return {{"total": total, "name": "helper{n}"}}
'''
    count = max(1, lines // unit.count("\n"))
    return "".join(unit.format(n=n) for n in range(count))
