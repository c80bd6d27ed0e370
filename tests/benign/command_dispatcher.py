# benign: match-statement command dispatcher over parsed text commands and structured events
class Move:
    def __init__(self, dx, dy):
        self.dx = dx
        self.dy = dy


class Say:
    def __init__(self, text, loud=False):
        self.text = text
        self.loud = loud


class Robot:
    def __init__(self):
        self.x = self.y = 0
        self.facing = "N"
        self.carrying = []
        self.log = []

    def __repr__(self):
        return f"Robot(at=({self.x}, {self.y}), facing={self.facing}, carrying={self.carrying})"


TURN_LEFT = {"N": "W", "W": "S", "S": "E", "E": "N"}
TURN_RIGHT = {v: k for k, v in TURN_LEFT.items()}
STEP = {"N": (0, 1), "S": (0, -1), "E": (1, 0), "W": (-1, 0)}
DIRS = {"n": "N", "north": "N", "s": "S", "south": "S", "e": "E", "east": "E", "w": "W", "west": "W"}


def dispatch(robot, line):
    match line.split():
        case []:
            return "nothing to do"
        case ["go" | "move", direction] if direction.lower() in DIRS:
            robot.facing = DIRS[direction.lower()]
            dx, dy = STEP[robot.facing]
            robot.x += dx
            robot.y += dy
            return f"moved {robot.facing}"
        case ["forward", n] if n.isdigit():
            dx, dy = STEP[robot.facing]
            robot.x += dx * int(n)
            robot.y += dy * int(n)
            return f"forward {n}"
        case ["turn", ("left" | "right") as side]:
            robot.facing = (TURN_LEFT if side == "left" else TURN_RIGHT)[robot.facing]
            return f"now facing {robot.facing}"
        case ["pick", "up", *items] if items:
            robot.carrying.extend(items)
            return f"picked {len(items)} item(s)"
        case ["drop", "all"]:
            dropped, robot.carrying = robot.carrying, []
            return f"dropped {dropped}"
        case ["drop", item]:
            if item in robot.carrying:
                robot.carrying.remove(item)
                return f"dropped {item}"
            return f"not carrying {item}"
        case ["where"]:
            return repr(robot)
        case [verb, *_]:
            return f"unknown command {verb!r}"


robot = Robot()
script = ["go north", "move e", "forward 3", "turn left", "forward 2", "turn right", "turn right",
          "pick up key lamp coin", "drop lamp", "drop sword", "", "dance wildly", "go up", "where", "drop all"]
for line in script:
    print(f"{line!r:<26} -> {dispatch(robot, line)}")


def describe(event):
    match event:
        case Move(dx=0, dy=0):
            return "stand still"
        case Move(dx=0, dy=dy):
            return f"vertical move by {dy}"
        case Move(dx=dx, dy=dy) if abs(dx) == abs(dy):
            return f"diagonal move {dx},{dy}"
        case Move():
            return "some other move"
        case Say(text=t, loud=True):
            return t.upper() + "!"
        case Say(text=t):
            return f"says {t!r}"
        case {"type": "click", "pos": [x, y]}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str() as k, **rest}:
            return f"key {k} with {sorted(rest)}"
        case (int() | float()) as n if n < 0:
            return f"negative number {n}"
        case int() | float():
            return "number"
        case [first, *others]:
            return f"sequence starting with {first!r} (+{len(others)})"
        case None:
            return "nothing"
        case _:
            return f"unrecognised {type(event).__name__}"


events = [Move(0, 0), Move(0, -3), Move(2, -2), Move(1, 5), Say("hello"), Say("fire", loud=True),
          {"type": "click", "pos": [10, 20]}, {"type": "key", "key": "q", "ctrl": True, "alt": False},
          {"type": "click", "pos": [1]}, -4.5, 7, [1, 2, 3], (), None, "text"]
for ev in events:
    print(describe(ev))


def http_status(code):
    match code:
        case 200 | 201 | 204:
            return "success"
        case 301 | 302:
            return "redirect"
        case 404:
            return "not found"
        case c if 400 <= c < 500:
            return "client error"
        case c if 500 <= c < 600:
            return "server error"
        case _:
            return "unknown"


print({c: http_status(c) for c in (200, 204, 302, 404, 418, 503, 99)})
