#!/usr/bin/env python3
"""Node failures in a cluster: two nodes of cluster/run (PostgreSQL schema bulk_cluster_test, the
Artemis broker, HAProxy on :8080), and in the middle of imports one node is killed, frozen, or the
broker restarted. Every file must still land row for row, the rest of the cluster finishing it.
See reliability/README.md.

Runs (each from a new account, so an empty list; loopback only; each bounded in time):
  - kill-9-at-10%, -50%, -90%: kill -9 the node importing the file; another node must take it over
    within 60 s of the kill (BULK_STUCK_IMPORT_SECONDS 40 on the database's clock, the recovery
    timer every 10 s) and finish it;
  - sigstop-past-the-lease: SIGSTOP the importing node until the other has taken the import over
    and finished it, then SIGCONT: the woken importer must change nothing (fenced), and the file
    read is the one the finishing claim wrote;
  - kill-9-during-upload: kill -9 the node an upload streams to; the client's retry through the
    balancer works;
  - kill-9-during-fileurl-download: an Alibaba FileUrl (Alibaba's own client, npm) served slowly;
    kill -9 the downloading node; another node must download it again and import it;
  - broker-restart-mid-import: kill -9 the broker and start it again; while it is away every node
    answers /health 503; the import finishes.
Each ends with crash_test.py's checks: final status and counts as gen-customers --expect says, the
list exactly the file's people (count, no duplicate, md5), the result file every Row once.
Prints one line per run and "N passed, N failed"; exits 1 if any failed. The cluster is stopped at
the end (cluster/run down).
"""
import os
import signal
import subprocess
import sys
import time
import urllib.request

import harness
from harness import SlowFiles, WORK, log, psql, status, upload, wait_final
import bulk_client  # noqa: E402  (on the path through harness)
from crash_test import check, clean_file, slow_upload, wait_progress

ROOT = harness.ROOT
CLUSTER = os.path.join(ROOT, "cluster")
TARGET = os.path.join(CLUSTER, "target")
SCHEMA = "bulk_cluster_test"
NODES = (1, 2)
TAKEOVER_BOUND = 60

# harness's calls go to the balancer (its BASE, :8080) and its psql to this schema
harness.SCHEMA = SCHEMA
harness.ENV = dict(harness.ENV, BULK_DB_URL=f"jdbc:postgresql://127.0.0.1:5432/test?currentSchema={SCHEMA}",
                   BULK_DB_USER="postgres", PGOPTIONS=f"-c client_min_messages=warning -c search_path={SCHEMA}",
                   BULK_FETCH_ALLOWED_HOSTS="127.0.0.1", BULK_MAX_FILE_BYTES="2000000000")
harness.ENV.pop("BULK_STUCK_IMPORT_SECONDS", None)  # the default lease is what is measured here


def cluster_run(*arguments):
    subprocess.run([os.path.join(CLUSTER, "run"), *arguments], check=True, env=harness.ENV,
                   stdout=sys.stderr, stderr=sys.stderr, timeout=600)


def pid_of(name):
    try:
        return int(open(os.path.join(TARGET, name + ".pid")).read().strip())
    except (OSError, ValueError):
        return None


def node_health(k):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{8080 + 100 * k}/health", timeout=5) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code
    except (urllib.error.URLError, OSError):
        return None


def importing_node(request_id, bound=60):
    """The node whose metrics show the import of the request running (its rows-per-second gauge)."""
    deadline = time.monotonic() + bound
    while time.monotonic() < deadline:
        for k in NODES:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{9990 + 100 * k}/metrics", timeout=5) as r:
                    if f'request_id="{request_id}"' in r.read().decode():
                        return k
            except (urllib.error.URLError, OSError):
                pass
        time.sleep(0.2)
    return None


def kill_node(k, sig=signal.SIGKILL):
    pid = pid_of(f"node{k}")
    os.kill(pid, sig)
    if sig == signal.SIGKILL:
        for _ in range(100):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)


def committed_rows(request_id):
    return int(psql(f"select coalesce(rows_processed, 0) from upload_request where request_id = '{request_id}'") or 0)


def claim_of(request_id):
    return int(psql(f"select import_claim from upload_request where request_id = '{request_id}'") or 0)


