/**
 * Parser benchmark (not a timed test): parses a generated 50,000-card deck 7 times and
 * prints median/min/max milliseconds, next to the time of only splitting the same text into
 * lines, the floor any parser pays. Target: median under 1 s on the 2-core dev machine.
 * It also prints the process CPU time per run, which stays meaningful when other jobs share
 * the machine and inflate wall-clock times (it includes V8's helper threads, e.g. GC).
 *
 * Run: npx tsx scripts/bench-parse.ts [cards]
 */
import { performance } from 'node:perf_hooks';
import { parse } from '../src/domain/deck/parse.ts';
import { generateDeck } from './gen-deck.ts';

const RUNS = 7;

function describe(times: readonly number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  const format = (ms: number): string => `${ms.toFixed(1)} ms`;
  return `median ${format(median)}, min ${format(sorted[0] ?? NaN)}, max ${format(sorted[sorted.length - 1] ?? NaN)}`;
}

function time(run: () => void): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    run();
    wall.push(performance.now() - start);
    const usedCpu = process.cpuUsage(startCpu);
    cpu.push((usedCpu.user + usedCpu.system) / 1000);
  }
  return { wall, cpu };
}

const cardCount = Number(process.argv[2] ?? 50_000);
const { text } = generateDeck(cardCount, 42);
let cards = 0;
let lineCount = 0;
const parseTimes = time(() => {
  cards = parse(text, 'bench.txt').cards.length;
});
const splitTimes = time(() => {
  lineCount = text.split(/\r\n|\r|\n/).length;
});
process.stdout.write(
  [
    `input: ${cardCount} cards generated, ${lineCount} lines, ${(text.length / 1_048_576).toFixed(1)} MiB of text`,
    `parse: ${cards} cards; wall ${describe(parseTimes.wall)}; cpu ${describe(parseTimes.cpu)} (${RUNS} runs)`,
    `split: wall ${describe(splitTimes.wall)}; cpu ${describe(splitTimes.cpu)} (text.split(/\\r\\n|\\r|\\n/) alone)`,
    '',
  ].join('\n'),
);

/** One machine-readable line for `npm run bench` (scripts/bench.mjs). */
const medianOf = (times: readonly number[]): number => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? NaN;
process.stdout.write(
  `BENCH_JSON ${JSON.stringify({ cards, parseMs: medianOf(parseTimes.wall), parseCpuMs: medianOf(parseTimes.cpu), splitMs: medianOf(splitTimes.wall) })}\n`,
);
