# benign: tokenizer, recursive-descent parser and tree-walking interpreter for a tiny language
import re
import math

TOKEN_SPEC = [
    ("NUM", r"\d+(?:\.\d+)?"),
    ("NAME", r"[A-Za-z_]\w*"),
    ("OP", r"\*\*|[-+*/%(),=<>]"),
    ("SKIP", r"[ \t]+"),
    ("ERR", r"."),
]
TOKEN_RE = re.compile("|".join(f"(?P<{n}>{p})" for n, p in TOKEN_SPEC))


class Token:
    def __init__(self, kind, text, pos):
        self.kind, self.text, self.pos = kind, text, pos

    def __repr__(self):
        return f"{self.kind}:{self.text}"


class CalcError(Exception):
    pass


def tokenize(src):
    out = []
    for m in TOKEN_RE.finditer(src):
        kind = m.lastgroup
        if kind == "SKIP":
            continue
        if kind == "ERR":
            raise CalcError(f"unexpected character {m.group()!r} at {m.start()}")
        out.append(Token(kind, m.group(), m.start()))
    out.append(Token("EOF", "", len(src)))
    return out


class Num:
    def __init__(self, value):
        self.value = value

    def __repr__(self):
        return f"Num({self.value})"


class Var:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Var({self.name})"


class BinOp:
    def __init__(self, op, left, right):
        self.op, self.left, self.right = op, left, right

    def __repr__(self):
        return f"BinOp({self.op!r}, {self.left!r}, {self.right!r})"


class Neg:
    def __init__(self, operand):
        self.operand = operand

    def __repr__(self):
        return f"Neg({self.operand!r})"


class Call:
    def __init__(self, name, args):
        self.name, self.args = name, args

    def __repr__(self):
        return f"Call({self.name}, {self.args!r})"


class Assign:
    def __init__(self, name, expr):
        self.name, self.expr = name, expr

    def __repr__(self):
        return f"Assign({self.name}, {self.expr!r})"


class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.i = 0

    def peek(self):
        return self.tokens[self.i]

    def take(self, text=None):
        tok = self.tokens[self.i]
        if text is not None and tok.text != text:
            raise CalcError(f"expected {text!r} at {tok.pos}, got {tok.text or 'end of input'!r}")
        self.i += 1
        return tok

    def statement(self):
        if self.peek().kind == "NAME" and self.tokens[self.i + 1].text == "=":
            name = self.take().text
            self.take("=")
            node = Assign(name, self.comparison())
        else:
            node = self.comparison()
        if self.peek().kind != "EOF":
            raise CalcError(f"trailing input at {self.peek().pos}")
        return node

    def comparison(self):
        node = self.expr()
        while self.peek().text in ("<", ">"):
            op = self.take().text
            node = BinOp(op, node, self.expr())
        return node

    def expr(self):
        node = self.term()
        while self.peek().text in ("+", "-"):
            op = self.take().text
            node = BinOp(op, node, self.term())
        return node

    def term(self):
        node = self.unary()
        while self.peek().text in ("*", "/", "%"):
            op = self.take().text
            node = BinOp(op, node, self.unary())
        return node

    def unary(self):
        if self.peek().text == "-":
            self.take()
            return Neg(self.unary())
        return self.power()

    def power(self):
        base = self.atom()
        if self.peek().text == "**":
            self.take()
            return BinOp("**", base, self.unary())
        return base

    def atom(self):
        tok = self.peek()
        if tok.kind == "NUM":
            self.take()
            return Num(float(tok.text) if "." in tok.text else int(tok.text))
        if tok.kind == "NAME":
            self.take()
            if self.peek().text == "(":
                self.take("(")
                args = []
                if self.peek().text != ")":
                    args.append(self.comparison())
                    while self.peek().text == ",":
                        self.take()
                        args.append(self.comparison())
                self.take(")")
                return Call(tok.text, args)
            return Var(tok.text)
        if tok.text == "(":
            self.take()
            node = self.comparison()
            self.take(")")
            return node
        raise CalcError(f"unexpected {tok.text or 'end of input'!r} at {tok.pos}")


FUNCS = {"sqrt": math.sqrt, "max": max, "min": min, "abs": abs, "gcd": math.gcd, "hypot": math.hypot}
OPS = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
    "/": lambda a, b: a / b, "%": lambda a, b: a % b, "**": lambda a, b: a**b,
    "<": lambda a, b: int(a < b), ">": lambda a, b: int(a > b),
}


def evaluate(node, env):
    match node:
        case Num(value=v):
            return v
        case Var(name=n):
            if n not in env:
                raise CalcError(f"undefined variable {n}")
            return env[n]
        case Neg(operand=o):
            return -evaluate(o, env)
        case BinOp(op=op, left=l, right=r):
            try:
                return OPS[op](evaluate(l, env), evaluate(r, env))
            except ZeroDivisionError:
                raise CalcError("division by zero") from None
        case Call(name=n, args=args):
            if n not in FUNCS:
                raise CalcError(f"unknown function {n}")
            return FUNCS[n](*(evaluate(a, env) for a in args))
        case Assign(name=n, expr=e):
            env[n] = evaluate(e, env)
            return env[n]
    raise CalcError("bad node")


print(tokenize("x = 3 * (y + 2.5)"))
print(Parser(tokenize("-2 ** 2 + f(1, 2)")).statement())

env = {"pi": math.pi}
program = [
    "x = 7", "y = x * 2 + 1", "y - x", "2 ** 3 ** 2", "-2 ** 2", "(1 + 2) * (3 + 4) % 5",
    "r = sqrt(3 * 3 + 4 * 4)", "hypot(5, 12) + max(1, r, 3)", "gcd(462, 1071)",
    "area = pi * r ** 2", "x > y", "10 / 4", "abs(-x) < 8",
    "1 / 0", "z + 1", "foo(2)", "3 +", "(1 + 2", "4 $ 4", "1 2",
]
for line in program:
    try:
        result = evaluate(Parser(tokenize(line)).statement(), env)
        if isinstance(result, float):
            result = round(result, 6)
        print(f"{line:<30} => {result}")
    except CalcError as exc:
        print(f"{line:<30} !! {exc}")
print("variables:", {k: round(v, 4) for k, v in sorted(env.items())})
