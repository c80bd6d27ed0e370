# benign: tiny spreadsheet with formulas, dependency ordering, recalculation and cycle detection
import re
from collections import defaultdict

REF = re.compile(r"\b([A-Z])(\d+)\b")
RANGE = re.compile(r"\b(SUM|AVG|MAX|MIN|COUNT)\(([A-Z]\d+):([A-Z]\d+)\)")


class CycleError(Exception):
    pass


class Sheet:
    def __init__(self):
        self.raw = {}
        self.values = {}

    def set(self, cell, content):
        self.raw[cell] = content
        self.recalculate()

    def _expand(self, a, b):
        c1, r1 = a[0], int(a[1:])
        c2, r2 = b[0], int(b[1:])
        return [f"{chr(c)}{r}" for c in range(ord(c1), ord(c2) + 1) for r in range(r1, r2 + 1)]

    def _deps(self, content):
        if not isinstance(content, str) or not content.startswith("="):
            return set()
        expr = content[1:]
        deps = set()
        for m in RANGE.finditer(expr):
            deps.update(self._expand(m.group(2), m.group(3)))
        deps.update(a + b for a, b in REF.findall(RANGE.sub("", expr)))
        return deps

    def order(self):
        deps = {cell: self._deps(c) for cell, c in self.raw.items()}
        state, out = {}, []

        def visit(cell, path):
            if state.get(cell) == "done":
                return
            if state.get(cell) == "active":
                raise CycleError(" -> ".join(path + [cell]))
            state[cell] = "active"
            for d in sorted(deps.get(cell, ())):
                visit(d, path + [cell])
            state[cell] = "done"
            out.append(cell)

        for cell in sorted(deps):
            visit(cell, [])
        return out

    def _eval(self, content):
        if not isinstance(content, str):
            return content
        if not content.startswith("="):
            return content
        expr = content[1:]

        def agg(m):
            vals = [self.values.get(c) for c in self._expand(m.group(2), m.group(3))]
            nums = [v for v in vals if isinstance(v, (int, float))]
            fn = m.group(1)
            if fn == "SUM":
                r = sum(nums)
            elif fn == "AVG":
                r = sum(nums) / len(nums) if nums else 0
            elif fn == "MAX":
                r = max(nums, default=0)
            elif fn == "MIN":
                r = min(nums, default=0)
            else:
                r = len(nums)
            return repr(r)

        expr = RANGE.sub(agg, expr)

        def ref(m):
            v = self.values.get(m.group(0), 0)
            if not isinstance(v, (int, float)):
                raise ValueError(f"{m.group(0)} is not numeric")
            return repr(v)

        expr = REF.sub(ref, expr)
        if not re.fullmatch(r"[\d\s.+\-*/()e]*", expr):
            raise ValueError(f"bad expression {expr!r}")
        return calc(expr)

    def recalculate(self):
        self.values = {}
        for cell in self.order():
            try:
                self.values[cell] = self._eval(self.raw.get(cell))
            except (ValueError, ZeroDivisionError) as exc:
                self.values[cell] = f"#ERR({type(exc).__name__})"

    def show(self, cols="ABCD", rows=range(1, 6)):
        print("    " + "".join(f"{c:>12}" for c in cols))
        for r in rows:
            cells = []
            for c in cols:
                v = self.values.get(f"{c}{r}", "")
                cells.append(f"{v:>12.2f}" if isinstance(v, float) else f"{str(v):>12}")
            print(f"{r:>3} " + "".join(cells))


def calc(expr):
    tokens = re.findall(r"\d+\.?\d*(?:e[+-]?\d+)?|[-+*/()]", expr)
    pos = 0

    def peek():
        return tokens[pos] if pos < len(tokens) else None

    def take():
        nonlocal pos
        pos += 1
        return tokens[pos - 1]

    def expr_():
        v = term()
        while peek() in ("+", "-"):
            v = v + term() if take() == "+" else v - term()
        return v

    def term():
        v = factor()
        while peek() in ("*", "/"):
            v = v * factor() if take() == "*" else v / factor()
        return v

    def factor():
        t = take()
        if t == "-":
            return -factor()
        if t == "(":
            v = expr_()
            take()
            return v
        return float(t) if "." in t or "e" in t else int(t)

    return expr_()


sheet = Sheet()
for cell, content in {
    "A1": "Item", "B1": "Qty", "C1": "Price", "D1": "Total",
    "A2": "pens", "B2": 12, "C2": 1.25, "D2": "=B2*C2",
    "A3": "paper", "B3": 3, "C3": 4.5, "D3": "=B3*C3",
    "A4": "ink", "B4": 2, "C4": 19.99, "D4": "=B4*C4",
    "A5": "sum", "B5": "=SUM(B2:B4)", "C5": "=AVG(C2:C4)", "D5": "=SUM(D2:D4)*(1+0.08)",
}.items():
    sheet.raw[cell] = content
sheet.recalculate()
sheet.show()
print("evaluation order:", sheet.order()[-6:])

sheet.set("B2", 100)
print("after B2=100: D2 =", sheet.values["D2"], "| D5 =", round(sheet.values["D5"], 4))
sheet.set("A6", "=D5/B5")
print("A6 =", round(sheet.values["A6"], 6))
sheet.set("B6", "=A2+1")
print("B6 =", sheet.values["B6"])
sheet.set("C6", "=1/(B3-3)")
print("C6 =", sheet.values["C6"])
sheet.set("D6", "=MAX(B2:D4)-MIN(B2:C4)+COUNT(A1:D1)")
print("D6 =", sheet.values["D6"])
try:
    sheet.set("B3", "=D3+1")
except CycleError as exc:
    print("cycle:", exc)
    sheet.raw["B3"] = 3
    sheet.recalculate()
print("restored D3 =", sheet.values["D3"])
print("calc:", calc("2*(3+4)-10/4"), calc("-(1.5e2)+50"))
