/**
 * Shared pieces of the browser benchmarks: the production build served as `npm start`
 * serves it, and the system Chromium launched the way the tests launch it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium.mjs';
import { startServer } from '../serve.mjs';

export async function withServedApp(port, run) {
  const server = await startServer({ dir: 'dist', port });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS], headless: true });
  try {
    return await run({ browser, baseURL: `http://localhost:${port}` });
  } finally {
    await browser.close();
    server.close();
  }
}

/**
 * Like withServedApp, but the browser keeps its profile, IndexedDB included, on disk in a fresh
 * temporary directory, as a person's browser does. A context of withServedApp's browser keeps
 * IndexedDB in memory, like a private window, which nobody uses for an offline app's collection.
 */
export async function withServedAppOnDisk(port, run) {
  const server = await startServer({ dir: 'dist', port });
  const profile = mkdtempSync(join(tmpdir(), 'retain-bench-profile-'));
  const baseURL = `http://localhost:${port}`;
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS], headless: true, baseURL });
  try {
    return await run({ context, baseURL });
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
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
