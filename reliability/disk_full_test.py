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
  - workbook-extraction-waits: an XLSX that fits the store, whose shared strings written out to the
    work directory do not: the import waits InProgress with 3224 (never "not a readable workbook")
    and imports the workbook row for row once there is space, leaving nothing extracted behind;
  - import-waits-then-resumes: a file that fits, whose result file does not: the import stops at a
    checkpoint, InProgress with warning 3224 (never Failed), /health says the store is FULL or LOW
    and still answers 200, another tenant's status call is answered; then the tmpfs is grown and the
    import must finish by itself, with crash_test.py's checks (counts, the list's md5, every result
    Row once).
  - cluster-refused-upload-node-1, -2 and cluster-import-waits-then-resumes: the same on two nodes
    of cluster/run (PostgreSQL, the Artemis broker, HAProxy) sharing the tmpfs as their store: each
    node refuses alike, both report the full store, the import resumes on whichever node claims it.
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


# where a server is asked: /health and /metrics of each server (one, or each node of a cluster)
# and their logs; main() switches them to the cluster's nodes for the cluster runs
HEALTH = [harness.BASE + "/health"]
METRICS = ["http://127.0.0.1:9990/metrics"]
LOGS = [os.path.join(harness.SERVER, "standalone", "log", "server.log")]


def mount(size):
    os.makedirs(STORE, exist_ok=True)
    subprocess.run(["umount", STORE], capture_output=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", STORE], check=True)


def grow(size):
    subprocess.run(["mount", "-o", f"remount,size={size}", STORE], check=True)


def health(url=None):
    """(HTTP status, report) of /health: of `url`, or of the first server."""
    try:
        with urllib.request.urlopen(url or HEALTH[0], timeout=10) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}")


def upload_answer(url, headers, path, *curl_options):
    """(HTTP status, Retry-After, JSON body, whether the server sent 100 Continue) of an upload, without raising."""
    answer = os.path.join(WORK, "answer.json")
    if os.path.exists(answer):
        os.remove(answer)
    command = harness.bulk_client.upload_command(url, headers, path, "-sS", "-D", "-", "-o", answer, *curl_options)
    head = subprocess.run(command, capture_output=True, text=True, timeout=300).stdout
    statuses = [l for l in head.splitlines() if l.startswith("HTTP/")]  # a 100 Continue may come first
    code = int(statuses[-1].split()[1]) if statuses else 0
    asked_for_body = any(l.split()[1:2] == ["100"] for l in statuses)
    retry = next((l.split(":", 1)[1].strip() for l in head.splitlines() if l.lower().startswith("retry-after:")), None)
    try:
        body = json.load(open(answer))
    except (OSError, ValueError):
        body = {}
    return code, retry, body, asked_for_body


def refused_upload(big, *curl_options, port=None):
    """Uploads `big` to a new request (to the server on `port`, if given, instead of the upload
    URL's): it must be refused with 3224, HTTP 503 and Retry-After 60, the request must still take
    a file, and no work file may be left in the store."""
    account, headers = new_account()
    request_id, url = new_request(account, headers)
    if port:
        url = url.replace(harness.BASE, f"http://127.0.0.1:{port}", 1)
    code, retry, body, asked_for_body = upload_answer(url, headers, big, *curl_options)
    problems = []
    if asked_for_body and not curl_options:
        problems.append("the server answered 100 Continue to an upload it refuses at the door: the client sent the body for nothing")
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


def wait_for_storage_warning(request_id, headers, what, bound):
    """None once the request's status shows warning 3224 (its import waits for space); what went
    wrong instead: the import ended, or said nothing within `bound` seconds."""
    deadline = time.monotonic() + bound
    while time.monotonic() < deadline:
        s = status(request_id, headers)
        if s["RequestStatus"] in harness.bulk_client.FINAL:
            return f"{what} ended {s['RequestStatus']} {s.get('Errors')} instead of waiting for space"
        if any(e.get("Code") == 3224 for e in s.get("Errors") or []):
            return None
        time.sleep(0.5)
    return f"{what} never said it waits for space (warning 3224)"


def tried_again(request_id, claim_column, bound=120):
    """Whether the request's import or download (its claim column) is claimed again, by the
    stalled-import timer on any node, within `bound` seconds."""
    query = f"select {claim_column} from upload_request where request_id = '{request_id}'"
    first = int(harness.psql(query) or 0)
    deadline = time.monotonic() + bound
    while time.monotonic() < deadline:
        if int(harness.psql(query) or 0) > first:
            return True
        time.sleep(0.5)
    return False


def errors_logged():
    return server_log_lines(" ERROR [") + server_log_lines(" SEVERE [")


def retries_logged(request_id):
    """WARN lines of the stalled-import timer about the request: a wait for space is tried again
    quietly (FINE), so there must be none."""
    return server_log_lines(f"{request_id} shows no progress")


