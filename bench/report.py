"""Turns the benchmark's raw outputs into one table and bench-results/results.json.

Reads native.txt (divan), simulation.txt and browser.json from the folder given."""
import json
import re
import sys
from pathlib import Path

folder = Path(sys.argv[1])
UNITS = {"ns": 1e-6, "µs": 1e-3, "us": 1e-3, "ms": 1.0, "s": 1e3}

native = {}
group = None
for line in (folder / "native.txt").read_text(encoding="utf-8").splitlines():
    top = re.match(r"^[├╰]─ (\w+)\s", line)
    if top:
        group = top.group(1)
        continue
    row = re.match(r"^│?\s+[├╰]─ (\d+)\s+([\d.]+) (\S+)\s+│\s+([\d.]+) (\S+)\s+│\s+([\d.]+) (\S+)", line)
    if row and group:
        size = int(row.group(1))
        median_ms = float(row.group(6)) * UNITS[row.group(7)]
        fastest_ms = float(row.group(2)) * UNITS[row.group(3)]
        native.setdefault(group, {})[size] = {"median_ms": median_ms, "fastest_ms": fastest_ms}

simulation = None
found = re.search(r"([\d,]+) tickets in ([\d.]+) s: (\d+) tickets/s", (folder / "simulation.txt").read_text())
if found:
    simulation = {"tickets": int(found.group(1).replace(",", "")), "seconds": float(found.group(2)),
                  "tickets_per_second": int(found.group(3))}

browser = json.loads((folder / "browser.json").read_text())
yardstick_file = folder / "yardstick.json"
yardstick = json.loads(yardstick_file.read_text()) if yardstick_file.exists() else None
results = {"native": native, "simulation_native": simulation, "yardstick_todomvc_wasm": yardstick, **browser}
(folder / "results.json").write_text(json.dumps(results, indent=2))

def kb(n):
    return f"{n / 1024:.1f} KB"

print("\nTRANSFER SIZE (dist/)")
print(f"{'file':6} {'raw':>11} {'gzip':>11} {'brotli':>11}")
for kind, size in browser["sizes"].items():
    print(f"{kind:6} {kb(size['raw']):>11} {kb(size['gzip']):>11} {kb(size['brotli']):>11}")
if yardstick:
    print(f"{'(Leptos TodoMVC, built alike)':6} {kb(yardstick['raw']):>11} {kb(yardstick['gzip']):>11} {kb(yardstick['brotli']):>11}")
wasm_gz = browser["sizes"].get("wasm", {}).get("gzip", 0)
print(f"budget: wasm <= 300 KB gzipped (stretch 200 KB) -> {'met' if wasm_gz <= 300 * 1024 else 'NOT met'}")
if yardstick:
    print(f"wasm gzipped: {wasm_gz / yardstick['gzip']:.2f}x the yardstick's")

print("\nBROWSER (headless Chromium, loopback)")
for key, label, budget in [("load_ms_empty", "usable, empty draft", 300),
                           ("load_ms_large", "usable, 500-category plan", 300)]:
    s = browser[key]
    print(f"{label:34} median {s['median']:8.1f} ms  p95 {s['p95']:8.1f} ms  (n={s['n']}, budget {budget} ms)")
pair = browser.get("first_usable_vs_yardstick")
if pair:
    ratio = pair["ratio_of_medians"]
    print(f"{'first usable, interleaved':34} app median {pair['app']['median']:8.1f} ms, "
          f"yardstick median {pair['yardstick']['median']:8.1f} ms -> {ratio:.2f}x "
          f"(budget <= 2.0x, stretch 1.3x: {'met' if ratio <= 2.0 else 'NOT met'})")
    if pair.get("app_mounting"):
        print(f"{'  of it: wasm running at':34} median {pair['app_wasm_running_at']['median']:8.1f} ms, "
              f"then mounting the app {pair['app_mounting']['median']:8.1f} ms")
for key, label in [("edit_ms_large", "edit -> preview+findings, large"),
                   ("edit_ms_large_all_rows", "  same, all 500 rows shown")]:
    edit = browser.get(key)
    if edit:
        print(f"{label:34} median {edit['median']:8.2f} ms  p95 {edit['p95']:8.2f} ms  "
              f"(n={edit['n']}, budget 4 / 16 ms; preview shows edit: {edit['preview_shows_the_edit']})")
sim = browser.get("simulation_browser")
if sim:
    print(f"{'simulation (browser)':34} {sim['tickets_per_second']['median']:,.0f} tickets/s "
          f"(median of {sim['tickets_per_second']['n']} runs of {sim['tickets']:,} tickets)")

print("\nNATIVE (median ms by categories)")
sizes = sorted({size for rows in native.values() for size in rows})
print(f"{'':28}" + "".join(f"{size:>12}" for size in sizes))
for name, rows in native.items():
    print(f"{name:28}" + "".join(f"{rows.get(size, {}).get('median_ms', float('nan')):12.3f}" for size in sizes))
check = native.get("validate_and_render_text", {}).get(1000)
if check:
    print(f"budget: native validate + render of 1,000 categories <= 1 ms -> "
          f"{check['median_ms']:.3f} ms, {'met' if check['median_ms'] <= 1.0 else 'NOT met'}")
if simulation:
    print(f"\nsimulation (native): {simulation['tickets_per_second']:,} tickets/s")
print(f"\nwrote {folder / 'results.json'}")
