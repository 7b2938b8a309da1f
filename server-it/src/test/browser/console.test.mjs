// The mock's console as a tester meets it, in a real headless Chromium: it opens live, a key regenerated from the
// page shows its new value's last four characters and its journal entry without a reload, a subscription requested
// elsewhere shows up and is approved from the page, and gateway calls made elsewhere make the chart's count rise. MOCK_URL: the running mock (one, or nginx over replicas);
// ADMIN_TOKEN: its admin token, if it has one (given as the browser's Basic password); SCREENSHOT: where to save the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { chromium } from 'playwright-core';
import { browserToLaunch } from '../../../../test-support/src/main/node/chromium.mjs';

const mockUrl = process.env.MOCK_URL;
const token = process.env.ADMIN_TOKEN;
const ACCESS_KEY = process.env.ACCESS_KEY ?? 'MOCKACCESSKEY0000001';
const SECRET_KEY = process.env.SECRET_KEY ?? 'MOCKSECRETKEY000000000000000000000000001';
const WEATHER_NOW = '/gateway/wthr7k2m4q/weather-observations/prod/now';
let browser;
let page;

// a management API call signed the NCP way, from outside the page
async function signed(method, path, body, expected = 200) {
  const timestamp = String(Date.now());
  const signature = createHmac('sha256', SECRET_KEY).update(`${method} ${path}\n${timestamp}\n${ACCESS_KEY}`).digest('base64');
  const answer = await fetch(mockUrl + path, { method, headers: { 'x-ncp-apigw-timestamp': timestamp,
    'x-ncp-iam-access-key': ACCESS_KEY, 'x-ncp-apigw-signature-v2': signature,
    ...(body ? { 'Content-Type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const text = await answer.text();
  assert.equal(answer.status, expected, `${method} ${path}: ${text}`);
  return text ? JSON.parse(text) : null;
}

function textOf(selector) {
  return page.locator(selector).first().textContent();
}

async function until(description, predicate, arg) {
  try {
    await page.waitForFunction(predicate, arg, { timeout: 15000, polling: 100 });
  } catch (error) {
    throw new Error(`${description}: ${error.message}`);
  }
}

before(async () => {
  assert.ok(mockUrl, 'MOCK_URL is set');
  browser = await chromium.launch({ headless: true, ...(await browserToLaunch(() => import('@sparticuz/chromium'))) });
  const context = await browser.newContext({ viewport: { width: 1440, height: 1100 },
    ...(token ? { httpCredentials: { username: 'console', password: token } } : {}) });
  page = await context.newPage();
  page.on('pageerror', (error) => { throw error; });
  await page.goto(`${mockUrl}/mock/console`, { waitUntil: 'domcontentloaded' });
  await until('the console is live', () => document.getElementById('connection').textContent === 'live');
  await page.evaluate(() => { window.notReloaded = true; });
});

after(async () => {
  await browser?.close();
});

test('a key regenerated from the page shows its new last four characters and its journal entry, with no reload', async () => {
  const row = 'tr[data-key-id="seedweb001"]';
  await page.locator(row).waitFor();
  const clicked = new Date().toISOString();
  const [answer] = await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/api/v1/api-keys/seedweb001') && response.request().method() === 'PATCH'),
    page.locator(`${row} button[data-action="regenerate-primary"]`).click(),
  ]);
  assert.equal(answer.status(), 200);
  const fresh = (await answer.json()).apiKey.primaryKey;
  assert.match(fresh, /^[A-Za-z0-9]{40}$/);
  await until('the new value, masked, in the row', ([selector, shown]) =>
    document.querySelector(`${selector} code[data-field="primary"]`)?.textContent === shown, [row, `*****${fresh.slice(-4)}`]);
  assert.doesNotMatch(await page.content(), new RegExp(fresh), 'the whole value is never on the page');
  await until('the journal entry, newest first', ([since]) => {
    const newest = document.querySelector('#journal tbody tr');
    return newest && newest.dataset.path === '/api/v1/api-keys/seedweb001' && newest.textContent.includes('PATCH')
      && newest.textContent.includes('200') && newest.firstChild.textContent.replace(' ', 'T') >= since.slice(0, 19);
  }, [clicked]);
  assert.equal(await page.evaluate(() => window.notReloaded), true, 'the page was not reloaded');
});

test('a subscription requested elsewhere appears, and is approved from the page', async () => {
  const key = (await signed('POST', '/api/v1/api-keys', { apiKeyName: 'console-approval' }, 201)).apiKey.apiKeyId;
  await signed('POST', `/api/v1/api-keys/${key}/subscribe`, { productId: 'prodprt002' });
  const row = `tr[data-subscription="${key}/prodprt002"]`;
  await until('the requested subscription', ([selector]) => document.querySelector(`${selector} .pill`)?.textContent === 'REQUEST', [row]);
  const [answer] = await Promise.all([
    page.waitForResponse((response) => response.url().endsWith(`/api/v1/products/prodprt002/api-keys/${key}`) && response.request().method() === 'PATCH'),
    page.locator(`${row} button[data-action="approve"]`).click(),
  ]);
  assert.equal(answer.status(), 204);
  await until('the subscription accepted', ([selector]) => document.querySelector(`${selector} .pill`)?.textContent === 'ACCEPTED', [row]);
  assert.equal(await page.evaluate(() => window.notReloaded), true, 'the page was not reloaded');
});

test('gateway calls make the chart count rise', async () => {
  const key = (await signed('GET', '/api/v1/api-keys/seedmob002')).primaryKey;
  await page.selectOption('#usage-subject', 'KEY:seedmob002');
  const before = Number((await textOf('#admitted-total')).replace(/\D/g, ''));
  for (let i = 0; i < 5; i++) {
    const answer = await fetch(mockUrl + WEATHER_NOW, { headers: { 'x-ncp-apigw-api-key': key } });
    assert.equal(answer.status, 200);
  }
  await until('five more admitted calls in the chart', ([expected]) =>
    document.getElementById('admitted-total').textContent === `admitted ${expected}`
      && document.querySelector('#chart svg').dataset.admitted === String(expected), [before + 5]);
  assert.equal(await page.evaluate(() => window.notReloaded), true, 'the page was not reloaded');
  if (process.env.SCREENSHOT) {
    await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true });
  }
});
