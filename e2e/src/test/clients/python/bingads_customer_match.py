#!/usr/bin/env python3
"""Microsoft's Customer Match through its own SOAP SDK (bingads 13.0.28, suds), unmodified, against our server.

Usage: bingads_customer_match.py BASE CLIENT_ID CLIENT_SECRET DEVELOPER_TOKEN CUSTOMER_ID ACCOUNT_ID WORK_DIR OTHER_LIST_ID

BulkServiceManager.upload_entities of BulkCustomerList and BulkCustomerListItem entities, as a
Customer Match integrator writes it: up to 1,000 entities the SDK calls UploadEntityRecords with the
records inline, beyond that it zips a bulk file, uploads it and reads the result file back with its
BulkFileReader. What the lists then hold is read back through our own API (CONTRACT section 8).
OTHER_LIST_ID is a list of another customer's account. Only the endpoint moves (suds `location`).
Prints "N passed, 0 failed" and exits 0 when all hold.
"""
import hashlib
import os
import sys
import time

import requests
from sdk_checks import check, done
from bingads.authorization import AuthorizationData, OAuthDesktopMobileAuthCodeGrant, OAuthTokens
from bingads.service_client import _CAMPAIGN_OBJECT_FACTORY_V13
from bingads.v13.bulk import BulkServiceManager, EntityUploadParameters, SubmitUploadParameters
from bingads.v13.bulk.entities import BulkCampaign
from bingads.v13.bulk.entities.audiences.bulk_customer_list import BulkCustomerList
from bingads.v13.bulk.entities.audiences.bulk_customer_list_item import BulkCustomerListItem

base, client_id, client_secret, developer_token, customer_id, account_id, work_dir, other_list_id = sys.argv[1:9]
soap_url = base + "/Bulk/v13/BulkService.svc"
factory = _CAMPAIGN_OBJECT_FACTORY_V13

token = requests.post(base + "/identity/oauth/token", data={
    "grant_type": "client_credentials", "client_id": client_id, "client_secret": client_secret}).json()
auth = AuthorizationData(account_id=int(account_id), customer_id=int(customer_id), developer_token=developer_token,
                         authentication=OAuthDesktopMobileAuthCodeGrant(
                             client_id=client_id, oauth_tokens=OAuthTokens(token["access_token"], int(token["expires_in"]))))
manager = BulkServiceManager(auth, poll_interval_in_milliseconds=300, location=soap_url, working_directory=work_dir)
api_headers = {"Authorization": "Bearer " + token["access_token"], "DeveloperToken": developer_token,
               "CustomerId": customer_id, "CustomerAccountId": account_id}


def sha256(email):
    """Microsoft's normalisation before hashing: trimmed, lower case."""
    return hashlib.sha256(email.strip().lower().encode("utf-8")).hexdigest()


def customer_list(list_id, action="Add", name=None):
    audience = factory.create("CustomerList")
    audience.Id = list_id
    audience.Name = name
    audience.ParentId = int(account_id)
    if name:
        audience.Description = "Customer Match list " + name
        audience.MembershipDuration = 30
        audience.Scope = "Account"
    entity = BulkCustomerList(customer_list=audience)
    entity.action_type = action
    entity.client_id = "list %s" % list_id
    return entity


def item(parent_id, text, client=None):
    entity = BulkCustomerListItem(parent_id=parent_id, sub_type="Email", text=text)
    entity.client_id = client
    return entity


def upload(entities, mode="ErrorsAndResults"):
    return list(manager.upload_entities(EntityUploadParameters(
        entities=entities, response_mode=mode, result_file_directory=work_dir,
        result_file_name="cm-%d.csv" % time.time_ns(), overwrite_result_file=True)))


def of_type(entities, kind):
    return [e for e in entities if isinstance(e, kind)]


def lists():
    r = requests.get(base + "/api/v1/lists", headers=api_headers)
    r.raise_for_status()
    return {l["CustomerListId"]: l for l in r.json()["CustomerLists"]}


