#!/usr/bin/env python3
"""Microsoft's official Bing Ads Python SDK (bingads 13.0.28, suds), unmodified, against our server.

Usage: bingads_sdk_client.py BASE CLIENT_ID CLIENT_SECRET DEVELOPER_TOKEN CUSTOMER_ID ACCOUNT_ID DATA_DIR WORK_DIR BIG_FILE

Only the endpoints move, as a user pointing the SDK at us would move them: the suds `location` of
the Bulk service, and the OAuth token endpoint the SDK renews tokens at (a class-level table of the
SDK; nothing of its code is changed). Also parses every status answer with zeep in strict mode
from Microsoft's own WSDL (inside the SDK). Prints "N passed, 0 failed" and exits 0 when all hold.
"""
import csv
import os
import shutil
import sys
import time

import requests
from sdk_checks import check, done
import zeep
from bingads import authorization
from bingads.authorization import AuthorizationData, OAuthDesktopMobileAuthCodeGrant, OAuthTokens
from bingads.service_client import ServiceClient
from bingads.v13.bulk import BulkServiceManager, FileUploadParameters, SubmitUploadParameters

base, client_id, client_secret, developer_token, customer_id, account_id, data_dir, work_dir, big_file = sys.argv[1:10]
soap_url = base + "/Bulk/v13/BulkService.svc"
# where the SDK renews its OAuth tokens: Microsoft's login service, here ours
authorization._UriOAuthService.AUTH_TOKEN_URI[(authorization.PRODUCTION, authorization.MSADS_MANAGE)] = base + "/identity/oauth/token"



