# benign: Conway's Game of Life on a small toroidal grid plus set-based infinite-plane variant
import math
from collections import Counter

W, H = 12, 8


def parse(pattern, ox=0, oy=0):
    return {(x + ox, y + oy) for y, row in enumerate(pattern.strip().splitlines()) for x, ch in enumerate(row) if ch == "#"}


def step_torus(live):
    counts = Counter(((x + dx) % W, (y + dy) % H) for x, y in live for dx in (-1, 0, 1) for dy in (-1, 0, 1) if dx or dy)
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in live)}


def step_plane(live):
    counts = Counter((x + dx, y + dy) for x, y in live for dx in (-1, 0, 1) for dy in (-1, 0, 1) if dx or dy)
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in live)}


def render(live):
    return "\n".join("".join("#" if (x, y) in live else "." for x in range(W)) for y in range(H))


def bbox(live):
    xs = [x for x, _ in live]
    ys = [y for _, y in live]
    return min(xs), min(ys), max(xs), max(ys)


GLIDER = """
.#.
..#
###
"""
BLINKER = "###"

world = parse(GLIDER, 1, 1) | parse(BLINKER, 8, 5)
for gen in range(5):
    print(f"generation {gen}: {len(world)} cells")
    print(render(world))
    world = step_torus(world)

glider = parse(GLIDER)
start = glider
period = 4 * math.lcm(W, H)
for _ in range(period):
    glider = step_torus(glider)
print("glider returns home on torus after", period, "steps:", glider == start)

R_PENTOMINO = """
.##
##.
.#.
"""
life = parse(R_PENTOMINO)
populations = []
for gen in range(60):
    populations.append(len(life))
    life = step_plane(life)
print("r-pentomino populations (every 10):", populations[::10])
print("bounding box after 60:", bbox(life))

block = parse("##\n##")
print("block is still life:", step_plane(block) == block)
blinker = parse(BLINKER)
print("blinker period 2:", step_plane(step_plane(blinker)) == blinker, step_plane(blinker) != blinker)


def find_period(live, limit=50):
    seen = {}
    for gen in range(limit):
        key = frozenset(live)
        if key in seen:
            return gen - seen[key]
        seen[key] = gen
        live = step_torus(live)
    return None


TOAD = """
.###
###.
"""
print("toad period:", find_period(parse(TOAD, 4, 3)))
print("beacon period:", find_period(parse("##..\n##..\n..##\n..##", 3, 2)))