def run_waiting_import(data, expect, want_digest, want_count):
    errors_before = errors_logged()
    account, headers = new_account()
    other, other_headers = new_account()
    other_request, _ = new_request(other, other_headers)
    request_id, url = new_request(account, headers)
    code = harness.upload(url, headers, data)
    if code != "200":
        return [f"the upload answered {code}"], ""
    problems = []
    not_waiting = wait_for_storage_warning(request_id, headers, "the import", 300)
    if not_waiting:
        return [not_waiting], ""
    # a while at the checkpoint, until the timer has tried it again: nothing moves, nothing
    # fails, nothing more is logged, the server answers
    if not tried_again(request_id, "import_claim"):
        problems.append("the waiting import was not tried again within 120 s")
    still = status(request_id, headers)
    if still["RequestStatus"] != "InProgress":
        problems.append(f"while the store is full the request is {still['RequestStatus']}, not InProgress")
    for url in HEALTH:
        health_code, report = health(url)
        if health_code != 200 or report.get("Storage") not in ("FULL", "LOW"):
            problems.append(f"{url} answered {health_code} {report} while the store is full")
    if status(other_request, other_headers)["RequestStatus"] != "PendingFileUpload":
        problems.append("another tenant's status call was not answered as before")
    free, waits = metrics("bulk_storage_free_bytes", "bulk_import_storage_waits_total")
    if waits < 1 or max(free) > 8 * 1024 * 1024:
        problems.append(f"metrics: bulk_storage_free_bytes {free}, bulk_import_storage_waits_total {waits:.0f}")
    warnings = server_log_lines(f"Import of {request_id} waits at its last checkpoint")
    log(f"waiting at {still.get('PercentComplete')}% ({still.get('RowsProcessed')} rows); growing the store to {LARGE}")
    grown = time.monotonic()
    grow(LARGE)
    final = wait_final(request_id, headers, timeout=600)
    resumed_after = time.monotonic() - grown
    problems += check("disk-full", request_id, headers, final, expect, want_digest, want_count)
    completed = server_log_lines(f"Import of {request_id} completed after waiting for space")
    if warnings != 1 or completed != 1:
        problems.append(f"the log has {warnings} WARN lines of the wait and {completed} INFO lines of its end; want one each")
    retries, errors = retries_logged(request_id), errors_logged() - errors_before
    if retries or errors:
        problems.append(f"the log has {retries} WARN lines of the timer's tries and {errors} ERROR or SEVERE lines; want none")
    nodes = ""
    if len(LOGS) > 1:
        nodes = (f"; waited on node {logged_by(f'Import of {request_id} waits')}, "
                 f"completed on node {logged_by(f'Import of {request_id} completed')}")
    return problems, (f"(waited at {still.get('PercentComplete')}%, {still.get('RowsProcessed')} rows{nodes}; /health {health_code} "
                      f"Storage {report.get('Storage')}, {report.get('StorageFreeBytes')} bytes free; storage waits {waits:.0f}; "
                      f"one WARN, one INFO; finished {resumed_after:.0f} s after the store grew)")


def metrics(free_name, waits_name):
    """The free bytes each server sees, and the storage waits counted by all of them."""
    free, waits = [], 0.0
    for url in METRICS:
        with urllib.request.urlopen(url, timeout=10) as r:
            lines = r.read().decode().splitlines()
        values = lambda name: [float(l.rsplit(" ", 1)[1]) for l in lines if l.split("{", 1)[0].split(" ", 1)[0] == name]
        free += values(free_name)
        waits += sum(values(waits_name))
    return free, waits


def logged_by(text):
    """The servers (1, 2, ...) whose log holds `text`."""
    found = []
    for k, path in enumerate(LOGS, start=1):
        with open(path, encoding="utf-8", errors="replace") as f:
            if any(text in line for line in f):
                found.append(k)
    return found


def server_log_lines(text):
    """How many lines of the servers' logs hold `text`, all servers together."""
    found = 0
    for path in LOGS:
        with open(path, encoding="utf-8", errors="replace") as f:
            found += sum(text in line for line in f)
    return found


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
        problems = [] if tried_again(request_id, "fetch_claim") else ["the waiting download was not tried again within 120 s"]
        meanwhile = status(request_id, headers)["RequestStatus"]
        if meanwhile != "PendingFileUpload":
            problems.append(f"while the store is full the request is {meanwhile}")
        grown = time.monotonic()
        grow(LARGE)
        final = wait_final(request_id, headers, timeout=600)
        problems += check("disk-full-download", request_id, headers, final, expect, want_digest, want_count)
        waits, retries = server_log_lines(waiting), retries_logged(request_id)
        if waits != 1 or retries:
            problems.append(f"the log has {waits} WARN lines of the wait and {retries} of the timer's tries; want one and none")
        claims = harness.psql(f"select fetch_claim from upload_request where request_id = '{request_id}'")
        return problems, (f"(the download filled the store and waited, request {meanwhile}; download claims {claims}; "
                          f"finished {time.monotonic() - grown:.0f} s after the store grew)")
    finally:
        files.shutdown()


