#!/usr/bin/env python3
"""The ablation's tables from its folder: one row per run (METHOD-seedN/summary.json) and each method's mean
and spread. Usage: ablation-table.py DIR (DIR/header.txt, written by ablation.sh, is the first line)."""
import json, os, re, statistics, sys

folder = sys.argv[1]
order = ["dgm", "greedy", "latest", "hgm", "pareto", "random", "frozen"]
runs = []
for name in os.listdir(folder):
    match = re.fullmatch(r"(.+)-seed(\d+)", name)
    summary = os.path.join(folder, name, "summary.json")
    if match and os.path.isfile(summary):
        try:
            runs.append((match.group(1), int(match.group(2)), json.load(open(summary))))
        except ValueError as e:
            print(f"ablation-table.py: {summary} is not readable JSON ({e}); that run is left out", file=sys.stderr)
runs.sort(key=lambda r: (order.index(r[0]) if r[0] in order else len(order), r[0], r[1]))

pct = lambda v: "-" if v is None else f"{v:.0%}"
header = os.path.join(folder, "header.txt")
print(open(header).read().strip() if os.path.isfile(header) else f"Runs in {folder}.")
print()
print("| method | seed | nodes | valid | best | train: seed → best | holdout: seed → best | children beating their parent | wall |")
print("|---|---|---|---|---|---|---|---|---|")
for method, seed, s in runs:
    imp = s.get("improvement") or {}
    beat = f"{imp.get('improved', 0)} of {imp.get('children', 0)}" if imp.get("children") else "-"
    print(f"| {method} | {seed} | {s['nodes']} | {s['valid']} | node {s['best_id']} | {pct(s['seed_train'])} → {pct(s['best_train'])} "
          f"| {pct(s['seed_holdout'])} → {pct(s['best_holdout'])} | {beat} | {s['wall_seconds'] / 60:.0f} min |")

print()
print("| method | runs | best holdout: mean | spread (min–max) | sd | best train: mean | children beating their parent |")
print("|---|---|---|---|---|---|---|")
methods = []
for method, _, _ in runs:
    if method not in methods:
        methods.append(method)
for method in methods:
    mine = [s for m, _, s in runs if m == method]
    holdout = [s["best_holdout"] for s in mine if s.get("best_holdout") is not None]
    train = [s["best_train"] for s in mine if s.get("best_train") is not None]
    children = sum((s.get("improvement") or {}).get("children", 0) for s in mine)
    improved = sum((s.get("improvement") or {}).get("improved", 0) for s in mine)
    if not holdout:
        continue
    sd = statistics.stdev(holdout) if len(holdout) > 1 else 0
    share = f"{improved} of {children} ({improved / children:.0%})" if children else "-"
    counted = f"{len(holdout)}" if len(holdout) == len(mine) else f"{len(holdout)} of {len(mine)}"
    print(f"| {method} | {counted} | {statistics.mean(holdout):.1%} | {min(holdout):.0%}–{max(holdout):.0%} | {sd:.1%} "
          f"| {f'{statistics.mean(train):.1%}' if train else '-'} | {share} |")
