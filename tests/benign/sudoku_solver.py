# benign: Sudoku solver using candidate sets, naked singles and minimum-remaining-values backtracking
PUZZLE = """
53..7....
6..195...
.98....6.
8...6...3
4..8.3..1
7...2...6
.6....28.
...419..5
....8..79
"""

HARD = """
..9748...
7........
.2.1.9...
..7...24.
.64.1.59.
.98...3..
...8.3.2.
........6
...2759..
"""


def parse(text):
    rows = [line.strip() for line in text.strip().splitlines()]
    return [[int(ch) if ch.isdigit() else 0 for ch in row] for row in rows]


def candidates(grid, r, c):
    used = set(grid[r]) | {grid[i][c] for i in range(9)}
    br, bc = 3 * (r // 3), 3 * (c // 3)
    used |= {grid[i][j] for i in range(br, br + 3) for j in range(bc, bc + 3)}
    return [d for d in range(1, 10) if d not in used]


class Stats:
    def __init__(self):
        self.guesses = 0
        self.singles = 0
        self.backtracks = 0


def solve(grid, stats):
    while True:
        progress = False
        best = None
        for r in range(9):
            for c in range(9):
                if grid[r][c] == 0:
                    cands = candidates(grid, r, c)
                    if not cands:
                        return False
                    if len(cands) == 1:
                        grid[r][c] = cands[0]
                        stats.singles += 1
                        progress = True
                    elif best is None or len(cands) < len(best[2]):
                        best = (r, c, cands)
        if not progress:
            break
    if best is None:
        return all(all(row) for row in grid)
    r, c, cands = best
    for d in cands:
        trial = [row[:] for row in grid]
        trial[r][c] = d
        stats.guesses += 1
        if solve(trial, stats):
            for i in range(9):
                grid[i][:] = trial[i]
            return True
        stats.backtracks += 1
    return False


def valid(grid):
    groups = [row for row in grid]
    groups += [[grid[r][c] for r in range(9)] for c in range(9)]
    groups += [[grid[br + i][bc + j] for i in range(3) for j in range(3)] for br in (0, 3, 6) for bc in (0, 3, 6)]
    return all(sorted(g) == list(range(1, 10)) for g in groups)


def show(grid):
    lines = []
    for r, row in enumerate(grid):
        if r and r % 3 == 0:
            lines.append("------+-------+------")
        cells = [str(v) if v else "." for v in row]
        lines.append(" | ".join(" ".join(cells[i : i + 3]) for i in (0, 3, 6)))
    return "\n".join(lines)


for name, text in (("classic", PUZZLE), ("harder", HARD)):
    grid = parse(text)
    givens = sum(1 for row in grid for v in row if v)
    stats = Stats()
    ok = solve(grid, stats)
    print(f"{name}: givens={givens} solved={ok} valid={valid(grid)} singles={stats.singles} "
          f"guesses={stats.guesses} backtracks={stats.backtracks}")
    print(show(grid))
    print()

broken = parse(PUZZLE)
broken[0][2] = 5
print("contradictory puzzle solvable:", solve(broken, Stats()))
print("candidates for (0,2) in classic:", candidates(parse(PUZZLE), 0, 2))