def workbook_of(data):
    """The clean file as the workbook Excel would save (bench/csv_to_xlsx.py), kept between runs."""
    book = data[:-len(".csv")] + ".xlsx"
    if not os.path.exists(book):
        log(f"writing {book}")
        subprocess.run([sys.executable, os.path.join(harness.ROOT, "bench", "csv_to_xlsx.py"), data, book], check=True)
    return book


def run_workbook_extraction_that_fills_the_store(data, expect, want_digest, want_count):
    """A workbook that fits the store, whose shared strings (written out to the work directory to
    be read without a heap that grows with the file) do not: the import must wait at its
    checkpoint, InProgress with warning 3224 (never 3206 "not a readable workbook"), and import
    the workbook row for row once there is space, leaving no extracted file behind."""
    book = workbook_of(data)
    used = shutil.disk_usage(STORE).used
    grow(f"{(used + os.path.getsize(book) + 7 * 1024 * 1024) // 1024}k")  # the file and the reserve, then 3 MB
    account, headers = new_account()
    request_id, url = new_request(account, headers)
    code = harness.upload(url, headers, book)
    if code != "200":
        return [f"the upload of the workbook answered {code}"], ""
    not_waiting = wait_for_storage_warning(request_id, headers, "the import of the workbook", 180)
    if not_waiting:
        return [not_waiting], ""
    problems = [] if tried_again(request_id, "import_claim") else ["the waiting import was not tried again within 120 s"]
    still = status(request_id, headers)
    if still["RequestStatus"] != "InProgress":
        problems.append(f"while the store is full the request is {still['RequestStatus']}")
    grown = time.monotonic()
    grow(LARGE)
    final = wait_final(request_id, headers, timeout=600)
    problems += check("disk-full-workbook", request_id, headers, final, expect, want_digest, want_count)
    left = [f for f in os.listdir(os.path.join(STORE, "work")) if f.startswith(("shared-strings-", "extracted-"))]
    if left:
        problems.append(f"extracted files left in the work directory: {left}")
    return problems, (f"(the shared strings filled the store at {still.get('RowsProcessed')} rows, request {still['RequestStatus']} "
                      f"with warning 3224; finished {time.monotonic() - grown:.0f} s after the store grew; nothing extracted left)")


def single_server_runs(runs, big, data, expect, want_digest, want_count):
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
        if runs.wanted("workbook-extraction-waits"):
            log("workbook-extraction-waits")
            runs.record("workbook-extraction-waits", *run_workbook_extraction_that_fills_the_store(data, expect, want_digest, want_count))
    finally:
        harness.kill_server()
        subprocess.run(["umount", STORE], capture_output=True)


def cluster_runs(runs, big, data, expect, want_digest, want_count):
    """The same on two nodes of cluster/run whose shared store is the tmpfs: each node refuses the
    upload alike, both report the full store, and the waiting import resumes on whichever node
    claims it next (a 40 s lease here, the cluster's default)."""
    import cluster_test  # the cluster's schema and settings, for harness's calls and psql
    global HEALTH, METRICS, LOGS
    HEALTH = [f"http://127.0.0.1:{8080 + 100 * k}/health" for k in cluster_test.NODES]
    METRICS = [f"http://127.0.0.1:{9990 + 100 * k}/metrics" for k in cluster_test.NODES]
    LOGS = [os.path.join(cluster_test.TARGET, f"node{k}", "log", "server.log") for k in cluster_test.NODES]
    mount(SMALL)
    try:
        cluster_test.cluster_run("down")
        harness.psql(f"DROP SCHEMA IF EXISTS {cluster_test.SCHEMA} CASCADE")
        cluster_test.cluster_run("up", "--nodes", "2")
        for k in cluster_test.NODES:
            label = f"cluster-refused-upload-node-{k}"
            if runs.wanted(label):
                log(label)
                runs.record(label, *refused_upload(big, port=8080 + 100 * k))
        if runs.wanted("cluster-import-waits-then-resumes"):
            log("cluster-import-waits-then-resumes")
            runs.record("cluster-import-waits-then-resumes", *run_waiting_import(data, expect, want_digest, want_count))
    finally:
        cluster_test.cluster_run("down")
        subprocess.run(["umount", STORE], capture_output=True)


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
    if any(runs.wanted(label) for label in SINGLE_SERVER_RUNS):
        single_server_runs(runs, big, data, expect, want_digest, want_count)
    if any(runs.wanted(label) for label in CLUSTER_RUNS):
        cluster_runs(runs, big, data, expect, want_digest, want_count)
    runs.finish()


SINGLE_SERVER_RUNS = ("refused-upload", "upload-fills-the-store", "import-waits-then-resumes", "fileurl-download-waits",
                      "workbook-extraction-waits")
CLUSTER_RUNS = ("cluster-refused-upload-node-1", "cluster-refused-upload-node-2", "cluster-import-waits-then-resumes")


if __name__ == "__main__":
    main()
