#!/usr/bin/env python3
"""How fast a freshly started server warms up under load: status calls from 32 connections
(wrk -t2 -c32) in windows of one second, from the moment the server answers, for `seconds`.

    warm_up.py URL WRK_SCRIPT STEADY_RPS [SECONDS]

STEADY_RPS is the same call's rate on the warm server earlier in the same bench run. Prints one
JSON object: the rate of every window, and `seconds_to_80` - the end of the first of three windows
in a row at 80 % of STEADY_RPS or more (null if that never happened). A window with any non-2xx
answer stops the run: a rate of refusals says nothing (bench/README.md, "Cold start").
"""
import json
import re
import subprocess
import sys
import time


def window(url, script):
    out = subprocess.run(["wrk", "-t2", "-c32", "-d1s", "-s", script, url], capture_output=True, text=True,
                         timeout=30).stdout
    if "Non-2xx" in out:
        sys.exit("the status calls were answered with errors:\n" + out)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    return float(rate.group(1)) if rate else 0.0


def main():
    url, script, steady = sys.argv[1], sys.argv[2], float(sys.argv[3])
    seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 60
    started = time.monotonic()
    series, reached = [], None
    while time.monotonic() - started < seconds:
        rate = window(url, script)
        series.append((round(time.monotonic() - started, 1), round(rate)))
        last = series[-3:]
        if reached is None and len(last) == 3 and all(r >= 0.8 * steady for _, r in last):
            reached = last[0][0]
    print(json.dumps({"steady": steady, "seconds_to_80": reached, "series": series}))


if __name__ == "__main__":
    main()
