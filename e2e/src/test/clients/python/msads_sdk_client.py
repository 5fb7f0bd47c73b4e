#!/usr/bin/env python3
"""Microsoft's REST/JSON Bing Ads Python SDK (msads 13.0.28.1), unmodified, against our server.

Usage: msads_sdk_client.py BASE CLIENT_ID CLIENT_SECRET DEVELOPER_TOKEN CUSTOMER_ID ACCOUNT_ID DATA_DIR WORK_DIR

Only the endpoint moves (`location`). Runs on the machine's default python3 (pydantic 2).
Prints "N passed, 0 failed" and exits 0 when all hold.
"""
import csv
import hashlib
import io
import os
import shutil
import sys
import time

import requests
from sdk_checks import check, done
from bingads.authorization import AuthorizationData, OAuthDesktopMobileAuthCodeGrant, OAuthTokens
from bingads.service_client import ServiceClient
from bingads.v13.bulk import BulkServiceManager, FileUploadParameters
from openapi_client.exceptions import ApiException
from openapi_client.models.bulk import GetBulkUploadStatusRequest, GetBulkUploadUrlRequest, UploadEntityRecordsRequest

base, client_id, client_secret, developer_token, customer_id, account_id, data_dir, work_dir = sys.argv[1:9]


token = requests.post(base + "/identity/oauth/token", data={
    "grant_type": "client_credentials", "client_id": client_id, "client_secret": client_secret}).json()
# its models want the ids as strings
auth = AuthorizationData(account_id=str(account_id), customer_id=str(customer_id), developer_token=developer_token,
                         authentication=OAuthDesktopMobileAuthCodeGrant(
                             client_id=client_id,
                             oauth_tokens=OAuthTokens(token["access_token"], int(token["expires_in"]), token["refresh_token"])))

bulk = ServiceClient("Bulk", 13, auth, location=base)
url = bulk.get_bulk_upload_url(get_bulk_upload_url_request=GetBulkUploadUrlRequest(
    account_id=str(account_id), response_mode="ErrorsAndResults"))
check("GetBulkUploadUrl (JSON) gives a RequestId and an UploadUrl",
      url.request_id and url.upload_url == base + "/files/uploads/" + url.request_id, url)
status = bulk.get_bulk_upload_status(get_bulk_upload_status_request=GetBulkUploadStatusRequest(request_id=url.request_id))
check("GetBulkUploadStatus (JSON) parses: PendingFileUpload, Errors null, counters as Key/Value",
      status.request_status == "PendingFileUpload" and status.errors is None and status.percent_complete == 0
      and {e.key: e.value for e in status.forward_compatibility_map} == {"RowsProcessed": "0", "RowsFailed": "0", "RowsWithWarning": "0"},
      status)

try:
    bulk.get_bulk_upload_status(get_bulk_upload_status_request=GetBulkUploadStatusRequest(request_id="0000000000000000dead"))
    check("an unknown RequestId raises", False)
except ApiException as e:
    fault = e.data
    check("an unknown RequestId raises the SDK's parsed ApiFaultDetail with 3200",
          e.status == 400 and type(fault).__name__ == "ApiFaultDetail" and fault.operation_errors[0].code == 3200
          and fault.operation_errors[0].error_code == "InvalidRequestId", repr(e.data) + " " + str(e.body))

upload = os.path.join(work_dir, "%d-customers-10.csv" % time.time_ns())
shutil.copyfile(os.path.join(data_dir, "customers-10.csv"), upload)
manager = BulkServiceManager(authorization_data=auth, poll_interval_in_milliseconds=500, location=base, working_directory=work_dir)
path = manager.upload_file(FileUploadParameters(upload_file_path=upload, result_file_directory=work_dir,
                                                result_file_name="msads-result.csv", response_mode="ErrorsAndResults",
                                                overwrite_result_file=True))
with open(path, newline="", encoding="utf-8-sig") as f:
    rows = list(csv.DictReader(f))
check("BulkServiceManager.upload_file imports a clean file end to end; the SDK unzips the result",
      [r["Result"] for r in rows] == ["Inserted"] * 10, rows)

# Customer Match through the REST mirror of UploadEntityRecords: the SDK's own bulk layer cannot
# write a BulkCustomerList (its bug), so its low-level ServiceClient sends records written as text
records = ["Type,Status,Id,Parent Id,Client Id,Name,Audience,Description,Membership Duration,Scope,Action Type,Sub Type,Text",
           "Format Version,,,,,6.0,,,,,,,",
           "Customer List,,-1,%s,rest-list,,REST list,Made through msads,60,Account,Add,," % account_id]
for n in range(50):
    email = "rest%d@example.com" % n
    records.append("Customer List Item,,,-1,item-%d,,,,,,,Email,%s" % (n, hashlib.sha256(email.encode()).hexdigest()))
answer = bulk.upload_entity_records(upload_entity_records_request=UploadEntityRecordsRequest(
    account_id=str(account_id), response_mode="ErrorsAndResults", entity_records=records))
result = list(csv.DictReader(io.StringIO("\r\n".join(answer.entity_records or []))))
lists = [r for r in result if r["Type"] == "Customer List"]
items = [r for r in result if r["Type"] == "Customer List Item"]
list_id = lists[0]["Id"] if lists else None
check("upload_entity_records (REST) answers synchronously: Completed, the new list's id, 50 items under it, no errors",
      answer.request_status == "Completed" and answer.errors is None and list_id and int(list_id) > 0 and len(items) == 50
      and all(r["Parent Id"] == list_id for r in items) and not any(r["Type"].endswith("Error") for r in result),
      (answer.request_status, answer.errors, result[:3]))
status = bulk.get_bulk_upload_status(get_bulk_upload_status_request=GetBulkUploadStatusRequest(request_id=answer.request_id))
check("GetBulkUploadStatus follows the same RequestId to Completed, its 52 records processed",
      status.request_status == "Completed" and {e.key: e.value for e in status.forward_compatibility_map}["RowsProcessed"] == "52",
      status)
done()
