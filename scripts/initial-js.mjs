/**
 * The JavaScript a first visit downloads before the app can paint: the entry module of
 * dist/index.html and every module it preloads, each measured gzipped (level 9, as a static
 * host would serve it). Shared by the size budget check (npm test) and the benchmarks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const INITIAL_JS_BUDGET_BYTES = 160 * 1024;
/** Code that must never be in the initial download: statistics charts and the optimiser. */
export const LAZY_ONLY_MARKERS = ['uPlot', 'fsrs_browser', 'computeParameters'];

export function initialJavaScript(dir = 'dist') {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = new Set();
  for (const match of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) files.add(match[1]);
  for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) files.add(match[1]);
  const entries = [...files].map((file) => {
    const source = readFileSync(join(dir, file.replace(/^\//, '')));
    return { file, bytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length, source: source.toString('utf8') };
  });
  return {
    files: entries.map(({ file, bytes, gzipBytes }) => ({ file, bytes, gzipBytes })),
    gzipBytes: entries.reduce((sum, e) => sum + e.gzipBytes, 0),
    lazyCodeFound: LAZY_ONLY_MARKERS.filter((marker) => entries.some((e) => e.source.includes(marker))),
  };
}
