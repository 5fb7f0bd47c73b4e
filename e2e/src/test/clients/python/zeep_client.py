#!/usr/bin/env python3
"""A python-zeep client built from the live WSDL: GetBulkUploadUrl then GetBulkUploadStatus.

Usage: zeep_client.py BASE_URL ACCESS_TOKEN DEVELOPER_TOKEN CUSTOMER_ID ACCOUNT_ID
Prints "RequestId=<id> RequestStatus=<status>" and exits 0 on success.
"""
import sys

from zeep import Client

base, token, developer_token, customer_id, account_id = sys.argv[1:6]
client = Client(base + "/Bulk/v13/BulkService.svc?wsdl")
# The WSDL declares the four headers on both operations, so zeep takes them by name.
headers = {"AuthenticationToken": token, "DeveloperToken": developer_token,
           "CustomerId": customer_id, "CustomerAccountId": account_id}

# Responses declare the TrackingId header, so zeep returns them as {header, body}.
url = client.service.GetBulkUploadUrl(ResponseMode="ErrorsAndResults", AccountId=int(account_id), _soapheaders=headers)
status = client.service.GetBulkUploadStatus(RequestId=url.body.RequestId, _soapheaders=headers)
assert url.header.TrackingId, "every response carries a TrackingId header"
print("RequestId=%s RequestStatus=%s" % (url.body.RequestId, status.body.RequestStatus))
