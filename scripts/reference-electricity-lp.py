#!/usr/bin/env python3
"""Independent reference for models/electricity-2030.toml (issue #8 item 21).

The electricity LP written out by hand from the model file and
data/electricity-2030-slices.csv, following docs/formulation.md (not the
planner's code), and solved with scipy's HiGHS. It checks the figures the
model's comment quotes (objective 1,308,394,545 EUR/yr; the Black Sea cable
full in all 8 slices and worth ~158,650 EUR per MW of capacity per year; KZ's
12 % westbound floor binding, UZ's 10 % not) and prints them as JSON.

The LP, per slice s (hours h_s) and origin o in {AZ, UZ, KZ}, all columns >= 0:
  f[o,c,s]  MW of o entering corridor c      d[o,m,s]  MW of o delivered to market m
  x[o,s]    MW of o's supply used (<= profile x pool)   ch[s], dis[s], lev[s]  AZ's battery
  balance[o,n,s]: sum_in (1 - loss) f + x (n = o) + dis (o = n = AZ)
                  = sum_out f + sum_{m at n} d + ch (o = n = AZ)
  capacity[c,s]:  sum_o f[o,c,s] <= availability x capacity
  market RO:      sum_o d[o,RO,s] <= 1000 MW
  storage:        lev[s] = lev[s-1] + 0.85 h_s ch[s] - h_s dis[s] (cyclic); ch, dis <= 600; lev <= 2400
  min-share:      F_o = sum_s (h_s/H) sum_{c westbound} f[o,c,s]; (1 - share) F_o - share sum_{o' != o} F_o' >= 0
                  (UZ 10 %, KZ 12 %; westbound = black-sea, nakhchivan-tr, ge-tr)
  custom:         f[UZ,caspian,s] <= 0.5 x capacity[caspian] and the same for KZ, in every slice
                  (capacity[c] is the nominal capacity, 1000 MW)
  max sum_s h_s (sum price x d - sum tariff x f - 3 x - 1.5 dis)     (EUR)

Run: python3 scripts/reference-electricity-lp.py   (exit 1 if a quoted figure is off)
"""
import csv
import json
import os
import sys

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import lil_matrix

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
with open(os.path.join(ROOT, "data", "electricity-2030-slices.csv")) as f:
    ROWS = list(csv.DictReader(f))
SLICES = [r["slice"] for r in ROWS]
HOURS = [float(r["hours"]) for r in ROWS]
H = sum(HOURS)
S = range(len(SLICES))

ORIGINS = ["AZ", "UZ", "KZ"]
POOL = {"AZ": ("AZ_pu", 4000.0), "UZ": ("UZ_pu", 1000.0), "KZ": ("KZ_pu", 500.0)}
SUPPLY_COST = 3.0
# corridor: (from, to, capacity MW, loss, tariff EUR/MWh, availability)
CORRIDORS = {
    "uz-kz": ("UZ", "KZ", 1000.0, 0.02, 3.0, 1.0),
    "caspian": ("KZ", "AZ", 1000.0, 0.032, 15.0, 0.95),
    "az-ge": ("AZ", "GE", 2000.0, 0.015, 2.0, 1.0),
    "black-sea": ("GE", "RO", 1300.0, 0.055, 14.0, 0.95),
    "ro-hu": ("RO", "HU", 1000.0, 0.01, 0.0, 1.0),
    "az-nakhchivan": ("AZ", "Nakhchivan", 1000.0, 0.015, 2.0, 1.0),
    "nakhchivan-tr": ("Nakhchivan", "TR", 1000.0, 0.02, 6.0, 1.0),
    "ge-tr": ("GE", "TR", 500.0, 0.015, 4.0, 1.0),
}
WESTBOUND = ["black-sea", "nakhchivan-tr", "ge-tr"]
MARKETS = {"RO": ("RO", 1000.0), "HU": ("HU", None), "TR": ("TR", None)}  # node, volume MW
NODES = ["KZ", "UZ", "AZ", "GE", "Nakhchivan", "RO", "HU", "TR"]
SHARES = {"UZ": 0.10, "KZ": 0.12}
BATTERY = dict(power=600.0, energy=2400.0, efficiency=0.85, wear=1.5)


