# benign: closures, nonlocal state, function factories, late binding and global counters
def make_counter(start=0, step=1):
    count = start

    def increment():
        nonlocal count
        count += step
        return count

    def reset():
        nonlocal count
        count = start

    increment.reset = reset
    return increment


c1 = make_counter()
c2 = make_counter(100, -10)
print([c1() for _ in range(3)], [c2() for _ in range(3)])
c1.reset()
print("after reset:", c1(), "| independent:", c2())


def make_accumulator():
    history = []

    def add(x):
        history.append(x)
        return sum(history)

    def undo():
        if history:
            history.pop()
        return sum(history)

    return add, undo, lambda: tuple(history)


add, undo, hist = make_accumulator()
for x in (5, 10, -3):
    print("add", x, "->", add(x))
print("undo ->", undo(), "| history:", hist())


def multipliers_late():
    return [lambda x: x * i for i in range(4)]


def multipliers_bound():
    return [lambda x, i=i: x * i for i in range(4)]


print("late binding:", [f(10) for f in multipliers_late()])
print("default-arg binding:", [f(10) for f in multipliers_bound()])


def compose(*funcs):
    def composed(x):
        for f in reversed(funcs):
            x = f(x)
        return x

    return composed


inc = lambda x: x + 1
dbl = lambda x: x * 2
sq = lambda x: x * x
print("compose(sq, dbl, inc)(3) =", compose(sq, dbl, inc)(3), "| compose(inc, sq)(3) =", compose(inc, sq)(3))


def curry(f, arity):
    def collect(*args):
        if len(args) >= arity:
            return f(*args[:arity])
        return lambda *more: collect(*args, *more)

    return collect


vol = curry(lambda l, w, h: l * w * h, 3)
print("curried:", vol(2)(3)(4), vol(2, 3)(4), vol(2)(3, 4), vol(2, 3, 4))

calls = 0


def tracked(x):
    global calls
    calls += 1
    return x * x


print("tracked squares:", [tracked(n) for n in range(5)], "calls:", calls)


def rate_limiter(limit):
    used = {}

    def allow(user):
        used[user] = used.get(user, 0) + 1
        return used[user] <= limit

    return allow


allow = rate_limiter(2)
print("rate limiter:", [(u, allow(u)) for u in ["ann", "bob", "ann", "ann", "bob", "cy", "bob"]])


def fibonacci_gen_factory():
    a, b = 0, 1

    def next_fib():
        nonlocal a, b
        value = a
        a, b = b, a + b
        return value

    return next_fib


nf = fibonacci_gen_factory()
print("fibs:", [nf() for _ in range(15)])


def outer():
    x = "outer"

    def middle():
        x = "middle"

        def inner():
            nonlocal x
            x = "changed by inner"
            return x

        inner()
        return x

    return middle(), x


print("scopes:", outer())


def make_validators():
    rules = {}

    def rule(name):
        def register(fn):
            rules[name] = fn
            return fn

        return register

    @rule("positive")
    def _positive(v):
        return v > 0

    @rule("even")
    def _even(v):
        return v % 2 == 0

    @rule("small")
    def _small(v):
        return abs(v) < 100

    def check(v):
        return [name for name, fn in rules.items() if not fn(v)]

    return check


check = make_validators()
for v in (4, -3, 150, 7):
    print(f"value {v}: failed {check(v)}")

counter_fn = make_counter(1, 1)
print("function names:", counter_fn.__name__, counter_fn.reset.__name__, counter_fn.__qualname__)
