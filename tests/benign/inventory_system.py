# benign: warehouse inventory with stock movements, reorder report and a custom exception
from collections import defaultdict


class OutOfStockError(Exception):
    def __init__(self, sku, requested, available):
        super().__init__(f"{sku}: requested {requested}, only {available} available")
        self.sku = sku
        self.requested = requested
        self.available = available


class Item:
    def __init__(self, sku, name, price_cents, quantity=0, reorder_level=5):
        self.sku = sku
        self.name = name
        self.price_cents = price_cents
        self.quantity = quantity
        self.reorder_level = reorder_level

    @property
    def value_cents(self):
        return self.price_cents * self.quantity

    def __repr__(self):
        return f"Item({self.sku!r}, {self.name!r}, qty={self.quantity})"


class Inventory:
    def __init__(self):
        self._items = {}
        self._history = defaultdict(list)

    def add_item(self, item):
        if item.sku in self._items:
            raise ValueError(f"duplicate sku {item.sku}")
        self._items[item.sku] = item

    def receive(self, sku, qty):
        item = self._items[sku]
        item.quantity += qty
        self._history[sku].append(("in", qty))

    def ship(self, sku, qty):
        item = self._items[sku]
        if qty > item.quantity:
            raise OutOfStockError(sku, qty, item.quantity)
        item.quantity -= qty
        self._history[sku].append(("out", qty))

    def needs_reorder(self):
        return [i for i in self._items.values() if i.quantity <= i.reorder_level]

    def total_value_cents(self):
        return sum(i.value_cents for i in self._items.values())

    def __len__(self):
        return len(self._items)

    def __contains__(self, sku):
        return sku in self._items

    def __iter__(self):
        return iter(sorted(self._items.values(), key=lambda i: i.sku))

    def history(self, sku):
        return list(self._history[sku])


def money(cents):
    return f"${cents // 100:,}.{cents % 100:02d}"


inv = Inventory()
for args in [
    ("A-100", "Widget", 250, 40, 10),
    ("B-200", "Gadget", 1299, 8, 5),
    ("C-300", "Sprocket", 75, 200, 50),
    ("D-400", "Flux capacitor", 150000, 1, 1),
]:
    inv.add_item(Item(*args))

try:
    inv.add_item(Item("A-100", "Widget clone", 1))
except ValueError as exc:
    print("error:", exc)

orders = [("A-100", 15), ("B-200", 4), ("C-300", 160), ("B-200", 9), ("D-400", 1), ("A-100", 20)]
for sku, qty in orders:
    try:
        inv.ship(sku, qty)
        print(f"shipped {qty:>4} x {sku}")
    except OutOfStockError as exc:
        print(f"backorder: {exc} (short by {exc.requested - exc.available})")

inv.receive("B-200", 12)
inv.receive("C-300", 25)

print("items tracked:", len(inv), "| has C-300:", "C-300" in inv, "| has Z-999:", "Z-999" in inv)
print(f"{'SKU':<6} {'Name':<15} {'Qty':>5} {'Value':>12}")
for item in inv:
    print(f"{item.sku:<6} {item.name:<15} {item.quantity:>5} {money(item.value_cents):>12}")
print("total value:", money(inv.total_value_cents()))
print("reorder:", inv.needs_reorder())
for sku in ("A-100", "B-200"):
    moves = inv.history(sku)
    net = sum(q if kind == "in" else -q for kind, q in moves)
    print(sku, moves, "net", net)
