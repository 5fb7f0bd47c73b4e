#!/usr/bin/env python3
"""Hostile and greedy load against one server, and a second tenant that must not notice.

Starts the provisioned server on PostgreSQL (harness.py: its own copy under reliability/target, its
own schema) with the limits' defaults, then holds open at once, for SECONDS (40) and from loopback
only: 200 unauthenticated SOAP bodies and 200 token bodies sent a byte a second, 200 connections
that never send a byte, and 50 uploads of an attacking tenant trickled at 100 bytes a second (each
closed one is opened again after a second). Meanwhile a second tenant calls JSON and SOAP
GetBulkUploadStatus and /health in a loop (every latency recorded) and imports a 10,000-row file.
Checks, one line each, then "N passed, N failed" (exit 1 if any failed):
  - every call of the second tenant answered 200, p99 under 1 s; its file Completed with the
    expected counts;
  - the slow bodies were answered 408 (the deadline), uploads past the limits 117 / 429, the
    trickling ones cut (3219), and the server answered all along;
  - afterwards nothing is left: no worker thread in a request, no established connection, no
    work file, no upload of the attacker other than waiting for a file, no database session
    in a transaction.
See reliability/README.md.
"""
import os
import selectors
import socket
import subprocess
import threading
import time
import urllib.parse
import urllib.request

import harness

SECONDS = int(os.environ.get("LOAD_SECONDS", "40"))
SLOW_SOAP = SLOW_TOKEN = IDLE = 200
TRICKLES = 50
ROWS = 10_000
HOST, PORT = "127.0.0.1", 8080


