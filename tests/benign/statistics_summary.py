# benign: descriptive statistics summary of small data sets with the statistics module
import statistics as st
from fractions import Fraction
from decimal import Decimal

rainfall_mm = [78.2, 64.0, 55.1, 49.8, 62.3, 41.0, 30.7, 35.2, 52.9, 88.4, 95.1, 84.6]
months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def r(x, n=4):
    return round(x, n)


print("n =", len(rainfall_mm))
print("mean:", r(st.mean(rainfall_mm)), "| fmean:", r(st.fmean(rainfall_mm)))
print("median:", st.median(rainfall_mm), "| low:", st.median_low(rainfall_mm), "| high:", st.median_high(rainfall_mm))
print("pstdev:", r(st.pstdev(rainfall_mm)), "| stdev:", r(st.stdev(rainfall_mm)))
print("pvariance:", r(st.pvariance(rainfall_mm)), "| variance:", r(st.variance(rainfall_mm)))
print("quartiles:", [r(q) for q in st.quantiles(rainfall_mm, n=4)])
print("deciles (inclusive):", [r(q, 2) for q in st.quantiles(rainfall_mm, n=10, method="inclusive")])
print("geometric mean:", r(st.geometric_mean(rainfall_mm)), "| harmonic mean:", r(st.harmonic_mean(rainfall_mm)))
wettest = max(zip(rainfall_mm, months))
print("wettest month:", wettest[1], wettest[0])
mu = st.mean(rainfall_mm)
sd = st.stdev(rainfall_mm)
print("z-scores:", {m: r((x - mu) / sd, 2) for m, x in zip(months, rainfall_mm) if abs(x - mu) > sd})

votes = ["red", "blue", "red", "green", "blue", "red", "blue", "yellow"]
print("mode:", st.mode(votes), "| multimode:", st.multimode(votes))
print("mode of numbers:", st.mode([1, 1, 2, 3, 3, 3, 4]), st.multimode([1, 2, 2, 3, 3]))

exact = [Fraction(1, 3), Fraction(1, 6), Fraction(1, 2)]
print("fraction mean:", st.mean(exact), "| fraction median:", st.median(exact))
money = [Decimal("9.99"), Decimal("19.99"), Decimal("4.50")]
print("decimal mean:", st.mean(money), "| decimal median:", st.median(money))
print("integer mean:", st.mean([1, 2, 3, 4]), "| median even:", st.median([1, 2, 3, 4]))
print("median_grouped:", st.median_grouped([52, 52, 53, 54]))

temps_c = [3.1, 4.5, 8.2, 12.0, 16.4, 19.8, 22.1, 21.7, 17.9, 12.6, 7.4, 4.0]
print("correlation rain~temp:", r(st.correlation(rainfall_mm, temps_c)))
print("covariance:", r(st.covariance(rainfall_mm, temps_c)))
fit = st.linear_regression(list(range(12)), temps_c[:7] + temps_c[6::-1][:5])
print(f"regression: slope={fit.slope:.4f} intercept={fit.intercept:.4f}")

# (statistics.NormalDist is not granted by the default policy: its samples() draws from the
# host's global random generator.)

for bad in ([], [1]):
    try:
        st.stdev(bad)
    except st.StatisticsError as exc:
        print("StatisticsError:", exc)
try:
    st.mean([])
except st.StatisticsError as exc:
    print("StatisticsError:", exc)

scores = [62, 71, 71, 78, 80, 84, 85, 88, 90, 94, 97]
bins = {}
for s in scores:
    lo = s // 10 * 10
    bins[lo] = bins.get(lo, 0) + 1
for lo in sorted(bins):
    print(f"{lo}-{lo + 9}: {'*' * bins[lo]}")
q1, q2, q3 = st.quantiles(scores, n=4)
iqr = q3 - q1
print(f"five-number summary: {min(scores)} {q1} {q2} {q3} {max(scores)}  IQR={iqr}")
print("outliers:", [s for s in scores if s < q1 - 1.5 * iqr or s > q3 + 1.5 * iqr])
