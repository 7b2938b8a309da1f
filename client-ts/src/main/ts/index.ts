// The hand-written part of @contractkit/ncp-apigw-client: NCP's signature as a fetch middleware (Web Crypto, no
// dependency: browsers and Node 20+), NCP's error envelope as NcpApiError, createNcpClient, and the gateway helper.
// Everything else (the APIs, the models, their JSON mapping) is generated from the contract into ./generated.
import { ApiKeysApi, ProductsApi, SubscriptionsApi } from './generated/apis/index.js';
import { Configuration, type FetchAPI, type HTTPHeaders, type Middleware } from './generated/runtime.js';

export * from './generated/apis/index.js';
export * from './generated/models/index.js';
export { Configuration, FetchError, RequiredError, ResponseError } from './generated/runtime.js';
export type { Middleware, RequestContext, ResponseContext } from './generated/runtime.js';

/** NCP's API Gateway management API, public region (the spec's first server). */
export const NCP_ENDPOINT = 'https://apigateway.apigw.ntruss.com/api/v1';

export const TIMESTAMP_HEADER = 'x-ncp-apigw-timestamp';
export const ACCESS_KEY_HEADER = 'x-ncp-iam-access-key';
export const SIGNATURE_HEADER = 'x-ncp-apigw-signature-v2';
export const GATEWAY_KEY_HEADER = 'x-ncp-apigw-api-key';

/** NCP's error envelope: `{"error": {"errorCode", "message", "details"}}`. */
export interface NcpErrorEnvelope {
  error?: { errorCode?: string; message?: string; details?: string };
}

/** A non-2xx answer of NCP (or of the mock, or of a gateway): its status and NCP's error code, message and details. */
export class NcpApiError extends Error {
  override readonly name = 'NcpApiError';

  constructor(
    /** The HTTP status. */
    readonly status: number,
    /** NCP's error code, for example "300" (not found) or "200" (authentication failed); empty when the body had none. */
    readonly errorCode: string,
    /** NCP's message, for example "Not Found Exception". */
    readonly errorMessage: string,
    /** What exactly went wrong. */
    readonly details: string,
    /** The answer's body as text, whatever it was. */
    readonly body: string,
  ) {
    super(`HTTP ${status}${errorCode ? ` ${errorCode}` : ''}${errorMessage ? ` ${errorMessage}` : ''}${details ? `: ${details}` : ''}`);
  }

  /** Reads a failed answer (its body once) into an NcpApiError; a body that is not NCP's envelope leaves the fields empty. */
  static async from(response: Response): Promise<NcpApiError> {
    const body = await response.text();
    let envelope: NcpErrorEnvelope = {};
    try {
      const parsed: unknown = body ? JSON.parse(body) : {};
      if (parsed !== null && typeof parsed === 'object') {
        envelope = parsed as NcpErrorEnvelope;
      }
    } catch {
      // not JSON: an answer of something in between (a proxy, a load balancer); the status says what there is
    }
    const error = envelope.error ?? {};
    return new NcpApiError(response.status, error.errorCode ?? '', error.message ?? '', error.details ?? '', body);
  }
}

export interface NcpCredentials {
  accessKey: string;
  secretKey: string;
}

const encoder = new TextEncoder();

/**
 * NCP's signature v2: Base64(HMAC-SHA256(secretKey, METHOD + " " + PATH_AND_QUERY + "\n" + TIMESTAMP + "\n" + ACCESS_KEY)),
 * where PATH_AND_QUERY is exactly what goes on the wire, from the first "/" of the path.
 */
export async function signature(credentials: NcpCredentials, method: string, pathAndQuery: string, timestamp: string): Promise<string> {
  const key = await globalThis.crypto.subtle.importKey('raw', encoder.encode(credentials.secretKey), { name: 'HMAC', hash: 'SHA-256' },
    false, ['sign']);
  const signed = new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key,
    encoder.encode(`${method.toUpperCase()} ${pathAndQuery}\n${timestamp}\n${credentials.accessKey}`)));
  let binary = '';
  for (const byte of signed) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary);
}

/** Signs every request of a generated API: the three NCP headers, over the method, path and query as sent. */
export function signingMiddleware(credentials: NcpCredentials, now: () => number = Date.now): Middleware {
  return {
    async pre({ url, init }) {
      const method = (init.method ?? 'GET').toUpperCase();
      const sent = new URL(url);
      const timestamp = String(now());
      const headers: HTTPHeaders = { ...(init.headers as HTTPHeaders | undefined) };
      headers[TIMESTAMP_HEADER] = timestamp;
      headers[ACCESS_KEY_HEADER] = credentials.accessKey;
      headers[SIGNATURE_HEADER] = await signature(credentials, method, sent.pathname + sent.search, timestamp);
      return { url, init: { ...init, headers } };
    },
  };
}

/** Turns every non-2xx answer into an NcpApiError before the generated code sees it. */
export const errorMiddleware: Middleware = {
  async post({ response }) {
    if (!response.ok) {
      throw await NcpApiError.from(response);
    }
    return response;
  },
};

export interface NcpClientOptions extends NcpCredentials {
  /** The API's base URL, up to and including /api/v1: http://localhost:8080/api/v1 for the mock; NCP's by default. */
  endpoint?: string;
  /** A fetch of your own (tests, a proxy agent); the global one by default. */
  fetch?: FetchAPI;
  /** Epoch milliseconds for the timestamp header (tests); Date.now by default. */
  now?: () => number;
}

export interface NcpClient {
  apiKeys: ApiKeysApi;
  subscriptions: SubscriptionsApi;
  products: ProductsApi;
}

/** The three generated APIs, signed with these credentials, their failures thrown as NcpApiError. */
export function createNcpClient(options: NcpClientOptions): NcpClient {
  const configuration = new Configuration({
    basePath: (options.endpoint ?? NCP_ENDPOINT).replace(/\/+$/, ''),
    fetchApi: options.fetch,
    middleware: [signingMiddleware(options, options.now), errorMiddleware],
  });
  return {
    apiKeys: new ApiKeysApi(configuration),
    subscriptions: new SubscriptionsApi(configuration),
    products: new ProductsApi(configuration),
  };
}

export interface GatewayCall {
  /** GET by default. */
  method?: string;
  headers?: Record<string, string>;
  body?: BodyInit;
  fetch?: FetchAPI;
}

/**
 * Calls an API published through API Gateway with an API key: {@code invokeUrl} is the stage's invoke URL and path
 * (https://{invokeId}.apigw.ntruss.com/{api}/{stage}/..., or the mock's http://localhost:8080/gateway/{invokeId}/{api}/{stage}/...).
 * A refusal (401 "200" for an unknown key, 403, 429 for a quota or rate) is thrown as NcpApiError; any 2xx is returned.
 */
export async function callGateway(invokeUrl: string, apiKey: string, call: GatewayCall = {}): Promise<Response> {
  const response = await (call.fetch ?? globalThis.fetch)(invokeUrl, {
    method: call.method ?? 'GET',
    headers: { ...call.headers, [GATEWAY_KEY_HEADER]: apiKey },
    body: call.body,
  });
  if (!response.ok) {
    throw await NcpApiError.from(response);
  }
  return response;
}
