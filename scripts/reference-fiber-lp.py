#!/usr/bin/env python3
"""Independent reference for models/fiber-2030.toml (issue #8 item 21).

The fiber LP written out by hand from the model file's data (not from the
planner's formulation) and solved with scipy's HiGHS. It checks the figures the
model's comment quotes, that each is unique over the optimal face, and prints
them as JSON; Tests/CorridorEndToEndTests/ReferenceFigureTests.swift asserts the
planner's results against the same figures.

The LP (one slice, a year; rates in Tbps; money in M USD/yr):
  columns: f[o, c] >= 0, the flow of country o's traffic on corridor c
  supply:  what leaves o's own node <= its demand (KZ 18, UZ 6, AZ 8 Tbps)
  nodes:   flow of o into KZ, TM, AZ, GE = flow of o out (o's own node: out - in <= supply)
  bounds:  sum_o f[o, c] <= capacity x availability (tcfo and kuryk-buzovna 99 %)
  rule:    UZ's flow through the caspian group (tcfo, kuryk-buzovna, tm-az)
           >= 25 % of all flow through it: 0.75 F_UZ - 0.25 (F_KZ + F_AZ) >= 0
  max      sum_o 1.8 x f[o, black-sea-fiber] - sum_{o,c} tariff_c x f[o, c]
Money: 150 USD/Gbps/month x 1000 Gbps/Tbps x 12 months = 1.8 M USD per Tbps-yr;
a tariff of t USD/Gbps/month is 0.012 t M USD per Tbps-yr; the Black Sea fiber's
17.6 EUR at 1.0507 USD/EUR. Delivered traffic is what reaches the EU.

Run: python3 scripts/reference-fiber-lp.py   (exit 1 if a quoted figure is off)
"""
import json
import sys

import numpy as np
from scipy.optimize import linprog

ORIGINS = ["KZ", "UZ", "AZ"]
DEMAND = {"KZ": 18.0, "UZ": 6.0, "AZ": 8.0}
# corridor: (from, to, capacity Tbps, availability, tariff USD/Gbps/month)
CORRIDORS = {
    "tcfo": ("KZ", "AZ", 16.0, 0.99, 25.0),
    "kuryk-buzovna": ("KZ", "AZ", 4.0, 0.99, 25.0),
    "kz-tm": ("KZ", "TM", 2.0, 1.0, 10.0),
    "uz-tm": ("UZ", "TM", 2.0, 1.0, 10.0),
    "tm-az": ("TM", "AZ", 2.0, 1.0, 25.0),
    "uz-kz": ("UZ", "KZ", 8.0, 1.0, 10.0),
    "az-ge": ("AZ", "GE", 40.0, 1.0, 10.0),
    "black-sea-fiber": ("GE", "EU", 40.0, 1.0, 17.6 * 1.0507),
}
CASPIAN = ["tcfo", "kuryk-buzovna", "tm-az"]
PRICE = 150.0
PER_GBPS_MONTH = 0.012  # M USD per Tbps-yr for 1 USD/Gbps/month
NODES = ["KZ", "UZ", "AZ", "TM", "GE"]


def build():
    cols = [(o, c) for o in ORIGINS for c in CORRIDORS]
    col = {k: j for j, k in enumerate(cols)}
    n = len(cols)
    value = np.zeros(n)  # per Tbps-yr, to maximise
    for (o, c), j in col.items():
        value[j] -= CORRIDORS[c][4] * PER_GBPS_MONTH
        if CORRIDORS[c][1] == "EU":
            value[j] += PRICE * PER_GBPS_MONTH
    a_ub, b_ub, a_eq, b_eq = [], [], [], []
    for o in ORIGINS:
        for v in NODES:
            r = np.zeros(n)
            for c, (frm, to, *_rest) in CORRIDORS.items():
                if frm == v:
                    r[col[(o, c)]] += 1
                if to == v:
                    r[col[(o, c)]] -= 1
            if v == o:
                a_ub.append(r); b_ub.append(DEMAND[o])  # out - in <= supply
            else:
                a_eq.append(r); b_eq.append(0.0)        # transit: in = out
    for c, (_f, _t, cap, avail, _tar) in CORRIDORS.items():
        r = np.zeros(n)
        for o in ORIGINS:
            r[col[(o, c)]] = 1
        a_ub.append(r); b_ub.append(cap * avail)
    r = np.zeros(n)  # -(0.75 F_UZ - 0.25 F_others) <= 0
    for o in ORIGINS:
        for c in CASPIAN:
            r[col[(o, c)]] = -(0.75 if o == "UZ" else -0.25)
    a_ub.append(r); b_ub.append(0.0)
    return cols, col, value, np.array(a_ub), np.array(b_ub), np.array(a_eq), np.array(b_eq)


def main():
    cols, col, value, a_ub, b_ub, a_eq, b_eq = build()
    n = len(cols)
    r = linprog(-value, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=[(0, None)] * n, method="highs")
    assert r.status == 0, r.message
    z = -r.fun
    # Linear figures: corridor totals, delivered and net value per country.
    figures = {}
    for c in CORRIDORS:
        e = np.zeros(n)
        for o in ORIGINS:
            e[col[(o, c)]] = 1
        figures[f"flow {c}"] = e
    for o in ORIGINS:
        e = np.zeros(n); e[col[(o, "black-sea-fiber")]] = 1
        figures[f"delivered {o}"] = e
        e = np.zeros(n)
        for c in CORRIDORS:
            e[col[(o, c)]] = value[col[(o, c)]]
        figures[f"net value {o}"] = e
    face_ub = np.vstack([a_ub, -value])
    face_b = list(b_ub) + [-z + 1e-9]  # optimal within 0.001 USD
    out, spreads = {}, {}
    for name, e in figures.items():
        lo = linprog(e, A_ub=face_ub, b_ub=face_b, A_eq=a_eq, b_eq=b_eq, bounds=[(0, None)] * n, method="highs")
        hi = linprog(-e, A_ub=face_ub, b_ub=face_b, A_eq=a_eq, b_eq=b_eq, bounds=[(0, None)] * n, method="highs")
        assert lo.status == 0 and hi.status == 0
        out[name] = float(e @ r.x)
        spreads[name] = -hi.fun - lo.fun
    quoted = {"flow tcfo": 15.84, "flow kuryk-buzovna": 3.96, "flow tm-az": 2.0,
              "delivered UZ": 5.45, "delivered KZ": 16.35, "delivered AZ": 8.0}
    problems = [f"{k}: {out[k]} (quoted {v})" for k, v in quoted.items() if abs(out[k] - v) > 1e-6]
    problems += [f"{k} is not unique (spread {s})" for k, s in spreads.items() if s > 1e-6]
    json.dump({"objective_musd": z, "figures": out, "spreads": spreads}, sys.stdout, indent=2, sort_keys=True)
    print()
    for p in problems:
        print("MISMATCH " + p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
