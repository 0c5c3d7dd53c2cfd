/**
 * `npm run bench`: measures the production build at heavy-user scale against the targets,
 * next to the raw platform in the same run, prints one table and writes BENCHMARKS.md.
 *
 *   npm run bench            full run (50,000-card text; 100,000 cards + 1,000,000 review rows)
 *   npm run bench -- --smoke small sizes, a minute or two: proves every benchmark still runs
 *
 * Each figure is a median of several runs. A figure that misses its target is shown as a miss.
 * Sub-benchmarks run as child processes and report one `BENCH_JSON {...}` line each.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem, loadavg } from 'node:os';
import { INITIAL_JS_BUDGET_BYTES, initialJavaScript } from './initial-js.mjs';
import { chromiumVersion } from './chromium.mjs';

const smoke = process.argv.includes('--smoke');
const SIZES = smoke
  ? { parseCards: 2_000, cards: 2_000, reviews: 5_000, answers: 20, searchCards: 2_000, importCards: 2_000, statsReviews: 10_000, optimizerReviews: 2_000 }
  : { parseCards: 50_000, cards: 100_000, reviews: 1_000_000, answers: 300, searchCards: 50_000, importCards: 50_000, statsReviews: 1_000_000, optimizerReviews: 50_000 };

const rows = [];
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

function add(what, value, target, pass, baseline = '') {
  rows.push({ what, value, target, baseline, result: pass === null ? 'n/a' : pass ? 'ok' : 'MISS' });
  console.log(`${pass === false ? 'MISS' : 'ok  '} ${what}: ${value} (target ${target})${baseline ? `; ${baseline}` : ''}`);
}

/** Runs a sub-benchmark and returns its BENCH_JSON object, or null when it failed. */
function sub(label, command, args) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 30 * 60_000 });
  const line = (result.stdout ?? '').split('\n').find((l) => l.startsWith('BENCH_JSON '));
  if (result.status !== 0 || !line) {
    console.log(result.stdout);
    console.error(`${label} failed (exit ${result.status})`);
    add(label, 'failed to run', '-', false);
    return null;
  }
  return JSON.parse(line.slice('BENCH_JSON '.length));
}

execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });

const parse = sub('parse', 'npx', ['tsx', 'scripts/bench-parse.ts', String(SIZES.parseCards)]);
if (parse) add(`parse a ${parse.cards.toLocaleString('en')}-card text in Node`, fmt(parse.parseMs), '≤ 1 s', parse.parseMs <= 1000, `split into lines alone: ${fmt(parse.splitMs)}`);

const study = sub('study loop', 'node', ['scripts/bench/study-bench.mjs', String(SIZES.cards), String(SIZES.reviews), String(SIZES.answers)]);
if (study) {
  const n = study.seeded.cards.toLocaleString('en');
  add(`cold start to first card ready, ${n} cards`, fmt(study.coldStartMs), '≤ 1 s', study.coldStartMs <= 1000, `DOMContentLoaded: ${fmt(study.domContentLoadedMs)}`);
  add(`key press → next card painted, p50 / p95 over ${SIZES.answers} answers`, `${fmt(study.paintP50)} / ${fmt(study.paintP95)}`, 'p95 ≤ 16 ms', study.paintP95 <= 16);
  add('commit of one answer vs raw IndexedDB transaction', `${study.commitRatio.toFixed(2)}× (${fmt(study.commitMs)})`, '≤ 2×', study.commitRatio <= 2, `raw get+put+put commit: ${fmt(study.rawCommitMs)}`);
  add(`home counts, ${n} cards`, fmt(study.homeCountsMs), '≤ 50 ms', study.homeCountsMs <= 50, `raw index count: ${fmt(study.rawCountMs)}`);
  add(`JS heap after start-up, ${n} cards`, `${study.heapMB.toFixed(1)} MB`, '≤ 150 MB', study.heapMB <= 150);
}

const js = initialJavaScript();
add('initial JavaScript, gzip', `${(js.gzipBytes / 1024).toFixed(1)} KB`, '≤ 160 KB, no stats/optimiser code', js.gzipBytes <= INITIAL_JS_BUDGET_BYTES && js.lazyCodeFound.length === 0);

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${chromiumVersion()} headless; load average at the end ${loadavg()[0].toFixed(1)}`;
const table = [
  '| what | measured | target | result | raw platform, same run |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.what} | ${r.value} | ${r.target} | ${r.result} | ${r.baseline} |`),
].join('\n');
console.log(`\n${table}\n\nMachine: ${machine}`);
if (!smoke) {
  writeFileSync(
    'BENCHMARKS.md',
    `# Benchmarks\n\nWritten by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Each figure is a median of several runs on the production build; ratios are measured within one run.\n\n${table}\n\nMachine: ${machine}.\n`,
  );
}
const misses = rows.filter((r) => r.result === 'MISS').length;
console.log(`\n${rows.length - misses} passed, ${misses} failed`);
process.exit(smoke && rows.some((r) => r.value === 'failed to run') ? 1 : 0);
