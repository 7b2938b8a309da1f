// A frontend's client of NCP API Gateway's API-key API (or of this project's mock), with nothing but
// fetch and Web Crypto: it runs in a browser and in Node 20+. Every call is signed the NCP way:
//   stringToSign = METHOD + " " + PATH_AND_QUERY + "\n" + TIMESTAMP + "\n" + ACCESS_KEY
//   x-ncp-apigw-signature-v2 = Base64(HMAC-SHA256(secretKey, stringToSign))

/** NCP's error envelope {"error": {"errorCode", "message", "details"}} as an Error. */
export class NcpApiError extends Error {
  constructor(status, envelope) {
    const error = envelope?.error ?? {};
    super(`HTTP ${status} ${error.errorCode ?? ''} ${error.message ?? ''}: ${error.details ?? ''}`.trim());
    this.status = status;
    this.errorCode = error.errorCode;
    this.ncpMessage = error.message;
    this.details = error.details;
  }
}

const encoder = new TextEncoder();

async function sign(secretKey, stringToSign) {
  const key = await globalThis.crypto.subtle.importKey('raw', encoder.encode(secretKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, encoder.encode(stringToSign)));
  let binary = '';
  signature.forEach((byte) => { binary += String.fromCharCode(byte); });
  return btoa(binary);
}

/**
 * @param {object} options
 * @param {string} options.baseUrl   up to and including /api/v1, e.g. http://localhost:8080/api/v1
 * @param {string} options.accessKey
 * @param {string} options.secretKey
 * @param {() => number} [options.now] epoch milliseconds (for tests)
 */
export function ncpApiKeys({ baseUrl, accessKey, secretKey, now = () => Date.now(), fetchImpl = globalThis.fetch }) {
  async function call(method, path, body) {
    const url = new URL(baseUrl.replace(/\/$/, '') + path);
    const pathAndQuery = url.pathname + url.search; // exactly what goes on the wire
    const timestamp = String(now());
    const headers = {
      'x-ncp-apigw-timestamp': timestamp,
      'x-ncp-iam-access-key': accessKey,
      'x-ncp-apigw-signature-v2': await sign(secretKey, `${method} ${pathAndQuery}\n${timestamp}\n${accessKey}`),
    };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetchImpl(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const json = text ? JSON.parse(text) : undefined;
    if (!response.ok) {
      throw new NcpApiError(response.status, json);
    }
    return json;
  }

  const id = (apiKeyId) => encodeURIComponent(apiKeyId);
  return {
    /** Regenerates the PRIMARY or SECONDARY key value: {apiKey: {...}} with the new value. */
    regenerate: (apiKeyId, keyType) => call('PATCH', `/api-keys/${id(apiKeyId)}`, { keyType }),
    /** One key, the bare object. */
    get: (apiKeyId) => call('GET', `/api-keys/${id(apiKeyId)}`),
    /** A page of keys: {apiKeys, total, initialCount}. */
    list: ({ offset, limit, apiKeyName } = {}) => {
      const query = new URLSearchParams();
      if (offset !== undefined) query.set('offset', String(offset));
      if (limit !== undefined) query.set('limit', String(limit));
      if (apiKeyName !== undefined) query.set('apiKeyName', apiKeyName);
      const text = query.toString();
      return call('GET', `/api-keys${text ? `?${text}` : ''}`);
    },
    create: (apiKeyName, apiKeyDescription) => call('POST', '/api-keys', { apiKeyName, apiKeyDescription }),
    update: (apiKeyId, { apiKeyName, apiKeyDescription, isEnabled }) => call('PUT', `/api-keys/${id(apiKeyId)}`, { apiKeyName, apiKeyDescription, isEnabled }),
    delete: (apiKeyId) => call('DELETE', `/api-keys/${id(apiKeyId)}`),
  };
}
