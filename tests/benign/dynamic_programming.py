# benign: classic dynamic programming problems (LCS, edit distance, knapsack, coins, LIS, matrix chain)
from bisect import bisect_left
from functools import lru_cache


def lcs(a, b):
    dp = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a, 1):
        for j, y in enumerate(b, 1):
            dp[i][j] = dp[i - 1][j - 1] + 1 if x == y else max(dp[i - 1][j], dp[i][j - 1])
    out = []
    i, j = len(a), len(b)
    while i and j:
        if a[i - 1] == b[j - 1]:
            out.append(a[i - 1])
            i, j = i - 1, j - 1
        elif dp[i - 1][j] >= dp[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return "".join(reversed(out))


def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


def knapsack(items, capacity):
    best = [(0, ())] * (capacity + 1)
    for name, weight, value in items:
        for c in range(capacity, weight - 1, -1):
            cand = best[c - weight][0] + value
            if cand > best[c][0]:
                best[c] = (cand, best[c - weight][1] + (name,))
    return best[capacity]


def coin_change(coins, amount):
    ways = [1] + [0] * amount
    fewest = [0] + [None] * amount
    for coin in coins:
        for v in range(coin, amount + 1):
            ways[v] += ways[v - coin]
    for v in range(1, amount + 1):
        options = [fewest[v - c] for c in coins if c <= v and fewest[v - c] is not None]
        fewest[v] = min(options) + 1 if options else None
    return ways[amount], fewest[amount]


def lis(seq):
    tails, idx, parent = [], [], [None] * len(seq)
    for i, x in enumerate(seq):
        k = bisect_left(tails, x)
        if k == len(tails):
            tails.append(x)
            idx.append(i)
        else:
            tails[k] = x
            idx[k] = i
        parent[i] = idx[k - 1] if k else None
    out, i = [], idx[-1]
    while i is not None:
        out.append(seq[i])
        i = parent[i]
    return out[::-1]


def matrix_chain(dims):
    @lru_cache(maxsize=None)
    def cost(i, j):
        if i == j:
            return 0, f"M{i}"
        best = None
        for k in range(i, j):
            lc, ls = cost(i, k)
            rc, rs = cost(k + 1, j)
            total = lc + rc + dims[i - 1] * dims[k] * dims[j]
            if best is None or total < best[0]:
                best = (total, f"({ls} x {rs})")
        return best

    return cost(1, len(dims) - 1)


@lru_cache(maxsize=None)
def partitions(n, largest=None):
    if largest is None:
        largest = n
    if n == 0:
        return 1
    return sum(partitions(n - k, k) for k in range(1, min(n, largest) + 1))


print("LCS:", lcs("AGGTABQMRX", "GXTXAYBMRQX"))
for a, b in [("kitten", "sitting"), ("flaw", "lawn"), ("intention", "execution"), ("", "abc")]:
    print(f"edit({a!r}, {b!r}) = {edit_distance(a, b)}")

items = [("map", 9, 150), ("compass", 13, 35), ("water", 153, 200), ("sandwich", 50, 160),
         ("glucose", 15, 60), ("tin", 68, 45), ("banana", 27, 60), ("apple", 39, 40),
         ("cheese", 23, 30), ("beer", 52, 10), ("suntan", 11, 70), ("camera", 32, 30)]
value, chosen = knapsack(items, 400)
print("knapsack value:", value, "items:", sorted(chosen))

for coins, amount in [((1, 2, 5), 11), ((2,), 3), ((1, 5, 10, 25, 50), 100), ((3, 7), 23)]:
    print(f"coins {coins} amount {amount}: ways, fewest = {coin_change(coins, amount)}")

seq = [3, 10, 2, 1, 20, 4, 6, 7, 15, 9, 8, 11, 12]
print("LIS:", lis(seq))
print("matrix chain:", matrix_chain((40, 20, 30, 10, 30)))
print("partitions:", [partitions(n) for n in range(1, 21)])
print("cache info:", partitions.cache_info().hits > 0)

tri = [[3], [7, 4], [2, 4, 6], [8, 5, 9, 3], [1, 9, 2, 8, 7]]
best = tri[-1][:]
for row in reversed(tri[:-1]):
    best = [v + max(best[i], best[i + 1]) for i, v in enumerate(row)]
print("max triangle path:", best[0])

grid = 12
paths = [[1] * grid for _ in range(grid)]
for r in range(1, grid):
    for c in range(1, grid):
        paths[r][c] = paths[r - 1][c] + paths[r][c - 1]
print("lattice paths 11x11:", paths[-1][-1])
