"""What the reliability scripts share: the provisioned server on PostgreSQL (a copy under
reliability/target, its own schema), started, killed and restarted; accounts, requests, uploads
and status through the public API (bench/bulk_client.py). See reliability/README.md.
"""
import http.server
import os
import re
import signal
import subprocess
import sys
import threading
import time
import json
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import bulk_client  # noqa: E402  (the benchmark's API client: one way of calling the API)
WORK = os.path.join(ROOT, "reliability", "target")
SERVER = os.path.join(WORK, "server")
GEN = os.path.join(ROOT, "..", "shared", "tools", "gen-customers")
BASE = "http://127.0.0.1:8080"
ADMIN_KEY = "crash-test-admin-key"
SCHEMA = "bulk_crash"
PSQL = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1"]
ENV = dict(os.environ, BULK_DB_URL=f"jdbc:postgresql://127.0.0.1:5432/test?currentSchema={SCHEMA}",
           BULK_ADMIN_KEY=ADMIN_KEY, BULK_MAX_FILE_BYTES="2000000000", BULK_STUCK_IMPORT_SECONDS="15",
           PGOPTIONS=f"-c client_min_messages=warning -c search_path={SCHEMA}",
           BULK_BOOTSTRAP_CLIENT_ID="crash-client", BULK_BOOTSTRAP_CLIENT_SECRET="crash-secret",
           BULK_BOOTSTRAP_DEVELOPER_TOKEN="crash-developer-token")


def log(message):
    print("== " + message, file=sys.stderr, flush=True)


def psql(sql):
    return subprocess.run(PSQL + ["-c", sql], check=True, capture_output=True, text=True, env=ENV).stdout.strip()


# --- the server ----------------------------------------------------------------------------------

def server_pid():
    out = subprocess.run(["pgrep", "-f", "jboss.home.dir=" + SERVER], capture_output=True, text=True).stdout.split()
    return int(out[0]) if out else None


def start_server():
    subprocess.Popen([os.path.join(SERVER, "bin", "standalone.sh"), "-c", "standalone-full.xml"], env=ENV,
                     stdout=open(os.path.join(WORK, "server.out"), "a"), stderr=subprocess.STDOUT, start_new_session=True)
    for _ in range(180):
        try:
            with urllib.request.urlopen(BASE + "/health", timeout=2) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(1)
    raise SystemExit("the server did not come up")


def kill_server():
    pid = server_pid()
    if pid:
        os.kill(pid, signal.SIGKILL)
        for _ in range(60):
            if server_pid() is None:
                break
            time.sleep(0.2)
    # wait for the port to be free again
    time.sleep(1)


def fresh_setup():
    kill_server()
    os.makedirs(WORK, exist_ok=True)
    subprocess.run(["rm", "-rf", SERVER], check=True)
    subprocess.run(["cp", "-r", os.path.join(ROOT, "ear", "target", "server"), SERVER], check=True)
    psql(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE; CREATE SCHEMA {SCHEMA};")
    start_server()


# --- the API -------------------------------------------------------------------------------------

def call(path, body, headers):
    # the server or its database may be restarting: keep asking, as a patient client would
    return bulk_client.call(BASE, path, body, headers, retry_seconds=120)


def new_account():
    """A new account of the bootstrap customer, and the headers of the bootstrap client for it."""
    customer = psql("select id from tenant order by id limit 1")
    account = call(f"/admin/v1/customers/{customer}/accounts", {"Name": "crash"}, {"X-Admin-Key": ADMIN_KEY})
    token = bulk_client.access_token(BASE, "crash-client", "crash-secret")
    return account, bulk_client.api_headers(token, "crash-developer-token", customer, account["AccountId"])


def new_request(account, headers):
    url = call("/Bulk/v13/BulkUploadUrl/Query", {"ResponseMode": "ErrorsAndResults", "AccountId": account["AccountId"]}, headers)
    return url["RequestId"], url["UploadUrl"]


def upload(url, headers, path):
    command = bulk_client.upload_command(url, headers, path, "-sS", "-o", "/dev/null", "-w", "%{http_code}")
    return subprocess.run(command, capture_output=True, text=True).stdout


def status(request_id, headers):
    return call("/Bulk/v13/BulkUploadStatus/Query", {"RequestId": request_id}, headers)


def wait_final(request_id, headers, timeout=900):
    deadline = time.time() + timeout
    while time.time() < deadline:
        s = status(request_id, headers)
        if s["RequestStatus"] in bulk_client.FINAL:
            return s
        time.sleep(1)
    raise SystemExit(f"{request_id} not final after {timeout} s")


# --- tenants and their calls, without raising on an error answer ---------------------------------

SOAP_NS = "https://bingads.microsoft.com/CampaignManagement/v13"


def admin(path, name):
    return call(path, {"Name": name}, {"X-Admin-Key": ADMIN_KEY})


def new_tenant(number, list_names=()):
    """A customer of its own with an account, an API client and a token, and a list for each name given."""
    customer = admin("/admin/v1/customers", f"tenant-{number}")["CustomerId"]
    account = admin(f"/admin/v1/customers/{customer}/accounts", f"tenant-{number}")
    client = admin(f"/admin/v1/customers/{customer}/clients", f"tenant-{number}")
    token = bulk_client.access_token(BASE, client["ClientId"], client["ClientSecret"])
    headers = bulk_client.api_headers(token, client["DeveloperToken"], customer, account["AccountId"])
    lists = [admin(f"/admin/v1/accounts/{account['AccountId']}/lists", name)["CustomerListId"] for name in list_names]
    return {"number": number, "account": account["AccountId"], "customer": customer, "headers": headers,
            "token": token, "developer": client["DeveloperToken"], "lists": lists}


def post(path, body, headers, timeout=60):
    """(HTTP status, JSON answer) without raising on 4xx."""
    request = urllib.request.Request(BASE + path, data=json.dumps(body).encode(), method="POST",
                                     headers=dict(headers, **{"Content-Type": "application/json"}))
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}")