def hashes_in(list_id):
    found, page_token = [], None
    while True:
        params = {"pageSize": 200}
        if page_token:
            params["pageToken"] = page_token
        r = requests.get(base + "/api/v1/lists/%d/customers" % list_id, headers=api_headers, params=params)
        r.raise_for_status()
        body = r.json()
        found += [c["EmailSha256"] for c in body["Customers"]]
        page_token = body.get("NextPageToken")
        if not page_token:
            return found


def errors_of(entity):
    return [(e.error, e.number) for e in (entity.errors or [])]


# 1. a new list and 500 hashed items: 501 entities, so the SDK sends them inline (UploadEntityRecords)
first = ["person%d@example.com" % n for n in range(500)]
results = upload([customer_list(-1, name="Newsletter")] + [item(-1, sha256(e), "i%d" % n) for n, e in enumerate(first)])
created = of_type(results, BulkCustomerList)
items = of_type(results, BulkCustomerListItem)
list_id = created[0].customer_list.Id if created else None
check("upload_entities of a new list and 500 hashed items (UploadEntityRecords): the list comes back with its id",
      len(created) == 1 and list_id and list_id > 0 and not created[0].has_errors, results[:3])
check("... and its 500 items without errors, under the list's id",
      len(items) == 500 and all(i.parent_id == list_id and not i.has_errors for i in items),
      [(i.parent_id, errors_of(i)) for i in items[:3]])
shown = lists().get(list_id, {})
check("the list is an ordinary list: 500 customers, its name, description and membership duration",
      shown.get("CustomerCount") == 500 and shown.get("Name") == "Newsletter"
      and shown.get("Description") == "Customer Match list Newsletter" and shown.get("MembershipDuration") == 30, shown)
check("its customers carry the hashes, no e-mail", sorted(hashes_in(list_id)) == sorted(sha256(e) for e in first))

# 2. a new list and 5,000 items: more than 1,000 entities, so the SDK zips a bulk file, uploads it, reads the result file
second = ["buyer%d@example.com" % n for n in range(5000)]
results = upload([customer_list(-7, name="Buyers")] + [item(-7, sha256(e)) for e in second])
created = of_type(results, BulkCustomerList)
big_id = created[0].customer_list.Id if created else None
check("upload_entities of a new list and 5,000 items (zipped file): the result file reads back through BulkFileReader",
      big_id and big_id > 0 and len(of_type(results, BulkCustomerListItem)) == 5000
      and not any(e.has_errors for e in results), len(results))
check("... and the list holds the 5,000", lists().get(big_id, {}).get("CustomerCount") == 5000, lists().get(big_id))

# 3. Remove 100 of the first list's items
results = upload([customer_list(list_id, action="Remove")] + [item(list_id, sha256(e)) for e in first[:100]])
check("Remove of 100 items: no errors, the list holds 400",
      not any(e.has_errors for e in results) and lists()[list_id]["CustomerCount"] == 400,
      [errors_of(e) for e in results if e.has_errors][:3])

# 4. Replace with 300 others: the list then holds exactly those
third = ["member%d@example.com" % n for n in range(300)]
results = upload([customer_list(list_id, action="Replace")] + [item(list_id, sha256(e)) for e in third])
check("Replace with 300 other items: the list holds exactly those 300",
      not any(e.has_errors for e in results) and sorted(hashes_in(list_id)) == sorted(sha256(e) for e in third),
      lists()[list_id])

# 5. plain text or a short hash in Text: those items come back with their errors, the others are added
results = upload([customer_list(list_id), item(list_id, "plain.person@example.com", "plain"), item(list_id, "abc123", "short"),
                  item(list_id, sha256("fine@example.com"), "fine")])
by_client = {i.client_id: i for i in of_type(results, BulkCustomerListItem)}
check("an item with plain text or a short hash comes back as a BulkCustomerListItem with its error",
      errors_of(by_client["plain"]) == [("InvalidHashedEmail", 3309)] and errors_of(by_client["short"]) == [("InvalidHashedEmail", 3309)]
      and not by_client["fine"].has_errors and lists()[list_id]["CustomerCount"] == 301,
      {k: errors_of(v) for k, v in by_client.items()})

