# benign: invoice and bill splitting with Decimal quantize and exact Fractions
from decimal import Decimal, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN
from fractions import Fraction

CENT = Decimal("0.01")


def q(amount, rounding=ROUND_HALF_UP):
    return amount.quantize(CENT, rounding=rounding)


lines = [
    ("Consulting hours", Decimal("12.5"), Decimal("95.00")),
    ("Travel (km)", Decimal("182"), Decimal("0.42")),
    ("Licence", Decimal("1"), Decimal("1299.99")),
    ("Discounted widget", Decimal("3"), Decimal("19.995")),
]
TAX = Decimal("0.0825")
print(f"{'Item':<20}{'Qty':>8}{'Unit':>10}{'Total':>12}")
subtotal = Decimal("0")
for name, qty, unit in lines:
    total = q(qty * unit)
    subtotal += total
    print(f"{name:<20}{qty:>8}{unit:>10}{total:>12}")
tax = q(subtotal * TAX)
grand = subtotal + tax
print(f"{'Subtotal':<38}{subtotal:>12}")
print(f"{'Tax 8.25%':<38}{tax:>12}")
print(f"{'Total':<38}{grand:>12,}")

for value in ("2.675", "2.665", "-1.005", "0.125"):
    d = Decimal(value)
    print(f"{value:>7}: half-up {q(d)} half-even {q(d, ROUND_HALF_EVEN)} down {q(d, ROUND_DOWN)}")

print("float pitfall:", 0.1 + 0.2, "vs decimal:", Decimal("0.1") + Decimal("0.2"))
print("Decimal from float:", Decimal(0.1))
print("exact tuple:", Decimal("-12.340").as_tuple())
print("normalize:", Decimal("12.3400").normalize(), "| sqrt(2) to 2dp:", q(Decimal(2).sqrt()))


def split_bill(total, shares):
    """Split total cents proportionally to shares, distributing leftover cents fairly."""
    cents = int(total * 100)
    weight = sum(shares.values())
    exact = {name: Fraction(cents * s, weight) for name, s in shares.items()}
    base = {name: int(v) for name, v in exact.items()}
    leftover = cents - sum(base.values())
    order = sorted(exact, key=lambda n: (-(exact[n] - base[n]), n))
    for name in order[:leftover]:
        base[name] += 1
    return {name: Decimal(c) / 100 for name, c in base.items()}


shares = {"ana": 3, "ben": 2, "cho": 2}
result = split_bill(Decimal("100.00"), shares)
for name, amount in result.items():
    print(f"  {name} pays {amount}")
print("sum matches:", sum(result.values()) == Decimal("100.00"))


def compound(principal, annual_rate, years, periods=12):
    balance = principal
    rate = annual_rate / periods
    for _ in range(years * periods):
        balance = q(balance * (1 + rate))
    return balance


print("compound 10000 @ 5% for 10y monthly:", compound(Decimal("10000"), Decimal("0.05"), 10))


def amortize(principal, annual_rate, months):
    r = annual_rate / 12
    payment = q(principal * r / (1 - (1 + r) ** -months))
    rows = []
    balance = principal
    for k in range(1, months + 1):
        interest = q(balance * r)
        principal_part = payment - interest if k < months else balance
        balance -= principal_part
        rows.append((k, interest, principal_part, balance))
    return payment, rows


payment, rows = amortize(Decimal("5000"), Decimal("0.06"), 6)
print("monthly payment:", payment)
for k, interest, princ, bal in rows:
    print(f"  {k}: interest {interest:>6} principal {princ:>8} balance {bal:>8}")

f = Fraction(1, 3) + Fraction(1, 6)
print("fractions:", f, Fraction("0.75"), Fraction(22, 7) - Fraction(355, 113))
print("limit_denominator(pi approx):", Fraction(3.14159265358979).limit_denominator(1000))
print("exact float:", Fraction(0.1), "| as ratio:", (0.75).as_integer_ratio())
