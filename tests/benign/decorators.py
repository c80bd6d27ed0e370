# benign: decorators with functools.wraps: call counting, retry, validation, registration, caching
from functools import wraps, partial


def count_calls(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return fn(*args, **kwargs)

    wrapper.calls = 0
    return wrapper


def trace(prefix=">>"):
    def decorator(fn):
        depth = 0

        @wraps(fn)
        def wrapper(*args):
            nonlocal depth
            print(f"{'  ' * depth}{prefix} {fn.__name__}{args}")
            depth += 1
            try:
                result = fn(*args)
            finally:
                depth -= 1
            print(f"{'  ' * depth}<< {result}")
            return result

        return wrapper

    return decorator


@count_calls
def greet(name, punctuation="!"):
    """Return a friendly greeting."""
    return f"Hello, {name}{punctuation}"


print(greet("Ada"), greet("Alan", punctuation="?"), greet.calls)
print("metadata kept:", greet.__name__, "-", greet.__doc__)


@trace()
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


fact(4)


class TransientError(Exception):
    pass


def retry(times, exceptions=(Exception,)):
    def decorator(fn):
        @wraps(fn)
        def wrapper(*args, **kwargs):
            last = None
            for attempt in range(1, times + 1):
                try:
                    return fn(*args, **kwargs)
                except exceptions as exc:
                    last = exc
                    print(f"  attempt {attempt} failed: {exc}")
            raise RuntimeError(f"{fn.__name__} failed after {times} attempts") from last

        return wrapper

    return decorator


state = {"n": 0}


@retry(times=4, exceptions=(TransientError,))
def unreliable():
    state["n"] += 1
    if state["n"] < 3:
        raise TransientError(f"glitch #{state['n']}")
    return "stable now"


print(unreliable())


@retry(times=2)
def always_fails():
    raise ValueError("nope")


try:
    always_fails()
except RuntimeError as exc:
    print("gave up:", exc)


def validate(**checks):
    def decorator(fn):
        @wraps(fn)
        def wrapper(**kwargs):
            for name, check in checks.items():
                if name in kwargs and not check(kwargs[name]):
                    raise ValueError(f"{fn.__name__}: invalid {name}={kwargs[name]!r}")
            return fn(**kwargs)

        return wrapper

    return decorator


@validate(age=lambda a: 0 <= a < 150, email=lambda e: "@" in e)
def register_user(name, age, email):
    return f"registered {name} ({age}) <{email}>"


print(register_user(name="Bo", age=31, email="bo@example.com"))
for bad in ({"name": "X", "age": 200, "email": "x@y"}, {"name": "Y", "age": 3, "email": "nope"}):
    try:
        register_user(**bad)
    except ValueError as exc:
        print("validation:", exc)

REGISTRY = {}


def register(kind):
    def decorator(obj):
        REGISTRY.setdefault(kind, []).append(obj.__name__)
        return obj

    return decorator


@register("shape")
class Circle:
    def __init__(self, r):
        self.r = r


@register("shape")
class Square:
    def __init__(self, s):
        self.s = s


@register("util")
def helper():
    return None


print("registry:", REGISTRY)


def memo(fn):
    cache = {}

    @wraps(fn)
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]

    wrapper.cache_size = lambda: len(cache)
    return wrapper


@memo
@count_calls
def stairs(n):
    return 1 if n <= 1 else stairs(n - 1) + stairs(n - 2)


print("stairs(40) =", stairs(40), "| cached entries:", stairs.cache_size())


def run_with_default_kwargs(fn, **defaults):
    return partial(fn, **defaults)


excited = run_with_default_kwargs(greet, punctuation="!!!")
print(excited("Grace"))


class Uppercased:
    def __init__(self, fn):
        self.fn = fn

    def __call__(self, *args):
        return self.fn(*args).upper()


@Uppercased
def shout(text):
    return text + "!"


print(shout("decorated with a class"))


def once(fn):
    done = []

    @wraps(fn)
    def wrapper(*args):
        if not done:
            done.append(fn(*args))
        return done[0]

    return wrapper


@once
def init_config(path):
    print("  loading", path)
    return {"path": path}


print(init_config("a.cfg"), init_config("b.cfg"))
print("stacked names:", [f.__name__ for f in (greet, fact, unreliable, register_user, stairs, init_config)])
