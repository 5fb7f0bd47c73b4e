#!/usr/bin/env python3
"""A full disk: the server on PostgreSQL with a small tmpfs as its file store (BULK_DATA_DIR), as an
operator's bad day would go. Needs root (mount); bounded; unmounts and stops the server at the end.
See reliability/README.md.

Runs:
  - refused-upload: a file larger than the store's free space is refused at once with 3224, HTTP
    503 and Retry-After; its request still takes a file, and no work file is left;
  - upload-fills-the-store: the same file sent chunked (no declared length) passes the check at
    the door and fills the store while it streams: the same answer, its work file removed;
  - fileurl-download-waits: an Alibaba FileUrl (Alibaba's own client) whose download fills the
    store: the request keeps waiting for its file (never 3218), the download is tried again once
    there is space, and the file lands row for row;
  - import-waits-then-resumes: a file that fits, whose result file does not: the import stops at a
    checkpoint, InProgress with warning 3224 (never Failed), /health says the store is FULL or LOW
    and still answers 200, another tenant's status call is answered; then the tmpfs is grown and the
    import must finish by itself, with crash_test.py's checks (counts, the list's md5, every result
    Row once).
Prints one line per run and "N passed, N failed"; exits 1 if any failed.
"""
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request

import harness
from harness import WORK, Runs, log, new_account, new_request, status, wait_final
from crash_test import check, clean_file

STORE = os.path.join(WORK, "disk-full-store")
SMALL, LARGE = "48m", "400m"
harness.ENV = dict(harness.ENV, BULK_DATA_DIR=STORE, BULK_MIN_FREE_BYTES=str(4 * 1024 * 1024), BULK_FETCH_ALLOWED_HOSTS="127.0.0.1")


def mount(size):
    os.makedirs(STORE, exist_ok=True)
    subprocess.run(["umount", STORE], capture_output=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", STORE], check=True)


def grow(size):
    subprocess.run(["mount", "-o", f"remount,size={size}", STORE], check=True)


def health():
    try:
        with urllib.request.urlopen(harness.BASE + "/health", timeout=10) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}")


def upload_answer(url, headers, path, *curl_options):
    """(HTTP status, Retry-After, JSON body) of an upload, without raising."""
    command = harness.bulk_client.upload_command(url, headers, path, "-sS", "-D", "-", "-o", os.path.join(WORK, "answer.json"), *curl_options)
    head = subprocess.run(command, capture_output=True, text=True, timeout=300).stdout
    statuses = [l for l in head.splitlines() if l.startswith("HTTP/")]  # a 100 Continue may come first
    code = int(statuses[-1].split()[1]) if statuses else 0
    retry = next((l.split(":", 1)[1].strip() for l in head.splitlines() if l.lower().startswith("retry-after:")), None)
    try:
        body = json.load(open(os.path.join(WORK, "answer.json")))
    except (OSError, ValueError):
        body = {}
    return code, retry, body


def refused_upload(big, *curl_options):
    """Uploads `big` to a new request: it must be refused with 3224, HTTP 503 and Retry-After 60,
    the request must still take a file, and no work file may be left in the store."""
    account, headers = new_account()
    request_id, url = new_request(account, headers)
    code, retry, body = upload_answer(url, headers, big, *curl_options)
    problems = []
    codes = [e.get("Code") for e in body.get("OperationErrors", [])]
    if code != 503 or retry != "60" or 3224 not in codes:
        problems.append(f"answered HTTP {code}, Retry-After {retry}, codes {codes}; want 503, 60, 3224")
    after = status(request_id, headers)["RequestStatus"]
    if after != "PendingFileUpload":
        problems.append(f"the request is {after}, not PendingFileUpload")
    left = os.listdir(os.path.join(STORE, "work"))
    free = health()[1].get("StorageFreeBytes", 0)
    if left or free < 40 * 1024 * 1024:
        problems.append(f"work files left: {left}, {free} bytes free afterwards")
    return problems, f"(HTTP {code}, Retry-After {retry}, codes {codes}; request {after}; {free} bytes free afterwards)"


def run_refused_upload(big):
    return refused_upload(big)


def run_upload_that_fills_the_store(big):
    """Sent chunked, so that its length is not declared and it passes the check at the door: the
    store fills while it streams."""
    return refused_upload(big, "-H", "Transfer-Encoding: chunked")


