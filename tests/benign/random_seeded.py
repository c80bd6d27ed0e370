# benign: reproducible simulations with a seeded random module (shuffles, sampling, Monte Carlo)
import random
from collections import Counter

random.seed(2024)

deck = [r + s for s in "SHDC" for r in "A23456789TJQK"]
random.shuffle(deck)
hands = [deck[i::4][:5] for i in range(4)]
for n, hand in enumerate(hands, 1):
    print(f"player {n}: {' '.join(hand)}")

print("random floats:", [round(random.random(), 6) for _ in range(4)])
print("randint dice:", [random.randint(1, 6) for _ in range(12)])
print("randrange even:", [random.randrange(0, 100, 2) for _ in range(6)])
print("choice:", random.choice(["rock", "paper", "scissors"]))
print("sample:", random.sample(range(1, 50), 6))
print("uniform:", round(random.uniform(10, 20), 6))
weights = {"common": 70, "rare": 25, "legendary": 5}
loot = random.choices(list(weights), weights=list(weights.values()), k=200)
print("loot counts:", sorted(Counter(loot).items()))
print("getrandbits(32):", random.getrandbits(32))


def monte_carlo_pi(n):
    inside = 0
    for _ in range(n):
        x, y = random.random(), random.random()
        inside += x * x + y * y <= 1.0
    return 4 * inside / n


random.seed(7)
print("pi estimate (5000 samples):", monte_carlo_pi(5000))


def random_walk(steps):
    x = y = 0
    path_max = 0
    for _ in range(steps):
        dx, dy = random.choice([(0, 1), (0, -1), (1, 0), (-1, 0)])
        x, y = x + dx, y + dy
        path_max = max(path_max, abs(x) + abs(y))
    return (x, y), path_max


random.seed(99)
print("random walk:", random_walk(1000))


def birthday_trial(people):
    days = [random.randint(1, 365) for _ in range(people)]
    return len(set(days)) < people


random.seed(12345)
trials = 400
hits = sum(birthday_trial(23) for _ in range(trials))
print(f"birthday paradox (23 people): {hits}/{trials} = {hits / trials:.3f}")

random.seed(1)
population = list(range(100))
random.shuffle(population)
print("shuffled prefix:", population[:10])
print("sorted sample of 5:", sorted(random.sample(population, 5)))
letters = list("sandbox")
random.shuffle(letters)
print("anagram:", "".join(letters))
password = "".join(random.choice("abcdefghijkmnpqrstuvwxyz23456789") for _ in range(12))
print("generated id:", password)

random.seed(42)
first = [random.random() for _ in range(3)]
random.seed(42)
second = [random.random() for _ in range(3)]
print("reseeding reproduces sequence:", first == second)

random.seed(3)
rolls = Counter(random.randint(1, 6) + random.randint(1, 6) for _ in range(1000))
for total in range(2, 13):
    print(f"{total:>2}: {rolls[total]:>3} {'#' * (rolls[total] // 10)}")
