// npm node-marketo-rest, unmodified, against our server: it takes its token from our identity
// endpoint and reads a batch's status through its own request method, with the path it builds
// (endpoint '<base>/rest' + '/../bulk/v1/...': dot segments the server resolves as a browser would).
// Usage: node marketo_node_client.js BASE_URL CLIENT_ID CLIENT_SECRET BATCH_ID
// Prints "token=<ok> status=<batch status> processed=<n> failed=<n>" and exits 0 on success.
const Marketo = require('node-marketo-rest');

const [base, clientId, clientSecret, batchId] = process.argv.slice(2);

async function main() {
  const marketo = new Marketo({ endpoint: `${base}/rest`, identity: `${base}/identity`, clientId, clientSecret });
  const token = await marketo.getOAuthToken();
  if (!token.access_token || token.token_type !== 'bearer') {
    throw new Error('no token: ' + JSON.stringify(token));
  }
  const answer = await marketo._connection.get(`/../bulk/v1/leads/batch/${batchId}.json`, {});
  if (!answer.success) {
    throw new Error('status failed: ' + JSON.stringify(answer));
  }
  const batch = answer.result[0];
  // an unknown batch: the library rejects with Marketo's error body
  let unknown = 'not rejected';
  try {
    await marketo._connection.get('/../bulk/v1/leads/batch/999999999.json', {});
  } catch (error) {
    unknown = error && error.errors ? error.errors[0].code : String(error);
  }
  console.log(`token=ok status=${batch.status} processed=${batch.numOfLeadsProcessed} failed=${batch.numOfRowsFailed} unknown=${unknown}`);
}

main().catch((error) => {
  console.error(error && error.errors ? JSON.stringify(error.errors) : error);
  process.exit(1);
});
