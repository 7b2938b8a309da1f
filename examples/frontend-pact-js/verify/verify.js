// Pact's own verifier (the Rust core, through pact-js; no JVM) against a running mock, with nothing but the
// provider-state change URL. Start the mock with NCP_MOCK_CONTRACT_TESTING=true first.
//   node verify/verify.js http://localhost:8080 pacts/ncp-apikeys-frontend-ncp-apigw-apikeys.json [more pact files]
import path from 'node:path';
import { Verifier } from '@pact-foundation/pact';

const [providerBaseUrl, ...pactFiles] = process.argv.slice(2);
if (!providerBaseUrl || pactFiles.length === 0) {
  console.error('usage: node verify/verify.js <mock base URL> <pact file> [pact file ...]');
  process.exit(2);
}

try {
  await new Verifier({
    provider: 'ncp-apigw-apikeys',
    providerBaseUrl,
    pactUrls: pactFiles.map((file) => path.resolve(file)),
    providerStatesSetupUrl: `${providerBaseUrl}/mock/provider-states`,
    logLevel: process.env.PACT_LOG_LEVEL ?? 'warn',
  }).verifyProvider();
  console.log(`verified ${pactFiles.length} pact(s) against ${providerBaseUrl}`);
} catch (failure) {
  console.error(`verification failed: ${failure.message ?? failure}`);
  process.exit(1);
}
