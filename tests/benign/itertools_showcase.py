# benign: tour of itertools: groupby, combinatorics, accumulate, pairwise, zip_longest and friends
import operator
from itertools import (
    accumulate, chain, combinations, combinations_with_replacement, compress, count, cycle,
    dropwhile, filterfalse, groupby, islice, pairwise, permutations, product, repeat, starmap,
    takewhile, zip_longest,
)

sales = [("2024-01", "north", 120), ("2024-01", "south", 80), ("2024-02", "north", 95),
         ("2024-02", "south", 130), ("2024-02", "east", 40), ("2024-03", "north", 150)]
for month, rows in groupby(sales, key=lambda r: r[0]):
    rows = list(rows)
    print(f"{month}: {len(rows)} regions, total {sum(r[2] for r in rows)}")

by_region = groupby(sorted(sales, key=lambda r: r[1]), key=lambda r: r[1])
print("by region:", {region: [r[2] for r in rows] for region, rows in by_region})
print("run-length:", [(ch, len(list(g))) for ch, g in groupby("aaabccddddde")])

print("combinations:", ["".join(c) for c in combinations("ABCD", 2)])
print("with replacement:", len(list(combinations_with_replacement(range(5), 3))))
print("permutations:", ["".join(p) for p in permutations("xyz")])
print("product:", [f"{a}{b}" for a, b in product("ab", "12")], len(list(product(range(3), repeat=4))))

print("running total:", list(accumulate([3, 1, 4, 1, 5, 9, 2, 6])))
print("running max:", list(accumulate([3, 1, 4, 1, 5, 9, 2, 6], max)))
print("factorials:", list(accumulate(range(1, 11), operator.mul)))
print("with initial:", list(accumulate([1, 2, 3], initial=100)))
print("pairwise diffs:", [b - a for a, b in pairwise([1, 4, 9, 16, 25, 36])])

print("zip_longest:", list(zip_longest("abc", [1, 2], fillvalue="-")))
print("chain.from_iterable:", list(chain.from_iterable([[1, 2], (3,), range(4, 6)])))
print("compress:", list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print("takewhile/dropwhile:", list(takewhile(lambda x: x < 5, [1, 3, 5, 2])), list(dropwhile(lambda x: x < 5, [1, 3, 5, 2])))
print("filterfalse:", list(filterfalse(lambda x: x % 3, range(20))))
print("starmap pow:", list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print("islice:", list(islice(count(10, 5), 2, 6)), list(islice("abcdefgh", 1, None, 3)))
print("cycle:", "".join(islice(cycle("RGB"), 10)))
print("repeat:", list(repeat("ha", 3)), list(map(pow, range(5), repeat(2))))

menu = {"burger": 8, "salad": 6, "soup": 4, "fries": 3, "pie": 5}
budget = 15
combos = [c for r in range(1, 4) for c in combinations(sorted(menu), r) if sum(menu[i] for i in c) == budget]
print(f"meals costing exactly {budget}:", combos)

dice = [sum(roll) for roll in product(range(1, 7), repeat=2)]
print("two-dice distribution:", {total: dice.count(total) for total in range(2, 13)})

cards = list(product("A23456789TJQK", "shdc"))
print("deck size:", len(cards), "| aces:", [r + s for r, s in cards if r == "A"])
print("5-card hands from 10 cards:", sum(1 for _ in combinations(range(10), 5)))

letters = "mississippi"
print("unique in order:", "".join(k for k, _ in groupby(sorted(set(letters), key=letters.index))))
counter = count(1)
labelled = [f"{next(counter)}:{w}" for w in "alpha beta gamma".split()]
print("labelled:", labelled)
print("transpose:", list(zip(*[(1, 2, 3), (4, 5, 6)])))
print("batched:", [tuple(islice(it, 3)) for it in [iter(range(8))] for _ in range(3)])
