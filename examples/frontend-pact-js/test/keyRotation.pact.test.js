// The frontend's consumer test (Pact V4): what it sends and what it needs back, for regenerate PRIMARY and
// SECONDARY, get one, list with a query, delete, and a 404. Writes pacts/ncp-apikeys-frontend-ncp-apigw-apikeys.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PactV4, MatchersV3 } from '@pact-foundation/pact';
import { keyRotation, NcpApiError } from '../src/keyRotation.js';

const { like, regex, integer, boolean, eachLike, string } = MatchersV3;
const here = path.dirname(fileURLToPath(import.meta.url));
const pact = new PactV4({ consumer: 'ncp-apikeys-frontend', provider: 'ncp-apigw-apikeys', dir: path.resolve(here, '../pacts'), logLevel: 'warn' });

// the frontend's own credentials: the provider never knows them (the mock runs with ncp.mock.contract-testing)
const credentials = { accessKey: 'FRONTENDACCESSKEY001', secretKey: 'frontend-secret-key-of-the-consumer-team' };
const KEY_ID = 'fe01key001';

const signedHeaders = {
  'x-ncp-apigw-timestamp': regex('\\d{13}', '1700000000000'),
  'x-ncp-iam-access-key': regex('[A-Za-z0-9]+', credentials.accessKey),
  'x-ncp-apigw-signature-v2': regex('[A-Za-z0-9+/]{43}=', 'Yb5Jrwz1uJ0yR6X2o1k3m0n9p8q7r6s5t4u3v2w1x0A='),
};

const apiKey = (id) => ({
  apiKeyId: string(id),
  tenantId: regex('[0-9a-f]{32}', '05984ec0570b3f36b6d19d05f7983d41'),
  apiKeyName: string('storefront'),
  apiKeyDescription: string(''),
  primaryKey: regex('[A-Za-z0-9]{40}', 'uaLjFtg4cnJ8SAbonNZqoAj8GQrSZPYR8FM2toof'),
  secondaryKey: regex('[A-Za-z0-9]{40}', 'Jw0uGg0CNRBRoGhGLgizXaxHWdYZ1KVQBxBYDmy3'),
  modifier: string('92c0adbe-c0ee-3a54-aa51-91d1950fbd4c'),
  isEnabled: boolean(true),
  modTime: regex('\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z', '2024-05-08T00:21:31Z'),
  domainCode: string('PUB'),
});

const client = (server) => keyRotation({ endpoint: `${server.url}/api/v1`, ...credentials });

// Pact's mock server records a request on a thread of its own once it has answered it, and pact-js asks for its
// records the moment the test function returns: now and then the answer is in and the record is not, and the test
// fails with "expected but not received". Each test therefore waits for the record itself (2 s at most).
const recorded = (testFn) => async (server) => {
  const value = await testFn(server);
  for (const deadline = Date.now() + 2000; !pact.pact.mockServerMatchedSuccessfully(server.port) && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return value;
};

for (const keyType of ['PRIMARY', 'SECONDARY']) {
  test(`regenerates the ${keyType} key`, async () => {
    await pact.addInteraction()
      .given('an API key exists', { apiKeyId: KEY_ID, apiKeyName: 'storefront' })
      .uponReceiving(`a request to regenerate the ${keyType} key`)
      .withRequest('PATCH', `/api/v1/api-keys/${KEY_ID}`, (request) => request
        .headers({ ...signedHeaders, 'Content-Type': regex('application/json.*', 'application/json') })
        .jsonBody({ keyType }))
      .willRespondWith(200, (response) => response.jsonBody({ apiKey: apiKey(KEY_ID) }))
      .executeTest(recorded(async (server) => {
        const value = await client(server).rotate(KEY_ID, keyType);
        assert.match(value, /^[A-Za-z0-9]{40}$/);
      }));
  });
}

test('gets one key, the bare object', async () => {
  await pact.addInteraction()
    .given('an API key exists', { apiKeyId: KEY_ID, apiKeyName: 'storefront' })
    .uponReceiving('a request for one API key')
    .withRequest('GET', `/api/v1/api-keys/${KEY_ID}`, (request) => request.headers(signedHeaders))
    .willRespondWith(200, (response) => response.jsonBody(apiKey(KEY_ID)))
    .executeTest(recorded(async (server) => {
      const key = await client(server).get(KEY_ID);
      assert.equal(key.apiKeyId, KEY_ID);
      assert.equal(typeof key.isEnabled, 'boolean');
    }));
});

test('lists keys with a query', async () => {
  await pact.addInteraction()
    .given('an API key exists', { apiKeyId: KEY_ID, apiKeyName: 'storefront' })
    .uponReceiving('a request for a page of API keys by name')
    .withRequest('GET', '/api/v1/api-keys', (request) => request
      .query({ offset: '0', limit: '10', apiKeyName: 'storefront' })
      .headers(signedHeaders))
    .willRespondWith(200, (response) => response.jsonBody({
      apiKeys: eachLike(apiKey(KEY_ID)),
      total: integer(1),
      initialCount: integer(4),
    }))
    .executeTest(recorded(async (server) => {
      const page = await client(server).list({ offset: 0, limit: 10, apiKeyName: 'storefront' });
      assert.ok(page.apiKeys.length >= 1);
      assert.equal(typeof page.total, 'number');
    }));
});

test('deletes a key', async () => {
  await pact.addInteraction()
    .given('an API key exists', { apiKeyId: KEY_ID })
    .uponReceiving('a request to delete an API key')
    .withRequest('DELETE', `/api/v1/api-keys/${KEY_ID}`, (request) => request.headers(signedHeaders))
    .willRespondWith(204)
    .executeTest(recorded(async (server) => {
      assert.equal(await client(server).delete(KEY_ID), undefined);
    }));
});

test('a key that does not exist is NCP\'s 404 "300"', async () => {
  await pact.addInteraction()
    .given('no API key exists', { apiKeyId: 'zzzzzzzzzz' })
    .uponReceiving('a request for a key that does not exist')
    .withRequest('GET', '/api/v1/api-keys/zzzzzzzzzz', (request) => request.headers(signedHeaders))
    .willRespondWith(404, (response) => response
      .headers({ 'Content-Type': regex('application/json.*', 'application/json') })
      .jsonBody({ error: { errorCode: '300', message: 'Not Found Exception', details: like("API key 'zzzzzzzzzz' was not found.") } }))
    .executeTest(recorded(async (server) => {
      await assert.rejects(client(server).get('zzzzzzzzzz'), (error) => error instanceof NcpApiError && error.status === 404 && error.errorCode === '300');
    }));
});
