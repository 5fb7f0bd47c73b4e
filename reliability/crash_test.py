#!/usr/bin/env python3
"""Crash safety: kill -9 the server (and restart PostgreSQL) in the middle of imports and check
that every file still lands row for row. See reliability/README.md.

Each run starts from its own new account (an empty list) and ends with these checks:
  - RequestStatus final, RowsProcessed and RowsFailed equal to gen-customers --expect;
  - the list holds exactly the expected customers: count, no duplicate email, and an md5 over
    (email, first name, last name) equal to the one computed from the file;
  - the result file has one line per row and every Row number exactly once.
Prints one line per run and "N passed, N failed"; exits 1 if any failed.
"""
import csv
import zipfile
import io
import hashlib
import json
import os
import subprocess
import sys
import time

from harness import (ENV, GEN, PSQL, SCHEMA, WORK, Runs, fresh_setup, kill_server, log, new_account, new_request, psql,
                     start_server, status, upload, wait_final)
import bulk_client  # noqa: E402  (on the path through harness)


def slow_upload(url, headers, path):
    """An upload in the background at 1 MB/s, so that it is surely still streaming a second later,
    whatever the file's size."""
    command = bulk_client.upload_command(url, headers, path, "-sS", "-o", "/dev/null", "--limit-rate", "1M")
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_progress(request_id, headers, percent):
    while True:
        s = status(request_id, headers)
        if s["RequestStatus"] in bulk_client.FINAL:
            return s
        if s["RequestStatus"] == "InProgress" and s.get("PercentComplete", 0) >= percent:
            return s
        time.sleep(0.2)


# --- the checks ----------------------------------------------------------------------------------

def expected_list(path):
    """email -> (first, last) after the file is applied (the clean file: every row is valid, last wins)."""
    result = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            result[row["Email"].strip().lower()] = (row["FirstName"].strip(), row["LastName"].strip())
    return result


def digest(pairs):
    h = hashlib.md5()
    for email in sorted(pairs):
        first, last = pairs[email]
        h.update(f"{email}|{first}|{last}\n".encode())
    return h.hexdigest()


def check(label, request_id, headers, final, expect, want_digest, want_count):
    problems = []
    if final["RequestStatus"] not in ("Completed", "CompletedWithErrors"):
        problems.append(f"status {final['RequestStatus']} {final.get('Errors')}")
    if final.get("RowsProcessed") != expect["rows"] or final.get("RowsFailed") != expect["failed"]:
        problems.append(f"counts {final.get('RowsProcessed')}/{final.get('RowsFailed')} want {expect['rows']}/{expect['failed']}")
    list_id = psql(f"select customer_list_id from upload_request where request_id = '{request_id}'")
    rows = psql(f"select email, coalesce(first_name, ''), coalesce(last_name, '') from customer "
                f"where customer_list_id = {list_id} order by email")
    pairs = {}
    duplicates = 0
    for line in rows.splitlines():
        email, first, last = line.split("|", 2)
        duplicates += email in pairs
        pairs[email] = (first, last)
    if duplicates or len(pairs) != want_count:
        problems.append(f"list has {len(pairs)} customers ({duplicates} duplicate emails), want {want_count}")
    if digest(pairs) != want_digest:
        problems.append("list content differs from the file")
    result_path = os.path.join(WORK, f"result-{label}.zip")
    if final.get("ResultFileUrl"):
        subprocess.run(["curl", "-sS", "-f", "-o", result_path, final["ResultFileUrl"]], check=True)
        # a zip holding the result CSV (CONTRACT section 6)
        with zipfile.ZipFile(result_path) as archive, archive.open(archive.namelist()[0]) as raw, \
                io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as f:
            numbers = [int(r["Row"]) for r in csv.DictReader(f)]
        if len(numbers) != expect["rows"] or len(set(numbers)) != len(numbers) or sorted(numbers) != list(range(2, expect["rows"] + 2)):
            problems.append(f"result file has {len(numbers)} lines, {len(set(numbers))} distinct rows")
    else:
        problems.append("no ResultFileUrl")
    return problems


# --- the runs ------------------------------------------------------------------------------------

