# source: new: a Decimal's exponent is free at construction (and up to Emax in arithmetic);
# source: converting one to int is quadratic in its digits (int(Decimal('1e100000')) takes 0.6 s)
# family: c-level
# expect: TimeLimitExceeded|MemoryLimitExceeded
# tier: isolated
# note: int() of a Decimal runs libmpdec's base conversion in one C call: no bytecode boundary,
# note: so neither a checkpoint nor the watchdog's asynchronous exception can stop it in-process.
# note: In a worker, RLIMIT_AS may end it first (MemoryLimitExceeded, seen in CI on 3.11).
import decimal

int(decimal.Decimal("1e100000000"))
