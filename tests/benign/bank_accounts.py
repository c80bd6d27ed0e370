# benign: bank account simulation with name-mangled balances, properties, transfers and an audit log
class InsufficientFunds(Exception):
    pass


class AccountClosed(Exception):
    pass


class Account:
    _next_number = 1000
    interest_rate_bp = 0

    def __init__(self, owner, opening_cents=0):
        self.owner = owner
        self.__balance = 0
        self.__log = []
        self.number = Account._next_number
        Account._next_number += 1
        self.open = True
        if opening_cents:
            self.deposit(opening_cents, "opening deposit")

    @classmethod
    def for_child(cls, owner):
        acct = cls(owner, 500)
        acct.owner = owner + " (minor)"
        return acct

    @property
    def balance(self):
        return self.__balance

    def _check_open(self):
        if not self.open:
            raise AccountClosed(f"account {self.number} is closed")

    def deposit(self, cents, memo="deposit"):
        self._check_open()
        if cents <= 0:
            raise ValueError("deposit must be positive")
        self.__balance += cents
        self.__log.append((memo, cents, self.__balance))

    def withdraw(self, cents, memo="withdrawal"):
        self._check_open()
        if cents > self.__balance:
            raise InsufficientFunds(
                f"{self.owner} cannot withdraw {cents / 100:.2f}; balance {self.__balance / 100:.2f}"
            )
        self.__balance -= cents
        self.__log.append((memo, -cents, self.__balance))

    def apply_interest(self):
        interest = self.__balance * self.interest_rate_bp // 10000
        if interest:
            self.deposit(interest, "interest")
        return interest

    def close(self):
        self.open = False

    def statement(self):
        lines = [f"Statement for #{self.number} ({self.owner})"]
        for memo, amount, running in self.__log:
            lines.append(f"  {memo:<22}{amount / 100:>10.2f}{running / 100:>12.2f}")
        return "\n".join(lines)

    def __repr__(self):
        return f"{type(self).__name__}(#{self.number}, {self.owner!r}, {self.__balance / 100:.2f})"


class SavingsAccount(Account):
    interest_rate_bp = 250
    max_withdrawals = 2

    def __init__(self, owner, opening_cents=0):
        super().__init__(owner, opening_cents)
        self.withdrawals = 0

    def withdraw(self, cents, memo="withdrawal"):
        if self.withdrawals >= self.max_withdrawals:
            raise InsufficientFunds("withdrawal limit reached for savings")
        super().withdraw(cents, memo)
        self.withdrawals += 1


def transfer(src, dst, cents):
    try:
        src.withdraw(cents, f"transfer to #{dst.number}")
    except (InsufficientFunds, AccountClosed) as exc:
        print(f"transfer failed: {type(exc).__name__}: {exc}")
        return False
    dst.deposit(cents, f"transfer from #{src.number}")
    return True


alice = Account("Alice", 120_00)
bob = SavingsAccount("Bob", 5_000_00)
kid = Account.for_child("Carol")
print(alice, bob, kid, sep="\n")

print(transfer(alice, bob, 50_00))
print(transfer(alice, bob, 100_00))
print(transfer(bob, alice, 10_00))
print(transfer(bob, kid, 1_00))
print(transfer(bob, kid, 1_00))
for acct in (alice, bob, kid):
    print(f"interest for {acct.owner}: {acct.apply_interest()} cents")

kid.close()
try:
    kid.deposit(100)
except AccountClosed as exc:
    print("closed:", exc)
try:
    alice.deposit(-5)
except ValueError as exc:
    print("rejected:", exc)

try:
    alice.balance = 10**9
except AttributeError:
    print("balance is read-only")

print(alice.statement())
print(bob.statement())
print("total holdings:", sum(a.balance for a in (alice, bob, kid)) / 100)
