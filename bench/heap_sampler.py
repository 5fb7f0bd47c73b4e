#!/usr/bin/env python3
"""The server's heap in use and RSS every half second, from one `jstat -gc PID 500` for the server's
whole life:

    heap_sampler.py PID > samples.txt

Prints `epoch-seconds heap-KB rss-KB` a line. Heap used is what jstat reports in use: survivors,
eden and old generation (S0U + S1U + EU + OU), young garbage included. Ends when the server does.

Why one jstat and not one a sample: jstat is itself a Java program, and starting it twice a second
cost about 0.35 s of CPU a start, about 14 % of this two-core machine taken from the server it
measured (bench/README.md, "The sampler").
"""
import signal
import subprocess
import sys
import time

# the columns of `jstat -gc` that hold what is in use, in KB
USED = ("S0U", "S1U", "EU", "OU")


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main():
    pid = sys.argv[1]
    jstat = subprocess.Popen(["jstat", "-gc", pid, "500"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    # stopped with the server: take jstat along
    signal.signal(signal.SIGTERM, lambda *_: (jstat.terminate(), sys.exit(0)))
    columns = None
    for line in jstat.stdout:
        fields = line.split()
        if not fields:
            continue
        if fields[0] == "S0C":
            columns = [fields.index(name) for name in USED]
            continue
        if columns is None or len(fields) <= max(columns):
            continue
        try:
            heap = sum(float(fields[i].replace(",", ".")) for i in columns)
        except ValueError:
            continue
        print(f"{time.time():.3f} {int(heap)} {rss_kb(pid)}", flush=True)
    jstat.wait()


if __name__ == "__main__":
    try:
        main()
    except (KeyboardInterrupt, BrokenPipeError):
        pass