def await_takeover(request_id, claim_before, bound):
    """Seconds until another claim of the import commits rows (or the request is final); None past the bound."""
    started = time.monotonic()
    rows_before = committed_rows(request_id)
    while time.monotonic() - started < bound:
        state = psql(f"select status, import_claim, coalesce(rows_processed, 0) from upload_request where request_id = '{request_id}'")
        status_now, claim, rows = state.split("|")
        if status_now in bulk_client.FINAL or (int(claim) > claim_before and int(rows) > rows_before):
            return time.monotonic() - started
        time.sleep(0.5)
    return None


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 500_000
    data, expect, want_digest, want_count = clean_file(rows)

    cluster_run("down")
    psql(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
    cluster_run("up", "--nodes", "2")
    runs_done = harness.Runs("CLUSTER_RUNS")

    runs = [(f"kill-9-at-{p}%", lambda label, p=p: run_kill_importing_node(label, p, data, expect, want_digest, want_count))
            for p in (10, 50, 90)]
    runs += [("sigstop-past-the-lease", lambda label: run_sigstop(label, data, expect, want_digest, want_count)),
             ("kill-9-during-upload", lambda label: run_kill_during_upload(label, data, expect, want_digest, want_count)),
             ("kill-9-during-fileurl-download", lambda label: run_kill_during_download(label, data, expect, want_digest, want_count)),
             ("broker-restart-mid-import", lambda label: run_broker_restart(label, data, expect, want_digest, want_count))]
    try:
        for label, run in runs:
            if runs_done.wanted(label):
                log(label)
                try:
                    problems, note = run(label)
                except (subprocess.SubprocessError, OSError, SystemExit, ValueError) as e:
                    problems, note = [f"the run itself failed: {e!r}"], ""
                runs_done.record(label, problems, note)
                restore()
    finally:
        cluster_run("down")
    runs_done.finish()


def restore():
    """Every node and the broker running again, before the next run."""
    for k in NODES:
        pid = pid_of(f"node{k}")
        if pid:
            try:
                os.kill(pid, signal.SIGCONT)
            except ProcessLookupError:
                pass
    cluster_run("up", "--nodes", "2")


def new_account():
    account, headers = harness.new_account()
    return account, headers


def run_kill_importing_node(label, percent, data, expect, want_digest, want_count):
    account, headers = new_account()
    request_id, url = harness.new_request(account, headers)
    code = upload(url, headers, data)
    if code != "200":
        return [f"upload answered {code}"], ""
    seen = wait_progress(request_id, headers, percent)
    node = importing_node(request_id)
    if node is None or seen["RequestStatus"] in bulk_client.FINAL:
        return [f"no node was seen importing (status {seen['RequestStatus']})"], ""
    claim = claim_of(request_id)
    kill_node(node)
    took = await_takeover(request_id, claim, TAKEOVER_BOUND + 30)
    problems = [] if took is not None and took <= TAKEOVER_BOUND else [f"not taken over within {TAKEOVER_BOUND} s ({took})"]
    final = wait_final(request_id, headers)
    problems += check(label, request_id, headers, final, expect, want_digest, want_count)
    took_text = f"{took:.1f}" if took is not None else "-"
    return problems, (f"(node {node} killed at {seen.get('PercentComplete')}%, {seen.get('RowsProcessed')} rows committed; "
                      f"the other node resumed {took_text} s later)")


def run_sigstop(label, data, expect, want_digest, want_count):
    account, headers = new_account()
    request_id, url = harness.new_request(account, headers)
    if upload(url, headers, data) != "200":
        return ["upload refused"], ""
    seen = wait_progress(request_id, headers, 40)
    node = importing_node(request_id)
    if node is None:
        return ["no node was seen importing"], ""
    claim = claim_of(request_id)
    kill_node(node, signal.SIGSTOP)
    took = await_takeover(request_id, claim, TAKEOVER_BOUND + 30)
    final = wait_final(request_id, headers)
    result_claim = psql(f"select result_claim from upload_request where request_id = '{request_id}'")
    kill_node(node, signal.SIGCONT)
    # the woken importer tries its next write and is refused: its node logs that it stops
    server_log = os.path.join(TARGET, f"node{node}", "log", "server.log")
    fenced = False
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not fenced:
        with open(server_log, encoding="utf-8", errors="replace") as f:
            fenced = any(request_id in line and "stops here" in line for line in f)
        time.sleep(1)
    problems = [] if took is not None else ["the frozen node's import was not taken over"]
    if not fenced:
        problems.append(f"node {node} did not log that its import of {request_id} stops (woken importer not fenced?)")
    after = status(request_id, headers)
    if after["RequestStatus"] != final["RequestStatus"] or after.get("RowsProcessed") != final.get("RowsProcessed"):
        problems.append(f"the woken node changed the request: {final['RequestStatus']} -> {after['RequestStatus']}")
    problems += check(label, request_id, headers, after, expect, want_digest, want_count)
    return problems, (f"(node {node} frozen at {seen.get('PercentComplete')}%, taken over after "
                      f"{took:.1f} s, result of claim {result_claim}; woken importer fenced: {fenced})" if took else "")


def run_kill_during_upload(label, data, expect, want_digest, want_count):
    account, headers = new_account()
    request_id, url = harness.new_request(account, headers)
    # straight to node 1, so that the node the upload streams to is known; the retry goes through the balancer
    direct = url.replace(harness.BASE, "http://127.0.0.1:8180").replace("http://localhost:8080", "http://127.0.0.1:8180")
    curl = slow_upload(direct, headers, data)
    time.sleep(2)
    kill_node(1)
    curl.wait(timeout=120)
    after = status(request_id, headers)
    problems = []
    if after["RequestStatus"] != "PendingFileUpload":
        problems.append(f"after the kill the request is {after['RequestStatus']}, not PendingFileUpload (retryable)")
        return problems, ""
    code = upload(url, headers, data)
    if code != "200":
        return [f"the retried upload answered {code}"], ""
    problems += check(label, request_id, headers, wait_final(request_id, headers), expect, want_digest, want_count)
    orphans = len([f for f in os.listdir(os.path.join(TARGET, "shared-data", "work"))])
    return problems, f"(retried through the balancer; {orphans} work file(s) left for the day-old sweep)"


def run_kill_during_download(label, data, expect, want_digest, want_count):
    account, headers = new_account()
    files = SlowFiles()
    try:
        request_id = harness.submit_file_url(account, f"{files.base}/{os.path.basename(data)}")
        node = None
        deadline = time.monotonic() + 60
        while node is None and time.monotonic() < deadline:
            node = downloading_node(files.server_address[1])
            time.sleep(0.2)
        if node is None:
            return ["no node was seen downloading"], ""
        time.sleep(2)
        kill_node(node)
        final = wait_final(request_id, headers)
        claims = psql(f"select fetch_claim from upload_request where request_id = '{request_id}'")
        problems = [] if int(claims) >= 2 else [f"the download was not claimed again (claims: {claims})"]
        problems += check(label, request_id, headers, final, expect, want_digest, want_count)
        return problems, f"(request {request_id}: node {node} killed mid-download; download claims {claims})"
    finally:
        files.shutdown()


def downloading_node(port):
    """The node with a connection open to the slow file server: the one downloading."""
    sockets = subprocess.run(["ss", "-tnpH", "state", "established", f"dport = :{port}"], capture_output=True, text=True).stdout
    for k in NODES:
        pid = pid_of(f"node{k}")
        if pid and f"pid={pid}," in sockets:
            return k
    return None


def run_broker_restart(label, data, expect, want_digest, want_count):
    account, headers = new_account()
    request_id, url = harness.new_request(account, headers)
    if upload(url, headers, data) != "200":
        return ["upload refused"], ""
    wait_progress(request_id, headers, 30)
    os.kill(pid_of("broker"), signal.SIGKILL)
    codes = {}
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not all(codes.get(k) == 503 for k in NODES):
        for k in NODES:
            codes[k] = node_health(k)
        time.sleep(0.5)
    # a status call still answers while the broker is away
    during = status(request_id, headers)["RequestStatus"]
    cluster_run("up", "--nodes", "2")
    final = wait_final(request_id, headers)
    problems = [] if all(codes.get(k) == 503 for k in NODES) else [f"/health with the broker gone: {codes}"]
    problems += check(label, request_id, headers, final, expect, want_digest, want_count)
    return problems, f"(/health with the broker gone: {codes}; status meanwhile {during})"


if __name__ == "__main__":
    main()
