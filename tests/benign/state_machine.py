# benign: table-driven state machines for a vending machine and a turnstile
class InvalidTransition(Exception):
    pass


class StateMachine:
    def __init__(self, name, initial, transitions):
        self.name = name
        self.state = initial
        self.transitions = transitions
        self.history = [initial]
        self.listeners = []

    def on_change(self, fn):
        self.listeners.append(fn)
        return fn

    def fire(self, event, **data):
        key = (self.state, event)
        if key not in self.transitions:
            raise InvalidTransition(f"{self.name}: no transition for {event!r} in state {self.state!r}")
        target, action = self.transitions[key]
        old = self.state
        if action is not None:
            action(self, **data)
        self.state = target
        self.history.append(target)
        for fn in self.listeners:
            fn(old, event, target)
        return target


class VendingMachine(StateMachine):
    PRICES = {"cola": 150, "chips": 100, "candy": 65}

    def __init__(self):
        self.credit = 0
        self.dispensed = []
        self.returned = []
        t = {
            ("idle", "coin"): ("has_credit", VendingMachine.add_coin),
            ("has_credit", "coin"): ("has_credit", VendingMachine.add_coin),
            ("has_credit", "select"): ("dispensing", VendingMachine.select),
            ("has_credit", "refund"): ("idle", VendingMachine.refund),
            ("dispensing", "done"): ("idle", VendingMachine.refund),
            ("idle", "service"): ("maintenance", None),
            ("maintenance", "service"): ("idle", None),
        }
        super().__init__("vending", "idle", t)

    def add_coin(self, value):
        if value not in (5, 10, 25, 100):
            raise ValueError(f"rejected coin {value}")
        self.credit += value

    def select(self, item):
        price = self.PRICES[item]
        if self.credit < price:
            raise InvalidTransition(f"need {price - self.credit} more cents for {item}")
        self.credit -= price
        self.dispensed.append(item)

    def refund(self):
        if self.credit:
            self.returned.append(self.credit)
        self.credit = 0


vm = VendingMachine()
log = []
vm.on_change(lambda old, ev, new: log.append(f"{old}--{ev}-->{new}"))

script = [
    ("select", {"item": "cola"}),
    ("coin", {"value": 100}),
    ("coin", {"value": 3}),
    ("select", {"item": "cola"}),
    ("coin", {"value": 25}),
    ("coin", {"value": 25}),
    ("select", {"item": "cola"}),
    ("done", {}),
    ("coin", {"value": 100}),
    ("select", {"item": "candy"}),
    ("done", {}),
    ("service", {}),
    ("coin", {"value": 25}),
    ("service", {}),
]
for event, data in script:
    try:
        state = vm.fire(event, **data)
        print(f"{event:<8} ok   -> {state:<12} credit={vm.credit}")
    except (InvalidTransition, ValueError) as exc:
        print(f"{event:<8} FAIL {type(exc).__name__}: {exc}")

print("dispensed:", vm.dispensed, "returned:", vm.returned)
print("transitions:")
for entry in log:
    print("  " + entry)
print("states visited:", sorted(set(vm.history)))


def turnstile(events):
    table = {
        "locked": {"coin": "unlocked", "push": "locked"},
        "unlocked": {"coin": "unlocked", "push": "locked"},
    }
    state, coins, passes = "locked", 0, 0
    for ev in events:
        nxt = table[state][ev]
        coins += ev == "coin"
        passes += state == "unlocked" and ev == "push"
        state = nxt
    return state, coins, passes


print("turnstile:", turnstile("coin push push coin coin push push".split()))


def parse_number(text):
    state = "start"
    accepting = {"int", "frac", "exp_digits"}
    for ch in text:
        if ch.isdigit():
            kind = "digit"
        elif ch in "+-":
            kind = "sign"
        elif ch == ".":
            kind = "dot"
        elif ch in "eE":
            kind = "exp"
        else:
            return False
        state = {
            ("start", "digit"): "int", ("start", "sign"): "signed", ("signed", "digit"): "int",
            ("int", "digit"): "int", ("int", "dot"): "dot", ("dot", "digit"): "frac",
            ("frac", "digit"): "frac", ("int", "exp"): "exp", ("frac", "exp"): "exp",
            ("exp", "sign"): "exp_sign", ("exp", "digit"): "exp_digits",
            ("exp_sign", "digit"): "exp_digits", ("exp_digits", "digit"): "exp_digits",
        }.get((state, kind), "dead")
        if state == "dead":
            return False
    return state in accepting


for s in ["42", "-3.14", "6.02e23", "1e-9", "+.5", "1.", "e5", "12a", "--1", "7E+2"]:
    print(f"{s!r:>10} is number: {parse_number(s)}")
