// npm @alicloud/openapi-client 0.4.15, unmodified, called as Alibaba's own samples call it (RPC
// style, version 2025-11-27, auth AK, JSON bodies, parameters through `query`), with only the
// endpoint and protocol moved to our server. V3 signatures by default, V2 with "v2".
// Usage: node alibaba_client.js ENDPOINT KEY_ID KEY_SECRET LIST_ID FILE_BASE_URL [v2]
// Prints one line per check: "lists=<n> xlsx=<status> <total>/<success>/<failed> csv=<status> ..."
const OpenApi = require('@alicloud/openapi-client');
const Util = require('@alicloud/tea-util');

const [endpoint, keyId, keySecret, listId, fileBase, algorithm] = process.argv.slice(2);

function client() {
  const config = new OpenApi.Config({ accessKeyId: keyId, accessKeySecret: keySecret });
  config.endpoint = endpoint;
  config.protocol = 'HTTP';
  if (algorithm) {
    config.signatureAlgorithm = algorithm;
  }
  return new OpenApi.default(config);
}

async function call(action, query) {
  const params = new OpenApi.Params({
    action, version: '2025-11-27', protocol: 'HTTP', pathname: '/', method: 'POST',
    authType: 'AK', style: 'RPC', reqBodyType: 'json', bodyType: 'json',
  });
  const request = new OpenApi.OpenApiRequest({ query });
  const response = await client().callApi(params, request, new Util.RuntimeOptions({}));
  return response.body;
}

async function upload(fileName) {
  const created = await call('BatchUploadCustomerManagement', { CustomerListId: listId, FileName: fileName, FileUrl: fileBase + '/' + fileName });
  if (!created.Success || !created.Data.Success) {
    throw new Error('not accepted: ' + JSON.stringify(created));
  }
  for (let i = 0; i < 240; i++) {
    const task = (await call('QueryUploadTask', { UploadTaskId: created.Data.UploadTaskId })).Data;
    if (['Success', 'PartialSuccess', 'Failed'].includes(task.Status)) {
      return `${task.Status} ${task.TotalCount}/${task.SuccessCount}/${task.FailedCount}` + (task.ResultFileUrl ? ' result' : '');
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the task did not finish');
}

async function main() {
  const lists = (await call('QueryCustomerManagementList', { PageNumber: '1', PageSize: '20' })).Data;
  const xlsx = await upload('customers-10.xlsx');
  const csv = await upload('messy.csv');
  console.log(`lists=${lists.TotalCount} xlsx=${xlsx} csv=${csv}`);
}

main().catch((error) => {
  console.error(error.code, error.message);
  process.exit(1);
});
