"""marketorestpython 0.5.25, unmodified (../shared/clients), against our server: the only change a
user makes is mc.host. Checks print PASS lines and "N passed, 0 failed" (sdk_checks).

Usage: marketo_client.py BASE CLIENT_ID CLIENT_SECRET DEVELOPER_TOKEN CUSTOMER_ID ACCOUNT_ID
                         DATA_DIR WORK_DIR OTHER_ACCOUNTS_LIST_ID BIG_FILE BIG_EXPECT
(DEVELOPER_TOKEN, CUSTOMER_ID and ACCOUNT_ID only for reading the list back through our §8 API.)
"""
import csv
import io
import json
import sys
import time

import requests
from marketorestpython.client import MarketoClient

from sdk_checks import check, done

(base, client_id, client_secret, developer_token, customer_id, account_id,
 data_dir, work_dir, other_list_id, big_file, big_expect) = sys.argv[1:12]


def client():
    mc = MarketoClient('123-ABC-456', client_id, client_secret)
    mc.host = base
    return mc


def wait_complete(mc, batch_id, seconds=120):
    deadline = time.time() + seconds
    while True:
        status = mc.execute(method='get_import_lead_status', id=batch_id)[0]
        if status['status'] in ('Complete', 'Failed') or time.time() > deadline:
            return status
        time.sleep(0.5)


def rows(text, delimiter=','):
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def read_api(path):
    token = requests.get(base + '/identity/oauth/token', params={
        'grant_type': 'client_credentials', 'client_id': client_id, 'client_secret': client_secret}).json()['access_token']
    headers = {'Authorization': 'Bearer ' + token, 'DeveloperToken': developer_token,
               'CustomerId': customer_id, 'CustomerAccountId': account_id}
    return requests.get(base + path, headers=headers).json()


mc = client()
# a token to hold on to: it expires (30 s on the test server) while the imports below run
held_token = requests.get(base + '/identity/oauth/token', params={
    'grant_type': 'client_credentials', 'client_id': client_id, 'client_secret': client_secret}).json()
held_at = time.time()
check('token has Marketo fields', set(held_token) >= {'access_token', 'token_type', 'expires_in', 'scope'}, held_token)

# messy.csv as csv: Marketo's counters are EXPECTED.md's
batch = mc.execute(method='import_lead', file=data_dir + '/messy.csv', format='csv', lookupField='email')[0]
check('import_lead answers a Queued integer batch', isinstance(batch['batchId'], int) and batch['status'] == 'Queued'
      and batch['importId'] == str(batch['batchId']), batch)
status = wait_complete(mc, batch['batchId'])
check('messy.csv completes 11 / 5 / 0', status['status'] == 'Complete' and status['numOfLeadsProcessed'] == 11
      and status['numOfRowsFailed'] == 5 and status['numOfRowsWithWarning'] == 0, status)
failures = rows(mc.execute(method='get_import_failure_file', id=batch['batchId']))
with open(data_dir + '/messy.csv', encoding='utf-8-sig', newline='') as f:
    uploaded = list(csv.reader(f))
by_client_id = {r[0]: r for r in uploaded[1:]}
check('failures header is the upload\'s plus the reason', failures[0] == uploaded[0] + ['Import Failure Reason'], failures[0])
check('failures are rows r4 r5 r6 r7 r11', [r[0] for r in failures[1:]] == ['r4', 'r5', 'r6', 'r7', 'r11'], failures)
same = all(r[:len(uploaded[0])] == by_client_id[r[0]][:len(uploaded[0])] and r[-1] for r in failures[1:])
check('each failed row is as uploaded, with a reason', same, failures)
check('r4 fails for its email', 'email' in failures[1][-1].lower(), failures[1])
warnings = rows(mc.execute(method='get_import_warning_file', id=batch['batchId']))
check('no warnings: header only', warnings == [uploaded[0] + ['Import Warning Reason']], warnings)

# the TSV and SSV samples, their failures files in their own delimiter
for fmt, delimiter in (('tsv', '\t'), ('ssv', ';')):
    batch = mc.execute(method='import_lead', file=data_dir + '/customers-10.' + fmt, format=fmt)[0]
    status = wait_complete(mc, batch['batchId'])
    check(fmt + ' sample completes 10 / 0', status['status'] == 'Complete' and status['numOfLeadsProcessed'] == 10
          and status['numOfRowsFailed'] == 0, status)
    text = mc.execute(method='get_import_failure_file', id=batch['batchId'])
    check(fmt + ' failures file is in its delimiter', rows(text, delimiter)[0][-1] == 'Import Failure Reason', text)

