"""Turns the benchmark's raw outputs into one table and bench-results/results.json.

Reads native.txt (divan), simulation.txt, browser.json, history-timing.txt and shifts.txt from the
folder given. The first table is the architecture issue's budgets, printed with every run."""
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


def text(name):
    path = folder / name
    return path.read_text(encoding="utf-8") if path.exists() else ""


def verdict(ok):
    return "met" if ok else "NOT met"


sizes = browser["sizes"]
page_gz = sizes.get("wasm", {}).get("gzip", 0)
pair = browser.get("first_usable_vs_yardstick")
edit = browser.get("edit_ms_large")
check = native.get("validate_and_render_text", {}).get(1000)
during = browser.get("input_ms_during_simulation")
sim = browser.get("simulation_browser")
slowdown = (simulation["tickets_per_second"] / sim["tickets_per_second"]["median"]
            if sim and simulation and sim["tickets_per_second"]["median"] else None)

print("\nBUDGETS (issue 21), this run")
print(f"{'measure':58} {'this run':>26}  {'budget':>20}  verdict")
rows = [
    ("the page's wasm, gzipped", kb(page_gz), "<= 350 KB", page_gz <= 350 * 1024),
]
if pair:
    rows.append(("first usable, interleaved loads, x the yardstick", f"{pair['ratio_of_medians']:.2f}x",
                 "<= 1.6x", pair["ratio_of_medians"] <= 1.6))
if edit:
    rows.append(("edit -> findings + preview, 500 categories, median / p95",
                 f"{edit['median']:.1f} / {edit['p95']:.1f} ms", "p95 <= 16 ms", edit["p95"] <= 16))
    if "long_tasks_over_50_ms" in edit:
        rows.append(("main-thread tasks over 50 ms while typing (60 edits)",
                     f"{edit['long_tasks_over_50_ms']} (longest {edit['longest_task_ms']:.0f} ms)", "none",
                     edit["long_tasks_over_50_ms"] == 0))
if check:
    rows.append(("native check + text document, 1,000 categories", f"{check['median_ms']:.3f} ms", "<= 1 ms",
                 check["median_ms"] <= 1.0))
if during:
    rows.append((f"input latency while the worker simulates {sim['tickets']:,} tickets, median / p95" if sim
                 else "input latency during the month simulation, median / p95",
                 f"{during['median']:.1f} / {during['p95']:.1f} ms (n={during['n']})", "p95 <= 50 ms",
                 during["p95"] <= 50))
if slowdown:
    rows.append(("month simulation in the browser (worker) against native", f"{slowdown:.2f}x slower",
                 "<= 2x slower", slowdown <= 2.0))
for label, value, budget, ok in rows:
    print(f"{label:58} {value:>26}  {budget:>20}  {verdict(ok)}")

print("\nTRANSFER SIZE (dist/)")
print(f"{'file':30} {'raw':>11} {'gzip':>11} {'brotli':>11}")
labels = {"wasm": "page wasm", "worker_wasm": "worker wasm (in parallel)", "js": "js", "css": "css"}
for kind, size in sizes.items():
    print(f"{labels.get(kind, kind):30} {kb(size['raw']):>11} {kb(size['gzip']):>11} {kb(size['brotli']):>11}")
if yardstick:
    print(f"{'Leptos TodoMVC, built alike':30} {kb(yardstick['raw']):>11} {kb(yardstick['gzip']):>11} {kb(yardstick['brotli']):>11}")
    print(f"page wasm gzipped: {page_gz / yardstick['gzip']:.2f}x the yardstick's")

print("\nBROWSER (headless Chromium, loopback)")
for key, label in [("load_ms_empty", "usable, empty draft"), ("load_ms_large", "usable, 500-category plan")]:
    s = browser[key]
    print(f"{label:34} median {s['median']:8.1f} ms  p95 {s['p95']:8.1f} ms  (n={s['n']})")
