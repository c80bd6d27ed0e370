# benign: bisect-based grade tables, sorted inserts, range counts and binary searches
from bisect import bisect, bisect_left, bisect_right, insort


def grade(score, breakpoints=(60, 70, 80, 90), grades="FDCBA"):
    return grades[bisect(breakpoints, score)]


scores = [33, 99, 77, 70, 89, 90, 100, 59, 60]
print("grades:", [(s, grade(s)) for s in scores])

TAX_BRACKETS = [(0, 0.10), (11_000, 0.12), (44_725, 0.22), (95_375, 0.24), (182_100, 0.32)]
limits = [b[0] for b in TAX_BRACKETS]


def income_tax(income):
    tax = 0.0
    idx = bisect_right(limits, income) - 1
    for i in range(idx + 1):
        lo, rate = TAX_BRACKETS[i]
        hi = TAX_BRACKETS[i + 1][0] if i + 1 < len(TAX_BRACKETS) else income
        tax += (min(income, hi) - lo) * rate
    return round(tax, 2)


for income in (9_000, 50_000, 120_000, 250_000):
    t = income_tax(income)
    print(f"income {income:>8,} -> tax {t:>10,.2f} (effective {t / income:.2%})")

data = [1, 2, 4, 4, 4, 7, 9, 12, 12, 15]
for x in (0, 4, 5, 12, 20):
    lo, hi = bisect_left(data, x), bisect_right(data, x)
    print(f"x={x:>2}: left={lo} right={hi} count={hi - lo} present={lo < len(data) and data[lo] == x}")


def count_in_range(sorted_list, lo, hi):
    return bisect_right(sorted_list, hi) - bisect_left(sorted_list, lo)


print("values in [3, 12]:", count_in_range(data, 3, 12))

leaderboard = []
for name, pts in [("ann", 50), ("bo", 75), ("cy", 50), ("di", 90), ("ed", 10), ("fi", 75)]:
    insort(leaderboard, (-pts, name))
print("leaderboard:", [(n, -p) for p, n in leaderboard])

events = []
for when, what in [(930, "standup"), (1400, "review"), (1100, "1:1"), (900, "coffee"), (1100, "email")]:
    insort(events, (when, what), key=lambda e: e[0])
print("agenda:", events)
print("next event after 10:00:", events[bisect(events, 1000, key=lambda e: e[0])])


def isqrt_bisect(n):
    lo, hi = 0, n + 1
    while lo < hi:
        mid = (lo + hi) // 2
        if mid * mid <= n:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


print("integer square roots:", [isqrt_bisect(n) for n in (0, 1, 15, 16, 17, 10**12, 2**61)])


def solve(f, lo, hi, tol=1e-12):
    while hi - lo > tol:
        mid = (lo + hi) / 2
        if f(lo) * f(mid) <= 0:
            hi = mid
        else:
            lo = mid
    return (lo + hi) / 2


print("root of x^3 - 2x - 5:", round(solve(lambda x: x**3 - 2 * x - 5, 2, 3), 9))

timeline = [(0, "idle"), (8, "working"), (12, "lunch"), (13, "working"), (18, "evening"), (23, "sleep")]
times = [t for t, _ in timeline]
for hour in (3, 8, 12, 15, 22, 23):
    print(f"{hour:02d}:00 -> {timeline[bisect_right(times, hour) - 1][1]}")

words = sorted(["apple", "apricot", "banana", "blueberry", "cherry", "cranberry", "citrus", "date"])


def with_prefix(prefix):
    lo = bisect_left(words, prefix)
    hi = bisect_left(words, prefix + "\uffff")
    return words[lo:hi]


print("prefix 'c':", with_prefix("c"), "| 'ap':", with_prefix("ap"), "| 'z':", with_prefix("z"))
