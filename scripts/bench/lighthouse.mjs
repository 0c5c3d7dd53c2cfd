/**
 * Lighthouse's mobile performance score for the production build (issue #8: ≥ 95), measured
 * with lighthouse 12.2.3 fetched by npx (a tool, not a dependency of the app) driving the
 * system Chromium. chrome-launcher gives every run a fresh temporary profile, so each run is a
 * first visit: nothing cached, no service worker yet.
 *
 *   npm run build && node scripts/bench/lighthouse.mjs [--port 4246] [--runs 5]
 *
 * Prints each run, the medians, and a final `BENCH_JSON {...}` line for scripts/bench.mjs.
 * Exits 1 when lighthouse cannot be fetched or no run produced a score.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath } from '../chromium.mjs';
import { startServer } from '../serve.mjs';
import { median } from './browser.mjs';
import { runInGroup } from './run-sub.mjs';

const LIGHTHOUSE = 'lighthouse@12.2.3';
const FETCH_TIMEOUT_MS = 180_000;
const RUN_TIMEOUT_MS = 180_000;

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
}

const PORT = option('port', 4246);
const RUNS = option('runs', 5);

/** Runs npx quietly; resolves to its exit status and what it printed. */
async function npx(args, timeoutMs) {
  const lines = [];
  const run = await runInGroup('npx', ['-y', ...args], {
    timeoutMs,
    env: { ...process.env, CHROME_PATH: chromiumPath() },
    onLine: (line) => lines.push(line),
    stderrLines: true,
  });
  return { ok: run.code === 0, timedOut: run.timedOut, output: lines.join('\n').trim() };
}

/** One Lighthouse run; its report's figures, or `{ error }`. */
async function audit(url) {
  const dir = mkdtempSync(join(tmpdir(), 'retain-lighthouse-'));
  const report = join(dir, 'report.json');
  try {
    const run = await npx([
      LIGHTHOUSE, url, '--only-categories=performance', '--form-factor=mobile', '--output=json', `--output-path=${report}`,
      '--chrome-flags=--headless=new --no-sandbox', '--quiet',
    ], RUN_TIMEOUT_MS);
    if (!run.ok) return { error: run.timedOut ? `timed out after ${RUN_TIMEOUT_MS / 1000} s` : run.output || 'lighthouse failed' };
    const lhr = JSON.parse(readFileSync(report, 'utf8'));
    const score = lhr.categories?.performance?.score;
    if (lhr.runtimeError || typeof score !== 'number') return { error: lhr.runtimeError?.message ?? 'no performance score' };
    const value = (id) => lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      score: score * 100,
      fcpMs: value('first-contentful-paint'),
      lcpMs: value('largest-contentful-paint'),
      tbtMs: value('total-blocking-time'),
      cls: value('cumulative-layout-shift'),
      // Lighthouse's own measure of this machine's CPU; a slow or busy machine lowers the score.
      cpuIndex: lhr.environment?.benchmarkIndex ?? Number.NaN,
      warnings: lhr.runWarnings ?? [],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const fetched = await npx([LIGHTHOUSE, '--version'], FETCH_TIMEOUT_MS);
  if (!fetched.ok) {
    const why = fetched.timedOut ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s` : fetched.output.split('\n').filter((l) => !l.includes('complete log')).slice(-2).join(' ');
    console.log(`LIGHTHOUSE NOT RUN: npx could not fetch ${LIGHTHOUSE} (${why}).`);
    return 1;
  }
  const server = await startServer({ dir: 'dist', port: PORT });
  const runs = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const result = await audit(`http://localhost:${PORT}/`);
      runs.push(result);
      if (result.error) console.log(`run ${i + 1}: failed: ${result.error}`);
      else console.log(`run ${i + 1}: score ${result.score.toFixed(0)}; FCP ${result.fcpMs.toFixed(0)} ms, LCP ${result.lcpMs.toFixed(0)} ms, TBT ${result.tbtMs.toFixed(0)} ms, CLS ${result.cls.toFixed(3)}; CPU index ${result.cpuIndex.toFixed(0)}${result.warnings.length ? `; warnings: ${result.warnings.join(' | ')}` : ''}`);
    }
  } finally {
    server.close();
  }
  const scored = runs.filter((r) => !r.error);
  if (scored.length === 0) return 1;
  const mid = (key) => median(scored.map((r) => r[key]));
  const summary = { runs: RUNS, failedRuns: RUNS - scored.length, score: mid('score'), fcpMs: mid('fcpMs'), lcpMs: mid('lcpMs'), tbtMs: mid('tbtMs'), cls: mid('cls'), cpuIndex: mid('cpuIndex'), scores: scored.map((r) => r.score) };
  console.log(`${LIGHTHOUSE}, mobile, median of ${scored.length}: score ${summary.score.toFixed(0)}; FCP ${summary.fcpMs.toFixed(0)} ms, LCP ${summary.lcpMs.toFixed(0)} ms, TBT ${summary.tbtMs.toFixed(0)} ms, CLS ${summary.cls.toFixed(3)}; CPU index ${summary.cpuIndex.toFixed(0)}`);
  console.log(`BENCH_JSON ${JSON.stringify(summary)}`);
  return 0;
}

process.exitCode = await main();
