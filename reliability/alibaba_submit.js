// Submits one FileUrl with Alibaba's own client (npm @alicloud/openapi-client, the copy e2e installs,
// found through NODE_PATH), unmodified, as alibaba_client.js in e2e calls it; prints the UploadTaskId.
// Usage: node alibaba_submit.js ENDPOINT KEY_ID KEY_SECRET LIST_ID FILE_URL
const OpenApi = require('@alicloud/openapi-client');
const Util = require('@alicloud/tea-util');

const [endpoint, keyId, keySecret, listId, fileUrl] = process.argv.slice(2);

async function main() {
  const config = new OpenApi.Config({ accessKeyId: keyId, accessKeySecret: keySecret });
  config.endpoint = endpoint.replace(/^https?:\/\//, '');
  config.protocol = 'HTTP';
  const params = new OpenApi.Params({
    action: 'BatchUploadCustomerManagement', version: '2025-11-27', protocol: 'HTTP', pathname: '/', method: 'POST',
    authType: 'AK', style: 'RPC', reqBodyType: 'json', bodyType: 'json',
  });
  const query = { CustomerListId: listId, FileName: fileUrl.split('/').pop(), FileUrl: fileUrl };
  const response = await new OpenApi.default(config).callApi(params, new OpenApi.OpenApiRequest({ query }), new Util.RuntimeOptions({}));
  if (!response.body.Success || !response.body.Data.Success) {
    throw new Error('not accepted: ' + JSON.stringify(response.body));
  }
  console.log(response.body.Data.UploadTaskId);
}

main().catch((error) => {
  console.error(error.code, error.message);
  process.exit(1);
});
