#!/usr/bin/env python3
"""Noisy neighbours: a small tenant's file is not queued behind the big tenants' files.

Starts the provisioned server on PostgreSQL (harness.py) with its two import slots. Tenants A and B
each send four files of ROWS rows (300,000 by default; within their cap of 10 active uploads),
interleaved; once both slots are busy tenant C sends a 10-row file. Checks, one line each, then
"N passed, N failed" (exit 1 if any failed):
  - C's file completes within the time of one chunk (5,000 rows of a big import) after the first
    slot frees, plus the 0.25 s of polling: it goes before A's and B's waiting files;
  - every import starts in its account's turn: of the accounts with a file waiting and none
    running, the one whose last import started longest ago (round robin), one at a time each;
  - every file of A and B completes with exactly the counts gen-customers --expect gives.
See reliability/README.md and docs/design.md, "Import slots".

    python3 reliability/fairness_test.py            # 8 files of 300,000 rows, about 5 minutes
    python3 reliability/fairness_test.py 50000      # the same with smaller files
"""
import sys
import threading
import time

import harness

CHUNK_ROWS = 5000  # the server default, BULK_IMPORT_CHUNK_ROWS
POLL = 0.25


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
    check = harness.Checks()

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

    # the server's own instants: when C's file arrived, when it completed, when big files completed
    def epoch(sql):
        return [float(v) for v in harness.psql(sql).replace("|", " ").split()]
    c_uploaded, c_done = epoch(f"select extract(epoch from uploaded_at), extract(epoch from updated_at) from upload_request"
                               f" where request_id = '{request_id}'")
    big_done = epoch("select extract(epoch from updated_at) from upload_request"
                     f" where account_id in ({a['account']}, {b['account']}) order by 1")
    slot_freed = min([t for t in big_done if t > c_uploaded], default=c_uploaded)
    durations = epoch("select extract(epoch from (updated_at - started_at)) from upload_request"
                      f" where account_id in ({a['account']}, {b['account']}) order by 1")
    median = durations[len(durations) // 2]
    chunk_seconds = median / max(1, rows / CHUNK_ROWS)
    after_slot = c_done - slot_freed
    check("C's 10-row file after a slot frees", after_slot <= chunk_seconds + POLL + 0.5,
          f"completed {after_slot:.2f} s after the first slot freed (a chunk of a big import takes {chunk_seconds:.2f} s,"
          f" the import {median:.1f} s); {c_done - c_uploaded:.1f} s after it arrived, before"
          f" {len([t for t in big_done if t > c_done])} of the 8 big files (first come first served would have put it behind all 8)")
    # every start was its account's turn: of the accounts with a file waiting and no import
    # running at that instant, the one whose previous import started longest ago (never first)
    rows_ = harness.psql("select a.name, extract(epoch from r.uploaded_at), extract(epoch from r.started_at),"
                         " extract(epoch from r.updated_at) from upload_request r join account a on a.id = r.account_id"
                         f" where r.account_id in ({a['account']}, {b['account']}, {c['account']}) order by r.started_at")
    names = {"tenant-1": "A", "tenant-2": "B", "tenant-3": "C"}
    imports = [(names.get(n, "?"), float(u), float(st), float(e))
               for n, u, st, e in (line.split("|") for line in rows_.splitlines())]
    out_of_turn = []
    for i, (who, _, started, _) in enumerate(imports):
        waiting = {w for w, up, st, _ in imports if up < started and st >= started}
        running = {w for w, _, st, end in imports if st < started < end}
        last = {w: max([st for w2, _, st, _ in imports if w2 == w and st < started], default=0.0) for w in waiting - running}
        if who in running:
            out_of_turn.append(f"{who} ran two imports at once at {started - imports[0][2]:.1f} s")
        elif last and last[who] != min(last.values()):
            out_of_turn.append(f"{who} at {started - imports[0][2]:.1f} s while {min(last, key=last.get)} had waited longer")
    check("every import started in its account's turn", not out_of_turn and any(w == "C" for w, *_ in imports[:4]),
          f"order {''.join(w for w, *_ in imports)}; out of turn: {out_of_turn}")
    wrong = [f"{n} {r}: {finals[r][1]['RequestStatus']} {finals[r][1]['RowsProcessed']}/{finals[r][1]['RowsFailed']}"
             for n, _, r, e in requests
             if finals[r][1]["RowsProcessed"] != e["rows"] or finals[r][1]["RowsFailed"] != e["failed"]
             or not finals[r][1]["RequestStatus"].startswith("Completed")]
    check("every file imported exactly", not wrong, f"{len(requests)} files, wrong: {wrong}")

    check.finish()


if __name__ == "__main__":
    main()
