# benign: sorting records by multiple keys with key functions, stability, cmp_to_key and itemgetter
from functools import cmp_to_key
from operator import itemgetter

students = [
    {"name": "Zoe", "grade": 11, "gpa": 3.9, "club": "chess"},
    {"name": "adam", "grade": 12, "gpa": 3.5, "club": "drama"},
    {"name": "Bea", "grade": 11, "gpa": 3.9, "club": "drama"},
    {"name": "carl", "grade": 10, "gpa": 3.2, "club": "chess"},
    {"name": "Dina", "grade": 12, "gpa": 3.8, "club": "robotics"},
    {"name": "eli", "grade": 10, "gpa": 3.2, "club": "robotics"},
    {"name": "Fay", "grade": 12, "gpa": 3.5, "club": "chess"},
]


def show(title, rows):
    print(title + ": " + ", ".join(f"{r['name']}({r['grade']},{r['gpa']})" for r in rows))


show("by name (case-sensitive)", sorted(students, key=itemgetter("name")))
show("by name (casefold)", sorted(students, key=lambda s: s["name"].casefold()))
show("grade asc, gpa desc, name", sorted(students, key=lambda s: (s["grade"], -s["gpa"], s["name"].lower())))

staged = sorted(students, key=lambda s: s["name"].lower())
staged.sort(key=itemgetter("gpa"), reverse=True)
staged.sort(key=itemgetter("club"))
show("club, then gpa desc (stable passes)", staged)


def compare(a, b):
    if a["club"] != b["club"]:
        return -1 if a["club"] < b["club"] else 1
    if a["gpa"] != b["gpa"]:
        return -1 if a["gpa"] > b["gpa"] else 1
    return (a["name"].lower() > b["name"].lower()) - (a["name"].lower() < b["name"].lower())


show("same via cmp_to_key", sorted(students, key=cmp_to_key(compare)))
print("cmp and stable-pass orders agree:", sorted(students, key=cmp_to_key(compare)) == staged)

versions = ["1.10.0", "1.2.10", "1.2.9", "0.9", "1.2", "2.0.0-rc1", "2.0.0", "1.10"]


def version_key(v):
    main, _, pre = v.partition("-")
    nums = tuple(int(p) for p in main.split("."))
    nums = nums + (0,) * (3 - len(nums))
    return nums, pre == "", pre


print("versions:", sorted(versions, key=version_key))

files = ["img12.png", "img10.png", "IMG2.png", "img1.png", "notes.txt", "Notes2.txt", "a100b2", "a100b10"]


def natural_key(s):
    out, num = [], ""
    for ch in s.lower() + "\0":
        if ch.isdigit():
            num += ch
        else:
            if num:
                out.append((0, int(num), ""))
                num = ""
            out.append((1, 0, ch))
    return out


print("natural:", sorted(files, key=natural_key))
print("plain:  ", sorted(files))

pairs = [(3, "c"), (1, "b"), (3, "a"), (2, "z"), (1, "a")]
print("itemgetter(1,0):", sorted(pairs, key=itemgetter(1, 0)))
print("reverse both:", sorted(pairs, reverse=True))
print("max/min by key:", max(pairs, key=itemgetter(1)), min(pairs, key=lambda p: (p[0], p[1])))
print("sorted by length then alpha:", sorted("the quick brown fox jumps over a lazy dog".split(), key=lambda w: (len(w), w)))

ranking = sorted(students, key=lambda s: -s["gpa"])
rank, prev = 0, None
for i, s in enumerate(ranking, 1):
    if s["gpa"] != prev:
        rank, prev = i, s["gpa"]
    print(f"  #{rank} {s['name']:<5} {s['gpa']}")

mixed = [3, 1.5, True, -2, 0.0]
print("mixed numerics:", sorted(mixed))
print("sorted string chars:", "".join(sorted("Sandbox", key=str.lower)))
print("reversed view:", list(reversed(sorted({5, 3, 9, 1}))))
