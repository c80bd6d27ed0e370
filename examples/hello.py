# A small untrusted program: classes, generators, f-strings, imports of granted modules.
import json
import math
from collections import Counter


class Shape:
    def __init__(self, name, sides):
        self.name = name
        self._sides = sides

    def describe(self):
        return f"{self.name} with {self._sides} sides"


def areas(radii):
    for r in radii:
        yield round(math.pi * r**2, 2)


shapes = [Shape("triangle", 3), Shape("square", 4)]
for s in shapes:
    print(s.describe())
print("areas:", list(areas([1, 2, 3])))
print(json.dumps(Counter("padded cell").most_common(3)))

try:
    import os
except ImportError as exc:
    print("denied:", exc)

try:
    print(getattr(tuple, "__ba" + "ses__"))
except AttributeError as exc:
    print("denied:", exc)
