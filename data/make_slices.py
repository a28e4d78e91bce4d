#!/usr/bin/env python3
"""Write data/electricity-2030-slices.csv: the eight representative time slices
of models/electricity-2030.toml (4 seasons x day/night).

Python 3 standard library only; deterministic. Run from anywhere:
    python3 data/make_slices.py

Every input below is either a figure from shared DOMAIN.md (row cited) or an
ASSUMPTION with its reasoning; data/README.md documents each output column.
"""
import csv
import os

# (slice, hours). Each season is 2190 h = 91.25 days = 8760 h / 4.
# ASSUMPTION: "day" = daylight hours (about 9.9 h/d in winter, 14.1 h/d in
# summer, 12 h/d in spring and autumn); "night" = the rest, incl. the evening peak.
SLICES = [
    ("winter-day", 900), ("winter-night", 1290),
    ("spring-day", 1095), ("spring-night", 1095),
    ("summer-day", 1290), ("summer-night", 900),
    ("autumn-day", 1095), ("autumn-night", 1095),
]
assert sum(h for _, h in SLICES) == 8760

# Surplus availability per unit of each country's export pool (the pool size,
# in MW, is the `scale` in the model file, cited there).
# ASSUMPTION AZ: pool is mostly Caspian offshore wind (DOMAIN A.7, B.15) with
#   some PV (B.18): windier winter, calm summer nights; mean ~0.43.
# ASSUMPTION UZ: PV-dominated surplus (DOMAIN B.24: PV 3.9 GW vs wind 1.7 GW;
#   B.25 +17-19 GW RE by 2030): peaks at 1.0 on summer days, little at night.
# ASSUMPTION KZ: no surplus in winter (DOMAIN B.23: winter deficit, up to
#   6.2 GW by 2030); wind-driven (B.20, B.22) surplus in the other seasons.
PU = {
    #              AZ     UZ     KZ
    "winter-day":   (0.50, 0.45, 0.00),
    "winter-night": (0.52, 0.10, 0.00),
    "spring-day":   (0.45, 0.90, 0.90),
    "spring-night": (0.38, 0.20, 0.80),
    "summer-day":   (0.42, 1.00, 0.60),
    "summer-night": (0.28, 0.25, 0.50),
    "autumn-day":   (0.44, 0.75, 0.80),
    "autumn-night": (0.42, 0.15, 0.90),
}

# Wholesale price shapes (relative), normalised below so that the
# hours-weighted mean equals the annual average cited.
# ASSUMPTION: solar depresses spring/summer midday prices, evening peaks sit in
# the "night" slices; HU has the stronger summer-evening spike seen in DOMAIN
# C.28 (May 72.21, Jun 91.72, Jul 135.54 EUR/MWh in 2024).
AVG = {"RO": 103.5,   # DOMAIN C.27 (OPCOM 2024 average)
       "HU": 105.0,   # DOMAIN F.1 (~105), C.28 (Jan-Jul 2025 107.7)
       "TR": 70.0}    # DOMAIN F.1 (~70), C.29 (est. 60-80; 68.99 on 14 Dec 2024)
SHAPE = {
    #              RO    HU    TR
    "winter-day":   (1.20, 1.15, 1.05),
    "winter-night": (1.00, 1.00, 0.95),
    "spring-day":   (0.80, 0.70, 0.85),
    "spring-night": (0.90, 0.85, 0.95),
    "summer-day":   (0.95, 1.05, 1.10),
    "summer-night": (1.15, 1.35, 1.10),
    "autumn-day":   (0.95, 0.95, 1.00),
    "autumn-night": (1.05, 1.05, 1.00),
}


def rnd(x, k):
    # half-up rounding, same convention as shared/bench/bench_data.py
    import math
    return math.floor(x * 10 ** k + 0.5) / 10 ** k


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "electricity-2030-slices.csv")
    hours = {s: h for s, h in SLICES}
    prices = {}
    for j, m in enumerate(["RO", "HU", "TR"]):
        mean = sum(SHAPE[s][j] * h for s, h in SLICES) / 8760.0
        for s, _ in SLICES:
            prices[(s, m)] = rnd(AVG[m] * SHAPE[s][j] / mean, 2)
    with open(out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["slice", "hours", "AZ_pu", "UZ_pu", "KZ_pu", "RO", "HU", "TR"])
        for s, h in SLICES:
            az, uz, kz = PU[s]
            w.writerow([s, h, f"{az:.2f}", f"{uz:.2f}", f"{kz:.2f}",
                        f"{prices[(s, 'RO')]:.2f}", f"{prices[(s, 'HU')]:.2f}",
                        f"{prices[(s, 'TR')]:.2f}"])
    for j, m in enumerate(["RO", "HU", "TR"]):
        avg = sum(prices[(s, m)] * h for s, h in SLICES) / 8760.0
        print(f"{m}: hours-weighted mean {avg:.3f} EUR/MWh (target {AVG[m]})")
    for j, c in enumerate(["AZ", "UZ", "KZ"]):
        avg = sum(PU[s][j] * h for s, h in SLICES) / 8760.0
        print(f"{c}: mean availability {avg:.4f} p.u.")


if __name__ == "__main__":
    main()
