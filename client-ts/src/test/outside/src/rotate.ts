// A frontend's rotation of one key, compiled as its own project would compile it (tsc --strict with
// noUncheckedIndexedAccess) against the installed tarball: every field it reads comes from the contract.
import { callGateway, createNcpClient, NcpApiError, type ApiKey } from '@contractkit/ncp-apigw-client';

declare const process: { env: Record<string, string | undefined> }; // Node's, without @types/node

const endpoint = process.env['MOCK_URL'] + '/api/v1';
const ncp = createNcpClient({ endpoint, accessKey: 'MOCKACCESSKEY0000001', secretKey: 'MOCKSECRETKEY000000000000000000000000001' });

const created: ApiKey | undefined = (await ncp.apiKeys.createApiKey({ postApiKeyRequest: { apiKeyName: 'outside-project' } })).apiKey;
if (!created?.apiKeyId) {
  throw new Error('no key made');
}
const rotated = (await ncp.apiKeys.regenerateApiKey({ apiKeyId: created.apiKeyId, patchApiKeyRequest: { keyType: 'PRIMARY' } })).apiKey;
console.log(`rotated ${rotated?.apiKeyId}: primary ${created.primaryKey === rotated?.primaryKey ? 'kept' : 'new'}, secondary ${created.secondaryKey === rotated?.secondaryKey ? 'kept' : 'new'}`);

try {
  await ncp.apiKeys.getApiKey({ apiKeyId: 'nosuchkey1' });
} catch (error) {
  if (error instanceof NcpApiError) {
    console.log(`unknown key: ${error.status} ${error.errorCode}`);
  } else {
    throw error;
  }
}
try {
  await callGateway(`${process.env['MOCK_URL']}/gateway/wthr7k2m4q/weather-observations/prod/now`, 'not-a-key');
} catch (error) {
  console.log(error instanceof NcpApiError ? `gateway: ${error.status} ${error.errorCode}` : `gateway: ${String(error)}`);
}
