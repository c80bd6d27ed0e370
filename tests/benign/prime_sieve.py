# benign: prime sieve, factorisation, twin primes and Goldbach partitions
import math
from itertools import compress, pairwise


def sieve(limit):
    flags = bytearray([1]) * (limit + 1)
    flags[0:2] = b"\x00\x00"
    for p in range(2, math.isqrt(limit) + 1):
        if flags[p]:
            flags[p * p :: p] = bytes(len(range(p * p, limit + 1, p)))
    return list(compress(range(limit + 1), flags))


def factorize(n):
    factors = {}
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors[d] = factors.get(d, 0) + 1
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        factors[n] = factors.get(n, 0) + 1
    return factors


def fmt_factors(f):
    return " * ".join(f"{p}^{e}" if e > 1 else str(p) for p, e in sorted(f.items()))


def is_prime(n):
    if n < 2:
        return False
    small = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)
    for p in small:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in small:
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


primes = sieve(10_000)
print("primes below 10000:", len(primes))
print("first 15:", primes[:15])
print("last 5:", primes[-5:])
twins = [(a, b) for a, b in pairwise(primes) if b - a == 2]
print("twin pairs:", len(twins), "largest:", twins[-1])
gaps = [b - a for a, b in pairwise(primes)]
g = max(gaps)
i = gaps.index(g)
print("largest gap:", g, "between", primes[i], "and", primes[i + 1])

prime_set = set(primes)
for even in (28, 100, 1000, 9998):
    parts = [(p, even - p) for p in primes if p <= even // 2 and even - p in prime_set]
    print(f"Goldbach {even}: {len(parts)} partitions, first {parts[0]}, last {parts[-1]}")

for n in (360, 97, 1001, 65536, 123456789, 600851475143):
    print(f"{n} = {fmt_factors(factorize(n))}")

mersenne = [p for p in primes[:20] if is_prime(2**p - 1)]
print("Mersenne exponents < 72:", mersenne)
print("2^89-1 prime?", is_prime(2**89 - 1), "| 2^91-1 prime?", is_prime(2**91 - 1))
print("Miller-Rabin agrees with sieve:", all(is_prime(n) == (n in prime_set) for n in range(10_000)))

def totient(n):
    result = n
    for p in factorize(n):
        result -= result // p
    return result

print("phi(1..12):", [totient(n) for n in range(1, 13)])
print("sum of primes < 10000:", sum(primes))