def solve(capacity_override=None, check_face=False):
    cap = {c: v[2] for c, v in CORRIDORS.items()}
    if capacity_override:
        cap.update(capacity_override)
    cols = []
    for o in ORIGINS:
        for c in CORRIDORS:
            for s in S:
                cols.append(("f", o, c, s))
        for m in MARKETS:
            for s in S:
                cols.append(("d", o, m, s))
        for s in S:
            cols.append(("x", o, s))
    for s in S:
        cols += [("ch", s), ("dis", s), ("lev", s)]
    col = {k: j for j, k in enumerate(cols)}
    n = len(cols)
    value = np.zeros(n)
    bounds = [(0, None)] * n
    for o in ORIGINS:
        for s in S:
            for c, (_f, _t, _cap, _l, tariff, _a) in CORRIDORS.items():
                value[col[("f", o, c, s)]] = -HOURS[s] * tariff
            for m, (name, _v) in MARKETS.items():
                value[col[("d", o, m, s)]] = HOURS[s] * float(ROWS[s][name])
            value[col[("x", o, s)]] = -HOURS[s] * SUPPLY_COST
            column, scale = POOL[o]
            bounds[col[("x", o, s)]] = (0, scale * float(ROWS[s][column]))
    for s in S:
        value[col[("dis", s)]] = -HOURS[s] * BATTERY["wear"]
        bounds[col[("ch", s)]] = (0, BATTERY["power"])
        bounds[col[("dis", s)]] = (0, BATTERY["power"])
        bounds[col[("lev", s)]] = (0, BATTERY["energy"])

    eq, b_eq, ub, b_ub = [], [], [], []
    for o in ORIGINS:
        for node in NODES:
            for s in S:
                e = {}
                for c, (frm, to, _cap, loss, _t, _a) in CORRIDORS.items():
                    if to == node:
                        e[col[("f", o, c, s)]] = e.get(col[("f", o, c, s)], 0) + (1 - loss)
                    if frm == node:
                        e[col[("f", o, c, s)]] = e.get(col[("f", o, c, s)], 0) - 1
                for m, _ in MARKETS.items():
                    if m == node:
                        e[col[("d", o, m, s)]] = -1
                if node == o:
                    e[col[("x", o, s)]] = 1
                if o == "AZ" and node == "AZ":
                    e[col[("dis", s)]] = 1
                    e[col[("ch", s)]] = -1
                eq.append(e); b_eq.append(0.0)
    for s in S:  # lev[s] - lev[s-1] - 0.85 h ch + h dis = 0 (cyclic)
        e = {col[("lev", s)]: 1.0, col[("ch", s)]: -BATTERY["efficiency"] * HOURS[s], col[("dis", s)]: HOURS[s]}
        prev = col[("lev", (s - 1) % len(SLICES))]
        e[prev] = e.get(prev, 0) - 1.0
        eq.append(e); b_eq.append(0.0)
    for c, (_f, _t, _cap, _l, _tar, avail) in CORRIDORS.items():
        for s in S:
            ub.append({col[("f", o, c, s)]: 1.0 for o in ORIGINS}); b_ub.append(avail * cap[c])
    for s in S:
        ub.append({col[("d", o, "RO", s)]: 1.0 for o in ORIGINS}); b_ub.append(MARKETS["RO"][1])
    share_rows = {}
    for o, share in SHARES.items():
        e = {}
        for oo in ORIGINS:
            w = (1 - share) if oo == o else -share
            for c in WESTBOUND:
                for s in S:
                    e[col[("f", oo, c, s)]] = e.get(col[("f", oo, c, s)], 0) - w * HOURS[s] / H
        share_rows[o] = len(ub)
        ub.append(e); b_ub.append(0.0)  # -((1 - σ) F_o - σ ΣF_o') <= 0
    for o in ("UZ", "KZ"):
        for s in S:
            ub.append({col[("f", o, "caspian", s)]: 1.0}); b_ub.append(0.5 * cap["caspian"])  # 0.5 x capacity[caspian]

    def matrix(rows):
        a = lil_matrix((len(rows), n))
        for i, e in enumerate(rows):
            for j, v in e.items():
                a[i, j] = v
        return a.tocsr()
    r = linprog(-value, A_ub=matrix(ub), b_ub=b_ub, A_eq=matrix(eq), b_eq=b_eq, bounds=bounds, method="highs")
    assert r.status == 0, r.message
    x = r.x
    out = {"objective_eur": -r.fun}
    out["black_sea_full_slices"] = sum(
        1 for s in S if sum(x[col[("f", o, "black-sea", s)]] for o in ORIGINS) >= 0.95 * cap["black-sea"] - 1e-6)
    for o in ORIGINS:
        out[f"westbound_share_{o}"] = (
            sum(HOURS[s] / H * x[col[("f", o, c, s)]] for c in WESTBOUND for s in S)
            / sum(HOURS[s] / H * x[col[("f", oo, c, s)]] for oo in ORIGINS for c in WESTBOUND for s in S))
    for c in CORRIDORS:
        out[f"average_flow {c}"] = sum(HOURS[s] / H * x[col[("f", o, c, s)]] for o in ORIGINS for s in S)
    # HiGHS's marginals of the share rows: negative = binding and costly (<= rows of the negated value).
    out["kz_floor_marginal"] = float(r.ineqlin.marginals[share_rows["KZ"]])
    out["uz_floor_marginal"] = float(r.ineqlin.marginals[share_rows["UZ"]])
    if check_face:
        # Each corridor's average flow over the optimal face (objective within 1e-6 EUR).
        a_face = matrix(ub + [{j: -v for j, v in enumerate(value) if v != 0}])
        b_face = list(b_ub) + [r.fun + 1e-6]
        for c in CORRIDORS:
            e = np.zeros(n)
            for o in ORIGINS:
                for s in S:
                    e[col[("f", o, c, s)]] = HOURS[s] / H
            lo = linprog(e, A_ub=a_face, b_ub=b_face, A_eq=matrix(eq), b_eq=b_eq, bounds=bounds, method="highs")
            hi = linprog(-e, A_ub=a_face, b_ub=b_face, A_eq=matrix(eq), b_eq=b_eq, bounds=bounds, method="highs")
            assert lo.status == 0 and hi.status == 0
            out[f"average_flow_spread {c}"] = -hi.fun - lo.fun
    return out


