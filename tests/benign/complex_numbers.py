# benign: complex arithmetic with cmath: polar form, roots of unity, quadratic roots and AC circuits
import cmath
import math


def c(z, n=6):
    """Round a complex number for stable printing."""
    re_, im = round(z.real, n) + 0.0, round(z.imag, n) + 0.0
    return complex(re_, im)


z = 3 + 4j
w = complex(1, -2)
print("z =", z, "| w =", w, "| z + w =", z + w, "| z * w =", z * w, "| z / w =", z / w)
print("conjugate:", z.conjugate(), "| real/imag:", z.real, z.imag, "| abs:", abs(z))
print("phase(z) in degrees:", round(math.degrees(cmath.phase(z)), 6))
r, phi = cmath.polar(z)
print("polar:", round(r, 6), round(phi, 6), "| back:", c(cmath.rect(r, phi)))
print("sqrt(-1) =", cmath.sqrt(-1), "| sqrt(-4+0j) =", cmath.sqrt(-4 + 0j))
print("exp(i*pi) + 1 =", c(cmath.exp(1j * math.pi) + 1, 12))
print("log(-1) =", c(cmath.log(-1)))
print("z ** 2 =", z**2, "| z ** 0.5 =", c(z**0.5), "| 1j ** 2 =", 1j**2)
print("complex('1+2j') =", complex("1+2j"), "| isclose:", cmath.isclose(0.1 + 0.2j, 0.1 + 0.2000000001j, rel_tol=1e-9))


def solve_quadratic(a, b, c_):
    disc = cmath.sqrt(b * b - 4 * a * c_)
    return (-b + disc) / (2 * a), (-b - disc) / (2 * a)


for coeffs in [(1, -3, 2), (1, 2, 5), (1, 0, 1), (2, 4, 2)]:
    r1, r2 = solve_quadratic(*coeffs)
    print(f"roots of {coeffs}: {c(r1)}, {c(r2)}")


def roots_of_unity(n):
    return [c(cmath.exp(2j * math.pi * k / n), 9) for k in range(n)]


print("cube roots of unity:", roots_of_unity(3))
fourth = roots_of_unity(4)
print("4th roots:", fourth, "| sum ~ 0:", abs(sum(fourth)) < 1e-9)


def dft(xs):
    n = len(xs)
    return [sum(x * cmath.exp(-2j * math.pi * k * t / n) for t, x in enumerate(xs)) for k in range(n)]


signal = [0, 1, 0, -1, 0, 1, 0, -1]
spectrum = dft(signal)
print("DFT magnitudes:", [round(abs(s), 6) for s in spectrum])
print("dominant bin:", max(range(len(spectrum)), key=lambda k: abs(spectrum[k])))

freq = 50.0
omega = 2 * math.pi * freq
R, L, C = 100.0, 0.5, 20e-6
Z = R + 1j * omega * L + 1 / (1j * omega * C)
print(f"impedance: {Z.real:.3f} {Z.imag:+.3f}j ohms, |Z|={abs(Z):.3f}, angle={math.degrees(cmath.phase(Z)):.3f} deg")
I = 230 / Z
print(f"current: {abs(I):.4f} A at {math.degrees(cmath.phase(I)):.3f} deg")
print("resonant frequency: %.3f Hz" % (1 / (2 * math.pi * math.sqrt(L * C))))


def mandelbrot_row(y, width=40):
    row = ""
    for i in range(width):
        cpt = complex(-2.2 + 3.0 * i / width, y)
        zz = 0j
        n = 0
        while abs(zz) <= 2 and n < 30:
            zz = zz * zz + cpt
            n += 1
        row += " .:-=+*#%@"[min(n // 3, 9)]
    return row


for y in (1.0, 0.6, 0.3, 0.0, -0.3, -0.6, -1.0):
    print("|" + mandelbrot_row(y) + "|")

print("trig:", c(cmath.sin(1 + 1j)), c(cmath.cos(1j)), c(cmath.tan(0.5 - 0.5j)))
print("constants:", cmath.pi == math.pi, cmath.e == math.e, cmath.inf, cmath.isinf(complex(cmath.inf, 0)))
print("sorting by magnitude:", sorted([3 + 4j, 1j, -2, 1 + 1j], key=abs))
try:
    (1 + 2j) < (2 + 1j)
except TypeError as exc:
    print("TypeError:", exc)