if pair:
    print(f"{'first usable, interleaved':34} app median {pair['app']['median']:8.1f} ms, "
          f"yardstick median {pair['yardstick']['median']:8.1f} ms -> {pair['ratio_of_medians']:.2f}x")
    if pair.get("app_mounting"):
        print(f"{'  of it: wasm running at':34} median {pair['app_wasm_running_at']['median']:8.1f} ms, "
              f"then mounting the app {pair['app_mounting']['median']:8.1f} ms")
for key, label in [("edit_ms_large", "edit -> preview+findings, large"),
                   ("edit_ms_large_all_rows", "  same, all 500 rows shown")]:
    e = browser.get(key)
    if e:
        print(f"{label:34} median {e['median']:8.2f} ms  p95 {e['p95']:8.2f} ms  (n={e['n']}; preview shows "
              f"the edit: {e['preview_shows_the_edit']}; tasks over 50 ms: {e.get('long_tasks_over_50_ms', '?')})")
if sim:
    print(f"{'simulation (browser worker)':34} {sim['tickets_per_second']['median']:,.0f} tickets/s "
          f"(median of {sim['tickets_per_second']['n']} runs of {sim['tickets']:,} tickets, request to month shown)")
    if sim.get("first_with_worker_start_ms"):
        print(f"{'  the first month, worker start incl.':34} {sim['first_with_worker_start_ms']:8.1f} ms; "
              f"the next ones median {sim['round_trip_ms']['median']:8.1f} ms")
if simulation:
    print(f"{'simulation (native, same plan)':34} {simulation['tickets_per_second']:,} tickets/s "
          f"({simulation['tickets']:,} tickets)")

print("\nNATIVE (median ms by categories)")
sizes_n = sorted({size for rows_ in native.values() for size in rows_})
print(f"{'':28}" + "".join(f"{size:>12}" for size in sizes_n))
for name, rows_ in native.items():
    print(f"{name:28}" + "".join(f"{rows_.get(size, {}).get('median_ms', float('nan')):12.3f}" for size in sizes_n))

history = text("history-timing.txt")
browser_history = json.loads(text("browser-history.json") or "null")
if history or browser_history:
    print("\nTICKET HISTORY, 1,000,000 tickets (issue 22)")
    duckdb_seconds = None
    for line in history.splitlines():
        if line.startswith(("support-ops history:", "duckdb")):
            print("  " + line)
        found = re.search(r"^duckdb: .* in ([\d.]+) s", line)
        if found:
            duckdb_seconds = float(found.group(1))
    if browser_history:
        app = browser_history["app_read_seconds"]
        papa = browser_history["papaparse_seconds"]
        lag = browser_history["main_thread_delay_ms"]
        print(f"  browser, the app: read, summarised and replayed in median {app['median']:.2f} s "
              f"(n={app['n']}, budget <= 10 s: {verdict(app['median'] <= 10)}); {browser_history['file_bytes'] / 1e6:.0f} MB")
        print(f"  browser, main-thread delay meanwhile: median {lag['median']:.1f} ms, p95 {lag['p95']:.1f} ms "
              f"(budget p95 <= 50 ms: {verdict(lag['p95'] <= 50)})")
        print(f"  browser, PapaParse in a worker, parsing only: median {papa['median']:.2f} s "
              f"({browser_history['papaparse_rows']:,} rows) -> the app takes {app['median'] / papa['median']:.2f}x "
              f"PapaParse's time (goal: faster)")
        if duckdb_seconds:
            print(f"  the app in the browser against DuckDB natively: {app['median'] / duckdb_seconds:.2f}x "
                  f"(goal: within 3x)")
        results["browser_history"] = browser_history

shifts = text("shifts.txt")
if shifts:
    print("\nSHIFT SEARCH (issue 25), and pyworkforce on the same need")
    for line in shifts.splitlines():
        if line.strip():
            print("  " + line)

results["budgets"] = [{"measure": l, "this_run": v, "budget": b, "met": ok} for l, v, b, ok in rows]
(folder / "results.json").write_text(json.dumps(results, indent=2))
print(f"\nwrote {folder / 'results.json'}")
