// The built ES module in a real headless Chromium, as a frontend loads it: a page of its own origin imports
// dist/index.js, rotates a key at the mock (MOCK_URL; a cross-origin call, signed in the browser with Web Crypto)
// and reads an unknown key's refusal as NcpApiError. DIST: the built package's dist folder.
// The browser: test-support/src/main/node/chromium.mjs picks it ($CHROMIUM, the PATH, or npm's @sparticuz/chromium).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { browserToLaunch } from '../../../../test-support/src/main/node/chromium.mjs';

const mockUrl = process.env.MOCK_URL;
const dist = process.env.DIST;

/** The frontend's own origin: an empty page, and the package's dist under /client/. */
const site = createServer(async (request, response) => {
  const path = new URL(request.url, 'http://localhost').pathname;
  if (path === '/') {
    response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>frontend</title><p>frontend</p>');
    return;
  }
  const file = normalize(path.replace(/^\/client\//, '/'));
  try {
    const body = await readFile(join(dist, file));
    response.writeHead(200, { 'Content-Type': file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream' }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});

let browser;
let page;
const signedCalls = [];

before(async () => {
  assert.ok(mockUrl && dist, 'MOCK_URL and DIST are set');
  await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
  browser = await chromium.launch({ headless: true, ...(await browserToLaunch(() => import('@sparticuz/chromium'))) });
  page = await browser.newPage();
  page.on('request', (request) => {
    if (request.url().startsWith(`${mockUrl}/api/v1/`) && request.method() !== 'OPTIONS') {
      signedCalls.push(request.headers());
    }
  });
  await page.goto(`http://127.0.0.1:${site.address().port}/`);
});

after(async () => {
  await browser?.close();
  site.close();
});

test('the page imports the ES module and rotates a key at the mock, signed in the browser', async () => {
  const result = await page.evaluate(async (endpoint) => {
    const { createNcpClient } = await import('/client/index.js');
    const ncp = createNcpClient({ endpoint, accessKey: 'MOCKACCESSKEY0000001', secretKey: 'MOCKSECRETKEY000000000000000000000000001' });
    const before = await ncp.apiKeys.getApiKey({ apiKeyId: 'seedweb001' });
    const after = (await ncp.apiKeys.regenerateApiKey({ apiKeyId: 'seedweb001', patchApiKeyRequest: { keyType: 'SECONDARY' } })).apiKey;
    return { before: [before.primaryKey, before.secondaryKey], after: [after.primaryKey, after.secondaryKey], modTimeIsDate: after.modTime instanceof Date };
  }, `${mockUrl}/api/v1`);
  assert.equal(result.after[0], result.before[0], 'the primary key is kept');
  assert.notEqual(result.after[1], result.before[1], 'the secondary key is new');
  assert.ok(result.modTimeIsDate);
  assert.ok(signedCalls.length >= 2);
  for (const headers of signedCalls) {
    assert.equal(headers['x-ncp-iam-access-key'], 'MOCKACCESSKEY0000001');
    assert.match(headers['x-ncp-apigw-signature-v2'], /^[A-Za-z0-9+/]{43}=$/);
  }
});

test('an unknown key comes back as NcpApiError with NCP\'s code, in the browser too', async () => {
  const refusal = await page.evaluate(async (endpoint) => {
    const { createNcpClient, NcpApiError } = await import('/client/index.js');
    const ncp = createNcpClient({ endpoint, accessKey: 'MOCKACCESSKEY0000001', secretKey: 'MOCKSECRETKEY000000000000000000000000001' });
    try {
      await ncp.apiKeys.getApiKey({ apiKeyId: 'nosuchkey1' });
      return null;
    } catch (error) {
      return { isNcpApiError: error instanceof NcpApiError, status: error.status, errorCode: error.errorCode };
    }
  }, `${mockUrl}/api/v1`);
  assert.deepEqual(refusal, { isNcpApiError: true, status: 404, errorCode: '300' });
});
