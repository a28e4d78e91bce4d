#!/usr/bin/env python3
"""Independent reference for the oil models (issue #8 item 21).

The LP of models/oil-2030.toml and its CPC scenarios, written out by hand from
the model files' data (not from the planner's formulation) and solved with
scipy's HiGHS. It checks the figures the model comments quote and that each is
unique over the optimal face, and prints them as JSON. The Swift test
Tests/CorridorEndToEndTests/ReferenceFigureTests.swift asserts the planner's
results against the same figures; this script is how they were derived.

The LP (one slice, a year; rates in Mt/yr, money in M USD/yr since
1 Mt/yr x 1 USD/t = 1 M USD/yr):
  columns: s (crude produced), and one flow per corridor
  KZ:     s = cpc + atyrau-samara + kz-aktau + china     (s <= 78.7)
  Aktau:  kz-aktau = aktau-baku
  Baku:   aktau-baku = btc + baku-supsa
  rule:   btc <= 2.2 (KZ's BTC agreement; 7 in the stretch scenario)
  bounds: 0 <= flow <= capacity
  max     sum(market price x flow into the market) - 70 s - sum(tariff x flow)
No corridor has losses, so what enters a market corridor is delivered.

Run: python3 scripts/reference-oil-lp.py   (exit 1 if a quoted figure is off)
"""
import json
import sys

import numpy as np
from scipy.optimize import linprog

CORRIDORS = ["cpc", "atyrau-samara", "kz-aktau", "aktau-baku", "btc", "baku-supsa", "china"]
# corridor: (capacity Mt/yr, tariff USD/t, price USD/t of the market it ends at, or None)
BASE = {
    "cpc": (72.5, 38, 540.0),            # -> Novorossiysk
    "atyrau-samara": (8.6, 45, 517.5),   # -> Baltic
    "kz-aktau": (3.6, 12, None),         # -> Aktau (transit)
    "aktau-baku": (10.0, 12, None),      # -> Baku (transit)
    "btc": (50.0, 35, 555.0),            # -> Ceyhan
    "baku-supsa": (3.0, 25, 547.5),      # -> Supsa
    "china": (1.1, 50, 540.0),           # -> China
}
SUPPLY, PRODUCTION_COST = 78.7, 70.0


def solve(capacity, btc_limit):
    """Returns (objective in M USD/yr, {name: value}) of the hand-written LP."""
    names = ["supply"] + CORRIDORS
    n = len(names)
    col = {name: j for j, name in enumerate(names)}
    c = np.zeros(n)  # linprog minimises: negate the value
    c[col["supply"]] = PRODUCTION_COST
    for k in CORRIDORS:
        _, tariff, price = BASE[k]
        c[col[k]] += tariff - (price or 0.0)
    a_eq, b_eq = [], []
    def row(coefs):
        r = np.zeros(n)
        for name, v in coefs.items():
            r[col[name]] = v
        return r
    a_eq.append(row({"supply": 1, "cpc": -1, "atyrau-samara": -1, "kz-aktau": -1, "china": -1})); b_eq.append(0)
    a_eq.append(row({"kz-aktau": 1, "aktau-baku": -1})); b_eq.append(0)
    a_eq.append(row({"aktau-baku": 1, "btc": -1, "baku-supsa": -1})); b_eq.append(0)
    a_ub, b_ub = [row({"btc": 1})], [btc_limit]
    bounds = [(0, SUPPLY)] + [(0, capacity[k]) for k in CORRIDORS]
    r = linprog(c, A_ub=np.array(a_ub), b_ub=b_ub, A_eq=np.array(a_eq), b_eq=b_eq, bounds=bounds, method="highs")
    assert r.status == 0, r.message
    z = -r.fun
    # Uniqueness: min and max of each figure over {x optimal within 0.001 USD}.
    face_ub = np.vstack([np.array(a_ub), c])
    face_b = list(b_ub) + [-z + 1e-9]  # 1e-9 M USD = 0.001 USD: rounding only
    values = {}
    for name in names:
        e = np.zeros(n); e[col[name]] = 1
        lo = linprog(e, A_ub=face_ub, b_ub=face_b, A_eq=np.array(a_eq), b_eq=b_eq, bounds=bounds, method="highs")
        hi = linprog(-e, A_ub=face_ub, b_ub=face_b, A_eq=np.array(a_eq), b_eq=b_eq, bounds=bounds, method="highs")
        assert lo.status == 0 and hi.status == 0
        spread = -hi.fun - lo.fun
        assert spread <= 1e-6, f"{name} is not unique: {lo.fun} .. {-hi.fun}"
        values[name] = r.x[col[name]]
    return z, values


