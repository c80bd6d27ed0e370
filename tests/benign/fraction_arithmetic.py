# benign: exact rational arithmetic: Egyptian fractions, continued fractions, harmonic numbers, Bernoulli
from fractions import Fraction
from math import floor, gcd


def egyptian(frac):
    parts = []
    while frac > 0:
        d = -(-frac.denominator // frac.numerator)
        parts.append(Fraction(1, d))
        frac -= Fraction(1, d)
    return parts


for f in (Fraction(4, 13), Fraction(5, 6), Fraction(7, 15), Fraction(3, 7)):
    parts = egyptian(f)
    print(f"{f} = " + " + ".join(str(p) for p in parts), "| check:", sum(parts) == f)


def continued_fraction(x, terms=12):
    out = []
    for _ in range(terms):
        a = floor(x)
        out.append(a)
        x -= a
        if x == 0:
            break
        x = 1 / x
    return out


def convergents(cf):
    h, h_prev, k, k_prev = 1, 0, 0, 1
    out = []
    for a in cf:
        h, h_prev = a * h + h_prev, h
        k, k_prev = a * k + k_prev, k
        out.append(Fraction(h, k))
    return out


print("cf(415/93):", continued_fraction(Fraction(415, 93)))
sqrt2 = [1] + [2] * 10
print("sqrt(2) convergents:", [str(c) for c in convergents(sqrt2)[:8]])
golden = convergents([1] * 15)
print("golden ratio convergents end:", golden[-1], float(golden[-1]))
pi_cf = [3, 7, 15, 1, 292, 1, 1, 1, 2]
print("pi convergents:", [str(c) for c in convergents(pi_cf)[:5]])

H = Fraction(0)
harmonics = []
for n in range(1, 21):
    H += Fraction(1, n)
    harmonics.append(H)
print("H(10) =", harmonics[9], "| H(20) =", harmonics[19], "~", round(float(harmonics[19]), 6))
print("denominator of H(20) digits:", len(str(harmonics[19].denominator)))


def bernoulli(n):
    A = [Fraction(0)] * (n + 1)
    for m in range(n + 1):
        A[m] = Fraction(1, m + 1)
        for j in range(m, 0, -1):
            A[j - 1] = j * (A[j - 1] - A[j])
    return A[0]


print("Bernoulli numbers:", [str(bernoulli(n)) for n in (0, 1, 2, 4, 6, 8, 10, 12)])

a = Fraction(3, 4)
b = Fraction("-2/6")
print("arith:", a + b, a - b, a * b, a / b, a**2, b**-2, -a, abs(b), a // b, a % b)
print("parts:", b.numerator, b.denominator, "| from decimal string:", Fraction("0.125"), Fraction("1e-3"))
print("compare:", a > b, a == Fraction(6, 8), a == 0.75, Fraction(1, 3) == 1 / 3, sorted([a, b, Fraction(0), 1]))
print("mixed with int/float:", a + 1, a * 2, a + 0.5, type(a + 0.5).__name__, round(Fraction(7, 3), 2), round(Fraction(5, 2)))
print("as_integer_ratio:", Fraction(10, 4).as_integer_ratio(), "| float:", float(Fraction(1, 7)))
print("limit_denominator:", Fraction(0.3333).limit_denominator(10), Fraction(3.14159).limit_denominator(100))
try:
    Fraction(1, 0)
except ZeroDivisionError as exc:
    print("ZeroDivisionError:", exc)


def farey(n):
    return sorted({Fraction(p, q) for q in range(1, n + 1) for p in range(0, q + 1)})


print("Farey(5):", " ".join(str(f) for f in farey(5)))
print("Farey(8) length:", len(farey(8)))

probs = [Fraction(1, 6)] * 6
expected = sum(p * face for p, face in zip(probs, range(1, 7)))
variance = sum(p * (face - expected) ** 2 for p, face in zip(probs, range(1, 7)))
print("die expectation:", expected, "variance:", variance)
p_two_sixes = Fraction(1, 6) ** 2
p_at_least_one_six_in_4 = 1 - Fraction(5, 6) ** 4
print("P(two sixes):", p_two_sixes, "| P(>=1 six in 4 rolls):", p_at_least_one_six_in_4, f"~{float(p_at_least_one_six_in_4):.4f}")

recipe = {"flour": Fraction(2, 3), "sugar": Fraction(1, 4), "butter": Fraction(1, 2)}
scale = Fraction(3, 2)
for k, v in recipe.items():
    scaled = v * scale
    whole, rem = divmod(scaled.numerator, scaled.denominator)
    amount = " ".join(part for part in (str(whole) if whole else "", str(Fraction(rem, scaled.denominator)) if rem else "") if part)
    print(f"  {k:<7} {v} cup -> {amount} cup")
print("gcd check:", gcd(Fraction(6, 8).numerator, Fraction(6, 8).denominator) == 1)
