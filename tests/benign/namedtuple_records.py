# benign: employee records with namedtuple, grouping, sorting and aggregate reports
from collections import namedtuple, defaultdict
from operator import itemgetter
from statistics import mean, median

Employee = namedtuple("Employee", "id name dept title salary start_year")
Dept = namedtuple("Dept", ["code", "name", "floor"], defaults=[1])

DATA = """\
101,Ada Lovelace,ENG,Principal Engineer,185000,2012
102,Alan Turing,ENG,Staff Engineer,172000,2014
103,Grace Hopper,ENG,Engineering Manager,190000,2010
104,Katherine Johnson,RES,Research Scientist,158000,2016
105,Claude Shannon,RES,Research Lead,176000,2011
106,Hedy Lamarr,OPS,Site Reliability Engineer,149000,2019
107,Edsger Dijkstra,ENG,Senior Engineer,161000,2018
108,Barbara Liskov,RES,Research Scientist,163000,2015
109,John Backus,OPS,Operations Manager,152000,2013
110,Frances Allen,ENG,Senior Engineer,159000,2020"""

employees = []
for line in DATA.splitlines():
    f = line.split(",")
    employees.append(Employee(int(f[0]), f[1], f[2], f[3], int(f[4]), int(f[5])))

depts = {d.code: d for d in [Dept("ENG", "Engineering", 3), Dept("RES", "Research", 2), Dept("OPS", "Operations")]}
print(employees[0])
print(depts["OPS"], "floor defaults to", depts["OPS"].floor)
print("unpacked:", *employees[1][:3])
ident, name, *rest = employees[2]
print("star unpack:", ident, name, rest)

by_dept = defaultdict(list)
for e in employees:
    by_dept[e.dept].append(e)

print(f"\n{'Dept':<12}{'N':>3}{'Mean':>10}{'Median':>10}{'Max':>10}")
for code in sorted(by_dept):
    group = by_dept[code]
    salaries = [e.salary for e in group]
    print(f"{depts[code].name:<12}{len(group):>3}{mean(salaries):>10,.0f}{median(salaries):>10,.0f}{max(salaries):>10,}")

print("\nby seniority:")
for e in sorted(employees, key=lambda e: (e.start_year, e.name)):
    print(f"  {e.start_year} {e.name:<20} {e.title}")

print("\ntop 3 earners:", [e.name for e in sorted(employees, key=itemgetter(4), reverse=True)[:3]])
get_name_salary = itemgetter(1, 4)
print("name/salary pairs:", [get_name_salary(e) for e in employees[:3]])

raised = [Employee(*e[:4], round(e.salary * 1.05), e.start_year) if e.dept == "OPS" else e for e in employees]
print("OPS after raise:", [(e.name, e.salary) for e in raised if e.dept == "OPS"])
print("original unchanged:", employees[5].salary)

titles = defaultdict(set)
for e in employees:
    titles[e.title.split()[-1]].add(e.dept)
print("title words by dept:", {k: sorted(v) for k, v in sorted(titles.items())})

Point = namedtuple("Point", "x y")
pts = [Point(3, 4), Point(-1, 2), Point(0, 0)]
print("points sorted by distance:", sorted(pts, key=lambda p: p.x**2 + p.y**2))
print("tuple equality:", Point(1, 2) == (1, 2), "| count:", pts.count(Point(0, 0)))
print("as dict via zip:", dict(zip(("x", "y"), pts[0])))
try:
    pts[0].x = 10
except AttributeError:
    print("namedtuples are immutable")
