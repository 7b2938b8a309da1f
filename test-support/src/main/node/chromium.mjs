// Which headless Chromium a browser test launches, and with which flags: $CHROMIUM if set, else a chromium on the
// PATH, else the one npm's @sparticuz/chromium carries (unpacked to /tmp/chromium on first use), so a machine with
// Node needs no system package. The caller passes its own import of @sparticuz/chromium, resolved from its own
// node_modules. Shared by the Swagger UI test (server) and the TypeScript client's browser test (client-ts).
import { execSync } from 'node:child_process';

const QUIET = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Options for playwright-core's chromium.launch: executablePath and args. */
export async function browserToLaunch(importPackagedChromium) {
  const installed = process.env.CHROMIUM
    ?? execSync('command -v chromium || command -v chromium-browser || true', { shell: '/bin/sh' }).toString().trim();
  if (installed) {
    return { executablePath: installed, args: ['--no-sandbox', '--disable-gpu', ...QUIET] };
  }
  const packaged = (await importPackagedChromium()).default;
  return { executablePath: await packaged.executablePath(), args: [...packaged.args, ...QUIET] };
}
