# benign: arbitrary-precision integer arithmetic: factorials, Fibonacci, toy RSA and digit games
import math
from functools import reduce

f100 = math.factorial(100)
digits = str(f100)
print("100! has", len(digits), "digits; digit sum", sum(map(int, digits)))
print("trailing zeros:", len(digits) - len(digits.rstrip("0")))
print("first 20 digits:", digits[:20], "| last non-zero digits:", digits.rstrip("0")[-10:])

two_1000 = 2**1000
print("2^1000 digit sum:", sum(int(d) for d in str(two_1000)), "| bit length:", two_1000.bit_length())


def fib_pair(n):
    if n == 0:
        return 0, 1
    a, b = fib_pair(n // 2)
    c = a * (2 * b - a)
    d = a * a + b * b
    return (d, c + d) if n % 2 else (c, d)


f500 = fib_pair(500)[0]
print("fib(500) =", f500)
print("fib(500) digits:", len(str(f500)), "| divisible by fib(50)?", f500 % fib_pair(50)[0] == 0)

p, q = 1000000007, 998244353
n = p * q
phi = (p - 1) * (q - 1)
e = 65537
d = pow(e, -1, phi)
print("rsa modulus:", n, "| private exponent:", d)
message = int.from_bytes("hi sandbox".encode(), "big")
print("message as int:", message, "| too big for one block:", message >= n)
raw = "hi sandbox".encode()
chunks = [int.from_bytes(raw[i : i + 5], "big") for i in range(0, len(raw), 5)]
encrypted = [pow(m, e, n) for m in chunks]
decrypted = b"".join(pow(cx, d, n).to_bytes(5, "big") for cx in encrypted)
print("encrypted chunks:", encrypted)
print("decrypted:", decrypted.decode())

print("gcd/lcm:", math.gcd(2**64 - 1, 2**48 - 1), math.lcm(*range(1, 21)))
print("comb(100, 50):", math.comb(100, 50))
print("perm(20, 10):", math.perm(20, 10))
print("isqrt(10**40 + 12345):", math.isqrt(10**40 + 12345))
print("3^200 mod 10^9+7:", pow(3, 200, 10**9 + 7))
print("product of first 30 primes:", reduce(lambda a, b: a * b, [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113]))


def collatz_max(n):
    peak = n
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        peak = max(peak, n)
    return peak


print("collatz peak from 2^100+1:", collatz_max(2**100 + 1))

x = 12345678901234567890123456789
print("divmod:", divmod(x, 987654321), "| negative floor:", -x // 10**20, "| mod:", -x % 97)
print("hex:", hex(x), "| from hex:", int("0x" + "f" * 30, 16))
print("to_bytes/from_bytes:", x.to_bytes(12, "little").hex(), int.from_bytes(x.to_bytes(12, "little"), "little") == x)
print("signed bytes:", (-1234567).to_bytes(4, "big", signed=True).hex(), int.from_bytes(b"\xff\xff", "big", signed=True))
print("float of big int:", float(2**100), "| int of big float:", int(1e22), "| exact:", 10**22)
print("big ratio:", (3**100) // (2**100), round((3**100) / (2**100), 3))

catalan = [math.comb(2 * k, k) // (k + 1) for k in range(25)]
print("catalan:", catalan[-3:])
pascal = [1]
for _ in range(30):
    pascal = [1] + [a + b for a, b in zip(pascal, pascal[1:])] + [1]
print("row 30 of pascal, middle:", pascal[15], "| sum:", sum(pascal) == 2**30)


def digits_of_e(n):
    total = 0
    term = 10 ** (n + 5)
    k = 0
    while term:
        total += term
        k += 1
        term //= k
    return str(total // 10**5)


print("e =", digits_of_e(60)[:1] + "." + digits_of_e(60)[1:])
print("int('1_000_000') =", int("1_000_000"), "| int('777', 8) =", int("777", 8), "| int('zz', 36) =", int("zz", 36))
