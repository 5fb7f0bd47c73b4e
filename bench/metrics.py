#!/usr/bin/env python3
"""Sums of metrics of the server's Prometheus endpoint (docs/operations.md, "Metrics").

    python3 bench/metrics.py http://127.0.0.1:9990/metrics bulk_import_rows_total bulk_import_duration_seconds_sum

prints one number per name: the sum of its samples over every label set (0 when absent).
"""
import sys
import urllib.request


def sums(url, names):
    totals = dict.fromkeys(names, 0.0)
    with urllib.request.urlopen(url, timeout=10) as response:
        for line in response.read().decode().splitlines():
            if line.startswith("#") or not line.strip():
                continue
            name = line.split("{", 1)[0].split(" ", 1)[0]
            if name in totals:
                totals[name] += float(line.rsplit(" ", 1)[1])
    return [totals[n] for n in names]


if __name__ == "__main__":
    print(" ".join(f"{v:.3f}" for v in sums(sys.argv[1], sys.argv[2:])))
