# benign: graph traversal with BFS, DFS, Dijkstra, topological sort and connected components
import heapq
from collections import deque, defaultdict

ROADS = [
    ("Amsterdam", "Berlin", 655), ("Amsterdam", "Brussels", 210), ("Brussels", "Paris", 300),
    ("Berlin", "Prague", 350), ("Prague", "Vienna", 330), ("Vienna", "Munich", 435),
    ("Munich", "Zurich", 315), ("Zurich", "Paris", 610), ("Berlin", "Munich", 585),
    ("Paris", "Lyon", 465), ("Lyon", "Zurich", 410), ("Lisbon", "Madrid", 625),
]

graph = defaultdict(dict)
for a, b, w in ROADS:
    graph[a][b] = w
    graph[b][a] = w


def bfs(start):
    seen = {start: 0}
    order = []
    queue = deque([start])
    while queue:
        node = queue.popleft()
        order.append(node)
        for nxt in sorted(graph[node]):
            if nxt not in seen:
                seen[nxt] = seen[node] + 1
                queue.append(nxt)
    return order, seen


def dfs(start, seen=None):
    if seen is None:
        seen = []
    seen.append(start)
    for nxt in sorted(graph[start]):
        if nxt not in seen:
            dfs(nxt, seen)
    return seen


def dijkstra(src):
    dist = {src: 0}
    prev = {}
    heap = [(0, src)]
    while heap:
        d, node = heapq.heappop(heap)
        if d > dist.get(node, float("inf")):
            continue
        for nxt, w in sorted(graph[node].items()):
            nd = d + w
            if nd < dist.get(nxt, float("inf")):
                dist[nxt] = nd
                prev[nxt] = node
                heapq.heappush(heap, (nd, nxt))
    return dist, prev


def path_to(prev, target):
    path = [target]
    while path[-1] in prev:
        path.append(prev[path[-1]])
    return path[::-1]


order, hops = bfs("Amsterdam")
print("BFS order:", " -> ".join(order))
print("hops:", sorted(hops.items(), key=lambda kv: (kv[1], kv[0])))
print("DFS order:", " -> ".join(dfs("Amsterdam")))

dist, prev = dijkstra("Amsterdam")
for city in sorted(dist, key=lambda c: (dist[c], c)):
    print(f"  {city:<10}{dist[city]:>6} km via {' > '.join(path_to(prev, city))}")
print("Lisbon reachable:", "Lisbon" in dist)


def components():
    seen, comps = set(), []
    for node in sorted(graph):
        if node in seen:
            continue
        comp = dfs(node, [])
        seen.update(comp)
        comps.append(sorted(comp))
    return comps


for comp in components():
    print("component:", comp)

TASKS = {
    "wake": [], "shower": ["wake"], "dress": ["shower"], "coffee": ["wake"],
    "breakfast": ["coffee"], "leave": ["dress", "breakfast"], "email": ["coffee"],
}


def topo_sort(deps):
    indeg = {t: len(d) for t, d in deps.items()}
    users = defaultdict(list)
    for t, d in deps.items():
        for x in d:
            users[x].append(t)
    ready = sorted(t for t, n in indeg.items() if n == 0)
    out = []
    while ready:
        t = ready.pop(0)
        out.append(t)
        for u in sorted(users[t]):
            indeg[u] -= 1
            if indeg[u] == 0:
                ready.append(u)
                ready.sort()
    if len(out) != len(deps):
        raise ValueError("cycle detected")
    return out


print("topological order:", topo_sort(TASKS))
try:
    topo_sort({"a": ["b"], "b": ["c"], "c": ["a"]})
except ValueError as exc:
    print("error:", exc)

GRID = ["S.#.....", ".##..#..", "....#..#", "#.#...#.", "...#...E"]


def grid_path():
    rows, cols = len(GRID), len(GRID[0])
    start = next((r, c) for r in range(rows) for c in range(cols) if GRID[r][c] == "S")
    prev = {start: None}
    q = deque([start])
    while q:
        r, c = q.popleft()
        if GRID[r][c] == "E":
            steps = []
            cur = (r, c)
            while cur:
                steps.append(cur)
                cur = prev[cur]
            return steps[::-1]
        for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and GRID[nr][nc] != "#" and (nr, nc) not in prev:
                prev[(nr, nc)] = (r, c)
                q.append((nr, nc))
    return None


route = grid_path()
print("maze steps:", len(route) - 1)
canvas = [list(row) for row in GRID]
for r, c in route[1:-1]:
    canvas[r][c] = "*"
print("\n".join("".join(row) for row in canvas))
