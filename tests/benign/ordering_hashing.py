# benign: rich comparisons with total_ordering, __eq__/__hash__ contracts, sets and dict keys
from functools import total_ordering


@total_ordering
class Version:
    def __init__(self, text):
        parts = text.split(".")
        if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
            raise ValueError(f"bad version {text!r}")
        self.parts = tuple(int(p) for p in parts) + (0,) * (3 - len(parts))

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts

    def __hash__(self):
        return hash(self.parts)

    def __repr__(self):
        return "Version(" + ".".join(map(str, self.parts)) + ")"


vs = [Version(v) for v in ["1.2", "1.10", "1.2.0", "0.9.9", "2", "1.2.1"]]
print("sorted:", sorted(vs))
print("unique:", sorted(set(vs)))
print("1.2 == 1.2.0:", Version("1.2") == Version("1.2.0"), "| <=:", Version("1.2") <= Version("1.2.0"))
print(">", Version("1.10") > Version("1.9"), "| >=", Version("2") >= Version("1.99.99"), "| !=", Version("1") != Version("1.0.1"))
print("max/min:", max(vs), min(vs))
print("compare with str:", Version("1.0") == "1.0")
try:
    Version("1") < "2"
except TypeError:
    print("ordering against str raises TypeError")
try:
    Version("1.x")
except ValueError as exc:
    print(exc)
releases = {Version("1.0"): "first", Version("1.0.0"): "dup key replaces", Version("2.0"): "second"}
print("dict keys:", list(releases.items()))


class Card:
    RANKS = "23456789TJQKA"

    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit

    def __eq__(self, other):
        return isinstance(other, Card) and (self.rank, self.suit) == (other.rank, other.suit)

    def __hash__(self):
        return hash((self.rank, self.suit))

    def __lt__(self, other):
        return self.RANKS.index(self.rank) < self.RANKS.index(other.rank)

    def __repr__(self):
        return self.rank + self.suit


hand = [Card("K", "h"), Card("2", "s"), Card("A", "d"), Card("K", "h"), Card("9", "c")]
print("hand sorted:", sorted(hand), "| distinct:", len(set(hand)), "| count Kh:", hand.count(Card("K", "h")))
print("in hand:", Card("A", "d") in hand, Card("A", "s") in hand)


class Mutable:
    __hash__ = None

    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, Mutable) and self.v == other.v


try:
    {Mutable(1)}
except TypeError as exc:
    print("unhashable:", exc)
print("but comparable:", Mutable(1) == Mutable(1), Mutable(1) != Mutable(2))


class CaseInsensitive:
    def __init__(self, s):
        self.s = s

    def __eq__(self, other):
        if isinstance(other, str):
            other = CaseInsensitive(other)
        return isinstance(other, CaseInsensitive) and self.s.casefold() == other.s.casefold()

    def __hash__(self):
        return hash(self.s.casefold())

    def __repr__(self):
        return f"CI({self.s!r})"


tags = {CaseInsensitive("Python"), CaseInsensitive("PYTHON"), CaseInsensitive("Rust")}
print("case-insensitive set size:", len(tags), "| == str:", CaseInsensitive("HeLLo") == "hello")


@total_ordering
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __eq__(self, other):
        return self.cents == other.cents

    def __lt__(self, other):
        return self.cents < other.cents

    def __hash__(self):
        return hash(self.cents)

    def __repr__(self):
        return f"${self.cents / 100:.2f}"


prices = [Money(1999), Money(500), Money(12000), Money(500)]
print("prices:", sorted(prices), "| cheapest:", min(prices), "| distinct:", len(set(prices)))
print("chained:", Money(100) < Money(200) <= Money(200) < Money(300), Money(5) > Money(5))
print("tuple comparisons:", (1, "b") < (1, "c"), [1, 2] < [1, 2, 0], "abc" < "abd" < "b")
print("hash equality for equal numbers:", hash(1) == hash(1.0) == hash(True), 1 == 1.0 == True)
print("dict merges equal keys:", {1: "int", 1.0: "float", True: "bool"})
