# benign: hand-written context managers for transactions, indentation, suppression and resource pools
class Transaction:
    def __init__(self, store):
        self.store = store
        self.snapshot = None

    def __enter__(self):
        self.snapshot = dict(self.store)
        return self.store

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            self.store.clear()
            self.store.update(self.snapshot)
            print(f"  rolled back because of {exc_type.__name__}: {exc}")
            return True
        print("  committed")
        return False


accounts = {"alice": 100, "bob": 50}


def transfer(src, dst, amount):
    with Transaction(accounts) as acc:
        acc[src] -= amount
        if acc[src] < 0:
            raise ValueError(f"{src} would be overdrawn")
        acc[dst] += amount


transfer("alice", "bob", 30)
print(accounts)
transfer("bob", "alice", 500)
print(accounts)


class Indenter:
    def __init__(self):
        self.level = 0
        self.lines = []

    def __enter__(self):
        self.level += 1
        return self

    def __exit__(self, *exc_info):
        self.level -= 1
        return False

    def write(self, text):
        self.lines.append("    " * self.level + text)


out = Indenter()
out.write("def main():")
with out:
    out.write("for i in range(3):")
    with out:
        out.write("if i % 2:")
        with out:
            out.write("print(i)")
    out.write("return None")
print("\n".join(out.lines))


class suppress_errors:
    def __init__(self, *kinds):
        self.kinds = kinds
        self.caught = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.kinds):
            self.caught = f"{exc_type.__name__}: {exc}"
            return True
        return False


with suppress_errors(KeyError, IndexError) as s:
    [][0]
print("suppressed:", s.caught)
try:
    with suppress_errors(KeyError):
        int("nope")
except ValueError as exc:
    print("not suppressed:", exc)


class Pool:
    def __init__(self, size):
        self.free = [f"conn{i}" for i in range(size)]
        self.events = []

    def acquire(self):
        pool = self

        class Lease:
            def __enter__(self):
                if not pool.free:
                    raise RuntimeError("pool exhausted")
                self.conn = pool.free.pop(0)
                pool.events.append(f"acquire {self.conn}")
                return self.conn

            def __exit__(self, *exc_info):
                pool.free.append(self.conn)
                pool.events.append(f"release {self.conn}")

        return Lease()


pool = Pool(2)
with pool.acquire() as c1, pool.acquire() as c2:
    print("using", c1, "and", c2, "free now:", pool.free)
    try:
        with pool.acquire():
            pass
    except RuntimeError as exc:
        print("error:", exc)
print("free after:", pool.free)
print("events:", pool.events)


class Recorder:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    def __enter__(self):
        self.log.append(f"enter {self.name}")
        return self

    def __exit__(self, exc_type, exc, tb):
        self.log.append(f"exit {self.name} ({exc_type.__name__ if exc_type else 'clean'})")
        return False


log = []
try:
    with Recorder("outer", log), Recorder("middle", log), Recorder("inner", log):
        log.append("body")
        raise KeyError("k")
except KeyError:
    log.append("handled")
print(log)


class Tag:
    def __init__(self, name, out):
        self.name = name
        self.out = out

    def __enter__(self):
        self.out.append(f"<{self.name}>")

    def __exit__(self, *exc_info):
        self.out.append(f"</{self.name}>")


html = []
with Tag("ul", html):
    for item in ("one", "two"):
        with Tag("li", html):
            html.append(item)
print("".join(html))
