// The mock's Swagger UI as a frontend developer meets it, in a real headless Chromium, with the mock's
// defaults: signatures on. "Try it out" on regenerate and on list must reach this mock (not NCP), be signed
// in the browser, and answer 200. MOCK_URL: the running mock; SCREENSHOT: where to save the page.
// The browser: test-support/src/main/node/chromium.mjs picks it ($CHROMIUM, the PATH, or npm's @sparticuz/chromium),
// so a machine with Node needs no system package.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { browserToLaunch } from '../../../../test-support/src/main/node/chromium.mjs';

const mockUrl = process.env.MOCK_URL;
let browser;
let page;
const apiCalls = [];

before(async () => {
  assert.ok(mockUrl, 'MOCK_URL is set');
  browser = await chromium.launch({ headless: true, ...(await browserToLaunch(() => import('@sparticuz/chromium'))) });
  page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/')) {
      apiCalls.push({ url: request.url(), headers: request.headers() });
    }
  });
  await page.goto(`${mockUrl}/q/swagger-ui/`, { waitUntil: 'networkidle' });
});

after(async () => {
  await browser?.close();
});

async function tryItOut(operationId, fill) {
  const block = page.locator(`#operations-ApiKeys-${operationId}`);
  await block.locator('.opblock-summary').first().click();
  await block.getByRole('button', { name: 'Try it out' }).click();
  await fill(block);
  await block.getByRole('button', { name: 'Execute' }).click();
  const status = block.locator('.live-responses-table .response .response-col_status').first();
  await status.waitFor({ timeout: 15000 });
  return { block, status: (await status.innerText()).trim() };
}

test('the default server is this mock, not NCP', async () => {
  const selected = await page.locator('.servers select').inputValue();
  assert.equal(selected, '/api/v1');
});

test('"Try it out" on regenerate answers 200 with a new key, signed in the browser', async () => {
  const before = await (await fetch(`${mockUrl}/mock/swagger-ui/signing`)).json();
  assert.equal(before.enabled, true);
  const { block, status } = await tryItOut('regenerateApiKey', async (operation) => {
    await operation.locator('tr[data-param-name="api-key-id"] input').fill('seedweb001');
    await operation.locator('.body-param textarea').fill('{"keyType": "PRIMARY"}');
  });
  const body = await block.locator('.live-responses-table .response-col_description .microlight').first().innerText();
  assert.equal(status, '200', body);
  const answer = JSON.parse(body);
  assert.equal(answer.apiKey.apiKeyId, 'seedweb001');
  assert.match(answer.apiKey.primaryKey, /^[A-Za-z0-9]{40}$/);
  const call = apiCalls.find((c) => c.url.endsWith('/api/v1/api-keys/seedweb001'));
  assert.ok(call, 'the browser called this mock');
  assert.ok(call.url.startsWith(mockUrl), call.url);
  assert.match(call.headers['x-ncp-apigw-signature-v2'], /^[A-Za-z0-9+/]{43}=$/);
  if (process.env.SCREENSHOT) {
    // from the operation's header down to the live answer of the mock
    // (bounding boxes are relative to the viewport; a full-page clip is in page coordinates)
    const top = await block.boundingBox();
    const answerBox = await block.locator('.live-responses-table').first().boundingBox();
    const scrollY = await page.evaluate(() => window.scrollY);
    await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true,
      clip: { x: top.x, y: top.y + scrollY, width: top.width, height: answerBox.y + answerBox.height - top.y + 8 } });
  }
});

test('"Try it out" on list with offset and limit answers 200, the query signed as sent', async () => {
  const { block, status } = await tryItOut('listApiKeys', async (operation) => {
    await operation.locator('tr[data-param-name="offset"] input').fill('1');
    await operation.locator('tr[data-param-name="limit"] input').fill('2');
    // Swagger UI fills in the spec's example name filter: leave it out
    await operation.locator('tr[data-param-name="apiKeyName"] input').fill('');
  });
  const body = await block.locator('.live-responses-table .response-col_description .microlight').first().innerText();
  assert.equal(status, '200', body);
  const page2 = JSON.parse(body);
  assert.equal(page2.apiKeys.length, 2);
  assert.ok(apiCalls.some((c) => /\/api\/v1\/api-keys\?offset=1&limit=2$/.test(c.url)), JSON.stringify(apiCalls.map((c) => c.url)));
});
