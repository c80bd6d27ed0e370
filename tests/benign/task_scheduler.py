# benign: priority-queue job scheduler with heapq, stable tie-breaking and simulated clock
import heapq
from itertools import count


class Job:
    def __init__(self, name, priority, duration, deps=()):
        self.name = name
        self.priority = priority
        self.duration = duration
        self.deps = tuple(deps)
        self.remaining = duration

    def __repr__(self):
        return f"Job({self.name}, p={self.priority}, d={self.duration})"


class Scheduler:
    def __init__(self, quantum=3):
        self.quantum = quantum
        self._heap = []
        self._seq = count()
        self.clock = 0
        self.done = {}
        self.waiting = []
        self.trace = []

    def submit(self, job):
        if all(d in self.done for d in job.deps):
            heapq.heappush(self._heap, (job.priority, next(self._seq), job))
        else:
            self.waiting.append(job)

    def _release_waiting(self):
        still = []
        for job in self.waiting:
            if all(d in self.done for d in job.deps):
                heapq.heappush(self._heap, (job.priority, next(self._seq), job))
            else:
                still.append(job)
        self.waiting = still

    def run(self):
        while self._heap:
            prio, _, job = heapq.heappop(self._heap)
            slice_ = min(self.quantum, job.remaining)
            self.trace.append(f"t={self.clock:>2} run {job.name} for {slice_}")
            self.clock += slice_
            job.remaining -= slice_
            if job.remaining:
                heapq.heappush(self._heap, (prio + 1, next(self._seq), job))
            else:
                self.done[job.name] = self.clock
                self._release_waiting()
        return self.done


s = Scheduler(quantum=3)
for job in [
    Job("compile", 1, 5),
    Job("lint", 2, 2),
    Job("test", 1, 4, deps=["compile"]),
    Job("docs", 5, 3),
    Job("package", 0, 2, deps=["test", "lint"]),
    Job("deploy", 0, 1, deps=["package"]),
]:
    s.submit(job)
print("waiting initially:", s.waiting)
finished = s.run()
print("\n".join(s.trace))
print("completion times:", finished)
print("makespan:", s.clock)
print("unfinished:", s.waiting)

tasks = [(3, "write report"), (1, "fix prod bug"), (2, "review PR"), (1, "answer pager"), (5, "lunch")]
heap = list(tasks)
heapq.heapify(heap)
print("pop order:", [heapq.heappop(heap)[1] for _ in range(len(tasks))])
print("3 most urgent:", heapq.nsmallest(3, tasks))
print("2 least urgent:", heapq.nlargest(2, tasks, key=lambda t: t[0]))

h = [5, 1, 8]
heapq.heapify(h)
print("pushpop:", heapq.heappushpop(h, 3), "replace:", heapq.heapreplace(h, 10), "heap:", sorted(h))
