/**
 * Search benchmark (not a timed test): indexes a generated 50,000-card deck and prints the
 * median time of the queries a person types letter by letter, next to a naive scan that
 * lower-cases every card and checks `includes` for each query word. Target: median under
 * 50 ms per query for the index on the 2-core dev machine.
 *
 * Run: npx tsx scripts/bench-search.ts [cards]
 * The last line, `BENCH_JSON {...}`, is for scripts/bench.mjs.
 */
import { performance } from 'node:perf_hooks';
import { parse } from '../src/domain/deck/parse.ts';
import { createSearchIndex, type SearchDoc } from '../src/domain/search/search-index.ts';
import { tokenize } from '../src/domain/search/tokenize.ts';
import { generateDeck } from './gen-deck.ts';

const RUNS = 9;
// What typing "lambda retries", "dynamodb throttling" and a miss looks like, key by key.
const QUERIES = [
  'l', 'la', 'lam', 'lamb', 'lambda', 'lambda r', 'lambda ret', 'lambda retries',
  'd', 'dy', 'dynamodb', 'dynamodb thr', 'zero downtime', 'exp backoff', 'kms encrypted', 'nothingmatches',
];

function median(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function timeEach(run: (query: string) => number): { median: number; max: number; matches: number[] } {
  const perQuery: number[] = [];
  const matches: number[] = [];
  for (const query of QUERIES) {
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      found = run(query);
      times.push(performance.now() - start);
    }
    perQuery.push(median(times));
    matches.push(found);
  }
  return { median: median(perQuery), max: Math.max(...perQuery), matches };
}

function main(args: readonly string[]): void {
  const count = Number(args[0] ?? 50_000);
  const deck = parse(generateDeck(count, 7).text, 'bench.txt');
  const docs: SearchDoc[] = deck.cards.map((card) => ({ id: card.id, question: card.question, answer: card.answer }));

  let start = performance.now();
  const index = createSearchIndex(docs);
  const buildMs = performance.now() - start;

  // An incremental update: 20 cards reworded, as an import of an edited deck would.
  const edited = docs.map((doc, i) => (i % (Math.floor(docs.length / 20) || 1) === 0 ? { ...doc, answer: `${doc.answer}\n- edited` } : doc));
  start = performance.now();
  const summary = index.sync(edited);
  const syncMs = performance.now() - start;
  // Cards leaving and arriving (another deck deleted, an import): matched by id.
  const reshaped = [...edited.slice(1000), ...edited.slice(0, 20).map((doc) => ({ ...doc, id: `${doc.id}-copy` }))];
  start = performance.now();
  const reshapeSummary = index.sync(reshaped);
  const reshapeMs = performance.now() - start;

  const indexed = timeEach((query) => index.search(query)?.count ?? docs.length);
  const naive = timeEach((query) => {
    const words = tokenize(query);
    return reshaped.filter((doc) => {
      const text = `${doc.question}\n${doc.answer}`.toLowerCase();
      return words.every((word) => text.includes(word));
    }).length;
  });

  const ms = (value: number): string => `${value.toFixed(2)} ms`;
  process.stdout.write(
    [
      `${docs.length} cards`,
      `index build: ${ms(buildMs)}; sync of ${summary.changed} changed cards: ${ms(syncMs)}; ` +
        `of ${reshapeSummary.removed} removed + ${reshapeSummary.added} added: ${ms(reshapeMs)}`,
      `index query: median ${ms(indexed.median)}, slowest query ${ms(indexed.max)}`,
      `naive scan:  median ${ms(naive.median)}, slowest query ${ms(naive.max)}`,
      `matches per query (index): ${indexed.matches.join(' ')}`,
      `matches per query (scan, substring): ${naive.matches.join(' ')}`,
      '',
    ].join('\n'),
  );
  const report = {
    cards: docs.length, queries: QUERIES.length, buildMs, syncMs, reshapeMs,
    indexMedianMs: indexed.median, indexMaxMs: indexed.max, scanMedianMs: naive.median, scanMaxMs: naive.max,
  };
  process.stdout.write(`BENCH_JSON ${JSON.stringify(report)}\n`);
}

main(process.argv.slice(2));
