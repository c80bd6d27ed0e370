# benign: JSON serialisation round trip with custom encoding hooks and error handling
import json
from decimal import Decimal
from datetime import date


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


def encode(obj):
    if isinstance(obj, Point):
        return {"$type": "Point", "x": obj.x, "y": obj.y}
    if isinstance(obj, date):
        return {"$type": "date", "iso": obj.isoformat()}
    if isinstance(obj, Decimal):
        return {"$type": "Decimal", "value": str(obj)}
    if isinstance(obj, (set, frozenset)):
        return {"$type": "set", "items": sorted(obj)}
    raise TypeError(f"cannot encode {type(obj).__name__}")


def decode(d):
    kind = d.get("$type")
    if kind == "Point":
        return Point(d["x"], d["y"])
    if kind == "date":
        return date.fromisoformat(d["iso"])
    if kind == "Decimal":
        return Decimal(d["value"])
    if kind == "set":
        return set(d["items"])
    return d


record = {
    "name": "survey-42",
    "created": date(2023, 11, 5),
    "budget": Decimal("1234.50"),
    "tags": {"geo", "field", "alpha"},
    "points": [Point(0, 0), Point(3, 4), Point(-1, 2)],
    "meta": {"version": 3, "ok": True, "note": None, "ratio": 0.25, "unicode": "caf\u00e9 \u2713"},
}

text = json.dumps(record, default=encode, sort_keys=True, indent=2)
print(text)
back = json.loads(text, object_hook=decode)
print("round trip equal:", back == record)
print("types:", {k: type(v).__name__ for k, v in sorted(back.items())})

compact = json.dumps(record["meta"], separators=(",", ":"), sort_keys=True)
print("compact:", compact)
print("ascii off:", json.dumps(record["meta"]["unicode"], ensure_ascii=False))
print("ascii on:", json.dumps(record["meta"]["unicode"]))

pairs = json.loads('{"b": 1, "a": 2, "b": 3}', object_pairs_hook=lambda kv: kv)
print("duplicate keys seen:", pairs)
print("parse_float:", json.loads("[1.10, 2.5]", parse_float=Decimal))
print("big int:", json.loads("123456789012345678901234567890") + 1)

for bad in ['{"a": 1', "[1, 2,, 3]", "", '{"x": tru}', "nul"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as exc:
        print(f"bad {bad!r}: {exc.msg} at line {exc.lineno} col {exc.colno}")

try:
    json.dumps({"when": object()}, default=encode)
except TypeError as exc:
    print("encode error:", exc)

try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as exc:
    print("nan error:", type(exc).__name__, "| mentions compliance:", "not JSON compliant" in str(exc))

rows = [{"id": i, "square": i * i, "even": i % 2 == 0} for i in range(5)]
lines = "\n".join(json.dumps(r, sort_keys=True) for r in rows)
print(lines)
total = sum(json.loads(line)["square"] for line in lines.splitlines())
print("sum of squares from JSON lines:", total)
