// The packed client against a running mock (MOCK_URL), as a frontend's tests in Node 20+ would use it: the
// tarball installed in a project outside the repository, imported by its package name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callGateway, createNcpClient, NcpApiError, signature } from '@contractkit/ncp-apigw-client';

const mockUrl = process.env.MOCK_URL;
const ncp = createNcpClient({ endpoint: `${mockUrl}/api/v1`, accessKey: 'MOCKACCESSKEY0000001', secretKey: 'MOCKSECRETKEY000000000000000000000000001' });

async function refusal(promise) {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof NcpApiError, `an NcpApiError, not ${error}`);
    return error;
  }
  assert.fail('expected a refusal');
}

test('signs as the spec\'s worked examples say', async () => {
  const credentials = { accessKey: 'TESTACCESSKEY0000000', secretKey: 'TESTSECRETKEY000000000000000000000000000' };
  assert.equal(await signature(credentials, 'PATCH', '/api/v1/api-keys/abcde12345', '1700000000000'), '+aq++oejIbCGgD9j+8ApzPFHy/KRQOwOpxEZ7fTTog8=');
  assert.equal(await signature(credentials, 'GET', '/api/v1/api-keys?offset=0&limit=10', '1700000000000'), 'HOh7ogh2VFsgR88ZhvmyTXoxzZBlm5ixE97dnOvoxvI=');
});

test('creates, lists and reads a key, with the contract\'s types (dates as Date)', async () => {
  const created = (await ncp.apiKeys.createApiKey({ postApiKeyRequest: { apiKeyName: 'node-test', apiKeyDescription: 'made by the TS client' } })).apiKey;
  assert.equal(created.apiKeyName, 'node-test');
  assert.match(created.primaryKey, /^\S{20,}$/);
  const page = await ncp.apiKeys.listApiKeys({ apiKeyName: 'node-test', limit: 1000 });
  assert.ok(page.apiKeys.some((key) => key.apiKeyId === created.apiKeyId));
  assert.ok(page.total >= 1);
  const read = await ncp.apiKeys.getApiKey({ apiKeyId: created.apiKeyId });
  assert.equal(read.apiKeyDescription, 'made by the TS client');
  assert.ok(read.modTime instanceof Date && !Number.isNaN(read.modTime.getTime()));
});

test('regenerates the primary key, then the secondary, each time keeping the other', async () => {
  const key = (await ncp.apiKeys.createApiKey({ postApiKeyRequest: { apiKeyName: 'rotated' } })).apiKey;
  const primary = (await ncp.apiKeys.regenerateApiKey({ apiKeyId: key.apiKeyId, patchApiKeyRequest: { keyType: 'PRIMARY' } })).apiKey;
  assert.notEqual(primary.primaryKey, key.primaryKey);
  assert.equal(primary.secondaryKey, key.secondaryKey);
  const secondary = (await ncp.apiKeys.regenerateApiKey({ apiKeyId: key.apiKeyId, patchApiKeyRequest: { keyType: 'SECONDARY' } })).apiKey;
  assert.equal(secondary.primaryKey, primary.primaryKey);
  assert.notEqual(secondary.secondaryKey, primary.secondaryKey);
});

test('an unknown key is NCP\'s 404 envelope as an NcpApiError', async () => {
  const error = await refusal(ncp.apiKeys.getApiKey({ apiKeyId: 'nosuchkey1' }));
  assert.equal(error.status, 404);
  assert.equal(error.errorCode, '300');
  assert.equal(error.errorMessage, 'Not Found Exception');
  assert.match(error.details, /nosuchkey1/);
});

test('a wrong secret is refused 401 "200"', async () => {
  const stranger = createNcpClient({ endpoint: `${mockUrl}/api/v1`, accessKey: 'MOCKACCESSKEY0000001', secretKey: 'not-the-secret' });
  const error = await refusal(stranger.apiKeys.listApiKeys());
  assert.equal(error.status, 401);
  assert.equal(error.errorCode, '200');
});

test('subscribes a key to a public product and finds it from the product\'s side', async () => {
  const key = (await ncp.apiKeys.createApiKey({ postApiKeyRequest: { apiKeyName: 'subscriber' } })).apiKey;
  await ncp.subscriptions.subscribeApiKey({ apiKeyId: key.apiKeyId, postSubscriptionRequest: { productId: 'prodpub001' } });
  const products = await ncp.subscriptions.listProductsOfApiKey({ apiKeyId: key.apiKeyId });
  assert.ok(JSON.stringify(products).includes('prodpub001'), JSON.stringify(products));
  const product = await ncp.products.getProduct({ productId: 'prodpub001' });
  assert.equal(product.product?.productId, 'prodpub001');
});

test('the gateway refuses an unknown API key 401 "200" as an NcpApiError, and admits a subscribed one', async () => {
  const invokeUrl = `${mockUrl}/gateway/wthr7k2m4q/weather-observations/prod/now`;
  const error = await refusal(callGateway(invokeUrl, 'not-a-key-of-anyone'));
  assert.equal(error.status, 401);
  assert.equal(error.errorCode, '200');

  const key = (await ncp.apiKeys.createApiKey({ postApiKeyRequest: { apiKeyName: 'gateway-user' } })).apiKey;
  await ncp.subscriptions.subscribeApiKey({ apiKeyId: key.apiKeyId, postSubscriptionRequest: { productId: 'prodpub001' } });
  await ncp.subscriptions.setUsagePlan({ productId: 'prodpub001', apiKeyId: key.apiKeyId, stageId: 'stgobsprd1',
    putApiKeyRelationRequest: { usagePlanId: 'planunlim1' } });
  const admitted = await callGateway(invokeUrl, key.primaryKey);
  assert.equal(admitted.status, 200);
});
