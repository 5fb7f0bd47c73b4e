#!/usr/bin/env python3
"""Concurrency: many tenants importing at once while their status is polled without pause.

  python3 reliability/concurrency_test.py [ROWS_PER_FILE]      (default 50000)

Starts the provisioned server on PostgreSQL (harness.py), creates 8 tenants (customer, account,
API client), and gives each 5 files in different formats (CSV, TSV, SSV, XLSX, CSV.gz; 1 % bad
rows, 5 % repeated emails, half the names Chinese), each into a list of its own. Every tenant
asks for its 5 upload URLs, then sends the 5 files at once, with the per-account cap set to 3
(BULK_MAX_ACTIVE_UPLOADS): uploads beyond the cap are refused with 3202 and sent again every
second until the account has room. Meanwhile one poller per tenant calls GetBulkUploadStatus over JSON and SOAP in
a loop, and a sampler reads upload_request every 0.2 s. At the end it checks:
  - every request Completed/CompletedWithErrors with RowsProcessed/RowsFailed equal to
    gen-customers --expect, and every list holding exactly the expected number of customers;
  - never more than 3 requests queued or in progress in one account (and the cap was reached),
    never more imports InProgress than the server runs at once (BULK_IMPORT_CONCURRENCY, 2);
  - no status poll answered anything but 200; no ERROR, deadlock or exception in the server log.
Prints the figures and "N passed, N failed" over those checks; exits 1 if any failed.
"""
import csv
import gzip
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from xml.sax.saxutils import escape

import harness
from harness import BASE, GEN, WORK, log, psql

import bulk_client  # noqa: E402  (on the path through harness)

TENANTS = 8
CAP = 3
CONCURRENCY = 2
FORMATS = ["csv", "tsv", "ssv", "xlsx", "csv.gz"]
SAMPLE_XLSX = os.path.join(harness.ROOT, "..", "shared", "data", "customers-10.xlsx")


# --- the files -----------------------------------------------------------------------------------

def generate(rows):
    """One file per format (different seeds), with what a correct import must report."""
    files = []
    for seed, fmt in enumerate(FORMATS, start=1):
        path = os.path.join(WORK, f"concurrency-{rows}-{seed}.{fmt}")
        expect_path = path + ".expect.json"
        if not os.path.exists(expect_path):
            base = fmt.split(".")[0]
            # an XLSX cell per field cannot show a wrong field count the way text does: no bad rows there
            bad = "0" if fmt == "xlsx" else "0.01"
            text = path if fmt in ("csv", "tsv", "ssv") else path + ".source.csv"
            subprocess.run([GEN, "--rows", str(rows), "--seed", str(seed), "--format", "csv" if base == "xlsx" else base,
                            "--bad-rate", bad, "--dup-rate", "0.05", "--zh", "--out", text, "--expect", expect_path], check=True)
            if fmt == "xlsx":
                write_xlsx(text, path)
            elif fmt == "csv.gz":
                with open(text, "rb") as src, gzip.open(path, "wb") as dst:
                    shutil.copyfileobj(src, dst)
        files.append((fmt, path, json.load(open(expect_path))))
    return files


def write_xlsx(csv_path, xlsx_path):
    """The CSV as the first sheet of a workbook (inline strings), on the sample workbook's frame."""
    sheet = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<sheetData>']
    with open(csv_path, newline="", encoding="utf-8") as f:
        for number, record in enumerate(csv.reader(f), start=1):
            cells = "".join(f'<c t="inlineStr"><is><t xml:space="preserve">{escape(v)}</t></is></c>' for v in record)
            sheet.append(f'<row r="{number}">{cells}</row>')
    sheet.append("</sheetData></worksheet>")
    with zipfile.ZipFile(SAMPLE_XLSX) as src, zipfile.ZipFile(xlsx_path, "w", zipfile.ZIP_DEFLATED) as dst:
        for entry in src.infolist():
            data = "".join(sheet).encode() if entry.filename == "xl/worksheets/sheet1.xml" else src.read(entry.filename)
            dst.writestr(entry.filename, data)


