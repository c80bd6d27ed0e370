# benign: custom iterator and container classes implementing the iteration and sequence protocols
class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


print("countdown:", list(Countdown(5)))
cd = Countdown(3)
print("manual next:", next(cd), next(cd), next(cd), next(cd, "done"))


class Span:
    """A reusable range-like sequence of floats."""

    def __init__(self, start, stop, step=1.0):
        if step == 0:
            raise ValueError("step must not be zero")
        self.start, self.stop, self.step = start, stop, step

    def __len__(self):
        n = int((self.stop - self.start) / self.step)
        while self.start + n * self.step < self.stop if self.step > 0 else self.start + n * self.step > self.stop:
            n += 1
        return max(n, 0)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("Span index out of range")
        return round(self.start + i * self.step, 10)

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __reversed__(self):
        for i in reversed(range(len(self))):
            yield self[i]

    def __contains__(self, x):
        return any(abs(x - v) < 1e-9 for v in self)

    def __repr__(self):
        return f"Span({self.start}, {self.stop}, {self.step})"


s = Span(0, 1, 0.25)
print(s, "len", len(s), "items", list(s), "reversed", list(reversed(s)))
print("indexing:", s[0], s[-1], s[1:3], "| contains 0.5:", 0.5 in s, "| contains 0.3:", 0.3 in s)
print("descending:", list(Span(3, 0, -1)), "| empty:", list(Span(1, 1)))
try:
    s[10]
except IndexError as exc:
    print("IndexError:", exc)


class Fib:
    def __init__(self, limit):
        self.limit = limit

    def __iter__(self):
        a, b = 0, 1
        while a <= self.limit:
            yield a
            a, b = b, a + b


fib = Fib(100)
print("fib twice (re-iterable):", list(fib) == list(fib), list(fib))
print("sum/max via builtins:", sum(fib), max(fib), sorted(fib, reverse=True)[:3])
print("zip/enumerate:", list(zip(fib, "abcdef")), list(enumerate(Fib(5), start=1)))


class Matrix2D:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]

    def __getitem__(self, pos):
        r, c = pos
        return self.rows[r][c]

    def __setitem__(self, pos, value):
        r, c = pos
        self.rows[r][c] = value

    def __delitem__(self, r):
        del self.rows[r]

    def __iter__(self):
        for row in self.rows:
            yield from row

    def __len__(self):
        return sum(len(r) for r in self.rows)

    def __repr__(self):
        return f"Matrix2D({self.rows})"


m = Matrix2D([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
m[1, 1] = 50
del m[0]
print(m, "len", len(m), "flat", list(m), "m[0, 2] =", m[0, 2])


class OldStyleSequence:
    def __init__(self, word):
        self.word = word

    def __getitem__(self, i):
        return self.word[i].upper()


print("legacy __getitem__ iteration:", list(OldStyleSequence("iter")), "A" in OldStyleSequence("ab"), "a" in OldStyleSequence("ab"))


class Peekable:
    def __init__(self, iterable):
        self._it = iter(iterable)
        self._buffer = []

    def __iter__(self):
        return self

    def __next__(self):
        if self._buffer:
            return self._buffer.pop()
        return next(self._it)

    def peek(self, default=None):
        if not self._buffer:
            try:
                self._buffer.append(next(self._it))
            except StopIteration:
                return default
        return self._buffer[-1]


p = Peekable("abc")
print("peek/next:", p.peek(), next(p), p.peek(), p.peek(), next(p), next(p), p.peek("END"))


def group_runs(values):
    it = Peekable(values)
    out = []
    for v in it:
        run = [v]
        while it.peek() == v:
            run.append(next(it))
        out.append(run)
    return out


print("runs:", group_runs([1, 1, 2, 3, 3, 3, 1]))
it = iter([10, 20, 30])
print("iter() on iterator returns itself:", iter(it) is it, "| list after one next:", (next(it), list(it)))
ticker = Countdown(6)
print("sentinel iter:", list(iter(lambda: next(ticker), 2)))
print("docstring:", Span.__doc__)
