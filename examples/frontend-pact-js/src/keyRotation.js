// @ts-check
// A frontend's code for its NCP API keys, on the client generated from the contract (@contractkit/ncp-apigw-client):
// signing, paths, fields and NCP's errors come from the package; what is written here is the team's own logic.
// `npm run typecheck` checks this file against the package's types, so a field the contract drops or renames is a
// compile error here, not a silent undefined at run time.
import { createNcpClient, NcpApiError } from '@contractkit/ncp-apigw-client';

export { NcpApiError };

/**
 * @param {{ endpoint: string, accessKey: string, secretKey: string }} options endpoint: up to and including /api/v1
 */
export function keyRotation(options) {
  const ncp = createNcpClient(options);
  return {
    /**
     * Regenerates one key value and answers it.
     * @param {string} apiKeyId
     * @param {'PRIMARY' | 'SECONDARY'} keyType
     * @returns {Promise<string>}
     */
    async rotate(apiKeyId, keyType) {
      const { apiKey } = await ncp.apiKeys.regenerateApiKey({ apiKeyId, patchApiKeyRequest: { keyType } });
      const value = keyType === 'PRIMARY' ? apiKey?.primaryKey : apiKey?.secondaryKey;
      if (!value) {
        throw new Error(`NCP answered no ${keyType} key for ${apiKeyId}`);
      }
      return value;
    },
    /** @param {string} apiKeyId */
    get: (apiKeyId) => ncp.apiKeys.getApiKey({ apiKeyId }),
    /** @param {{ offset?: number, limit?: number, apiKeyName?: string }} [query] */
    list: (query = {}) => ncp.apiKeys.listApiKeys(query),
    /** @param {string} apiKeyId */
    delete: (apiKeyId) => ncp.apiKeys.deleteApiKey({ apiKeyId }),
  };
}