def run_waiting_import(data, expect, want_digest, want_count):
    account, headers = new_account()
    other, other_headers = new_account()
    other_request, _ = new_request(other, other_headers)
    request_id, url = new_request(account, headers)
    code = harness.upload(url, headers, data)
    if code != "200":
        return [f"the upload answered {code}"], ""
    problems = []
    deadline = time.monotonic() + 300
    waiting = None
    while time.monotonic() < deadline:
        s = status(request_id, headers)
        if s["RequestStatus"] in harness.bulk_client.FINAL:
            return [f"the import ended {s['RequestStatus']} {s.get('Errors')} instead of waiting for space"], ""
        if any(e.get("Code") == 3224 for e in s.get("Errors") or []):
            waiting = s
            break
        time.sleep(0.5)
    if waiting is None:
        return ["the import never said it waits for space (warning 3224)"], ""
    # a while at the checkpoint: nothing moves, nothing fails, the server answers
    time.sleep(20)
    still = status(request_id, headers)
    if still["RequestStatus"] != "InProgress":
        problems.append(f"while the store is full the request is {still['RequestStatus']}, not InProgress")
    health_code, report = health()
    if health_code != 200 or report.get("Storage") not in ("FULL", "LOW"):
        problems.append(f"/health answered {health_code} {report} while the store is full")
    if status(other_request, other_headers)["RequestStatus"] != "PendingFileUpload":
        problems.append("another tenant's status call was not answered as before")
    free, waits = metrics("bulk_storage_free_bytes", "bulk_import_storage_waits_total")
    if waits < 1 or free > 8 * 1024 * 1024:
        problems.append(f"metrics: bulk_storage_free_bytes {free:.0f}, bulk_import_storage_waits_total {waits:.0f}")
    warnings = server_log_lines("waits at its last checkpoint")
    log(f"waiting at {still.get('PercentComplete')}% ({still.get('RowsProcessed')} rows); growing the store to {LARGE}")
    grown = time.monotonic()
    grow(LARGE)
    final = wait_final(request_id, headers, timeout=600)
    resumed_after = time.monotonic() - grown
    problems += check("disk-full", request_id, headers, final, expect, want_digest, want_count)
    completed = server_log_lines("completed after waiting for space")
    if warnings != 1 or completed != 1:
        problems.append(f"the log has {warnings} WARN lines of the wait and {completed} INFO lines of its end; want one each")
    return problems, (f"(waited at {still.get('PercentComplete')}%, {still.get('RowsProcessed')} rows; /health {health_code} "
                      f"Storage {report.get('Storage')}, {report.get('StorageFreeBytes')} bytes free; storage waits {waits:.0f}; "
                      f"one WARN, one INFO; finished {resumed_after:.0f} s after the store grew)")


def metrics(*names):
    with urllib.request.urlopen("http://127.0.0.1:9990/metrics", timeout=10) as r:
        lines = r.read().decode().splitlines()
    return [sum(float(l.rsplit(" ", 1)[1]) for l in lines if l.split("{", 1)[0].split(" ", 1)[0] == name) for name in names]


def server_log_lines(text):
    with open(os.path.join(harness.SERVER, "standalone", "log", "server.log"), encoding="utf-8", errors="replace") as f:
        return sum(text in line for line in f)


def run_download_that_fills_the_store(data, expect, want_digest, want_count):
    """An Alibaba FileUrl (Alibaba's own client) whose download fills the store: the request must
    keep waiting for its file (never 3218 FileDownloadFailed), and once there is space the download
    is tried again and the file imported."""
    used = shutil.disk_usage(STORE).used
    grow(f"{(used + 10 * 1024 * 1024) // 1024}k")  # room for 10 MB of the file
    account, headers = new_account()
    files = harness.SlowFiles()
    try:
        request_id = harness.submit_file_url(account, f"{files.base}/{os.path.basename(data)}")
        waiting = f"Download of the file of {request_id} waits"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not server_log_lines(waiting):
            time.sleep(0.5)
        if not server_log_lines(waiting):
            return [f"the download never said it waits for space ({status(request_id, headers)['RequestStatus']})"], ""
        time.sleep(5)
        meanwhile = status(request_id, headers)["RequestStatus"]
        problems = [] if meanwhile == "PendingFileUpload" else [f"while the store is full the request is {meanwhile}"]
        grown = time.monotonic()
        grow(LARGE)
        final = wait_final(request_id, headers, timeout=600)
        problems += check("disk-full-download", request_id, headers, final, expect, want_digest, want_count)
        claims = harness.psql(f"select fetch_claim from upload_request where request_id = '{request_id}'")
        return problems, (f"(the download filled the store and waited, request {meanwhile}; download claims {claims}; "
                          f"finished {time.monotonic() - grown:.0f} s after the store grew)")
    finally:
        files.shutdown()


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
    data, expect, want_digest, want_count = clean_file(rows)
    big = os.path.join(WORK, "bigger-than-the-store.csv")
    if not os.path.exists(big) or os.path.getsize(big) < 64 * 1024 * 1024:
        with open(big, "wb") as f:
            f.write(b"Email\r\n")
            row = b"someone@example.com\r\n"
            f.write(row * (64 * 1024 * 1024 // len(row)))
    runs = Runs("DISK_RUNS")
    mount(SMALL)
    try:
        harness.fresh_setup()
        if runs.wanted("refused-upload"):
            log("refused-upload")
            runs.record("refused-upload", *run_refused_upload(big))
        if runs.wanted("upload-fills-the-store"):
            log("upload-fills-the-store")
            runs.record("upload-fills-the-store", *run_upload_that_fills_the_store(big))
        if runs.wanted("import-waits-then-resumes"):
            log("import-waits-then-resumes")
            runs.record("import-waits-then-resumes", *run_waiting_import(data, expect, want_digest, want_count))
        if runs.wanted("fileurl-download-waits"):
            log("fileurl-download-waits")
            runs.record("fileurl-download-waits", *run_download_that_fills_the_store(data, expect, want_digest, want_count))
    finally:
        harness.kill_server()
        subprocess.run(["umount", STORE], capture_output=True)
    runs.finish()


if __name__ == "__main__":
    main()