# 6. a Campaign record fails alone
campaign = BulkCampaign()
campaign.account_id = int(account_id)
campaign.campaign = factory.create("Campaign")
campaign.campaign.Id = -3
campaign.campaign.Name = "Not a list"
campaign.client_id = "campaign"
results = upload([campaign, customer_list(-2, name="Beside a campaign"), item(-2, sha256("one@example.com"))])
campaigns = of_type(results, BulkCampaign)
check("a Campaign record fails alone (RecordTypeNotSupported); the list and its item beside it are imported",
      len(campaigns) == 1 and errors_of(campaigns[0]) == [("RecordTypeNotSupported", 3311)]
      and not any(e.has_errors for e in of_type(results, BulkCustomerList) + of_type(results, BulkCustomerListItem))
      and of_type(results, BulkCustomerList)[0].customer_list.Id > 0, [(type(e).__name__, errors_of(e)) for e in results])

# 7. another account's list answers exactly like a missing one
results = upload([customer_list(list_id), item(int(other_list_id), sha256("x@example.com"), "other"),
                  item(999999999, sha256("x@example.com"), "missing"), customer_list(int(other_list_id), action="Remove")])
by_client = {e.client_id: errors_of(e) for e in results}
check("an item of another account's list, and a list record of it, fail like a missing list's (CustomerListNotFound)",
      by_client["other"] == by_client["missing"] == [("CustomerListNotFound", 3312)]
      and by_client["list %s" % other_list_id] == [("CustomerListNotFound", 3312)], by_client)

# 8. format version 5.0: the whole file is refused
old = os.path.join(work_dir, "format-5.csv")
with open(old, "w", encoding="utf-8") as f:
    f.write("Type,Id,Parent Id,Name,Sub Type,Text\r\nFormat Version,,,5.0,,\r\nCustomer List Item,,%s,,Email,%s\r\n"
            % (list_id, sha256("old@example.com")))
operation = manager.submit_upload(SubmitUploadParameters(upload_file_path=old, response_mode="ErrorsOnly", compress_upload_file=False,
                                                         rename_upload_file_to_match_request_id=False))
deadline = time.time() + 60
status = operation.get_status()
while status.status not in ("Completed", "CompletedWithErrors", "Failed", "UploadFileFormatNotSupported") and time.time() < deadline:
    time.sleep(0.3)
    status = operation.get_status()
check("a bulk file of format version 5.0 ends UploadFileFormatNotSupported with BulkServiceFormatVersionNotSupported",
      status.status == "UploadFileFormatNotSupported" and [e.error_code for e in status.errors] == ["BulkServiceFormatVersionNotSupported"],
      (status.status, status.errors))

# 9. a hashed item of a person uploaded earlier in plain text through Marketo is the same customer
default_list = requests.get(base + "/api/v1/accounts", headers=api_headers).json()["Accounts"]
default_list = [a for a in default_list if str(a["AccountId"]) == str(account_id)][0]["DefaultCustomerListId"]
marketo = requests.post(base + "/bulk/v1/leads.json", params={"access_token": token["access_token"], "format": "csv",
                                                              "listId": default_list},
                        files={"file": ("leads.csv", b"email,firstName\r\nMatch.Person@Example.com,Ann\r\n", "text/csv")}).json()
batch = marketo["result"][0]["batchId"]
deadline = time.time() + 60
state = None
while state != "Complete" and time.time() < deadline:
    time.sleep(0.3)
    state = requests.get(base + "/bulk/v1/leads/batch/%s.json" % batch, params={"access_token": token["access_token"]}).json()["result"][0]["status"]
results = upload([customer_list(default_list), item(default_list, sha256("  match.person@EXAMPLE.com "), "match")])
found = requests.get(base + "/api/v1/lists/%d/customers" % default_list, headers=api_headers,
                     params={"email": "match.person@example.com"}).json()["Customers"]
check("a hashed item matches the customer Marketo imported in plain text: one customer, with its e-mail, name and hash",
      state == "Complete" and not any(e.has_errors for e in results) and len(found) == 1
      and found[0]["Email"] == "match.person@example.com" and found[0]["FirstName"] == "Ann"
      and found[0]["EmailSha256"] == sha256("match.person@example.com"), (state, found))
done()