def new_tokens():
    r = requests.post(base + "/identity/oauth/token",
                      data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": client_secret})
    r.raise_for_status()
    body = r.json()
    return body


def authorization_data(known_expiry=True):
    body = new_tokens()
    tokens = OAuthTokens(body["access_token"], int(body["expires_in"]) if known_expiry else None, body["refresh_token"])
    data = AuthorizationData(account_id=int(account_id), customer_id=int(customer_id), developer_token=developer_token,
                             authentication=OAuthDesktopMobileAuthCodeGrant(client_id=client_id, oauth_tokens=tokens))
    return data


def copy_of(name):
    """The SDK renames the file it uploads (upload_<RequestId>.csv): it gets a copy of ours."""
    target = os.path.join(work_dir, "%d-%s" % (time.time_ns(), name))
    shutil.copyfile(os.path.join(data_dir, name), target)
    return target


def result_rows(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


# 1. ServiceClient: GetBulkUploadUrl and GetBulkUploadStatus through suds and Microsoft's WSDL
auth = authorization_data()
bulk = ServiceClient("BulkService", 13, auth, location=soap_url)
url = bulk.GetBulkUploadUrl(AccountId=int(account_id), ResponseMode="ErrorsAndResults")
check("GetBulkUploadUrl gives a RequestId and an absolute UploadUrl",
      url.RequestId and url.UploadUrl == base + "/files/uploads/" + url.RequestId, url)
status = bulk.GetBulkUploadStatus(RequestId=url.RequestId)
check("GetBulkUploadStatus of a new request is PendingFileUpload, no errors, no result",
      status.RequestStatus == "PendingFileUpload" and status.Errors is None and status.ResultFileUrl is None
      and int(status.PercentComplete) == 0, status)
counters = {e.key: e.value for e in status.ForwardCompatibilityMap.KeyValuePairOfstringstring}
check("the row counters are ForwardCompatibilityMap entries",
      counters == {"RowsProcessed": "0", "RowsFailed": "0", "RowsWithWarning": "0"}, counters)

# 2. BulkServiceManager.upload_file, zipped by the SDK, ending Completed; result unzipped by the SDK
manager = BulkServiceManager(auth, poll_interval_in_milliseconds=500, location=soap_url, working_directory=work_dir)
path = manager.upload_file(FileUploadParameters(
    upload_file_path=copy_of("customers-10.csv"), result_file_directory=work_dir,
    result_file_name="clean-result.csv", response_mode="ErrorsAndResults", compress_upload_file=True,
    overwrite_result_file=True))
rows = result_rows(path)
check("a zipped clean file imports: every row Inserted in the unzipped result",
      [r["Result"] for r in rows] == ["Inserted"] * 10 and [r["Row"] for r in rows] == [str(n) for n in range(2, 12)],
      [(r["Row"], r["Result"]) for r in rows])

# 3. upload_file uncompressed, ending CompletedWithErrors; the result row by row (EXPECTED.md)
# (upload_file's own two steps, so that the request id is at hand for zeep below)
messy_file = copy_of("messy.csv")
messy_operation = manager.submit_upload(SubmitUploadParameters(upload_file_path=messy_file, response_mode="ErrorsAndResults",
                                                               compress_upload_file=False))
path = manager.download_upload_result(messy_operation, FileUploadParameters(
    upload_file_path=messy_file, result_file_directory=work_dir, result_file_name="messy-result.csv",
    response_mode="ErrorsAndResults", compress_upload_file=False, overwrite_result_file=True))
check("the SDK reads CompletedWithErrors and its warning", messy_operation.final_status.status == "CompletedWithErrors"
      and [e.code for e in messy_operation.final_status.errors] == [3308], messy_operation.final_status.errors)
outcomes = {r["ClientId"]: r["Result"] for r in result_rows(path)}
expected = {"r2": "Inserted", "r3": "Inserted", "r4": "Failed", "r5": "Failed", "r6": "Failed", "r7": "Failed",
            "r8": "Inserted", "r9": "Updated", "r10": "Deleted", "r11": "Failed", "r12": "Inserted"}
check("an uncompressed messy file ends CompletedWithErrors with each row as EXPECTED.md says", outcomes == expected, outcomes)

# 4. polling through FileUploaded / InProgress on a bigger file
operation = manager.submit_upload(SubmitUploadParameters(upload_file_path=big_file, response_mode="ErrorsOnly",
                                                         compress_upload_file=True, rename_upload_file_to_match_request_id=False))
seen = []
deadline = time.time() + 300
while time.time() < deadline:
    state = operation.get_status().status
    if not seen or seen[-1] != state:
        seen.append(state)
    if state in ("Completed", "CompletedWithErrors", "Failed"):
        break
    time.sleep(0.2)
final = operation.track()
check("polling sees the import queued or running, then Completed",
      final.status == "Completed" and seen[-1] == "Completed" and ("InProgress" in seen or "FileUploaded" in seen)
      and set(seen) <= {"FileUploaded", "InProgress", "Completed"}, seen)

# 5. a token that expires mid-flow: the SDK does not know its expiry, gets 109, renews and goes on
auth = authorization_data(known_expiry=False)
bulk = ServiceClient("BulkService", 13, auth, location=soap_url)
request_id = bulk.GetBulkUploadUrl(AccountId=int(account_id), ResponseMode="ErrorsOnly").RequestId
first_token = auth.authentication.oauth_tokens.access_token
time.sleep(int(os.environ.get("TOKEN_TTL_SECONDS", "30")) + 2)
status = bulk.GetBulkUploadStatus(RequestId=request_id)
# (the e2e server closes upload windows after 4 seconds: by now the request has failed, without a file)
check("after its token expired the SDK renews it on 109 and the call succeeds",
      status.RequestStatus == "Failed" and auth.authentication.oauth_tokens.access_token != first_token, status)

# 6. zeep in strict mode, from Microsoft's own WSDL, parses every status answer
wsdl = os.path.join(os.path.dirname(os.path.abspath(authorization.__file__)), "v13", "proxies", "production", "bulk_service.xml")
client = zeep.Client(wsdl, settings=zeep.Settings(strict=True))
service = client.create_service("{https://bingads.microsoft.com/CampaignManagement/v13}BasicHttpBinding_IBulkService", soap_url)
token = new_tokens()["access_token"]
headers = {"AuthenticationToken": token, "DeveloperToken": developer_token, "CustomerId": customer_id, "CustomerAccountId": account_id}
def no_errors(body):
    """zeep reads a nil Errors as an empty array"""
    return body.Errors is None or not body.Errors.OperationError


pending = service.GetBulkUploadUrl(AccountId=int(account_id), ResponseMode="ErrorsOnly", _soapheaders=headers)
pending_id = (pending.body if hasattr(pending, "body") else pending).RequestId
for label, rid, want in [("pending", pending_id, "PendingFileUpload"), ("failed", request_id, "Failed"),
                         ("completed", operation.request_id, "Completed"),
                         ("completed with errors", messy_operation.request_id, "CompletedWithErrors")]:
    answer = service.GetBulkUploadStatus(RequestId=rid, _soapheaders=headers)
    body = answer.body if hasattr(answer, "body") else answer
    entries = {e.key: e.value for e in body.ForwardCompatibilityMap.KeyValuePairOfstringstring}
    check("zeep strict parses the %s status" % label,
          body.RequestStatus == want and set(entries) == {"RowsProcessed", "RowsFailed", "RowsWithWarning"}
          and (body.ResultFileUrl is None) == (want in ("PendingFileUpload", "Failed"))
          and no_errors(body) == (want in ("PendingFileUpload", "Completed")), body)

# 7. a contact export as a CRM writes it (docs/columns.md), uploaded by the SDK as it is
crm = os.path.join(work_dir, "%d-crm-export.csv" % time.time_ns())
with open(crm, "w", encoding="utf-8", newline="") as f:
    f.write("First Name,Last Name,Email Address,Mobile Phone,Company Name,Country/Region\r\n"
            "Grace,Hopper,grace@example.com,+1 202 555 0101,Navy,United States\r\n"
            "Alan,Turing,alan@example.com,+44 20 7946 0002,Bletchley Park,United Kingdom\r\n")
path = BulkServiceManager(authorization_data(), poll_interval_in_milliseconds=500, location=soap_url, working_directory=work_dir).upload_file(
    FileUploadParameters(upload_file_path=crm, result_file_directory=work_dir, result_file_name="crm-result.csv",
                         response_mode="ErrorsAndResults", compress_upload_file=True, overwrite_result_file=True))
rows = result_rows(path)
check("a CRM export's headers are recognised: upload_file imports it without a column renamed",
      [r["Result"] for r in rows] == ["Inserted", "Inserted"] and rows[0]["Email Address"] == "grace@example.com", rows)
done()