def clean_file(rows):
    """A clean gen-customers file of `rows` rows under reliability/target (kept between runs), its
    --expect summary, and the md5 and count the list must have once it is imported."""
    os.makedirs(WORK, exist_ok=True)
    data = os.path.join(WORK, f"clean-{rows}.csv")
    expect_path = data + ".expect.json"
    if not os.path.exists(data):
        log(f"generating {data}")
        subprocess.run([GEN, "--rows", str(rows), "--out", data, "--expect", expect_path], check=True)
    wanted = expected_list(data)
    return data, json.load(open(expect_path)), digest(wanted), len(wanted)


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    data, expect, want_digest, want_count = clean_file(rows)

    fresh_setup()
    runs = Runs("CRASH_RUNS")
    record, wanted_run = runs.record, runs.wanted

    for percent in (10, 50, 90):
        label = f"kill-9-at-{percent}%"
        if not wanted_run(label):
            continue
        log(label)
        account, headers = new_account()
        request_id, url = new_request(account, headers)
        code = upload(url, headers, data)
        if code != "200":
            record(label, [f"upload answered {code}"])
            continue
        seen = wait_progress(request_id, headers, percent)
        kill_server()
        killed_at = f"(killed at {seen.get('PercentComplete')}%, {seen.get('RowsProcessed')} rows committed)"
        start_server()
        final = wait_final(request_id, headers)
        record(label, check(label, request_id, headers, final, expect, want_digest, want_count), killed_at)

    label = "kill-9-while-the-first-load-is-indexed"
    if wanted_run(label):
        run_kill_while_the_first_load_is_indexed(label, data, expect, want_digest, want_count, record)
    label = "kill-9-during-upload"
    if wanted_run(label):
        run_kill_during_upload(label, data, expect, want_digest, want_count, record)
    label = "kill-9-with-a-file-queued"
    if wanted_run(label):
        run_kill_with_queued_file(label, data, expect, want_digest, want_count, record)
    label = "postgresql-restart-mid-import"
    if wanted_run(label):
        run_postgresql_restart(label, data, expect, want_digest, want_count, record)
    label = "kill-9-at-50%-of-a-replace"
    if wanted_run(label):
        run_kill_during_replace(label, rows, record)

    kill_server()
    runs.finish()


def run_kill_while_the_first_load_is_indexed(label, data, expect, want_digest, want_count, record):
    """The file is the new list's first load (docs/design.md, "A table per list"): when its last
    chunk is in, the import builds the list's lookup indexes (three at once) and attaches its table.
    A session of this test holds a lock the attach must wait for, so the server is surely killed
    with the indexes built and the attach not done; then the lock goes, the server restarts, and
    the resumed import must finish the load."""
    log(label)
    holder = subprocess.Popen(PSQL, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=ENV)
    holder.stdin.write("BEGIN; LOCK TABLE customer IN SHARE UPDATE EXCLUSIVE MODE;\n")
    holder.stdin.flush()
    problems = []
    try:
        account, headers = new_account()
        request_id, url = new_request(account, headers)
        code = upload(url, headers, data)
        if code != "200":
            record(label, [f"upload answered {code}"])
            return
        waiting = "0"
        deadline = time.monotonic() + 600
        while waiting == "0" and time.monotonic() < deadline:
            s = status(request_id, headers)
            if s["RequestStatus"] in bulk_client.FINAL:
                problems.append(f"the import ended {s['RequestStatus']} although its list's table could not be attached")
                break
            waiting = psql("select count(*) from pg_locks l join pg_class c on c.oid = l.relation"
                           f" where c.relname = 'customer' and c.relnamespace = '{SCHEMA}'::regnamespace and not l.granted")
            time.sleep(0.2)
        seen = status(request_id, headers)
        kill_server()
    finally:
        holder.stdin.write("COMMIT;\n")
        holder.stdin.close()
        holder.wait()
    if problems:
        record(label, problems)
        return
    if waiting == "0":
        record(label, ["the import never waited to attach its list's table"])
        return
    start_server()
    final = wait_final(request_id, headers)
    attached = psql(f"select count(*) from pg_inherits i join pg_class c on c.oid = i.inhrelid where c.relname = 'customer_p' ||"
                    f" (select customer_list_id from upload_request where request_id = '{request_id}')")
    if attached != "1":
        problems.append("the list's table is not a partition of customer after the import")
    record(label, problems + check(label, request_id, headers, final, expect, want_digest, want_count),
           f"(killed while attaching, {seen.get('PercentComplete')}% and {seen.get('RowsProcessed')} rows committed)")


def run_kill_during_upload(label, data, expect, want_digest, want_count, record):
    log(label)
    account, headers = new_account()
    request_id, url = new_request(account, headers)
    curl = slow_upload(url, headers, data)
    time.sleep(1)
    kill_server()
    curl.wait()
    start_server()
    after = status(request_id, headers)
    problems = []
    if after["RequestStatus"] != "PendingFileUpload":
        problems.append(f"after the crash the request is {after['RequestStatus']}, not PendingFileUpload (retryable)")
    else:
        code = upload(url, headers, data)
        if code != "200":
            problems.append(f"the retried upload answered {code}")
        else:
            problems += check(label, request_id, headers, wait_final(request_id, headers), expect, want_digest, want_count)
    record(label, problems, f"(state after restart: {after['RequestStatus']})")