# --- tenants and calls ---------------------------------------------------------------------------

# --- the run -------------------------------------------------------------------------------------

class Run:
    def __init__(self):
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.requests = {}         # request id -> (tenant, format, path, expect, list id)
        self.cap_refusals = {}     # tenant number -> uploads answered 3202 (sent again later)
        self.polls = {"json": 0, "soap": 0}
        self.poll_errors = []
        self.max_active = 0
        self.max_in_progress = 0
        self.samples = 0
        self.problems = []


def tenant_worker(run, tenant, files, start):
    """The five URLs at once, then the five uploads at once; the uploads the cap refuses (3202)
    are sent again every second until the account has room."""
    start.wait()
    urls = []
    for index in range(len(files)):
        status, body = harness.post("/Bulk/v13/BulkUploadUrl/Query", {"ResponseMode": "ErrorsAndResults", "AccountId": tenant["account"],
                                                              "CustomerListId": tenant["lists"][index]}, tenant["headers"])
        if status != 200:
            run.problems.append(f"tenant {tenant['number']}: GetBulkUploadUrl answered {status} {body}")
            return
        with run.lock:
            run.requests[body["RequestId"]] = (tenant, files[index][0], files[index][1], files[index][2], tenant["lists"][index])
        urls.append(body["UploadUrl"])
    threads = [threading.Thread(target=upload_until_accepted, args=(run, tenant, url, file)) for url, file in zip(urls, files)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def upload_until_accepted(run, tenant, url, file):
    fmt, path, expect = file
    command = bulk_client.upload_command(url, tenant["headers"], path, "-sS", "-o", "-", "-w", "\\n%{http_code}")
    deadline = time.time() + 600
    while time.time() < deadline:
        out = subprocess.run(command, capture_output=True, text=True).stdout
        code = out.rsplit("\n", 1)[-1]
        if code == "200":
            return
        if code == "429" and '"Code":3202' in out:
            with run.lock:
                run.cap_refusals[tenant["number"]] = run.cap_refusals.get(tenant["number"], 0) + 1
            time.sleep(1)
            continue
        run.problems.append(f"tenant {tenant['number']}: upload of {fmt} answered {out[-300:]}")
        return
    run.problems.append(f"tenant {tenant['number']}: upload of {fmt} never accepted")


def poller(run, tenant):
    """GetBulkUploadStatus for each of the tenant's requests, JSON and SOAP in turn, without pause."""
    while not run.done.is_set():
        with run.lock:
            mine = [r for r, v in run.requests.items() if v[0] is tenant]
        if not mine:
            time.sleep(0.05)
        for request_id in mine:
            status, body = harness.post("/Bulk/v13/BulkUploadStatus/Query", {"RequestId": request_id}, tenant["headers"])
            soap = harness.soap_status(tenant, request_id)
            time.sleep(0.05)
            with run.lock:
                run.polls["json"] += 1
                run.polls["soap"] += 1
                if status != 200 or soap != 200:
                    run.poll_errors.append(f"{request_id}: JSON {status} SOAP {soap}")


def sampler(run):
    """The database's view: active requests per account, imports in progress on the server."""
    while not run.done.is_set():
        rows = psql("select account_id, count(*), count(*) filter (where status = 'InProgress') from upload_request"
                    " where status in ('FileUploaded', 'InProgress') group by account_id")
        active = in_progress = 0
        for line in rows.splitlines():
            _, count, running = (int(x) for x in line.split("|"))
            active = max(active, count)
            in_progress += running
        with run.lock:
            run.max_active = max(run.max_active, active)
            run.max_in_progress = max(run.max_in_progress, in_progress)
            run.samples += 1
        time.sleep(0.2)


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    os.makedirs(WORK, exist_ok=True)
    log(f"generating {len(FORMATS)} files of {rows} rows")
    files = generate(rows)
    harness.ENV.update(BULK_MAX_ACTIVE_UPLOADS=str(CAP), BULK_IMPORT_CONCURRENCY=str(CONCURRENCY))
    harness.fresh_setup()
    server_log = os.path.join(harness.SERVER, "standalone", "log", "server.log")
    log_start = os.path.getsize(server_log)
    tenants = [harness.new_tenant(n, FORMATS) for n in range(1, TENANTS + 1)]
    log(f"{TENANTS} tenants × {len(files)} files of {rows} rows, cap {CAP} per account, {CONCURRENCY} imports at once")

    run = Run()
    start = threading.Event()
    workers = [threading.Thread(target=tenant_worker, args=(run, t, files, start)) for t in tenants]
    background = [threading.Thread(target=poller, args=(run, t), daemon=True) for t in tenants]
    background.append(threading.Thread(target=sampler, args=(run,), daemon=True))
    for t in workers + background:
        t.start()
    began = time.time()
    start.set()
    for t in workers:
        t.join()

    finals = {}
    for request_id, (tenant, fmt, path, expect, list_id) in list(run.requests.items()):
        finals[request_id] = harness.wait_final(request_id, tenant["headers"], timeout=1800)
    elapsed = time.time() - began
    run.done.set()
    for t in background:
        t.join(timeout=60)

    results = []

    def record(label, problems):
        results.append(not problems)
        print(f"{'PASS' if not problems else 'FAIL'} {label}{': ' + '; '.join(problems[:5]) if problems else ''}", flush=True)

    counts = []
    for request_id, (tenant, fmt, path, expect, list_id) in run.requests.items():
        final = finals[request_id]
        in_list = int(psql(f"select count(*) from customer where customer_list_id = {list_id}"))
        if (final["RequestStatus"] not in ("Completed", "CompletedWithErrors") or final["RowsProcessed"] != expect["rows"]
                or final["RowsFailed"] != expect["failed"] or in_list != expect["distinct_emails"]):
            counts.append(f"tenant {tenant['number']} {fmt}: {final['RequestStatus']} {final['RowsProcessed']}/{final['RowsFailed']}"
                          f" list {in_list}, want {expect['rows']}/{expect['failed']} list {expect['distinct_emails']}")
    if len(run.requests) != TENANTS * len(files):
        counts.append(f"{len(run.requests)} requests, want {TENANTS * len(files)}")
    record(f"every import exact ({len(run.requests)} files, {sum(v[3]['rows'] for v in run.requests.values())} rows)",
           counts + run.problems)
    refused = [run.cap_refusals.get(t["number"], 0) for t in tenants]
    record(f"at most {CAP} requests queued or in progress per account (max seen {run.max_active} in {run.samples} samples;"
           f" uploads refused with 3202 and sent again, per tenant: {refused})",
           ([] if run.max_active <= CAP else [f"{run.max_active} active"]) + ([] if sum(refused) else ["the cap was never reached"]))
    record(f"at most {CONCURRENCY} imports in progress (max seen {run.max_in_progress})",
           [] if run.max_in_progress <= CONCURRENCY else [f"{run.max_in_progress} in progress"])
    record(f"status polls all answered 200 (JSON {run.polls['json']}, SOAP {run.polls['soap']})", run.poll_errors)
    with open(server_log, encoding="utf-8", errors="replace") as f:
        f.seek(log_start)
        bad = [line.strip() for line in f if " ERROR " in line or "deadlock" in line.lower() or "Exception" in line]
    record("no ERROR, deadlock or exception in the server log", bad)

    total_rows = sum(v[3]["rows"] for v in run.requests.values())
    print(f"{total_rows} rows in {elapsed:.1f} s from the first URL to the last final status ({total_rows / elapsed:,.0f} rows/s overall)")
    harness.kill_server()
    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    sys.exit(0 if passed == len(results) else 1)


if __name__ == "__main__":
    main()
