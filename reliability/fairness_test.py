#!/usr/bin/env python3
"""Noisy neighbours: a small tenant's file is not queued behind the big tenants' files.

Starts the provisioned server on PostgreSQL (harness.py) with its two import slots. Tenants A and B
each send four files of ROWS rows (300,000 by default; within their cap of 10 active uploads),
interleaved; once both slots are busy tenant C sends a 10-row file. Checks, one line each, then
"N passed, N failed" (exit 1 if any failed):
  - C's file completes within the time of one chunk (5,000 rows of a big import) after the first
    slot frees, plus the 0.25 s of polling: it goes before A's and B's waiting files;
  - the slots then alternate between A and B (round robin), each account's files in upload order;
  - every file of A and B completes with exactly the counts gen-customers --expect gives.
See reliability/README.md and docs/design.md, "Import slots".

    python3 reliability/fairness_test.py            # 8 files of 300,000 rows, about 5 minutes
    python3 reliability/fairness_test.py 50000      # the same with smaller files
"""
import sys
import threading
import time

import harness

CHUNK_ROWS = 5000
POLL = 0.25


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
    results = []

    def check(name, ok, detail):
        results.append(ok)
        print(f"{'PASS' if ok else 'FAIL'} {name}: {detail}", flush=True)

    harness.log(f"generating 4 files of {rows} rows and one of 10")
    big = [harness.generate("fair", rows, seed) for seed in (11, 12, 13, 14)]
    small_path, small_expect = harness.generate("fair", 10, 15)
    harness.fresh_setup()
    a, b, c = (harness.new_tenant(n) for n in (1, 2, 3))

    requests = []                    # (tenant name, tenant, request id, expect)
    for (path, expect) in big:
        for name, tenant in (("A", a), ("B", b)):
            request_id, url = harness.new_request({"AccountId": tenant["account"]}, tenant["headers"])
            code = harness.upload(url, tenant["headers"], path)
            if code != "200":
                raise SystemExit(f"upload of {name}'s file answered {code}")
            requests.append((name, tenant, request_id, expect))
    harness.log("8 big files queued; waiting for both slots to be busy")
    while int(harness.psql("select count(*) from upload_request where status = 'InProgress'")) < 2:
        time.sleep(0.2)
    request_id, url = harness.new_request({"AccountId": c["account"]}, c["headers"])
    c_sent = time.time()
    if harness.upload(url, c["headers"], small_path) != "200":
        raise SystemExit("C's upload failed")
    requests.append(("C", c, request_id, small_expect))

    finals = {}                      # request id -> (time final, status)

    def poll(name, tenant, rid):
        while True:
            s = harness.status(rid, tenant["headers"])
            if s["RequestStatus"] in ("Completed", "CompletedWithErrors", "Failed"):
                finals[rid] = (time.time(), s)
                return
            time.sleep(POLL)

    pollers = [threading.Thread(target=poll, args=(n, t, r)) for n, t, r, _ in requests]
    for t in pollers:
        t.start()
    for t in pollers:
        t.join()

    c_done = finals[request_id][0]
    big_times = sorted(finals[r][0] for n, _, r, _ in requests if n != "C")
    slot_freed = min(t for t in big_times if t > c_sent) if any(t > c_sent for t in big_times) else c_sent
    durations = harness.psql("select extract(epoch from (updated_at - started_at)) from upload_request"
                             f" where account_id in ({a['account']}, {b['account']}) order by 1").split()
    median = float(durations[len(durations) // 2])
    chunk_seconds = median / max(1, rows / CHUNK_ROWS)
    after_slot = c_done - slot_freed
    check("C's 10-row file after a slot frees", after_slot <= chunk_seconds + POLL + 0.5,
          f"completed {after_slot:.2f} s after the first slot freed (a chunk takes {chunk_seconds:.2f} s, an import {median:.1f} s);"
          f" {c_done - c_sent:.1f} s after it was sent, behind {len([t for t in big_times if t < c_done])} of the 8 big files"
          f" (first come first served would have put it behind all 8)")
    order = harness.psql("select a.name from upload_request r join account a on a.id = r.account_id"
                         f" where r.account_id in ({a['account']}, {b['account']}, {c['account']}) order by r.started_at").split()
    names = {"tenant-1": "A", "tenant-2": "B", "tenant-3": "C"}
    starts = "".join(names.get(n, "?") for n in order)
    alternating = all(starts[i] != starts[i + 1] for i in range(len(starts) - 1) if "C" not in starts[i:i + 2])
    check("slots alternate between the accounts", alternating and "C" in starts[:4], f"imports started in the order {starts}")
    wrong = [f"{n} {r}: {finals[r][1]['RequestStatus']} {finals[r][1]['RowsProcessed']}/{finals[r][1]['RowsFailed']}"
             for n, _, r, e in requests
             if finals[r][1]["RowsProcessed"] != e["rows"] or finals[r][1]["RowsFailed"] != e["failed"]
             or not finals[r][1]["RequestStatus"].startswith("Completed")]
    check("every file imported exactly", not wrong, f"{len(requests)} files, wrong: {wrong}")

    harness.kill_server()
    failed = results.count(False)
    print(f"{results.count(True)} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
