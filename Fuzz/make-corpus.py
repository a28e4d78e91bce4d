#!/usr/bin/env python3
"""Regenerates the seed corpora in Fuzz/Corpus from the repository's own files.

    python3 Fuzz/make-corpus.py     # needs glpsol (Debian glpk-utils) for the LP seeds

Sources: the shipped models (models/), the scenarios with the model they extend, the
loader fixtures (Tests/CorridorModelTests/Fixtures, the bad-input corpus), the data CSVs
and the hand-written MathProg/MPS/LP seeds in Fuzz/Seeds (converted to free MPS, fixed
MPS and CPLEX LP with glpsol). GLPK's own example files are not copied into the
repository: scripts/fuzz.sh adds them from /usr/share/doc/glpk-utils/examples at run
time. Files are named after their source; identical contents are kept once.
"""
import hashlib, os, re, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
corpus = os.path.join(root, "Fuzz", "Corpus")
fixtures = os.path.join(root, "Tests", "CorridorModelTests", "Fixtures")
MAX_CSV = 8192  # larger CSVs (the 8,760-hour one) make every run slow: only their head is used

def read(path):
    with open(path, "rb") as f:
        return f.read()

def csv_head(data):
    if len(data) <= MAX_CSV:
        return data
    return data[:MAX_CSV].rsplit(b"\n", 1)[0] + b"\n"

seen = {}
def put(target, name, data):
    digest = hashlib.sha1(data).hexdigest()
    if digest in seen.setdefault(target, set()):
        return
    seen[target].add(digest)
    d = os.path.join(corpus, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, re.sub(r"[^A-Za-z0-9._-]", "_", name)), "wb") as f:
        f.write(data)

def tomls(top):
    for dirpath, _, files in os.walk(top):
        for f in sorted(files):
            if f.endswith(".toml"):
                yield os.path.join(dirpath, f)

CSV_REF = re.compile(rb'csv\s*=\s*"([^"]*)"')
EXTENDS = re.compile(rb'^extends\s*=\s*"([^"]*)"', re.M)

def loader_input(path, depth=0):
    """(base, scenario or None, csv) for a model or scenario file."""
    text = read(path)
    here = os.path.dirname(path)
    m = EXTENDS.search(text)
    if m and depth == 0:
        parent = os.path.normpath(os.path.join(here, m.group(1).decode()))
        if os.path.exists(parent):
            base, _, csv = loader_input(parent, 1)
            scenario = EXTENDS.sub(b'extends = "base.toml"', text)
            scen_csv = first_csv(scenario, here)
            return base, CSV_REF.sub(b'csv = "in.csv"', scenario), scen_csv or csv
    return CSV_REF.sub(b'csv = "in.csv"', text), None, first_csv(text, here)

def first_csv(text, here):
    for ref in CSV_REF.findall(text):
        p = os.path.normpath(os.path.join(here, ref.decode()))
        if os.path.exists(p):
            return csv_head(read(p))
    return b""

def rel(path):
    return os.path.relpath(path, root).replace("/", "_")

# Model loader: models, scenarios over their base, fixtures.
for path in list(tomls(os.path.join(root, "models"))) + list(tomls(fixtures)):
    base, scenario, csv = loader_input(path)
    data = base
    if scenario is not None:
        data += b"\n#=== scenario\n" + scenario
    if csv:
        data += b"\n#=== csv\n" + csv
    put("model-loader", rel(path), data)

# Expressions: every `expr = "..."` in those files, plus seeds naming the fuzz target's model.
for path in list(tomls(os.path.join(root, "models"))) + list(tomls(fixtures)):
    for k, m in enumerate(re.finditer(rb'expr\s*=\s*"((?:[^"\\]|\\.)*)"', read(path))):
        put("expression", f"{rel(path)}-{k}", m.group(1))
for k, e in enumerate([
    "flow[black-sea] <= 0.5 * capacity[black-sea]",
    "flow[group:westbound] >= 1.5 GW",
    "delivered[RO] + delivered[TR] <= 80 %  * supply[kz-power]",
    "flow[KZ, black-sea] - 2 * flow[AZ, caspian] == 0",
    "level[az-battery] <= 4 GWh",
    "charge[az-battery] - discharge[az-battery] >= -(100 MW)",
    "flow[cpc] <= 7 Mt/yr - flow[btc] / 2",
    "available[cpc] * 0.25 >= flow[group:mixed]",
    "delivered[EU] >= 1 Mt",
    "(flow[caspian] + flow[black-sea]) * 3 <= 2 * (capacity[caspian] + 1e3 MW)",
]):
    put("expression", f"context-{k}", e.encode())

# CSV: the data files and the fixtures' CSVs.
for top in (os.path.join(root, "data"), fixtures):
    for dirpath, _, files in os.walk(top):
        for f in sorted(files):
            if f.endswith(".csv"):
                p = os.path.join(dirpath, f)
                put("csv", rel(p), csv_head(read(p)))

# MathProg, MPS, CPLEX LP: the hand-written seeds and glpsol's translations of them.
seeds = os.path.join(root, "Fuzz", "Seeds")
with tempfile.TemporaryDirectory() as tmp:
    for f in sorted(os.listdir(seeds)):
        p = os.path.join(seeds, f)
        if f.endswith(".mps"):
            put("mps", f, read(p))
        elif f.endswith(".lp"):
            put("cplex-lp", f, read(p))
        elif f.endswith(".mod"):
            text = read(p)
            put("mathprog", f, text)
            model, _, data = text.partition(b"\n#=== data\n")
            mod = os.path.join(tmp, "m.mod")
            dat = os.path.join(tmp, "m.dat")
            with open(mod, "wb") as out:
                out.write(model + b"\n")
            args = ["glpsol", "--math", mod, "--check"]
            if data:
                with open(dat, "wb") as out:
                    out.write(data)
                args += ["-d", dat]
            stem = f[:-4]
            outs = {"free.mps": "--wfreemps", "fixed.mps": "--wmps", "lp": "--wlp"}
            for suffix, flag in outs.items():
                args += [flag, os.path.join(tmp, f"{stem}.{suffix}")]
            subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
            for suffix in outs:
                target = "cplex-lp" if suffix == "lp" else "mps"
                put(target, f"{stem}.{suffix}", read(os.path.join(tmp, f"{stem}.{suffix}")))

for target in sorted(seen):
    print(f"{target}: {len(seen[target])} seeds", file=sys.stderr)
