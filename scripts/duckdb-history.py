#!/usr/bin/env python3
"""The yardstick for `support-ops history`: DuckDB computing the same volume and arrival
aggregates (tickets by month, by channel, by priority, and per hour of the week per channel)
from the same CSV, natively. Usage: scripts/duckdb-history.py FILE.csv  (needs `pip install duckdb`).
Prints the seconds taken; the times are read as UTC wall times (no zone conversion)."""

import sys
import time

import duckdb

start = time.perf_counter()
db = duckdb.connect()
db.execute(f"""
    CREATE TABLE t AS SELECT "Via" AS via, "Priority" AS priority,
        CAST("Created at" AS TIMESTAMP) AS created
    FROM read_csv('{sys.argv[1]}', header = true, all_varchar = true)
""")
months = db.execute("SELECT strftime(created, '%Y-%m') m, count(*) FROM t GROUP BY m ORDER BY m").fetchall()
channels = db.execute("SELECT via, count(*) FROM t GROUP BY via").fetchall()
priorities = db.execute("SELECT priority, count(*) FROM t GROUP BY priority").fetchall()
hours = db.execute("""SELECT via, (isodow(created) - 1) * 24 + hour(created) h, count(*)
                      FROM t GROUP BY via, h""").fetchall()
elapsed = time.perf_counter() - start
print(f"duckdb: {sum(n for _, n in months)} tickets, {len(months)} months, {len(channels)} channels, "
      f"{len(priorities)} priorities, {len(hours)} channel-hours in {elapsed:.2f} s")
