/**
 * Shared pieces of the browser benchmarks: the production build served as `npm start`
 * serves it, and the system Chromium launched the way the tests launch it.
 */
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

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
