#!/usr/bin/env python3
"""Drives one upload through the public JSON API, the way an integrator would, and reports timings.

  bulk_client.py --base http://localhost:8080 --log server.log --file big.csv [--mode ErrorsOnly]

Credentials: the bootstrap client (its line in the server log) unless --client-id/--secret/--token
and --customer-id/--account-id are given. Prints one JSON object: request id, final status, counts,
seconds for upload / import / whole flow, and the result file's line count. Python standard library
and curl only (curl streams the multipart upload from disk).
"""
import argparse
import json
import re
import subprocess
import zipfile
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

FINAL = {"Completed", "CompletedWithErrors", "Failed", "UploadFileRowCountExceeded", "UploadFileFormatNotSupported"}


def bootstrap_credentials(log_path):
    with open(log_path, encoding="utf-8", errors="replace") as log:
        lines = [l for l in log if "Bootstrap API client created" in l]
    if not lines:
        sys.exit("no 'Bootstrap API client created' line in " + log_path)
    fields = dict(re.findall(r"(\w+)=(\S+)", lines[-1]))
    return fields


def call(base, path, body, headers, retry_seconds=0):
    """POSTs JSON and returns the JSON answer. With retry_seconds, a server that is down or answers
    5xx (restarting, its database restarting) is asked again every second until then, as a
    patient client would; a 4xx answer is never retried."""
    data = json.dumps(body).encode()
    deadline = time.monotonic() + retry_seconds
    while True:
        try:
            request = urllib.request.Request(base + path, data=data, method="POST",
                                             headers=dict(headers, **{"Content-Type": "application/json"}))
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as e:
            if e.code < 500 or time.monotonic() >= deadline:
                raise
        except (urllib.error.URLError, ConnectionError, OSError):
            if time.monotonic() >= deadline:
                raise
        time.sleep(1)


def access_token(base, client_id, client_secret):
    """An OAuth client-credentials token."""
    form = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": client_id,
                                   "client_secret": client_secret}).encode()
    with urllib.request.urlopen(urllib.request.Request(base + "/identity/oauth/token", data=form), timeout=60) as r:
        return json.loads(r.read())["access_token"]


def api_headers(token, developer_token, customer_id, account_id):
    return {"Authorization": "Bearer " + token, "DeveloperToken": developer_token,
            "CustomerId": str(customer_id), "CustomerAccountId": str(account_id)}


def upload_command(url, headers, path, *curl_options):
    """curl streaming the file from disk as multipart/form-data, with the API headers."""
    command = ["curl", *curl_options, "-X", "POST", url]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    return command + ["-F", "file=@" + path]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://localhost:8080")
    parser.add_argument("--log", help="server.log holding the bootstrap client line")
    parser.add_argument("--client-id")
    parser.add_argument("--secret")
    parser.add_argument("--token", help="developer token")
    parser.add_argument("--customer-id")
    parser.add_argument("--account-id")
    parser.add_argument("--admin-key", help="import into a new, empty account of the customer (admin API)")
    parser.add_argument("--file", required=True)
    parser.add_argument("--mode", default="ErrorsAndResults")
    parser.add_argument("--poll", type=float, default=0.5)
    parser.add_argument("--timeout", type=float, default=3600)
    parser.add_argument("--result-out", help="where to save the result file")
    parser.add_argument("--started-file", help="write the RequestId and auth headers here once the request exists")
    args = parser.parse_args()

    creds = bootstrap_credentials(args.log) if args.log else {}
    client_id = args.client_id or creds["ClientId"]
    secret = args.secret or creds["ClientSecret"]
    developer_token = args.token or creds["DeveloperToken"]
    customer_id = args.customer_id or creds["CustomerId"]
    account_id = args.account_id or creds["CustomerAccountId"]

    if args.admin_key:
        account = call(args.base, f"/admin/v1/customers/{customer_id}/accounts", {"Name": "bench"},
                       {"X-Admin-Key": args.admin_key})
        account_id = account["AccountId"]

    started = time.monotonic()
    headers = api_headers(access_token(args.base, client_id, secret), developer_token, customer_id, account_id)

    url = call(args.base, "/Bulk/v13/BulkUploadUrl/Query", {"ResponseMode": args.mode, "AccountId": int(account_id)}, headers)
    request_id = url["RequestId"]
    if args.started_file:
        with open(args.started_file, "w") as started_file:
            json.dump({"RequestId": request_id, "headers": headers}, started_file)

    upload_started = time.monotonic()
    subprocess.run(upload_command(url["UploadUrl"], headers, args.file, "-sS", "-f", "-o", "/dev/null"), check=True)
    uploaded = time.monotonic()

    status = {}
    while time.monotonic() - started < args.timeout:
        status = call(args.base, "/Bulk/v13/BulkUploadStatus/Query", {"RequestId": request_id}, headers)
        if status.get("RequestStatus") in FINAL:
            break
        time.sleep(args.poll)
    imported = time.monotonic()

    result_lines = None
    if status.get("ResultFileUrl"):
        out = args.result_out or "/dev/null"
        subprocess.run(["curl", "-sS", "-f", "-o", out, status["ResultFileUrl"]], check=True)
        if args.result_out:
            # a zip holding the result CSV (CONTRACT section 6)
            with zipfile.ZipFile(args.result_out) as archive, archive.open(archive.namelist()[0]) as result:
                result_lines = sum(1 for _ in result)
    finished = time.monotonic()

    print(json.dumps({
        "RequestId": request_id,
        "AccountId": account_id,
        "headers": headers,
        "RequestStatus": status.get("RequestStatus"),
        "RowsProcessed": status.get("RowsProcessed"),
        "RowsFailed": status.get("RowsFailed"),
        "RowsWithWarning": status.get("RowsWithWarning"),
        "Errors": status.get("Errors"),
        "upload_seconds": round(uploaded - upload_started, 2),
        "import_seconds": round(imported - uploaded, 2),
        "total_seconds": round(finished - started, 2),
        "result_file_lines": result_lines,
    }))


if __name__ == "__main__":
    main()
