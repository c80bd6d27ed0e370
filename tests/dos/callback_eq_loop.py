# source: shared/research/agent-sandboxes.md payload 8 (host-triggered __eq__); smolagents #2395
# family: callback
# expect: StepLimitExceeded|TimeLimitExceeded
# tier: both
# callback: eq
class Bomb:
    def __eq__(self, other):
        while True:
            pass

    __hash__ = None


CALLBACK = Bomb()
