#!/usr/bin/env python3
"""Paid hours of our shift search against pyworkforce's MinRequiredResources on the same need.

The need is the first size of `support-ops shifts --bench` (one channel, 8 templates of 8 h 30 min
with a 30-minute unpaid break, starting 06:00, 08:00, ... 20:00). pyworkforce (OR-Tools CP-SAT)
counts shifts per day and period with no weekly pattern, so it cannot express "5 days of 7 with two
days off together"; its answer is a floor for ours on the shifts it can express. Shifts past
midnight are cut at midnight for it (the need is zero from 23:00 to 07:00, so nothing is lost).

Usage: pip install pyworkforce; cargo build --release --no-default-features --features schema;
       python3 scripts/compare-pyworkforce.py [path/to/support-ops]
"""
import json
import subprocess
import sys

from pyworkforce.scheduling import MinRequiredResources

binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/support-ops"
need = json.loads(subprocess.check_output([binary, "shifts", "--bench", "--format", "json"]))
bench = subprocess.check_output([binary, "shifts", "--bench"]).decode()
ours = next(line for line in bench.splitlines() if line.startswith("one channel, 8 templates "))
same = next(line for line in bench.splitlines() if "day by day" in line)

PAID_HOURS = 8
starts = [6, 8, 10, 12, 14, 16, 18, 20]
# Hours a shift works whole: from its start for 8 h (8 h 30 min reaches half of the ninth hour).
coverage = {f"S{s:02}": [1 if s <= h < s + 8 else 0 for h in range(24)] for s in starts}
required = [need[day * 24:(day + 1) * 24] for day in range(7)]
scheduler = MinRequiredResources(
    num_days=7,
    periods=24,
    shifts_coverage=coverage,
    required_resources=required,
    max_period_concurrency=10_000,
    max_shift_concurrency=10_000,
    max_search_time=10.0,
)
solution = scheduler.solve()
shifts = sum(row["resources"] for row in solution["resources_shifts"])
print(f"pyworkforce MinRequiredResources: status {solution['status']}, "
      f"{shifts} shifts a week = {shifts * PAID_HOURS} paid hours (no weekly pattern)")
cells = same.split()
print(f"support-ops shifts, the same problem (day by day): {cells[-6]} shifts = {cells[-4]} paid hours "
      f"(bound {cells[-3]} h)")
cells = ours.split()
print(f"support-ops shifts, weekly plan: {cells[-6]} people = {cells[-4]} paid hours "
      f"(5 days of 7, two days off together; bound {cells[-3]} h), which pyworkforce cannot express")
