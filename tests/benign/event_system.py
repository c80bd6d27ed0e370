# benign: publish/subscribe event bus with priorities, once-handlers, wildcard topics and closures
from collections import defaultdict
from functools import partial


def describe(fn):
    if isinstance(fn, partial):
        return f"partial({fn.func.__name__}, {sorted(fn.keywords.items())})"
    return fn.__name__


class EventBus:
    def __init__(self):
        self._handlers = defaultdict(list)
        self._order = 0
        self.dead_letters = []

    def subscribe(self, topic, handler, priority=0, once=False):
        self._order += 1
        self._handlers[topic].append((-priority, self._order, handler, once))
        self._handlers[topic].sort(key=lambda h: (h[0], h[1]))

        def unsubscribe():
            self._handlers[topic] = [h for h in self._handlers[topic] if h[2] is not handler]

        return unsubscribe

    def on(self, topic, priority=0):
        def register(fn):
            self.subscribe(topic, fn, priority)
            return fn

        return register

    def publish(self, topic, **payload):
        matched = []
        for pattern in list(self._handlers):
            if pattern == topic or (pattern.endswith(".*") and topic.startswith(pattern[:-1])):
                matched.extend(self._handlers[pattern])
        if not matched:
            self.dead_letters.append(topic)
            return []
        results = []
        for entry in sorted(matched, key=lambda h: (h[0], h[1])):
            _, _, handler, once = entry
            try:
                results.append(handler(topic, **payload))
            except Exception as exc:
                results.append(f"handler {describe(handler)} failed: {exc}")
            if once:
                for pattern in self._handlers:
                    if entry in self._handlers[pattern]:
                        self._handlers[pattern].remove(entry)
        return results


bus = EventBus()
audit = []


@bus.on("user.created", priority=10)
def validate(topic, name, **_):
    if not name:
        raise ValueError("empty name")
    return f"validated {name}"


@bus.on("user.*")
def log_all(topic, **payload):
    audit.append((topic, tuple(sorted(payload))))
    return f"logged {topic}"


def send_email(topic, template, name="?", **_):
    return f"email[{template}] to {name}"


bus.subscribe("user.created", partial(send_email, template="welcome"), priority=5)
bus.subscribe("user.deleted", partial(send_email, template="goodbye"))


def make_counter():
    counts = defaultdict(int)

    def count(topic, **_):
        counts[topic] += 1
        return f"count {topic}={counts[topic]}"

    return count, counts


counter, counts = make_counter()
stop_counting = bus.subscribe("user.created", counter, priority=-1)
bus.subscribe("user.created", lambda topic, **kw: "first-time bonus", once=True)

print(bus.publish("user.created", name="ada"))
print(bus.publish("user.created", name="grace"))
stop_counting()
print(bus.publish("user.created", name=""))
print(bus.publish("user.deleted", name="ada"))
print(bus.publish("order.shipped", order=17))
print("dead letters:", bus.dead_letters)
print("audit:", audit)
print("counts:", dict(counts))



print("handlers:", sorted(describe(h[2]) for hs in bus._handlers.values() for h in hs))


class Observable:
    def __init__(self, value):
        self._value = value
        self._watchers = []

    def watch(self, fn):
        self._watchers.append(fn)

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, new):
        old, self._value = self._value, new
        if old != new:
            for fn in self._watchers:
                fn(old, new)


temp = Observable(20)
changes = []
temp.watch(lambda o, n: changes.append(f"{o}->{n}"))
temp.watch(lambda o, n: changes.append("ALERT" if n > 30 else "ok"))
for v in (21, 21, 35, 19):
    temp.value = v
print("changes:", changes)