def scenario(name, cpc, aktau=3.6, btc_limit=2.2):
    cap = {k: v[0] for k, v in BASE.items()}
    cap["cpc"], cap["kz-aktau"] = cpc, aktau
    z, x = solve(cap, btc_limit)
    # Each corridor's shadow price from re-solves with its capacity moved by
    # +-delta: the value of one more Mt/yr of capacity for the year, in M USD/yr
    # per Mt/yr (= USD/t). Where the left and right derivatives differ (a
    # degenerate vertex), the dual is not unique and only the interval is known.
    delta = 0.01
    prices = {}
    for k in CORRIDORS:
        up = dict(cap, **{k: cap[k] + delta})
        down = dict(cap, **{k: max(0.0, cap[k] - delta)})
        right = (solve(up, btc_limit)[0] - z) / delta
        left = (z - solve(down, btc_limit)[0]) / (cap[k] - down[k])
        prices[k] = {"left": round(left, 6), "right": round(right, 6)}
    return {"name": name, "objective_musd": z, "flows": x, "shut_in": SUPPLY - x["supply"],
            "shadow_prices": prices}


# The figures quoted in the model files' comments.
QUOTED = {
    "models/oil-2030.toml": ({"cpc": 72.5, "atyrau-samara": 1.5, "kz-aktau": 3.6, "aktau-baku": 3.6,
                              "baku-supsa": 3.0, "btc": 0.6, "china": 1.1}, 0.0, 29.5),
    "models/scenarios/cpc-minus-24.toml": ({"cpc": 55.1, "atyrau-samara": 8.6, "kz-aktau": 3.6, "china": 1.1}, 10.3, None),
    "models/scenarios/cpc-minus-50.toml": ({"cpc": 36.25, "atyrau-samara": 8.6, "kz-aktau": 3.6, "baku-supsa": 3.0,
                                            "btc": 0.6, "china": 1.1}, 29.15, 432.0),
    "models/scenarios/cpc-minus-50-caspian-stretch.toml": ({"kz-aktau": 10.0, "baku-supsa": 3.0, "btc": 7.0}, 22.75, None),
}


def main():
    results = {
        "models/oil-2030.toml": scenario("base", 72.5),
        "models/scenarios/cpc-minus-24.toml": scenario("cpc -24 %", 55.1),
        "models/scenarios/cpc-minus-50.toml": scenario("cpc -50 %", 36.25),
        "models/scenarios/cpc-minus-50-caspian-stretch.toml": scenario("stretch", 36.25, aktau=10.0, btc_limit=7.0),
    }
    problems = []
    for model, (flows, shut_in, price) in QUOTED.items():
        r = results[model]
        for k, v in flows.items():
            if abs(r["flows"][k] - v) > 1e-6:
                problems.append(f"{model}: {k} {r['flows'][k]} (quoted {v})")
        if abs(r["shut_in"] - shut_in) > 1e-6:
            problems.append(f"{model}: shut in {r['shut_in']} (quoted {shut_in})")
        if price is not None:
            for side in ("left", "right"):
                if abs(r["shadow_prices"]["cpc"][side] - price) > 1e-4:
                    problems.append(f"{model}: CPC shadow price ({side}) {r['shadow_prices']['cpc'][side]} (quoted {price})")
    json.dump(results, sys.stdout, indent=2, sort_keys=True)
    print()
    for p in problems:
        print("MISMATCH " + p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