def soap_status(tenant, request_id, timeout=60):
    envelope = (f'<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header>'
                f'<AuthenticationToken xmlns="{SOAP_NS}">{tenant["token"]}</AuthenticationToken>'
                f'<CustomerAccountId xmlns="{SOAP_NS}">{tenant["account"]}</CustomerAccountId>'
                f'<CustomerId xmlns="{SOAP_NS}">{tenant["customer"]}</CustomerId>'
                f'<DeveloperToken xmlns="{SOAP_NS}">{tenant["developer"]}</DeveloperToken></s:Header><s:Body>'
                f'<GetBulkUploadStatusRequest xmlns="{SOAP_NS}"><RequestId>{request_id}</RequestId>'
                f'</GetBulkUploadStatusRequest></s:Body></s:Envelope>')
    request = urllib.request.Request(BASE + "/Bulk/v13/BulkService.svc", data=envelope.encode(), method="POST",
                                     headers={"Content-Type": "text/xml; charset=utf-8", "SOAPAction": '"GetBulkUploadStatus"'})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


def generate(name, rows, seed, *options):
    """A gen-customers CSV under reliability/target (kept between runs) and its --expect summary."""
    path = os.path.join(WORK, f"{name}-{rows}-{seed}.csv")
    expect_path = path + ".expect.json"
    if not os.path.exists(expect_path):
        os.makedirs(WORK, exist_ok=True)
        subprocess.run([GEN, "--rows", str(rows), "--seed", str(seed), "--out", path, "--expect", expect_path, *options], check=True)
    return path, json.load(open(expect_path))


class Checks:
    """One line per check, PASS or FAIL with its figures; finish() stops the server and exits 1 if any failed."""

    def __init__(self):
        self.results = []

    def __call__(self, name, ok, detail):
        self.results.append(ok)
        print(f"{'PASS' if ok else 'FAIL'} {name}: {detail}", flush=True)

    def finish(self):
        kill_server()
        failed = self.results.count(False)
        print(f"{self.results.count(True)} passed, {failed} failed")
        sys.exit(1 if failed else 0)


class Runs:
    """The runs of a failure script (crash_test.py, cluster_test.py): which to do (label prefixes,
    comma-separated, in the environment variable named; all when it is unset), one line each, PASS
    or FAIL with its problems and a note, then "N passed, N failed"."""

    def __init__(self, selection_variable):
        self.only = [x for x in os.environ.get(selection_variable, "").split(",") if x]
        self.results = []

    def wanted(self, label):
        return not self.only or any(label.startswith(x) for x in self.only)

    def record(self, label, problems, note=""):
        self.results.append(not problems)
        print(f"{'PASS' if not problems else 'FAIL'} {label}{' ' + note if note else ''}{': ' + '; '.join(problems) if problems else ''}",
              flush=True)

    def finish(self):
        """Prints the total and exits: 1 if any run failed."""
        passed = sum(self.results)
        print(f"{passed} passed, {len(self.results) - passed} failed")
        sys.exit(0 if passed == len(self.results) else 1)


class SlowFiles(http.server.ThreadingHTTPServer):
    """Serves reliability/target's files on 127.0.0.1 at about 4 MB/s, so that a download is
    surely still running a few seconds in."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), SlowFileHandler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def base(self):
        return f"http://127.0.0.1:{self.server_address[1]}"


class SlowFileHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        name = os.path.basename(self.path)
        path = os.path.join(WORK, name)
        if not re.fullmatch(r"[\w.-]+\.csv", name) or not os.path.exists(path):
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(os.path.getsize(path)))
        self.send_header("Content-Type", "text/csv")
        self.end_headers()
        try:
            with open(path, "rb") as f:
                while chunk := f.read(256 * 1024):
                    self.wfile.write(chunk)
                    time.sleep(0.0625)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the downloading node died

    def log_message(self, *args):
        pass


ALIBABA_CLIENT = os.path.join(ROOT, "e2e", "src", "test", "clients", "node")


def submit_file_url(account, file_url):
    """Alibaba's own client (npm, unmodified, the copy the e2e build installs; alibaba_submit.js)
    submits a FileUrl into the account's default list, signed with a new key of the account;
    returns the request's id."""
    key = call(f"/admin/v1/accounts/{account['AccountId']}/signing-keys", {"Name": "reliability"}, {"X-Admin-Key": ADMIN_KEY})
    subprocess.run(["node", os.path.join(ROOT, "reliability", "alibaba_submit.js"), BASE, key["KeyId"], key["KeySecret"],
                    str(account["DefaultCustomerListId"]), file_url], check=True, capture_output=True, text=True, timeout=120,
                   env=dict(os.environ, NODE_PATH=os.path.join(ALIBABA_CLIENT, "node_modules")))
    return psql(f"select request_id from upload_request where account_id = {account['AccountId']} order by created_at desc limit 1")
