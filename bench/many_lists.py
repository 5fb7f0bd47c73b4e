#!/usr/bin/env python3
"""What many lists cost on PostgreSQL, where each list has a table of its own (docs/design.md,
"A table per list"): the same calls measured before and after the database gains N lists, each
with its table and a customer.

  many_lists.py --base URL --log server.log --admin-key KEY --schema S --file ten-rows.csv --lists 10000

Measured each time, for a new account of the bootstrap customer (its own list, one import):
  - a 10-row import into that new list, end to end (token, URL, upload, poll every 50 ms, result);
  - GetBulkUploadStatus of that request: 200 calls one after another, median and p99;
  - GET /api/v1/lists (the account's lists with their counts) and the first page of the list's
    customers: 50 calls each, median and p99.
The lists are added by SQL in one transaction per 500 (a customer_list row in one more account,
its table made and attached as the server does it, one customer): the server's own way, one
import per list, would take hours. Prints one JSON object.
"""
import argparse
import json
import statistics
import subprocess
import sys
import time
import urllib.request

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import bulk_client  # noqa: E402


def timed_calls(count, call):
    times = []
    for _ in range(count):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {"median_ms": round(statistics.median(times), 2), "p99_ms": round(times[int(len(times) * 0.99) - 1], 2)}


def get(base, path, headers):
    request = urllib.request.Request(base + path, headers=headers)
    with urllib.request.urlopen(request, timeout=60) as answer:
        return json.load(answer)


def measure(args):
    out = subprocess.run([sys.executable, bulk_client.__file__, "--base", args.base, "--log", args.log, "--admin-key",
                          args.admin_key, "--file", args.file, "--poll", "0.05"], check=True, capture_output=True, text=True)
    flow = json.loads(out.stdout)
    if flow["RequestStatus"] != "Completed":
        sys.exit("the 10-row import ended " + flow["RequestStatus"])
    headers = flow["headers"]
    list_id = get(args.base, "/api/v1/lists", headers)["CustomerLists"][0]["CustomerListId"]
    status = {"RequestId": flow["RequestId"]}
    return {
        "import_10_rows_s": flow["total_seconds"],
        "status": timed_calls(200, lambda: bulk_client.call(args.base, "/Bulk/v13/BulkUploadStatus/Query", status, headers)),
        "lists": timed_calls(50, lambda: get(args.base, "/api/v1/lists", headers)),
        "customers_page": timed_calls(50, lambda: get(args.base, f"/api/v1/lists/{list_id}/customers?pageSize=100", headers)),
    }


def add_lists(args):
    psql = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-U", "postgres", "-d", "test"]
    setup = f"""
        SET search_path = {args.schema};
        INSERT INTO account (id, tenant_id, name, created_at)
            SELECT nextval('account_seq'), tenant_id, 'many lists', now() FROM account ORDER BY id LIMIT 1
            RETURNING id"""
    account = subprocess.run(psql + ["-At", "-c", setup], check=True, capture_output=True, text=True).stdout.split()[-1]
    started = time.monotonic()
    for first in range(0, args.lists, 500):
        count = min(500, args.lists - first)
        block = f"""
            SET search_path = {args.schema};
            DO $$
            DECLARE list bigint;
            BEGIN
              FOR i IN 1..{count} LOOP
                list := nextval('customer_list_seq');
                INSERT INTO customer_list (id, account_id, name, created_at) VALUES (list, {account}, 'list ' || list, now());
                EXECUTE format('CREATE TABLE customer_p%s (LIKE customer INCLUDING DEFAULTS)', list);
                EXECUTE format('ALTER TABLE customer_p%s ADD CONSTRAINT customer_p%s_pkey PRIMARY KEY (customer_list_id, id)', list, list);
                EXECUTE format('ALTER TABLE customer_p%s ADD CONSTRAINT customer_p%s_list CHECK (customer_list_id = %s)', list, list, list);
                EXECUTE format('ALTER TABLE customer ATTACH PARTITION customer_p%s FOR VALUES IN (%s)', list, list);
                INSERT INTO customer (id, customer_list_id, partition_name, email, email_sha256, created_at, updated_at,
                                      updated_by_request, updated_by_client)
                  VALUES (nextval('customer_seq'), list, '', 'c' || list || '@example.com', md5(list::text), now(), now(), 'many', 'many');
              END LOOP;
            END $$"""
        subprocess.run(psql + ["-c", block], check=True)
    return round(time.monotonic() - started, 1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--admin-key", required=True)
    parser.add_argument("--schema", required=True)
    parser.add_argument("--file", required=True, help="a file of 10 rows")
    parser.add_argument("--lists", type=int, default=10000)
    args = parser.parse_args()
    before = measure(args)
    seconds = add_lists(args)
    after = measure(args)
    print(json.dumps({"lists_added": args.lists, "adding_s": seconds, "before": before, "after": after}))


if __name__ == "__main__":
    main()