# lookupField=id: updates the customers it names, a missing id is a warning, never an insert
lists = read_api('/api/v1/lists')['CustomerLists']
default_list = min(l['CustomerListId'] for l in lists)
customers = read_api('/api/v1/lists/%d/customers?pageSize=2' % default_list)['Customers']
path = work_dir + '/by-id.csv'
with open(path, 'w', encoding='utf-8') as f:
    f.write('CustomerId,FirstName\n%d,Renamed\n%d,Renamed\n999999999,Nobody\n' % (customers[0]['CustomerId'], customers[1]['CustomerId']))
batch = mc.execute(method='import_lead', file=path, format='csv', lookupField='id')[0]
status = wait_complete(mc, batch['batchId'])
check('lookupField=id updates 2 and warns 1', status['status'] == 'Complete' and status['numOfLeadsProcessed'] == 3
      and status['numOfRowsFailed'] == 0 and status['numOfRowsWithWarning'] == 1, status)
warnings = rows(mc.execute(method='get_import_warning_file', id=batch['batchId']))
check('the warnings file holds the missing id', [r[0] for r in warnings[1:]] == ['999999999']
      and warnings[0][-1] == 'Import Warning Reason', warnings)
renamed = read_api('/api/v1/lists/%d/customers?pageSize=200' % default_list)['Customers']
check('nothing was inserted, both were renamed', len([c for c in renamed if c['FirstName'] == 'Renamed']) == 2
      and not any(c['FirstName'] == 'Nobody' for c in renamed), renamed)

# another account's list answers 610, as an unknown one does
try:
    mc.execute(method='import_lead', file=data_dir + '/customers-10.csv', format='csv', listId=other_list_id)
    check('another account\'s list is refused', False)
except Exception as e:
    check('another account\'s list is refused with 610', e.args[0]['code'] == '610', e.args)

# a bad token: 601
bogus = MarketoClient('123-ABC-456', access_token='not-a-token')
bogus.host = base
try:
    bogus.execute(method='get_import_lead_status', id=batch['batchId'])
    check('a bad token is refused', False)
except Exception as e:
    check('a bad token is refused with 601', e.args[0]['code'] == '601', e.args)

# an expired token: 602, and the library renews and retries. The library renews on 602 only once
# its own clock says the token is within a minute of expiry (before that it renews before calling):
# a client whose clock believes the expired token has just over 60 s left calls, gets 602, renews
# and retries. How much "just over" must be depends on the machine's speed (the library retries
# ten times at once), so a few margins are tried; the library's own call counter shows the 602
# (a status call, a token call, a status call at least).
time.sleep(max(0, held_at + int(held_token['expires_in']) + 1 - time.time()))
raw = requests.get(base + '/bulk/v1/leads/batch/%d.json' % batch['batchId'], params={'access_token': held_token['access_token']}).json()
check('an expired token answers 602', raw['success'] is False and raw['errors'][0]['code'] == '602', raw)
attempts = []
for margin in (0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.8, 1.2):
    skewed = client()
    skewed.token = held_token['access_token']
    skewed.valid_until = time.time() + 60 + margin
    status = skewed.execute(method='get_import_lead_status', id=batch['batchId'])
    attempts.append((margin, skewed.API_CALLS_MADE, bool(status)))
    if status and status[0]['status'] == 'Complete' and skewed.token != held_token['access_token'] and skewed.API_CALLS_MADE >= 3:
        break
check('the library renews after 602 and retries', attempts[-1][1] >= 3 and attempts[-1][2], attempts)

# 100k generated rows with 1% bad and 5% duplicate rows: counts as gen-customers --expect says
with open(big_expect) as f:
    expect = json.load(f)
batch = mc.execute(method='import_lead', file=big_file, format='csv')[0]
status = wait_complete(mc, batch['batchId'], 300)
check('100k file counts equal gen-customers --expect', status['status'] == 'Complete'
      and status['numOfLeadsProcessed'] == expect['rows'] and status['numOfRowsFailed'] == expect['failed'], (status, expect))
failures = rows(mc.execute(method='get_import_failure_file', id=batch['batchId']))
with open(big_file, encoding='utf-8', newline='') as f:
    big = {r[0]: r for r in csv.reader(f)}
header = big['ClientId']
exact = all(r[0] in big and r[:len(header)] == (big[r[0]] + [''] * len(header))[:len(header)] for r in failures[1:])
check('100k failures file has exactly the failed rows, as uploaded', len(failures) - 1 == expect['failed'] and exact,
      (len(failures) - 1, expect['failed']))
done()
