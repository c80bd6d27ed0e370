# benign: numeric semantics: chained comparisons, floor division, rounding, float repr and math helpers
import math

x = 7
print("chained:", 1 < x < 10, 1 < x > 5, 0 <= x <= 6, 1 == 1.0 < 2, 3 > 2 > 1 > 0)
a, b, c = 3, 3, 4
print("equalities:", a == b == 3, a == b != c, a is not None is not False)
print("floor division:", 7 // 2, -7 // 2, 7 // -2, -7 // -2, 7.5 // 2)
print("modulo sign:", 7 % 3, -7 % 3, 7 % -3, -7 % -3, 5.5 % 2)
print("divmod:", divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
print("fmod vs %:", math.fmod(-7, 3), -7 % 3, "| remainder:", math.remainder(7, 4))
print("true division:", 7 / 2, 1 / 3, 2 / 3, 10 / 5)
print("banker's rounding:", [round(v) for v in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5)])
print("round digits:", round(2.675, 2), round(1234.5678, -2), round(-1234.5678, 1), round(5, -1), round(15, -1))
print("trunc/floor/ceil:", [(math.trunc(v), math.floor(v), math.ceil(v)) for v in (2.7, -2.7, 3.0)])
print("int():", int(3.99), int(-3.99), int("  -12 "), int("0b101", 2), int("ff", 16), int(True))
print("float():", float("1e-3"), float(" 2.5 "), float("inf"), float("-inf"), float(7))
nan = float("nan")
print("nan:", nan == nan, nan != nan, math.isnan(nan), nan in [nan], sorted([3, 1, 2]) == [1, 2, 3])
print("inf:", math.inf > 10**308, -math.inf < -(10**308), math.inf - math.inf != 0, math.isinf(1e308 * 10))
print("float repr:", 0.1 + 0.2, 1 / 3, 1e16, 1e-7, 123456789.0 * 10, 2.0**0.5, -0.0)
print("float facts:", 0.1 + 0.2 == 0.3, math.isclose(0.1 + 0.2, 0.3), abs(0.1 + 0.2 - 0.3) < 1e-15)
naive = 0.0
for _ in range(10):
    naive += 0.1
print("naive loop vs fsum:", naive, math.fsum([0.1] * 10))
print("hex float:", (0.5).hex(), float.fromhex("0x1.8p1"), (1.5).as_integer_ratio(), (3.0).is_integer())
print("max float:", 1.7976931348623157e308 * 1.0, "| eps:", 2.220446049250313e-16 + 1 > 1)
print("int limits: none;", 2**200 + 1 - 2**200, (10**30) * (10**30) == 10**60)
print("bool arithmetic:", True + True, True * 10, sum([True, False, True]), -True)
print("abs:", abs(-5), abs(-5.5), abs(3 + 4j), abs(-0.0))
print("pow:", pow(2, 10), pow(2, -1), pow(2.0, 0.5), pow(-8, 1 / 3).real > 0, 0**0, pow(3, 4, 5), (-2) ** 2, -(2**2))
print("min/max:", min(3, 1, 2), max([1, 5, 3]), min("b", "a"), max([], default=None), min((2, "b"), (2, "a")))
print("sum with start:", sum([1, 2, 3], 10), sum([[1], [2]], []), sum(x * x for x in range(4)))
print("math:", math.sqrt(16), round(math.cbrt(27.0), 12), math.exp(0), math.log(math.e), math.log10(1000), math.log2(1024), math.log(8, 2))
print("trig:", round(math.sin(math.pi / 6), 12), round(math.cos(math.pi), 12), round(math.degrees(math.atan2(1, 1)), 12))
print("hypot/dist:", math.hypot(3, 4), math.hypot(1, 2, 2), math.dist((0, 0), (6, 8)))
print("prod/comb:", math.prod([1, 2, 3, 4]), math.prod([]), math.comb(5, 2), math.perm(5, 2), math.factorial(10))
print("gcd/lcm:", math.gcd(48, 180), math.gcd(0, 5), math.gcd(), math.lcm(4, 6, 10))
print("copysign/nextafter:", math.copysign(3, -0.0), math.nextafter(1.0, 2.0) > 1.0, math.ulp(1.0) == 2**-52)
print("modf/frexp/ldexp:", math.modf(3.75), math.frexp(12.0), math.ldexp(0.75, 4))
print("isqrt/isfinite:", math.isqrt(99), math.isfinite(1e308), math.isfinite(math.inf))
for bad in (lambda: math.sqrt(-1), lambda: math.log(0), lambda: 1 / 0, lambda: 10**400 * 1.0, lambda: int(float("inf"))):
    try:
        bad()
    except (ValueError, ZeroDivisionError, OverflowError) as exc:
        print(f"  {type(exc).__name__}: {exc}")
print("complex:", complex(1, 2) * 1j, (1 + 2j).conjugate(), (3 + 4j).real)
print("number formats:", f"{1234567.891:,.2f}", f"{0.000123:.2e}", f"{255:#06x}", f"{-42:+05d}", f"{3.14159:.0f}", f"{2.5:.0f}", f"{1e21:f}")
print("int/float equality:", 1 == 1.0, 2**53 == 2.0**53, 2**53 + 1 == 2.0**53 + 1, float(2**53 + 1))
print("isinstance numbers:", isinstance(True, int), isinstance(1, float), type(1 + 1.0).__name__, type(1 + 0j).__name__)