def main():
    base = solve(check_face=True)
    # The value of one more MW of nominal capacity (EUR/yr), left and right, from
    # re-solves with the capacity moved by 1 MW; per MW available it is / availability.
    delta = 1.0
    for c in CORRIDORS:
        nominal = CORRIDORS[c][2]
        up = solve({c: nominal + delta})["objective_eur"]
        down = solve({c: nominal - delta})["objective_eur"]
        base[f"value_per_nominal_mw {c}"] = {"left": (base["objective_eur"] - down) / delta,
                                             "right": (up - base["objective_eur"]) / delta}
    json.dump(base, sys.stdout, indent=2, sort_keys=True)
    print()
    problems = []
    if abs(base["objective_eur"] - 1_308_394_545) > 1:
        problems.append(f"objective {base['objective_eur']} (quoted 1,308,394,545)")
    if base["black_sea_full_slices"] != 8:
        problems.append(f"Black Sea cable full in {base['black_sea_full_slices']} slices (quoted 8)")
    per_available = base["value_per_nominal_mw black-sea"]["right"] / 0.95
    if abs(per_available - 158_650) > 5:
        problems.append(f"Black Sea value {per_available} EUR per available MW-yr (quoted ~158,650)")
    if abs(base["westbound_share_KZ"] - 0.12) > 1e-9 or base["kz_floor_marginal"] >= 0:
        problems.append("KZ's 12 % westbound floor does not bind")
    if base["westbound_share_UZ"] <= 0.10 + 1e-6:
        problems.append("UZ's 10 % westbound floor binds (quoted: it does not)")
    problems += [f"{k} = {v}: not unique" for k, v in base.items() if k.startswith("average_flow_spread") and v > 1e-6]
    for p in problems:
        print("MISMATCH " + p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
