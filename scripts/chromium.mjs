/**
 * The one place that says which Chromium runs the browser tests and benchmarks and with which
 * flags: Debian's system Chromium (found on the PATH, or CHROMIUM_PATH; browsers are never
 * downloaded here). playwright.config.ts and the benchmark scripts both import it, so a test
 * and a benchmark always see the same browser.
 */
import { execSync } from 'node:child_process';

export const CHROMIUM_ARGS = [
  // CI runs as root in a container, where Chromium's sandbox cannot start.
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // No background traffic or updates to disturb timings or to reach the network.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync('command -v chromium || command -v chromium-browser', { encoding: 'utf8', shell: '/bin/sh' }).trim();
  } catch {
    throw new Error('Chromium was not found on the PATH. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.');
  }
}

/** e.g. "Chromium 156.0.8078.108 built on Debian GNU/Linux 12 (bookworm)", for benchmark reports. */
export function chromiumVersion() {
  try {
    return execSync(`"${chromiumPath()}" --version`, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown Chromium';
  }
}