def run_kill_with_queued_file(label, data, expect, want_digest, want_count, record):
    log(label)
    account, headers = new_account()
    first_id, first_url = new_request(account, headers)
    second_id, second_url = new_request(account, headers)
    upload(first_url, headers, data)
    upload(second_url, headers, data)  # same account: queued behind the first (FIFO per account)
    queued = status(second_id, headers)["RequestStatus"]
    wait_progress(first_id, headers, 30)
    kill_server()
    start_server()
    problems = check(label + "-first", first_id, headers, wait_final(first_id, headers), expect, want_digest, want_count)
    problems += check(label + "-second", second_id, headers, wait_final(second_id, headers), expect, want_digest, want_count)
    record(label, problems, f"(second request was {queued} when the server died)")


def run_postgresql_restart(label, data, expect, want_digest, want_count, record):
    log(label)
    account, headers = new_account()
    request_id, url = new_request(account, headers)
    upload(url, headers, data)
    wait_progress(request_id, headers, 40)
    cluster = sorted(os.listdir("/etc/postgresql"))[0]
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", "restart"], check=True)
    final = wait_final(request_id, headers)
    if final["RequestStatus"] == "Failed":
        # allowed: failing clearly; never silently short
        problems = [] if final.get("Errors") and final.get("PercentComplete") == 0 else [f"failed without a reason: {final}"]
        record(label, problems, "(failed clearly: " + json.dumps(final.get("Errors")) + ")")
    else:
        record(label, check(label, request_id, headers, final, expect, want_digest, want_count), "(resumed)")


def bulk_file(path, list_id, action, first, count):
    """Microsoft's bulk format (docs/bulk-format.md): a Customer List record, then `count` hashed items person<first>..."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("Type,Id,Parent Id,Name,Audience,Action Type,Sub Type,Text\r\n")
        f.write("Format Version,,,6.0,,,,\r\n")
        f.write(f"Customer List,{list_id},,,Crash list,{action},,\r\n")
        for n in range(first, first + count):
            f.write(f"Customer List Item,,{list_id},,,,Email,{email_hash(n)}\r\n")


def email_hash(n):
    return hashlib.sha256(f"person{n}@example.com".encode()).hexdigest()


def run_kill_during_replace(label, rows, record):
    """A list of `rows` hashed items is Replaced by `rows` others (half of them the same people);
    the server dies at 50 % of the Replace. Afterwards the list must hold exactly the second file's
    items: none of the first file's other half, none twice."""
    log(label)
    account, headers = new_account()
    first = os.path.join(WORK, f"replace-first-{rows}.csv")
    bulk_file(first, -1, "Add", 0, rows)
    request_id, url = new_request(account, headers)
    upload(url, headers, first)
    loaded = wait_final(request_id, headers)
    list_id = psql(f"select id from customer_list where created_by_request = '{request_id}'")
    problems = [] if loaded["RequestStatus"] == "Completed" else [f"the first load ended {loaded['RequestStatus']}"]
    second = os.path.join(WORK, f"replace-second-{rows}.csv")
    bulk_file(second, list_id, "Replace", rows // 2, rows)
    request_id, url = new_request(account, headers)
    upload(url, headers, second)
    seen = wait_progress(request_id, headers, 50)
    kill_server()
    start_server()
    final = wait_final(request_id, headers)
    if final["RequestStatus"] != "Completed" or final.get("RowsProcessed") != rows + 2 or final.get("RowsFailed") != 0:
        problems.append(f"the Replace ended {final['RequestStatus']} {final.get('RowsProcessed')}/{final.get('RowsFailed')}")
    held = psql(f"select email_sha256 from customer where customer_list_id = {list_id}").splitlines()
    want = {email_hash(n) for n in range(rows // 2, rows // 2 + rows)}
    if len(held) != len(set(held)) or set(held) != want:
        problems.append(f"the list holds {len(held)} customers ({len(held) - len(set(held))} twice, "
                        f"{len(set(held) - want)} not in the file, {len(want - set(held))} of the file missing), want {len(want)}")
    record(label, problems, f"(killed at {seen.get('PercentComplete')}%, {seen.get('RowsProcessed')} records committed)")


if __name__ == "__main__":
    main()
