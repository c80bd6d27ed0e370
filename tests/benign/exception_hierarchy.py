# benign: custom exception hierarchy, try/except/else/finally ordering, chaining and cleanup
class AppError(Exception):
    code = 1

    def __init__(self, message, *, detail=None):
        super().__init__(message)
        self.detail = detail

    def __str__(self):
        base = super().__str__()
        return f"[{self.code}] {base}" + (f" ({self.detail})" if self.detail else "")


class ConfigError(AppError):
    code = 10


class MissingKey(ConfigError, KeyError):
    code = 11


class ValidationError(AppError):
    code = 20

    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}", detail="validation")
        self.field = field


trace = []


def load(config, key):
    trace.append(f"load {key}")
    try:
        value = config[key]
    except KeyError:
        raise MissingKey(f"missing key {key!r}") from None
    else:
        trace.append(f"found {key}")
        return value
    finally:
        trace.append(f"done {key}")


def validate_port(value):
    try:
        port = int(value)
    except (TypeError, ValueError) as exc:
        raise ValidationError("port", f"not an integer ({type(exc).__name__})") from exc
    if not 0 < port < 65536:
        raise ValidationError("port", f"{port} out of range")
    return port


config = {"host": "example.org", "port": "8080", "bad_port": "http", "big_port": "70000", "none_port": None}
for key in ("host", "timeout"):
    try:
        print("value:", load(config, key))
    except ConfigError as exc:
        print("config problem:", exc, "| is KeyError:", isinstance(exc, KeyError), "| code:", exc.code)
print("trace:", trace)

for key in ("port", "bad_port", "big_port", "none_port"):
    try:
        port = validate_port(config[key])
    except ValidationError as exc:
        print(f"{key}: {type(exc).__name__} field={exc.field} -> {exc}")
    else:
        print(f"{key}: ok {port}")

print("MissingKey is a:", [c.__name__ for c in (ConfigError, AppError, ValidationError, KeyError, LookupError, Exception) if issubclass(MissingKey, c)])
print("issubclass:", issubclass(MissingKey, AppError), issubclass(ValidationError, ConfigError))


def divide_all(pairs):
    results = []
    for a, b in pairs:
        try:
            results.append(a / b)
        except ZeroDivisionError:
            results.append("inf")
            continue
        except TypeError as exc:
            results.append(f"type error: {exc}")
            break
        finally:
            results.append("|")
    return results


print(divide_all([(1, 2), (3, 0), (4, "x"), (5, 5)]))


def finally_wins():
    try:
        return "from try"
    finally:
        trace.append("finally ran before return")


print(finally_wins(), "/", trace[-1])


def nested():
    log = []
    try:
        try:
            log.append("inner try")
            raise ValueError("inner boom")
        except ValueError as exc:
            log.append(f"caught {exc}")
            raise RuntimeError("outer boom")
        finally:
            log.append("inner finally")
    except RuntimeError as exc:
        log.append(f"caught {exc}")
    finally:
        log.append("outer finally")
    return log


print(nested())

errors = []
for thunk in (lambda: [][1], lambda: {}["k"], lambda: int("x1"), lambda: None + 1,
              lambda: "abc".index("z"), lambda: 2**0.5 > "a", lambda: [1, 2].remove(3),
              lambda: next(iter([])), lambda: 10 % 0, lambda: int(" 42 ")):
    try:
        errors.append(("ok", thunk()))
    except LookupError as exc:
        errors.append(("lookup", type(exc).__name__, str(exc)))
    except ArithmeticError as exc:
        errors.append(("arith", type(exc).__name__, str(exc)))
    except Exception as exc:
        errors.append(("other", type(exc).__name__, str(exc)))
for e in errors:
    print(e)


class Retry(Exception):
    pass


attempts = 0


def flaky():
    global attempts
    attempts += 1
    if attempts < 3:
        raise Retry(f"attempt {attempts} failed")
    return f"succeeded on attempt {attempts}"


for _ in range(5):
    try:
        print(flaky())
        break
    except Retry as exc:
        print("retrying after:", exc)

try:
    raise AppError("plain")
except AppError as exc:
    print(repr(exc.args), str(exc))
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as exc:
    print("assertion:", exc)
