# benign: k-way merging of sorted streams, top-k queries and a running median with two heaps
import heapq
from itertools import islice

sensor_a = [(1, "a", 20.1), (4, "a", 20.5), (9, "a", 21.0), (15, "a", 21.2)]
sensor_b = [(2, "b", 18.0), (3, "b", 18.2), (9, "b", 18.9), (20, "b", 19.5)]
sensor_c = [(5, "c", 25.5), (6, "c", 25.1), (16, "c", 24.8)]
merged = list(heapq.merge(sensor_a, sensor_b, sensor_c))
print("merged timeline:")
for t, sensor, value in merged:
    print(f"  t={t:>2} {sensor} {value:5.1f}")

desc = list(heapq.merge([9, 7, 3], [8, 4, 1], [10, 2], reverse=True))
print("merge descending:", desc)
by_len = list(heapq.merge(["a", "ccc", "eeeee"], ["bb", "dddd"], key=len))
print("merge by key:", by_len)


def numbers(start, step):
    n = start
    while True:
        yield n
        n += step


print("lazy merge of infinite streams:", list(islice(heapq.merge(numbers(0, 3), numbers(1, 5), numbers(2, 7)), 15)))

scores = {"ann": 88, "bob": 95, "cat": 71, "dan": 95, "eve": 60, "fox": 83, "gus": 99}
print("top 3:", heapq.nlargest(3, scores.items(), key=lambda kv: kv[1]))
print("bottom 2:", heapq.nsmallest(2, scores, key=scores.get))


class RunningMedian:
    def __init__(self):
        self.low = []
        self.high = []

    def add(self, x):
        if not self.low or x <= -self.low[0]:
            heapq.heappush(self.low, -x)
        else:
            heapq.heappush(self.high, x)
        if len(self.low) > len(self.high) + 1:
            heapq.heappush(self.high, -heapq.heappop(self.low))
        elif len(self.high) > len(self.low):
            heapq.heappush(self.low, -heapq.heappop(self.high))

    def median(self):
        if len(self.low) > len(self.high):
            return -self.low[0]
        return (-self.low[0] + self.high[0]) / 2


rm = RunningMedian()
stream = [5, 15, 1, 3, 8, 7, 9, 10, 20, 2]
medians = []
for x in stream:
    rm.add(x)
    medians.append(rm.median())
print("running medians:", medians)


def kth_smallest_pair_sums(a, b, k):
    heap = [(a[0] + b[j], 0, j) for j in range(len(b))]
    heapq.heapify(heap)
    out = []
    while heap and len(out) < k:
        s, i, j = heapq.heappop(heap)
        out.append((a[i], b[j], s))
        if i + 1 < len(a):
            heapq.heappush(heap, (a[i + 1] + b[j], i + 1, j))
    return out


print("smallest pair sums:", kth_smallest_pair_sums([1, 7, 11], [2, 4, 6], 5))


def merge_intervals(intervals):
    heap = list(intervals)
    heapq.heapify(heap)
    out = []
    while heap:
        lo, hi = heapq.heappop(heap)
        if out and lo <= out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return out


print("merged intervals:", merge_intervals([(8, 10), (1, 3), (2, 6), (15, 18), (17, 20), (6, 7)]))


def min_meeting_rooms(meetings):
    rooms = []
    for start, end in sorted(meetings):
        if rooms and rooms[0] <= start:
            heapq.heapreplace(rooms, end)
        else:
            heapq.heappush(rooms, end)
    return len(rooms)


print("rooms needed:", min_meeting_rooms([(0, 30), (5, 10), (15, 20), (10, 25), (30, 40), (25, 35)]))

heap = []
for word in "the heap keeps the smallest word at the front".split():
    heapq.heappush(heap, (len(word), word))
print("heap invariant root:", heap[0], "| drained:", [heapq.heappop(heap)[1] for _ in range(len(heap))])
