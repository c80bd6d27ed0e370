# benign: calendar arithmetic with date, datetime and timedelta on fixed dates
from datetime import date, datetime, timedelta, timezone

start = date(2024, 1, 31)
print("start:", start.isoformat(), start.strftime("%A %d %B %Y"))
print("weekday index:", start.weekday(), "iso weekday:", start.isoweekday())
iso = start.isocalendar()
print("iso calendar:", iso[0], iso[1], iso[2])


def add_months(d, months):
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    for day in range(d.day, 27, -1):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return date(year, month, min(d.day, 28))


for k in range(1, 6):
    print(f"  +{k} month(s): {add_months(start, k)}")


def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


print("leap years 1896-1912, 1996-2004:", [y for y in list(range(1896, 1913)) + list(range(1996, 2005)) if is_leap(y)])


def business_days(a, b, holidays=()):
    n = 0
    d = a
    while d < b:
        if d.weekday() < 5 and d not in holidays:
            n += 1
        d += timedelta(days=1)
    return n


holidays = {date(2024, 12, 25), date(2024, 12, 26), date(2025, 1, 1)}
print("business days Dec 2024:", business_days(date(2024, 12, 1), date(2025, 1, 1), holidays))


def age(born, on):
    years = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    return years


born = date(1990, 7, 15)
for on in (date(2024, 7, 14), date(2024, 7, 15), date(2025, 1, 1)):
    print(f"age on {on}: {age(born, on)}")

t1 = datetime(2024, 3, 9, 22, 45, 30)
t2 = datetime(2024, 3, 11, 6, 5, 0)
delta = t2 - t1
print("delta:", delta, "| total seconds:", delta.total_seconds())
hours, rem = divmod(int(delta.total_seconds()), 3600)
print(f"that is {hours}h {rem // 60}m {rem % 60}s")
print("delta * 3 =", delta * 3, "| delta // 4 =", delta // 4)
print("formatted:", f"{t1:%Y-%m-%d %H:%M}", "|", format(t2, "%d/%m/%y %I:%M %p"))

utc = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)
tokyo = utc.astimezone(timezone(timedelta(hours=9), "JST"))
ny = utc.astimezone(timezone(timedelta(hours=-4)))
print("utc:", utc.isoformat())
print("tokyo:", tokyo.isoformat(), tokyo.tzname())
print("new york:", ny.isoformat(), ny.utcoffset())
print("same instant:", utc == tokyo == ny)

parsed = datetime.fromisoformat("2024-02-29T23:59:59")
print("next second:", parsed + timedelta(seconds=1))
print("ordinal round trip:", date.fromordinal(parsed.toordinal()) == parsed.date())

first = date(2024, 1, 1)
fridays_13 = [d for d in (first + timedelta(days=i) for i in range(366 * 2)) if d.day == 13 and d.weekday() == 4]
print("Friday 13ths in 2024-2025:", [d.isoformat() for d in fridays_13])

deadline = date(2024, 12, 24)
reminders = [deadline - timedelta(weeks=w) for w in (4, 2, 1)]
print("reminders:", ", ".join(d.strftime("%b %d") for d in reminders))
print("days from start to deadline:", (deadline - start).days)
print("min/max:", date.min, date.max, "| resolution:", timedelta.resolution)
print("sorted:", sorted([date(2024, 5, 1), date(2023, 12, 31), date(2024, 1, 15)]))
