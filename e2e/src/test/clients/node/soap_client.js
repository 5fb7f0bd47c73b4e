// A client built by the npm package `soap` from the live WSDL: GetBulkUploadUrl then GetBulkUploadStatus.
// Usage: node soap_client.js BASE_URL ACCESS_TOKEN DEVELOPER_TOKEN CUSTOMER_ID ACCOUNT_ID
// Prints "RequestId=<id> RequestStatus=<status>" and exits 0 on success.
const soap = require('soap');

const [base, token, developerToken, customerId, accountId] = process.argv.slice(2);
const ns = 'https://bingads.microsoft.com/CampaignManagement/v13';

async function main() {
  const client = await soap.createClientAsync(`${base}/Bulk/v13/BulkService.svc?wsdl`);
  for (const [name, value] of [['AuthenticationToken', token], ['DeveloperToken', developerToken],
                               ['CustomerId', customerId], ['CustomerAccountId', accountId]]) {
    client.addSoapHeader({ [name]: value }, '', 'h', ns);
  }
  const [url] = await client.GetBulkUploadUrlAsync({ ResponseMode: 'ErrorsAndResults', AccountId: accountId });
  const [status] = await client.GetBulkUploadStatusAsync({ RequestId: url.RequestId });
  console.log(`RequestId=${url.RequestId} RequestStatus=${status.RequestStatus}`);
}

main().catch((error) => {
  console.error(error && error.body ? error.body : error);
  process.exit(1);
});
