# benign: lending library with members, loans, due dates, fines and layered config via ChainMap
from collections import ChainMap, defaultdict, deque
from datetime import date, timedelta

DEFAULTS = {"loan_days": 14, "max_loans": 3, "fine_per_day_cents": 25, "max_fine_cents": 500}
branch_config = {"loan_days": 21}
holiday_overrides = {"fine_per_day_cents": 0}
config = ChainMap(holiday_overrides, branch_config, DEFAULTS)
normal = config.parents
print("normal config:", dict(sorted(normal.items())))
print("holiday config:", dict(sorted(config.items())))


class LibraryError(Exception):
    pass


class Book:
    def __init__(self, isbn, title, author, copies=1):
        self.isbn, self.title, self.author = isbn, title, author
        self.copies = copies
        self.available = copies
        self.holds = deque()

    def __repr__(self):
        return f"<{self.title} ({self.available}/{self.copies})>"


class Member:
    def __init__(self, member_id, name):
        self.member_id, self.name = member_id, name
        self.loans = {}
        self.fines_cents = 0

    def __repr__(self):
        return f"Member({self.member_id}, {self.name})"


class Library:
    def __init__(self, settings):
        self.settings = settings
        self.books = {}
        self.members = {}
        self.ledger = []
        self.stats = defaultdict(int)

    def add_book(self, *args, **kwargs):
        book = Book(*args, **kwargs)
        self.books[book.isbn] = book

    def join(self, member_id, name):
        self.members[member_id] = Member(member_id, name)

    def checkout(self, member_id, isbn, today):
        m, b = self.members[member_id], self.books[isbn]
        if m.fines_cents > 0:
            raise LibraryError(f"{m.name} owes {m.fines_cents / 100:.2f}")
        if len(m.loans) >= self.settings["max_loans"]:
            raise LibraryError(f"{m.name} reached the loan limit")
        if b.available == 0:
            if member_id not in b.holds:
                b.holds.append(member_id)
            raise LibraryError(f"'{b.title}' unavailable; {m.name} is #{list(b.holds).index(member_id) + 1} in queue")
        if b.holds and b.holds[0] != member_id:
            raise LibraryError(f"'{b.title}' is held for {self.members[b.holds[0]].name}")
        if b.holds and b.holds[0] == member_id:
            b.holds.popleft()
        b.available -= 1
        due = today + timedelta(days=self.settings["loan_days"])
        m.loans[isbn] = due
        self.stats["checkouts"] += 1
        self.ledger.append((today, "out", member_id, isbn))
        return due

    def checkin(self, member_id, isbn, today):
        m, b = self.members[member_id], self.books[isbn]
        due = m.loans.pop(isbn)
        b.available += 1
        late = max((today - due).days, 0)
        fine = min(late * self.settings["fine_per_day_cents"], self.settings["max_fine_cents"])
        m.fines_cents += fine
        self.stats["returns"] += 1
        self.stats["late_returns"] += late > 0
        self.ledger.append((today, "in", member_id, isbn))
        return late, fine

    def pay(self, member_id, cents):
        m = self.members[member_id]
        paid = min(cents, m.fines_cents)
        m.fines_cents -= paid
        return paid

    def overdue(self, today):
        return sorted(
            (m.name, self.books[isbn].title, (today - due).days)
            for m in self.members.values()
            for isbn, due in m.loans.items()
            if due < today
        )


lib = Library(normal)
lib.add_book("111", "Dune", "Herbert", copies=2)
lib.add_book("222", "Neuromancer", "Gibson")
lib.add_book("333", "Foundation", "Asimov")
lib.add_book("444", "Hyperion", "Simmons")
for mid, name in [(1, "Ana"), (2, "Ben"), (3, "Cleo")]:
    lib.join(mid, name)

day = date(2024, 3, 1)
actions = [
    (0, "out", 1, "111"), (0, "out", 1, "222"), (1, "out", 2, "222"), (1, "out", 2, "111"),
    (2, "out", 3, "111"), (2, "out", 1, "333"), (3, "out", 1, "444"), (10, "in", 1, "222"),
    (11, "out", 3, "222"), (11, "out", 2, "222"), (30, "in", 1, "111"), (30, "out", 1, "444"),
    (31, "out", 2, "111"), (31, "out", 3, "111"), (31, "pay", 1, 200), (32, "pay", 1, 1000),
    (32, "out", 1, "444"), (45, "in", 2, "222"), (45, "in", 2, "111"), (46, "in", 3, "111"),
]
for offset, kind, mid, arg in actions:
    today = day + timedelta(days=offset)
    name = lib.members[mid].name
    try:
        if kind == "out":
            due = lib.checkout(mid, arg, today)
            print(f"{today} {name:<4} borrows {lib.books[arg].title:<12} due {due}")
        elif kind == "in":
            late, fine = lib.checkin(mid, arg, today)
            print(f"{today} {name:<4} returns {lib.books[arg].title:<12} late {late:>2}d fine {fine / 100:.2f}")
        else:
            print(f"{today} {name:<4} pays {lib.pay(mid, arg) / 100:.2f}")
    except LibraryError as exc:
        print(f"{today} {name:<4} ERROR {exc}")

print("overdue on 2024-04-15:", lib.overdue(date(2024, 4, 15)))
print("books:", sorted(lib.books.values(), key=lambda b: b.title))
print("stats:", dict(lib.stats))
print("ledger entries:", len(lib.ledger), "| first:", lib.ledger[0][0].isoformat(), lib.ledger[0][1:])
print("fines:", {m.name: m.fines_cents for m in lib.members.values()})
local = config.new_child({"max_loans": 1})
print("child lookup:", local["max_loans"], local["loan_days"], local["fine_per_day_cents"], "| maps:", len(local.maps))
