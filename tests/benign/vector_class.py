# benign: 2D/3D vector classes with full arithmetic operator overloading, hashing and formatting
import math


class Vector:
    def __init__(self, *components):
        if not components:
            raise ValueError("a vector needs at least one component")
        self._c = tuple(components)

    @classmethod
    def zero(cls, dim):
        return cls(*([0] * dim))

    def _check(self, other):
        if not isinstance(other, Vector):
            return False
        if len(other) != len(self):
            raise ValueError(f"dimension mismatch: {len(self)} vs {len(other)}")
        return True

    def __len__(self):
        return len(self._c)

    def __iter__(self):
        return iter(self._c)

    def __getitem__(self, i):
        return self._c[i]

    def __repr__(self):
        return f"Vector{self._c!r}"

    def __str__(self):
        return "<" + ", ".join(f"{x:g}" for x in self._c) + ">"

    def __format__(self, spec):
        return "<" + ", ".join(format(x, spec) for x in self._c) + ">"

    def __eq__(self, other):
        return isinstance(other, Vector) and self._c == other._c

    def __hash__(self):
        return hash(self._c)

    def __bool__(self):
        return any(self._c)

    def __add__(self, other):
        if not self._check(other):
            return NotImplemented
        return Vector(*(a + b for a, b in zip(self, other)))

    def __sub__(self, other):
        if not self._check(other):
            return NotImplemented
        return Vector(*(a - b for a, b in zip(self, other)))

    def __mul__(self, k):
        if isinstance(k, Vector):
            return self.dot(k)
        if not isinstance(k, (int, float)):
            return NotImplemented
        return Vector(*(a * k for a in self))

    def __rmul__(self, k):
        return self * k

    def __truediv__(self, k):
        return Vector(*(a / k for a in self))

    def __floordiv__(self, k):
        return Vector(*(a // k for a in self))

    def __matmul__(self, other):
        return self.dot(other)

    def __neg__(self):
        return Vector(*(-a for a in self))

    def __pos__(self):
        return Vector(*self)

    def __abs__(self):
        return math.hypot(*self)

    def __round__(self, n=0):
        return Vector(*(round(a, n) for a in self))

    def __iadd__(self, other):
        return self + other

    def dot(self, other):
        self._check(other)
        return sum(a * b for a, b in zip(self, other))

    def cross(self, other):
        if len(self) != 3 or len(other) != 3:
            raise ValueError("cross product needs 3D vectors")
        a1, a2, a3 = self
        b1, b2, b3 = other
        return Vector(a2 * b3 - a3 * b2, a3 * b1 - a1 * b3, a1 * b2 - a2 * b1)

    def normalized(self):
        n = abs(self)
        if n == 0:
            raise ZeroDivisionError("cannot normalise the zero vector")
        return self / n

    def angle_to(self, other):
        return math.degrees(math.acos(self.dot(other) / (abs(self) * abs(other))))


v = Vector(3, 4)
w = Vector(1, -2)
print(repr(v), str(w), len(v))
print("v + w =", v + w, "| v - w =", v - w, "| -v =", -v, "| +v =", +v)
print("2 * v =", 2 * v, "| v * 0.5 =", v * 0.5, "| v / 2 =", v / 2, "| v // 2 =", v // 2)
print("|v| =", abs(v), "| v.w =", v @ w, "| v*w =", v * w)
print("unit v =", f"{v.normalized():.3f}", "| formatted:", f"{Vector(1.23456, 7.5):8.2f}")
print("angle v,w = %.4f degrees" % v.angle_to(w))
print("round:", round(Vector(1.256, 2.749), 1), "| bool:", bool(v), bool(Vector.zero(2)))

a = Vector(1, 0, 0)
b = Vector(0, 1, 0)
print("a x b =", a.cross(b), "| b x a =", b.cross(a), "| a . (a x b) =", a @ a.cross(b))

acc = Vector.zero(3)
for step in (Vector(1, 2, 3), Vector(-1, 0, 1), Vector(0.5, 0.5, 0.5)):
    acc += step
print("accumulated:", acc)

points = {Vector(1, 2), Vector(1, 2), Vector(2, 1)}
print("unique points:", sorted(points, key=tuple))
print("equal:", Vector(1, 2) == Vector(1, 2), "| not equal to tuple:", Vector(1, 2) == (1, 2))
print("unpack:", [*Vector(7, 8, 9)], "| index:", Vector(7, 8, 9)[-1], "| slice:", Vector(7, 8, 9)[1:])
centroid = sum((Vector(0, 0), Vector(4, 0), Vector(4, 3)), Vector.zero(2)) / 3
print("centroid:", f"{centroid:.4f}")

for bad in (lambda: v + Vector(1, 2, 3), lambda: v + 1, lambda: "x" * v, lambda: Vector.zero(2).normalized(),
            lambda: v.cross(w), lambda: Vector()):
    try:
        bad()
    except (ValueError, TypeError, ZeroDivisionError) as exc:
        print(f"{type(exc).__name__}: {exc}")
