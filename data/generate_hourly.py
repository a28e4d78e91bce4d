#!/usr/bin/env python3
"""Write data/electricity-hourly-8760.csv: one synthetic year, hour by hour, for
models/electricity-hourly-8760.toml (the scale test of the planner).

Python 3 standard library only; deterministic (no random module: an integer
hash). Run from anywhere:
    python3 data/generate_hourly.py            # 8760 rows
    python3 data/generate_hourly.py --check    # also verify the check values

The profiles are exactly the deterministic ones of the shared benchmark LP
(shared/bench/README.md, "Deterministic profiles"; generator bench_data.py),
restricted to the electricity side: green surplus S per exporter, market
absorption cap D and price P per market. Copied here so that the project does
not depend on the shared folder; --check compares with the README's check
values. The benchmark's numbers are synthetic (they are not DOMAIN.md
figures); its prices are read here as EUR/MWh.

Rounding: MW to 0.1, prices to 0.01 (as in the benchmark, so the CSV holds the
benchmark's data bit for bit), half-up: floor(x * 10^k + 0.5) / 10^k.
"""
import math
import os
import sys

T = 8760
O = ["KZ", "UZ", "AZ"]          # hash index i(o) = 0, 1, 2
BASE = {"KZ": 600.0, "UZ": 500.0, "AZ": 400.0}      # MW
SOLC = {"KZ": 1500.0, "UZ": 2500.0, "AZ": 1200.0}   # MW solar amplitude
WINDC = {"KZ": 2500.0, "UZ": 800.0, "AZ": 1500.0}   # MW wind amplitude
NOISE = {"KZ": 400.0, "UZ": 300.0, "AZ": 300.0}     # MW noise amplitude
WPER = {"KZ": 3.7, "UZ": 5.3, "AZ": 4.1}            # wind period, days
WPH = {"KZ": 0.0, "UZ": 1.0, "AZ": 2.0}             # wind phase, rad
MASK32 = 0xFFFFFFFF


def H(t, k):
    """Integer hash of (hour t, stream k) -> [0, 1)."""
    v = (t * 2654435761 + k * 40503 + 12345) & MASK32
    v = (((v >> 16) ^ v) * 0x45D9F3B) & MASK32
    v = (((v >> 16) ^ v) * 0x45D9F3B) & MASK32
    v = (v >> 16) ^ v
    return v / 4294967296.0


def rnd1(x):
    return math.floor(x * 10.0 + 0.5) / 10.0


def rnd2(x):
    return math.floor(x * 100.0 + 0.5) / 100.0


def row(t):
    h = t % 24
    doy = (t // 24) % 365
    twopi = 2.0 * math.pi
    sol = max(0.0, math.sin(math.pi * (h - 6) / 12.0))
    season = 1.0 + 0.3 * math.cos(twopi * (doy - 172) / 365.0)
    peak = 0.5 + 0.5 * math.cos(twopi * (h - 19) / 24.0)
    s = []
    for i, o in enumerate(O):
        wind = 0.5 + 0.5 * math.sin(twopi * t / (24.0 * WPER[o]) + WPH[o])
        s.append(rnd1(BASE[o] + SOLC[o] * sol * season + WINDC[o] * wind
                      + NOISE[o] * (H(t, i) - 0.5)))
    d_eu = rnd1(2500.0 + 1200.0 * peak + 600.0 * H(t, 10))
    p_eu = rnd2(55.0 + 45.0 * peak + 20.0 * (H(t, 11) - 0.5)
                + 10.0 * math.cos(twopi * (doy - 15) / 365.0))
    d_tr = rnd1(700.0 + 400.0 * peak + 200.0 * H(t, 12))
    p_tr = rnd2(50.0 + 35.0 * peak + 16.0 * (H(t, 13) - 0.5))
    return s + [d_eu, p_eu, d_tr, p_tr]


def check(rows):
    """The benchmark README's check values (t = 0 and column sums for T = 8760)."""
    assert H(0, 0) == 0.40688223228789866 and H(0, 10) == 0.5659622040111572
    assert rows[0] == [1812.8, 1224.3, 1768.9, 3594.9, 84.46, 1113.2, 67.3], rows[0]
    sums = [round(sum(r[k] for r in rows), 1) for k in range(7)]
    want = [20390459.3, 14810228.1, 13401365.9, 29799710.4, 679331.4, 8760775.8, 591264.4]
    assert sums == want, (sums, want)
    print("check values match shared/bench/README.md")


def main():
    rows = [row(t) for t in range(T)]
    if "--check" in sys.argv:
        check(rows)
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "electricity-hourly-8760.csv")
    with open(out, "w", newline="") as f:
        f.write("hour,KZ,UZ,AZ,EU_cap,EU_price,TR_cap,TR_price\n")
        for t, r in enumerate(rows):
            kz, uz, az, d_eu, p_eu, d_tr, p_tr = r
            f.write(f"{t},{kz:.1f},{uz:.1f},{az:.1f},{d_eu:.1f},{p_eu:.2f},{d_tr:.1f},{p_tr:.2f}\n")
    print(f"wrote {out}: {T} rows")


if __name__ == "__main__":
    main()
