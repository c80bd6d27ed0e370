# benign: regex-based web/server log parsing with named groups, aggregation and redaction
import re
from collections import Counter, defaultdict

LOG = """\
2024-03-01 08:15:02 INFO  [web-1] 192.168.1.10 GET /index.html 200 512 12ms
2024-03-01 08:15:07 INFO  [web-2] 10.0.0.5 GET /api/users 200 2048 48ms
2024-03-01 08:16:11 WARN  [web-1] 192.168.1.10 POST /api/login 401 128 7ms
2024-03-01 08:16:12 WARN  [web-1] 192.168.1.10 POST /api/login 401 128 9ms
2024-03-01 08:17:45 ERROR [web-3] 172.16.4.2 GET /api/report 500 0 1503ms
2024-03-01 08:18:00 INFO  [web-2] 10.0.0.5 GET /static/app.js 304 0 2ms
2024-03-01 08:19:30 INFO  [web-3] 10.0.0.7 DELETE /api/users/17 204 0 31ms
garbage line that does not match
2024-03-01 08:20:01 ERROR [web-1] 192.168.1.11 GET /api/report 503 0 2999ms
2024-03-01 08:21:13 INFO  [web-2] 10.0.0.5 PUT /api/users/17 200 300 55ms
"""

LINE_RE = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2}) (?P<time>\d{2}:\d{2}:\d{2}) (?P<level>[A-Z]+)\s+"
    r"\[(?P<host>[\w-]+)\] (?P<ip>(?:\d{1,3}\.){3}\d{1,3}) (?P<method>[A-Z]+) "
    r"(?P<path>\S+) (?P<status>\d{3}) (?P<size>\d+) (?P<ms>\d+)ms$",
    re.MULTILINE,
)

entries = []
for m in LINE_RE.finditer(LOG):
    d = m.groupdict()
    d["status"] = int(d["status"])
    d["size"] = int(d["size"])
    d["ms"] = int(d["ms"])
    entries.append(d)

total_lines = len(LOG.splitlines())
print(f"parsed {len(entries)} of {total_lines} lines")
print("levels:", sorted(Counter(e["level"] for e in entries).items()))
print("methods:", Counter(e["method"] for e in entries).most_common())

by_status_class = defaultdict(list)
for e in entries:
    by_status_class[f"{e['status'] // 100}xx"].append(e["status"])
for k in sorted(by_status_class):
    print(f"  {k}: {by_status_class[k]}")

slow = [e for e in entries if e["ms"] > 1000]
for e in slow:
    print(f"slow request on {e['host']} at {e['time']}: {e['path']} took {e['ms'] / 1000:.2f}s")

per_host = defaultdict(lambda: [0, 0])
for e in entries:
    per_host[e["host"]][0] += 1
    per_host[e["host"]][1] += e["size"]
for host, (n, size) in sorted(per_host.items()):
    print(f"{host}: {n} requests, {size} bytes")

endpoint = re.compile(r"^/api/(\w+)(?:/(\d+))?$")
for e in entries:
    if m := endpoint.match(e["path"]):
        resource, ident = m.groups()
        print(f"api call {e['method']:<6} resource={resource:<6} id={ident}")

failed_logins = Counter(e["ip"] for e in entries if e["path"] == "/api/login" and e["status"] == 401)
print("failed logins:", dict(failed_logins))


def mask_ip(m):
    a, b, _, _ = m.group(0).split(".")
    return f"{a}.{b}.x.x"


redacted = re.sub(r"\b(?:\d{1,3}\.){3}\d{1,3}\b", mask_ip, LOG)
print(redacted.splitlines()[0])
print(re.sub(r"(\d+)ms", r"\1 ms", LOG.splitlines()[4]))
print("split fields:", re.split(r"\s+", LOG.splitlines()[2].strip(), maxsplit=4))
print("timestamps between 08:16 and 08:19:", re.findall(r"08:1[6-8]:\d\d", LOG))
print("case-insensitive 'error' count:", len(re.findall(r"error", LOG, re.IGNORECASE)))
print("escaped:", re.escape("/api/users?id=1+2"))
