# benign: lazy generator pipelines with yield from, send(), close() and itertools helpers
from itertools import islice, count, takewhile, chain, tee

CSV = """region,product,units,price
north,widget,10,2.50
south,gadget,3,10.00
# comment line
north,gadget,7,10.00
east,widget,,2.50
west,widget,25,2.40
south,widget,12,2.50
east,gizmo,4,99.99
bad line without enough fields
north,gizmo,1,99.99"""


def read_lines(text):
    for number, line in enumerate(text.splitlines(), 1):
        yield number, line


def skip_comments(lines):
    for number, line in lines:
        if line.strip() and not line.startswith("#"):
            yield number, line


def parse(lines, errors):
    header = None
    for number, line in lines:
        fields = line.split(",")
        if header is None:
            header = fields
            continue
        if len(fields) != len(header):
            errors.append(f"line {number}: expected {len(header)} fields, got {len(fields)}")
            continue
        row = dict(zip(header, fields))
        try:
            row["units"] = int(row["units"])
            row["price"] = float(row["price"])
        except ValueError as exc:
            errors.append(f"line {number}: {exc}")
            continue
        yield row


def with_revenue(rows):
    for row in rows:
        yield {**row, "revenue": round(row["units"] * row["price"], 2)}


errors = []
pipeline = with_revenue(parse(skip_comments(read_lines(CSV)), errors))
print("pipeline is lazy:", type(pipeline).__name__)
rows = list(pipeline)
for r in rows:
    print(f"  {r['region']:<6}{r['product']:<8}{r['units']:>4}{r['revenue']:>9.2f}")
print("errors:", errors)
totals = {}
for r in rows:
    totals[r["region"]] = totals.get(r["region"], 0) + r["revenue"]
print("revenue by region:", {k: round(v, 2) for k, v in sorted(totals.items())})


def primes():
    found = []
    for n in count(2):
        if all(n % p for p in takewhile(lambda p: p * p <= n, found)):
            found.append(n)
            yield n


print("first 12 primes:", list(islice(primes(), 12)))
print("primes below 60:", list(takewhile(lambda p: p < 60, primes())))


def flatten(obj):
    if isinstance(obj, (list, tuple)):
        for item in obj:
            yield from flatten(item)
    else:
        yield obj


print("flatten:", list(flatten([1, [2, [3, (4, 5)], []], [[[6]]], 7])))


def running_average():
    total = 0.0
    n = 0
    average = None
    while True:
        value = yield average
        if value is None:
            break
        total += value
        n += 1
        average = total / n
    return n


avg = running_average()
next(avg)
print("running averages:", [avg.send(v) for v in (10, 20, 60, 10)])
try:
    avg.send(None)
except StopIteration as stop:
    print("coroutine finished after", stop.value, "values")


def delegator():
    result = yield from running_average()
    yield f"inner consumed {result}"


d = delegator()
next(d)
d.send(4)
d.send(8)
print("delegated:", d.send(None))


def resource(name, log):
    log.append(f"open {name}")
    try:
        for i in count():
            yield f"{name}-{i}"
    finally:
        log.append(f"close {name}")


log = []
gen = resource("db", log)
print(next(gen), next(gen))
gen.close()
print("log:", log)

evens = (n for n in range(20) if n % 2 == 0)
squares = (n * n for n in evens)
a, b = tee(squares)
print("tee:", list(islice(a, 4)), sum(b))
print("chained:", list(chain("ab", range(3), (x.upper() for x in "cd"))))
print("sum of cubes 1..100 lazily:", sum(n**3 for n in range(1, 101)))


def window(it, size):
    it = iter(it)
    buf = tuple(islice(it, size))
    if len(buf) == size:
        yield buf
    for x in it:
        buf = buf[1:] + (x,)
        yield buf


print("moving sums:", [sum(w) for w in window([1, 3, 5, 7, 9, 11], 3)])
