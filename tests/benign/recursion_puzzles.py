# benign: recursive algorithms: Hanoi, permutations, subsets, N-queens, flood fill, Ackermann
def hanoi(n, src="A", via="B", dst="C", moves=None):
    if moves is None:
        moves = []
    if n:
        hanoi(n - 1, src, dst, via, moves)
        moves.append((n, src, dst))
        hanoi(n - 1, via, src, dst, moves)
    return moves


moves = hanoi(4)
print("hanoi(4):", len(moves), "moves; first five:", moves[:5])
print("hanoi(10) move count:", len(hanoi(10)))


def permutations(items):
    if len(items) <= 1:
        return [items[:]]
    out = []
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1 :]):
            out.append([x] + rest)
    return out


perms = permutations(list("abcd"))
print("permutations of abcd:", len(perms), ["".join(p) for p in perms[:6]])


def subsets(items):
    if not items:
        return [[]]
    rest = subsets(items[1:])
    return rest + [[items[0]] + s for s in rest]


print("subsets:", sorted(subsets([1, 2, 3]), key=lambda s: (len(s), s)))


def subset_sum(nums, target, start=0, chosen=()):
    if target == 0:
        yield chosen
        return
    for i in range(start, len(nums)):
        if nums[i] <= target:
            yield from subset_sum(nums, target - nums[i], i + 1, chosen + (nums[i],))


print("subsets of [3,34,4,12,5,2] summing to 9:", list(subset_sum([3, 34, 4, 12, 5, 2], 9)))


def n_queens(n):
    solutions = []

    def place(row, cols, diag1, diag2, board):
        if row == n:
            solutions.append(board[:])
            return
        for c in range(n):
            if c in cols or row - c in diag1 or row + c in diag2:
                continue
            board.append(c)
            place(row + 1, cols | {c}, diag1 | {row - c}, diag2 | {row + c}, board)
            board.pop()

    place(0, frozenset(), frozenset(), frozenset(), [])
    return solutions


for n in range(4, 8):
    print(f"{n}-queens solutions: {len(n_queens(n))}")
first = n_queens(6)[0]
for c in first:
    print("  " + " ".join("Q" if i == c else "." for i in range(6)))


def flood_fill(grid, r, c, new):
    old = grid[r][c]
    if old == new:
        return 0

    def fill(r, c):
        if not (0 <= r < len(grid) and 0 <= c < len(grid[0])) or grid[r][c] != old:
            return 0
        grid[r][c] = new
        return 1 + fill(r + 1, c) + fill(r - 1, c) + fill(r, c + 1) + fill(r, c - 1)

    return fill(r, c)


picture = [list(row) for row in ["..##....", ".#..#...", ".#...#..", "..###...", "........"]]
print("filled cells:", flood_fill(picture, 2, 3, "o"))
print("\n".join("".join(row) for row in picture))


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


print("ackermann(2, 3) =", ackermann(2, 3), "| ackermann(3, 3) =", ackermann(3, 3))


def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)


def power(base, exp):
    if exp == 0:
        return 1
    half = power(base, exp // 2)
    return half * half * (base if exp % 2 else 1)


def binary(n):
    return str(n) if n < 2 else binary(n // 2) + str(n % 2)


def palindrome(s):
    s = [ch.lower() for ch in s if ch.isalnum()]

    def check(i, j):
        return i >= j or (s[i] == s[j] and check(i + 1, j - 1))

    return check(0, len(s) - 1)


print("gcd(1071, 462) =", gcd(1071, 462), "| 3^40 =", power(3, 40), "| binary(2024) =", binary(2024))
print("palindromes:", [palindrome(t) for t in ("A man, a plan, a canal: Panama", "sandbox", "No lemon, no melon")])


def depth(obj):
    if isinstance(obj, dict):
        return 1 + max((depth(v) for v in obj.values()), default=0)
    if isinstance(obj, list):
        return 1 + max((depth(v) for v in obj), default=0)
    return 0


print("nesting depth:", depth({"a": [1, {"b": {"c": [2, 3]}}], "d": 4}))


def count_change(amount, coins):
    if amount == 0:
        return 1
    if amount < 0 or not coins:
        return 0
    return count_change(amount - coins[0], coins) + count_change(amount, coins[1:])


print("ways to make 100 from [50, 25, 10, 5, 1]:", count_change(100, [50, 25, 10, 5, 1]))
