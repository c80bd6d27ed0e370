# benign: string templating with str.format, format specs, string.Template and % formatting
import string
from string import Template

order = {"customer": "Dana Scully", "number": 4471, "total": 1234.5, "items": 3, "rate": 0.0725}
print("Order #{number} for {customer}: {items} items, ${total:,.2f}".format(**order))
print("{0} + {0} = {1}; {2!r} quoted".format(21, 42, "x"))
print("{:<10}|{:^10}|{:>10}".format("left", "center", "right"))
print("{:*^24}".format(" TITLE "))
print("{:+d} {:+d} {: d}".format(5, -5, 5))
print("{:08.3f} {:.2e} {:.3g} {:%}".format(3.14159, 123456.789, 0.000123456, 0.256))
print("{:b} {:o} {:x} {:X} {:#x} {:#b}".format(42, 42, 255, 255, 255, 5))
print("{:,} {:_} {:_x}".format(1234567890, 1234567890, 0xDEADBEEF))
print("tax rate {rate:.2%}".format(rate=order["rate"]))
width, prec = 12, 3
print(f"{'dynamic':>{width}} {3.14159265:{width}.{prec}f}")
print("%s has %d items costing %.2f (%5.1f%%)" % ("cart", 3, 9.5, 12.25))
print("%-8s|%8s|%08.2f|%x|%o|%e" % ("ab", "cd", 3.14159, 255, 8, 12345.678))
print("%c%c%c" % (80, 121, 33))

letter = Template(
    "Dear $name,\n"
    "Your balance of $$${amount} is due on $due.\n"
    "Regards, ${sender}team"
)
print(letter.substitute(name="Mr. Mulder", amount="42.00", due="2024-05-01", sender="billing-"))
try:
    letter.substitute(name="X")
except KeyError as exc:
    print("missing placeholder:", exc)
print(Template("$who likes $what").safe_substitute(who="Alice"))
try:
    Template("cost: $").substitute()
except ValueError as exc:
    print("bad template:", exc)

rows = [("apples", 3, 0.5), ("bananas", 12, 0.25), ("cherries", 250, 0.02)]
fmt = "{:<10}{:>6}{:>8.2f}{:>9.2f}"
print("{:<10}{:>6}{:>8}{:>9}".format("fruit", "qty", "price", "total"))
for name, qty, price in rows:
    print(fmt.format(name, qty, price, qty * price))
print("-" * 33)
print("{:<10}{:>6}{:>17.2f}".format("sum", sum(r[1] for r in rows), sum(r[1] * r[2] for r in rows)))

print(string.capwords("the quick  brown fox-jumps over"))
print(string.ascii_lowercase[:5], string.digits, len(string.punctuation), repr(string.whitespace))
alphabet = string.ascii_uppercase
print("index of letters in HELLO:", [alphabet.index(c) for c in "HELLO"])


class Money:
    def __init__(self, cents, currency="EUR"):
        self.cents = cents
        self.currency = currency

    def __format__(self, spec):
        amount = self.cents / 100
        if spec == "short":
            return f"{amount:.0f}{self.currency[0]}"
        return f"{format(amount, spec or ',.2f')} {self.currency}"

    def __str__(self):
        return format(self)


m = Money(1234567)
print(f"default: {m} | short: {m:short} | spec: {m:>14,.1f}")
print("via format(): {} / {:.3f}".format(m, Money(5, "USD")))
print(format(1234.5678, ".1f"), format(0.5, "%"), format(7, "03d"), format("hi", "^6") + "|")