class Pressure:
    """Every hostile connection, driven from one thread with a selector; each one that ends is opened again."""

    def __init__(self, attacker):
        self.attacker = attacker
        self.selector = selectors.DefaultSelector()
        self.answers = {}           # kind -> {first status line word: count}
        self.opened = {}            # kind -> connections opened
        self.upload_paths = []
        self.stop = threading.Event()

    def count(self, kind, answer):
        status = answer.split(b" ", 2)[1].decode(errors="replace") if answer.startswith(b"HTTP/") else "closed"
        if kind == "trickle" and b"\"Code\":3219" in answer:
            status += "/3219"
        if kind == "trickle" and b'"Code":117' in answer:
            status += "/117"
        bucket = self.answers.setdefault(kind, {})
        bucket[status] = bucket.get(status, 0) + 1

    def open(self, kind):
        s = socket.create_connection((HOST, PORT))
        s.setblocking(False)
        head = b""
        if kind == "soap":
            head = (b"POST /Bulk/v13/BulkService.svc HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml; charset=utf-8\r\n"
                    b"SOAPAction: \"GetBulkUploadStatus\"\r\nContent-Length: 5000\r\n\r\n<s:Envelope")
        elif kind == "token":
            head = (b"POST /identity/oauth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    b"Content-Length: 5000\r\n\r\ngrant_type=")
        elif kind == "trickle":
            path = self.upload_paths[self.opened.get(kind, 0) % len(self.upload_paths)]
            headers = "".join(f"{k}: {v}\r\n" for k, v in self.attacker["headers"].items())
            head = (f"POST {path} HTTP/1.1\r\nHost: x\r\n{headers}Content-Type: multipart/form-data; boundary=BB\r\n"
                    f"Content-Length: 10000000\r\n\r\n--BB\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.csv\"\r\n"
                    f"Content-Type: text/csv\r\n\r\nEmail\r\n").encode()
        try:
            s.send(head)
        except OSError:
            pass
        self.opened[kind] = self.opened.get(kind, 0) + 1
        self.selector.register(s, selectors.EVENT_READ, {"kind": kind, "answer": b""})

    def run(self):
        for kind, n in (("soap", SLOW_SOAP), ("token", SLOW_TOKEN), ("idle", IDLE), ("trickle", TRICKLES)):
            for _ in range(n):
                self.open(kind)
        reopen = []                 # (when, kind)
        last_drip = 0.0
        while not self.stop.is_set():
            for key, _ in self.selector.select(timeout=0.1):
                data = key.data
                try:
                    chunk = key.fileobj.recv(65536)
                except OSError:
                    chunk = b""
                if chunk:
                    data["answer"] += chunk
                    continue
                self.count(data["kind"], data["answer"])
                self.selector.unregister(key.fileobj)
                key.fileobj.close()
                reopen.append((time.time() + 1, data["kind"]))
            now = time.time()
            for when, kind in [r for r in reopen if r[0] <= now]:
                reopen.remove((when, kind))
                self.open(kind)
            if now - last_drip >= 1:
                last_drip = now
                for key in list(self.selector.get_map().values()):
                    kind = key.data["kind"]
                    drip = b"a" if kind in ("soap", "token") else b"x@y.com," * 12 + b"\r\n" if kind == "trickle" else b""
                    if drip:
                        try:
                            key.fileobj.send(drip)
                        except OSError:
                            pass
        for key in list(self.selector.get_map().values()):
            key.fileobj.close()
        self.selector.close()


def victim_calls(victim, request_id, latencies, errors, stop):
    calls = [("json", lambda: harness.post("/Bulk/v13/BulkUploadStatus/Query", {"RequestId": request_id}, victim["headers"], 10)[0]),
             ("soap", lambda: harness.soap_status(victim, request_id, 10)),
             ("health", lambda: urllib.request.urlopen(harness.BASE + "/health", timeout=10).status)]
    while not stop.is_set():
        for name, call in calls:
            started = time.time()
            try:
                status = call()
            except Exception as e:  # noqa: BLE001 (a time-out or a reset is what this counts)
                status = type(e).__name__
            took = time.time() - started
            latencies.setdefault(name, []).append(took)
            if took > 1:
                errors.append(f"slow {name}: {took:.1f} s at {time.strftime('%H:%M:%S', time.localtime(started))}")
            if status != 200:
                errors.append(f"{name}: {status}")


def p99(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] if ordered else float("nan")


def leftovers():
    pid = harness.server_pid()
    dump = subprocess.run(["jstack", str(pid)], capture_output=True, text=True).stdout
    busy = [block for block in dump.split("\n\n") if block.startswith('"default task') and "com.bulkupload" in block]
    established = subprocess.run(["ss", "-Htn", "state", "established", f"( sport = :{PORT} )"], capture_output=True, text=True).stdout
    work = os.path.join(harness.SERVER, "standalone", "data", "bulk-files", "work")
    files = os.listdir(work) if os.path.isdir(work) else []
    sessions = harness.psql("select count(*) from pg_stat_activity where datname = 'test' and state like 'idle in transaction%'")
    return len(busy), len([line for line in established.splitlines() if line.strip()]), len(files), int(sessions)


def main():
    harness.fresh_setup()
    check = harness.Checks()

    attacker = harness.new_tenant(1)
    victim = harness.new_tenant(2)
    path, expect = harness.generate("load", ROWS, 7)
    victim_id, victim_url = harness.new_request({"AccountId": victim["account"]}, victim["headers"])

    pressure = Pressure(attacker)
    for _ in range(TRICKLES):
        request_id, url = harness.new_request({"AccountId": attacker["account"]}, attacker["headers"])
        pressure.upload_paths.append(urllib.parse.urlparse(url).path)
    harness.log(f"opening {SLOW_SOAP} slow SOAP bodies, {SLOW_TOKEN} slow token bodies, {IDLE} idle connections and "
                f"{TRICKLES} trickling uploads for {SECONDS} s")
    hostile = threading.Thread(target=pressure.run)
    hostile.start()
    time.sleep(3)  # all of them open

    latencies, errors, stop = {}, [], threading.Event()
    callers = [threading.Thread(target=victim_calls, args=(victim, victim_id, latencies, errors, stop)) for _ in range(4)]
    for t in callers:
        t.start()
    started = time.time()
    code = harness.upload(victim_url, victim["headers"], path)
    final = harness.wait_final(victim_id, victim["headers"], timeout=SECONDS * 3)
    imported = time.time() - started
    time.sleep(max(0, SECONDS - (time.time() - started)))
    stop.set()
    for t in callers:
        t.join()
    pressure.stop.set()
    hostile.join()

    slow = [e for e in errors if e.startswith("slow ")]
    errors = [e for e in errors if not e.startswith("slow ")]
    if slow:
        print("calls over 1 s (started at):", "; ".join(slow[:10]), flush=True)
    for name in ("json", "soap", "health"):
        values = latencies.get(name, [])
        check(f"second tenant's {name} calls", len(values) > 0 and p99(values) < 1.0 and not any(e.startswith(name) for e in errors),
              f"{len(values)} calls, p99 {p99(values) * 1000:.0f} ms, max {max(values, default=0) * 1000:.0f} ms, "
              f"errors {[e for e in errors if e.startswith(name)][:5]}")
    check("second tenant's 10,000-row upload", code == "200" and final["RequestStatus"] == "Completed"
          and final["RowsProcessed"] == expect["rows"] and final["RowsFailed"] == expect["failed"],
          f"upload HTTP {code}, {final['RequestStatus']} {final['RowsProcessed']}/{final['RowsFailed']} in {imported:.1f} s")
    for kind in ("soap", "token"):
        answers = pressure.answers.get(kind, {})
        check(f"slow {kind} bodies", set(answers) <= {"408"} and answers.get("408", 0) >= 200,
              f"{pressure.opened.get(kind, 0)} opened, answers {answers}")
    trickles = pressure.answers.get("trickle", {})
    check("trickling uploads", trickles.get("429/117", 0) > 0 and trickles.get("408/3219", 0) > 0
          and set(trickles) <= {"429/117", "408/3219", "closed"},
          f"{pressure.opened.get('trickle', 0)} opened, answers {trickles}")
    check("idle connections", True, f"{pressure.opened.get('idle', 0)} opened, closed by the server {pressure.answers.get('idle', {})}")

    time.sleep(3)
    busy, established, work_files, in_transaction = leftovers()
    check("nothing left afterwards", busy == 0 and established == 0 and work_files == 0 and in_transaction == 0,
          f"worker threads in a request {busy}, established connections {established}, work files {work_files}, "
          f"database sessions idle in transaction {in_transaction}")
    rows = harness.psql(f"select status || ' ' || count(*) from upload_request where account_id = {attacker['account']}"
                        " group by status order by 1").replace("\n", ", ")
    check("the attacker's requests", "FileUploaded" not in rows and "InProgress" not in rows,
          f"{rows} (each waits for a file until its window ends)")
    errors_logged = subprocess.run(["grep", "-c", " ERROR ", os.path.join(harness.SERVER, "standalone", "log", "server.log")],
                                   capture_output=True, text=True).stdout.strip()
    check("no ERROR in the server log", errors_logged == "0", f"{errors_logged} lines")

    check.finish()


if __name__ == "__main__":
    main()
