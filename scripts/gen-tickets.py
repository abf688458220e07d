#!/usr/bin/env python3
"""Writes a realistic Zendesk-shaped ticket CSV for trying and benchmarking `support-ops history`.

Usage: scripts/gen-tickets.py N [OUT.csv]   (stdout without OUT; seeded, so the same N gives the
same file). 1,000,000 tickets are about 200 MB.

The columns are those of Zendesk's CSV ticket export; times are wall times in the account's zone
(no offset), as Zendesk writes them. Arrivals follow a weekly pattern (weekday daytime peaks,
quiet nights and weekends) over 2025; channels, priorities, reply and resolution times vary by
channel; business minutes are counted on Mon-Fri 09:00-17:00. Every name and subject is made up.
"""

import bisect
import csv
import datetime as dt
import math
import random
import sys

HEADER = [
    "Id", "Requester", "Requester id", "Group", "Subject", "Tags", "Status", "Priority", "Via",
    "Ticket type", "Created at", "Updated at", "Organization", "Solved at", "Satisfaction Score",
    "Reopens", "Replies", "First reply time in minutes",
    "First reply time in minutes within business hours", "Full resolution time in minutes",
    "Full resolution time in minutes within business hours",
]
DAY_WEIGHT = [1.25, 1.15, 1.05, 1.0, 0.9, 0.3, 0.25]  # Monday first
HOUR_WEIGHT = [0.2, 0.15, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1.5, 2.4, 2.8, 2.7, 2.2, 2.5, 2.6, 2.4,
               2.1, 1.6, 1.1, 0.9, 0.7, 0.6, 0.4, 0.3]
CHANNELS = [("email", 45), ("web", 20), ("chat", 20), ("voice", 10), ("api", 5)]
# Median first reply in minutes, by channel.
REPLY_MEDIAN = {"email": 240, "web": 300, "chat": 3, "voice": 1, "api": 600}
PRIORITIES = [("urgent", 5), ("high", 15), ("normal", 57), ("low", 20), ("", 3)]
TYPES = [("question", 45), ("incident", 30), ("problem", 10), ("task", 10), ("", 5)]
TAGS = ["billing", "login", "sso", "api", "bug", "feature_request", "refund", "invoice",
        "onboarding", "integration", "mobile", "export", "password", "performance", "outage"]
GROUPS = ["Support", "Billing", "Technical", "Onboarding"]
SUBJECTS = ["Cannot log in", "Invoice is wrong", "How do I export, then import?",
            "App is \"slow\" today", "Refund request", "SSO fails for our team",
            "API returns 500", "Feature request: dark mode", "Password reset not arriving",
            "Integration with CRM broken"]
START = dt.datetime(2025, 1, 1)
DAYS = 365


def weighted(pairs):
    total, cumulative = 0, []
    for _, weight in pairs:
        total += weight
        cumulative.append(total)
    names = [name for name, _ in pairs]
    return lambda rng: names[bisect.bisect(cumulative, rng.random() * total)]


def office_position(moment):
    """Open minutes of a Mon-Fri 09:00-17:00 week from 2024-12-30 (a Monday) to `moment`."""
    minutes = int((moment - dt.datetime(2024, 12, 30)).total_seconds() // 60)
    day, minute = divmod(minutes, 1440)
    week, weekday = divmod(day, 7)
    today = min(max(minute - 540, 0), 480) if weekday < 5 else 0
    return week * 2400 + min(weekday, 5) * 480 + today


def main():
    count = int(sys.argv[1])
    out = open(sys.argv[2], "w", newline="") if len(sys.argv) > 2 else sys.stdout
    rng = random.Random(22)
    day_choice = weighted([(d, DAY_WEIGHT[(START + dt.timedelta(days=d)).weekday()]) for d in range(DAYS)])
    hour_choice = weighted(list(enumerate(HOUR_WEIGHT)))
    channel, priority, kind = weighted(CHANNELS), weighted(PRIORITIES), weighted(TYPES)
    created = sorted(
        START + dt.timedelta(days=day_choice(rng), hours=hour_choice(rng), seconds=rng.randrange(3600))
        for _ in range(count)
    )
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    stamp = "%Y-%m-%d %H:%M:%S"
    for index, opened in enumerate(created, start=1):
        via = channel(rng)
        reply = max(0, int(rng.lognormvariate(math.log(REPLY_MEDIAN[via]), 1.0)))
        solved = rng.random() < 0.9
        resolution = reply + int(rng.lognormvariate(math.log(1440), 1.2)) if solved else None
        first = opened + dt.timedelta(minutes=reply)
        done = opened + dt.timedelta(minutes=resolution) if solved else None
        tags = rng.sample(TAGS, rng.randint(1, 3)) + (["enterprise"] if rng.random() < 0.1 else [])
        requester = rng.randrange(1, 150_000)
        rating = rng.choices(["Good", "Bad", "Offered", "Unoffered"], [30, 5, 25, 40])[0]
        writer.writerow([
            index, f"Customer {requester}", requester, rng.choice(GROUPS), rng.choice(SUBJECTS),
            " ".join(tags), "closed" if solved else rng.choice(["open", "pending"]), priority(rng),
            via, kind(rng), opened.strftime(stamp), (done or first).strftime(stamp),
            f"Org {rng.randrange(1, 2000)}", done.strftime(stamp) if done else "", rating,
            1 if rng.random() < 0.07 else 0, rng.randint(1, 4), reply,
            office_position(first) - office_position(opened),
            resolution if solved else "",
            office_position(done) - office_position(opened) if solved else "",
        ])


if __name__ == "__main__":
    main()
