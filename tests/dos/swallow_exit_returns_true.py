# source: shared/research/agent-sandboxes.md payload 12 (__exit__ returning True)
# family: swallow
# expect: StepLimitExceeded|TimeLimitExceeded
# tier: both
# note: turned into a loop that restarts after each suppression.
class Swallow:
    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        return True


while True:
    with Swallow():
        while True:
            pass
