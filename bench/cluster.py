#!/usr/bin/env python3
"""1 node against 2 on this machine (bench/run --cluster): the same work through cluster/run's
balancer, first with one node, then with two, in one run. See bench/README.md, "Cluster".

For each cluster size:
  - imports: ACCOUNTS accounts upload a clean file of ROWS/ACCOUNTS rows each at once; rows per
    second is every row over the wall time from the first upload to the last final status;
  - the CPU each part used meanwhile (utime + stime from /proc): the nodes' JVMs, PostgreSQL (all
    its processes), the broker, HAProxy; PostgreSQL's share is its CPU over all of them;
  - status calls: GetBulkUploadStatus (JSON) with wrk -t2 -c32 through the balancer, after a warm-up.
Prints one table. Needs the README's build, PostgreSQL at 127.0.0.1:5432, haproxy and wrk.
"""
import json
import os
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import bulk_client  # noqa: E402

WORK = os.path.join(HERE, "target")
TARGET = os.path.join(ROOT, "cluster", "target")
GEN = os.path.join(ROOT, "..", "shared", "tools", "gen-customers")
BASE = "http://127.0.0.1:8080"
ADMIN_KEY = "bench-admin-key"
SCHEMA = "bulk_bench_cluster"
ENV = dict(os.environ, BULK_DB_URL=f"jdbc:postgresql://127.0.0.1:5432/test?currentSchema={SCHEMA}", BULK_DB_USER="postgres",
           BULK_ADMIN_KEY=ADMIN_KEY, BULK_MAX_FILE_BYTES="2000000000", BULK_BOOTSTRAP_CLIENT_ID="bench-client",
           BULK_BOOTSTRAP_CLIENT_SECRET="bench-secret", BULK_BOOTSTRAP_DEVELOPER_TOKEN="bench-developer-token")
TICKS = os.sysconf("SC_CLK_TCK")


def log(message):
    print("== " + message, file=sys.stderr, flush=True)


def cluster_run(*arguments):
    subprocess.run([os.path.join(ROOT, "cluster", "run"), *arguments], check=True, env=ENV, stdout=sys.stderr, stderr=sys.stderr)


def psql(sql):
    return subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-qtA", "-c", sql], check=True,
                          capture_output=True, text=True, env=dict(ENV, PGOPTIONS="-c client_min_messages=warning")).stdout.strip()


def cpu_seconds(pids):
    total = 0
    for pid in pids:
        try:
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, IndexError, ValueError):
            pass
    return total / TICKS


def pids_of(command_name):
    found = subprocess.run(["pgrep", "-x", command_name], capture_output=True, text=True).stdout.split()
    return [int(p) for p in found]


def pid_file(name):
    try:
        return [int(open(os.path.join(TARGET, name + ".pid")).read().strip())]
    except (OSError, ValueError):
        return []


def parts(nodes):
    """The processes of each part, by name."""
    return {"nodes": [p for k in range(1, nodes + 1) for p in pid_file(f"node{k}")],
            "postgresql": pids_of("postgres"), "broker": pid_file("broker"), "haproxy": pid_file("haproxy")}


def new_account(headers_of):
    account = bulk_client.call(BASE, "/admin/v1/customers/1/accounts", {"Name": "bench"}, {"X-Admin-Key": ADMIN_KEY})
    return account["AccountId"], headers_of(account["AccountId"])


def import_one(path, account_id, headers, results, index):
    url = bulk_client.call(BASE, "/Bulk/v13/BulkUploadUrl/Query", {"ResponseMode": "ErrorsOnly", "AccountId": account_id}, headers)
    subprocess.run(bulk_client.upload_command(url["UploadUrl"], headers, path, "-sS", "-f", "-o", "/dev/null"), check=True)
    while True:
        status = bulk_client.call(BASE, "/Bulk/v13/BulkUploadStatus/Query", {"RequestId": url["RequestId"]}, headers, retry_seconds=60)
        if status["RequestStatus"] in bulk_client.FINAL:
            results[index] = dict(status, RequestId=url["RequestId"])
            return
        time.sleep(0.5)


