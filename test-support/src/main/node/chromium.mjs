// Which headless Chromium a browser test launches, and with which flags: $CHROMIUM if set, else a chromium on the
// PATH, else the one npm's @sparticuz/chromium carries (unpacked to /tmp/chromium on first use), so a machine with
// Node needs no system package. The caller passes its own import of @sparticuz/chromium, resolved from its own
// node_modules. Shared by the Swagger UI test (server) and the TypeScript client's browser test (client-ts).
import { execSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

const QUIET = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Options for playwright-core's chromium.launch: executablePath and args. */
export async function browserToLaunch(importPackagedChromium) {
  const installed = process.env.CHROMIUM
    ?? execSync('command -v chromium || command -v chromium-browser || true', { shell: '/bin/sh' }).toString().trim();
  if (installed) {
    return { executablePath: installed, args: ['--no-sandbox', '--disable-gpu', ...QUIET] };
  }
  const packaged = (await importPackagedChromium()).default;
  // two browser tests may start at once (the build runs modules side by side); one unpacks, the other waits for it
  const executablePath = await holdingTheLock(() => packaged.executablePath());
  return { executablePath, args: [...packaged.args, ...QUIET] };
}

/** Runs `work` while holding a lock directory in the temp folder (mkdir is atomic); a lock older than 5 min is a dead holder's. */
async function holdingTheLock(work) {
  const lock = join(tmpdir(), 'contractkit-chromium-unpack.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(lock).mtimeMs > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      await delay(100);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
