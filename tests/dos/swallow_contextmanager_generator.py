# source: new: a @contextlib.contextmanager generator catches the limit
# family: swallow
# expect: StepLimitExceeded|TimeLimitExceeded
# tier: both
# note: contextmanager throws the pending exception into the generator; the generator catches it,
# note: __exit__ reports it handled, and the outer loop starts again.
import contextlib


@contextlib.contextmanager
def guard():
    try:
        yield
    except BaseException:
        pass


while True:
    with guard():
        while True:
            pass
