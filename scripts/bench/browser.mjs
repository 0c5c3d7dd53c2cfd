/**
 * Shared pieces of the browser benchmarks: the production build served as `npm start`
 * serves it, and the system Chromium launched the way the tests launch it.
 */
import { execSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { startServer } from '../serve.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return execSync('command -v chromium || command -v chromium-browser', { encoding: 'utf8', shell: '/bin/sh' }).trim();
}

export function chromiumVersion() {
  try {
    return execSync(`${chromiumPath()} --version`, { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown Chromium';
  }
}

export async function withServedApp(port, run) {
  const server = await startServer({ dir: 'dist', port });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  try {
    return await run({ browser, baseURL: `http://localhost:${port}` });
  } finally {
    await browser.close();
    server.close();
  }
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