def measure(nodes, path, accounts, rows_each, wrk_seconds):
    cluster_run("down")
    psql(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
    cluster_run("up", "--nodes", str(nodes))
    token = bulk_client.access_token(BASE, "bench-client", "bench-secret")

    def headers_of(account_id):
        return bulk_client.api_headers(token, "bench-developer-token", 1, account_id)

    # a warm-up import on every node's paths first (a small file per account), so that both sizes compare warm JVMs
    warm = [new_account(headers_of) for _ in range(accounts)]
    small = os.path.join(WORK, "clean-10000.csv")
    threads = [threading.Thread(target=import_one, args=(small, a, h, [None] * accounts, i)) for i, (a, h) in enumerate(warm)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    work = [new_account(headers_of) for _ in range(accounts)]
    results = [None] * accounts
    watched = parts(nodes)
    before = {part: cpu_seconds(pids) for part, pids in watched.items()}
    started = time.monotonic()
    threads = [threading.Thread(target=import_one, args=(path, a, h, results, i)) for i, (a, h) in enumerate(work)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - started
    cpu = {part: cpu_seconds(pids) - before[part] for part, pids in watched.items()}
    counts_ok = all(r and r["RequestStatus"] == "Completed" and r["RowsProcessed"] == rows_each for r in results)

    # status calls through the balancer: the last import's request
    request = results[-1]
    account_id, headers = work[-1]
    script = os.path.join(WORK, "cluster-status.lua")
    with open(script, "w") as f:
        f.write('wrk.method = "POST"\n' + "".join(f'wrk.headers["{k}"] = "{v}"\n' for k, v in headers.items())
                + 'wrk.headers["Content-Type"] = "application/json"\n'
                + "wrk.body = [[" + json.dumps({"RequestId": request["RequestId"]}) + "]]\n")
    url = BASE + "/Bulk/v13/BulkUploadStatus/Query"
    subprocess.run(["wrk", "-t1", "-c2", f"-d{wrk_seconds * 2}s", "-s", script, url], check=True, capture_output=True)
    out = subprocess.run(["wrk", "-t2", "-c32", f"-d{wrk_seconds}s", "--latency", "-s", script, url], check=True,
                         capture_output=True, text=True).stdout
    rps = next((float(l.split()[1]) for l in out.splitlines() if l.startswith("Requests/sec")), 0.0)
    p99 = next((l.split()[1] for l in out.splitlines() if l.strip().startswith("99%")), "-")
    cluster_run("down")
    return {"nodes": nodes, "rows": accounts * rows_each, "wall": wall, "rate": accounts * rows_each / wall, "cpu": cpu,
            "counts": "exact" if counts_ok else "WRONG " + json.dumps(results), "rps": rps, "p99": p99}


def main():
    quick = "--quick" in sys.argv
    accounts = 4
    rows_each = 25_000 if quick else 250_000
    wrk_seconds = 5 if quick else 20
    os.makedirs(WORK, exist_ok=True)
    for rows in (10_000, rows_each):
        path = os.path.join(WORK, f"clean-{rows}.csv")
        if not os.path.exists(path):
            subprocess.run([GEN, "--rows", str(rows), "--out", path], check=True)
    path = os.path.join(WORK, f"clean-{rows_each}.csv")
    try:
        results = [measure(nodes, path, accounts, rows_each, wrk_seconds) for nodes in (1, 2)]
    finally:
        cluster_run("down")

    print()
    print(f"Cluster benchmark, {time.strftime('%Y-%m-%dT%H:%MZ', time.gmtime())}, {os.cpu_count()} cores: "
          f"{accounts} accounts import {rows_each} rows each at once through HAProxy; then wrk -t2 -c32 {wrk_seconds}s of GetBulkUploadStatus")
    print(f"{'nodes':>5} {'rows':>9} {'wall s':>8} {'rows/s':>8} {'CPU s: nodes':>13} {'PostgreSQL':>11} {'broker':>7} {'HAProxy':>8} "
          f"{'PG share':>9} {'status/s':>9} {'p99':>8}  counts")
    for r in results:
        total = sum(r["cpu"].values()) or 1
        print(f"{r['nodes']:>5} {r['rows']:>9} {r['wall']:>8.1f} {r['rate']:>8.0f} {r['cpu']['nodes']:>13.1f} {r['cpu']['postgresql']:>11.1f} "
              f"{r['cpu']['broker']:>7.1f} {r['cpu']['haproxy']:>8.1f} {100 * r['cpu']['postgresql'] / total:>8.0f}% {r['rps']:>9.0f} {r['p99']:>8}  {r['counts']}")
    gain = results[1]["rate"] / results[0]["rate"]
    print(f"(2 nodes import at {gain:.2f}x the rate of 1 on this machine; all parts share its {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
