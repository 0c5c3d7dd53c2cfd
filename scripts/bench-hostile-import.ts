/**
 * Hostile-input benchmark for the importers (not a timed test): generates adversarial files of
 * about 10 MB for each format — our deck text, Anki's "Notes in Plain Text" export, CSV and
 * TSV — and times `importFile` on each, the same call the import worker makes. Every file must
 * be imported or refused (with a message naming the file, and the line where there is one) in
 * under 2 s: linear time, no catastrophic regular expressions, no unbounded diagnostics.
 *
 * Next to each figure it times the floor any importer pays for those bytes: decoding them and
 * splitting the text into lines (`TextDecoder` + `text.split('\n')`). CPU time of this process
 * is reported too (it includes V8's garbage-collector threads), since wall-clock times swing
 * with other jobs on a shared machine, and the load average at the start and at the end.
 *
 * Run: npx tsx scripts/bench-hostile-import.ts [--runs 5] [--megabytes 10] [--budget-ms 2000] [--only <text in the case name>]
 * Prints a table and a final line
 *   BENCH_JSON {"budgetMs", "runs", "megabytes", "loadAverage": [start, end], "slowestMs", "withinBudget",
 *               "cases": [{"name", "format", "bytes", "medianMs", "cpuMs", "baselineMs", "outcome",
 *                          "cards", "decks", "firstMessage", "withinBudget"}]}
 * (milliseconds are medians over the runs; outcome is "imported" or "refused").
 * Exits with 1 when a case is over budget or ends neither imported nor refused.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { importFile, type ImportResult } from '../src/domain/deck/formats/import-file.ts';
import type { ImportFormat } from '../src/domain/deck/formats/detect.ts';
import { MAX_IMPORT_CARDS, MAX_IMPORT_DECKS, MAX_IMPORT_LINES } from '../src/domain/deck/import-limits.ts';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? (process.argv[i + 1] ?? fallback) : fallback;
}

const RUNS = Number(option('runs', '5'));
const MEGABYTES = Number(option('megabytes', '10'));
const BUDGET_MS = Number(option('budget-ms', '2000'));
const ONLY = option('only', '');
const SIZE = Math.round(MEGABYTES * 1024 * 1024);

interface HostileCase {
  name: string;
  format: ImportFormat;
  fileName: string;
  /** The file's content; text is encoded as UTF-8. */
  make: () => string | Uint8Array;
}

/** `count` lines from `line(i)`, newline-separated. */
function numbered(count: number, line: (i: number) => string): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(line(i));
  return out.join('\n');
}

/** Just under the line limit: the most lines any file may hold. */
const LINES_AT_LIMIT = MAX_IMPORT_LINES - 10;
/** The most cards any file may hold, as `n` in case names ("50k"). */
const CARDS = MAX_IMPORT_CARDS;
const CARDS_NAME = `${CARDS / 1000}k`;
/** Padding that brings a row at the card limit to about SIZE / CARDS bytes. */
const pad = (row: string): string => row.padEnd(Math.floor(SIZE / CARDS) - 1, '.');

/** `unit` repeated to about SIZE bytes (UTF-16 length, equal to the UTF-8 size for ASCII). */
function fill(unit: string, size = SIZE): string {
  return unit.repeat(Math.max(1, Math.floor(size / unit.length)));
}

/** `head`, then `unit` repeated until the whole is about SIZE long. */
function headed(head: string, unit: string): string {
  return head + fill(unit, SIZE - head.length);
}

/** A deterministic stream of pseudo-random integers (xorshift32), so every run sees the same file. */
function randomInts(seed: number): (below: number) => number {
  let state = seed >>> 0 || 1;
  return (below) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % below;
  };
}

/** Pieces picked at random and joined until `length` characters long. */
function soup(pieces: readonly string[], seed: number, length: number): string {
  const next = randomInts(seed);
  let text = '';
  while (text.length < length) text += pieces[next(pieces.length)] ?? '';
  return text.slice(0, length);
}

/** Lines of `width` characters from `line(i)` (cut or padded), newline-separated, about SIZE in all. */
function lines(width: number, line: (i: number) => string): string {
  const out: string[] = [];
  for (let i = 0, length = 0; length < SIZE; i++, length += width + 1) out.push(line(i).slice(0, width).padEnd(width, 'x'));
  return out.join('\n');
}

const TAG_SOUP = ['<b>', '</b>', '<i>', '</i>', '<u>', '<ul>', '</ul>', '<ol>', '<li>', '</li>', '<div>', '</div>', '<p>', '<br>', '<br/>',
  '<blockquote>', '</blockquote>', '<pre>', '</pre>', '<code>', '</code>', '<table><tr><td>', '</td><td>', '<a href="https://x.example/">', '</a>',
  '<a href="javascript:alert(1)">', '<img alt="pic" src=x>', '<span style="color:red">', '</span>', '<h1>', '</h1>', '<s>', '<!-- c -->',
  '<script>', '</script>', '<style>', '</style>', 'text ', 'more text ', '&amp;', '&nbsp;', '&#x263A;', '&lt;', '*', '_', '`', '[', ']',
  '{{c1::', '}}', '::', '<', '>', '&', '"', '\t'];

function hostileCases(): HostileCase[] {
  const anki = '#separator:tab\n#html:true\n';
  const nul = new Uint8Array(SIZE).fill(0x61);
  nul[SIZE - 2] = 0;
  const invalidUtf8 = new Uint8Array(SIZE);
  for (let i = 0; i < SIZE; i++) invalidUtf8[i] = i % 8 === 7 ? 0x0a : i % 64 === 5 ? 0xff : 0x61;
  const cases: HostileCase[] = [
    // Our deck format.
    { name: 'retain: 1.4 M tiny cards', format: 'retain', fileName: 'tiny.txt', make: () => fill('Q?\n- a\n') },
    { name: 'retain: 1.4 M tiny cards, distinct questions', format: 'retain', fileName: 'distinct.txt', make: () => lines(6, (i) => `${i.toString(36)}?\n-`) },
    { name: 'retain: 1.4 M duplicate questions', format: 'retain', fileName: 'dupes.txt', make: () => fill('Same question?\n- a\n') },
    { name: 'retain: 2.6 M list items before any question', format: 'retain', fileName: 'items.txt', make: () => fill('- x\n') },
    { name: 'retain: 2.6 M questions without answers', format: 'retain', fileName: 'noanswers.txt', make: () => lines(3, (i) => `${(i % 36).toString(36)}?`) },
    { name: `retain: ${CARDS_NAME} cards of 19 items, 1 M lines`, format: 'retain', fileName: 'big.txt', make: () => numbered(CARDS, (i) => `What is item ${i}?\n${'- an item\n'.repeat(Math.floor(LINES_AT_LIMIT / CARDS) - 1).slice(0, -1)}`) },
    { name: 'retain: 1 M lines of questions', format: 'retain', fileName: 'questions.txt', make: () => numbered(LINES_AT_LIMIT, (i) => `Question ${i} asked again and again?`) },
    { name: 'retain: 1 M list items before any question', format: 'retain', fileName: 'items1m.txt', make: () => numbered(LINES_AT_LIMIT, () => '- an item of no card') },
    { name: 'retain: 1 M lines of one-word paragraphs', format: 'retain', fileName: 'paragraphs.txt', make: () => `Q?\n${numbered(LINES_AT_LIMIT, () => 'free text line here')}` },
    { name: 'retain: tag-word runs', format: 'retain', fileName: 'tags.txt', make: () => headed('Q?\n', 'Development\n') + '\n- a\n' },
    { name: 'retain: tag words and one-word lines alternating', format: 'retain', fileName: 'words.txt', make: () => fill('Q?\nDevelopment\nFree\n- a\nFree\n') },
    { name: 'retain: deeply indented items', format: 'retain', fileName: 'indent.txt', make: () => fill(`Q?\n${' '.repeat(2000)}- a\n`) },
    { name: 'retain: 100 lines of 99,999 characters', format: 'retain', fileName: 'long.txt', make: () => lines(99_999, (i) => (i % 2 === 0 ? `${'q'.repeat(99_990)}?` : `- ${'a'.repeat(99_990)}`)) },
    { name: 'retain: one 10 MB line', format: 'retain', fileName: 'giant.txt', make: () => fill('x') },
    { name: 'retain: 10 M blank lines, then a card', format: 'retain', fileName: 'blank.txt', make: () => `${fill('\n', SIZE - 20)}What?\n- this\n` },
    { name: 'retain: whitespace-only lines', format: 'retain', fileName: 'spaces.txt', make: () => `Q?\n- a\n${lines(999, () => ' \t'.repeat(500))}` },
    { name: 'retain: CR-only line endings', format: 'retain', fileName: 'cr.txt', make: () => fill('Q?\r- a\r') },
    { name: 'retain: NUL byte near the end', format: 'retain', fileName: 'nul.txt', make: () => nul },
    { name: 'retain: invalid UTF-8 on every line', format: 'retain', fileName: 'latin1.txt', make: () => invalidUtf8 },
    // Anki's "Notes in Plain Text" export.
    { name: 'anki: 2.6 M tiny notes', format: 'anki', fileName: 'tiny-notes.txt', make: () => headed(anki, 'a\tb\n') },
    { name: 'anki: 2.6 M notes without answers', format: 'anki', fileName: 'half-notes.txt', make: () => headed(anki, 'q\t\n') },
    { name: `anki: ${CARDS_NAME} notes of HTML`, format: 'anki', fileName: 'notes.txt', make: () => anki + numbered(CARDS, (i) => `What is <b>note ${i}</b>?\t<ul><li>first&nbsp;point</li><li><i>second</i> point <a href="https://x.example/${i}">link</a></li></ul><br>${pad('<div>tail</div>')}\ttag${i % 50} other`) },
    { name: `anki: ${CARDS_NAME} notes of tag soup`, format: 'anki', fileName: 'notesoup.txt', make: () => anki + numbered(CARDS, (i) => `q${i}\t${soup(TAG_SOUP.filter((p) => p !== '\t' && p !== '"'), i + 3, Math.floor(SIZE / CARDS))}`) },
    { name: `anki: ${CARDS_NAME} notes in ${MAX_IMPORT_DECKS} decks`, format: 'anki', fileName: 'decks.txt', make: () => '#separator:tab\n#html:true\n#deck column:1\n' + numbered(CARDS, (i) => `Deck ${i % MAX_IMPORT_DECKS}\tWhat is ${i}?\t${pad(`The answer is ${i}, with some more words`)}`) },
    { name: 'anki: HTML tag soup', format: 'anki', fileName: 'soup.txt', make: () => anki + lines(2000, (i) => soup(TAG_SOUP, i + 1, 2000)) },
    { name: 'anki: HTML tag soup in one field per line', format: 'anki', fileName: 'soup-fields.txt', make: () => anki + lines(99_000, (i) => `q${i}\t${soup(TAG_SOUP.filter((p) => p !== '\t'), i + 7, 99_000)}`) },
    { name: 'anki: nested lists 50,000 deep', format: 'anki', fileName: 'nested.txt', make: () => anki + lines(99_000, (i) => `q${i}\t${'<ul><li>'.repeat(12_000)}`) },
    { name: 'anki: unclosed tags and attributes', format: 'anki', fileName: 'unclosed.txt', make: () => headed(anki, 'q<a href="x\t<b <i <div class=\'\n') },
    { name: 'anki: runs of < and &', format: 'anki', fileName: 'angles.txt', make: () => headed(anki, `q\t${'<'.repeat(500)}${'&'.repeat(500)}&#${'9'.repeat(400)};\n`) },
    { name: 'anki: unclosed script in every field', format: 'anki', fileName: 'script.txt', make: () => headed(anki, 'q<script>x\ta<style>y\n') },
    { name: 'anki: cloze soup', format: 'anki', fileName: 'cloze.txt', make: () => headed(anki, `${'{{c1::a{{c2::'.repeat(50)}b}}\tanswer\n`) },
    { name: `anki: ${MAX_IMPORT_DECKS + 1} decks`, format: 'anki', fileName: 'decks-over.txt', make: () => '#separator:tab\n#html:true\n#deck column:1\n' + numbered(MAX_IMPORT_DECKS + 1, (i) => `Deck ${i}\tq\ta`) },
    { name: 'anki: 500,000 decks', format: 'anki', fileName: 'decks.txt', make: () => '#separator:tab\n#html:false\n#deck column:1\n' + lines(19, (i) => `deck ${i}\tq\ta`) },
    { name: 'anki: 2.6 M header comment lines', format: 'anki', fileName: 'headers.txt', make: () => `#separator:tab\n${fill('#c\n', SIZE - 40)}q\ta\n` },
    { name: 'anki: 3.3 M comment rows', format: 'anki', fileName: 'comments.txt', make: () => headed(`${anki}q\ta\n`, '#\n\n') },
    { name: 'anki: unbalanced quote at the start', format: 'anki', fileName: 'quote.txt', make: () => headed(`${anki}"q\ta\n`, 'q\ta\n') },
    { name: 'anki: separator runs', format: 'anki', fileName: 'tabs.txt', make: () => anki + lines(9_999, () => '\t'.repeat(9_999)) },
    // CSV.
    { name: `csv: ${CARDS_NAME} rows`, format: 'csv', fileName: 'rows.csv', make: () => numbered(CARDS, (i) => `"What is question ${i}, in a quoted field?","${pad('Its answer, also quoted, with a few words')}",tag${i % 50}`) },
    { name: `csv: ${CARDS_NAME} duplicate rows`, format: 'csv', fileName: 'duplicate.csv', make: () => numbered(CARDS, () => `The same question every time,${pad('and the same answer every time')},tag`) },
    { name: `csv: ${CARDS_NAME} rows among 1 M lines`, format: 'csv', fileName: 'sparse.csv', make: () => numbered(CARDS, (i) => `question ${i},answer ${i}${'\n'.repeat(Math.floor(LINES_AT_LIMIT / CARDS) - 1)}`) },
    { name: 'csv: 2.6 M tiny rows', format: 'csv', fileName: 'tiny.csv', make: () => fill('a,b\n') },
    { name: 'csv: 2.6 M distinct tiny rows', format: 'csv', fileName: 'distinct.csv', make: () => lines(6, (i) => `${i.toString(36)},b`) },
    { name: 'csv: 5 M rows of one field', format: 'csv', fileName: 'single.csv', make: () => fill('a\n') },
    { name: 'csv: 5 M empty-field rows', format: 'csv', fileName: 'empty.csv', make: () => fill(',\n') },
    { name: 'csv: 10 M blank lines, then a row', format: 'csv', fileName: 'blank.csv', make: () => `${fill('\n', SIZE - 10)}q,a\n` },
    { name: 'csv: separator runs', format: 'csv', fileName: 'commas.csv', make: () => lines(9_999, () => ','.repeat(9_999)) },
    { name: 'csv: 5 M columns in 100 rows', format: 'csv', fileName: 'wide.csv', make: () => lines(99_999, () => 'a,'.repeat(50_000)) },
    { name: 'csv: unbalanced quote at the start', format: 'csv', fileName: 'quote.csv', make: () => headed('"q,a\n', 'q,a\n') },
    { name: 'csv: bad quote on every row', format: 'csv', fileName: 'badquotes.csv', make: () => fill('a"b,c\n') },
    { name: 'csv: text after closing quote on every row', format: 'csv', fileName: 'after.csv', make: () => fill('"a"b,c\n') },
    { name: 'csv: runs of quotes', format: 'csv', fileName: 'quoteruns.csv', make: () => lines(999, () => '"'.repeat(999)) },
    { name: 'csv: doubled quotes inside one field', format: 'csv', fileName: 'escaped.csv', make: () => lines(99_999, () => `"${'a""'.repeat(33_000)}",b`) },
    { name: 'csv: multi-line quoted fields', format: 'csv', fileName: 'multiline.csv', make: () => fill('"q\n\n\n",a\n') },
    { name: 'csv: 2.6 M duplicate rows', format: 'csv', fileName: 'dupes.csv', make: () => fill('same question,answer\n') },
    // TSV.
    { name: `tsv: ${CARDS_NAME} rows`, format: 'tsv', fileName: 'rows.tsv', make: () => numbered(CARDS, (i) => `What is question ${i}, in a field of its own?\t${pad('Its answer, in the next field, with a few words')}\ttag${i % 50}`) },
    { name: 'tsv: 2.6 M tiny rows', format: 'tsv', fileName: 'tiny.tsv', make: () => fill('a\tb\n') },
    { name: 'tsv: separator runs', format: 'tsv', fileName: 'tabs.tsv', make: () => lines(9_999, () => '\t'.repeat(9_999)) },
    { name: 'tsv: 5 M empty-field rows', format: 'tsv', fileName: 'empty.tsv', make: () => fill('\t\n') },
    { name: 'tsv: bad quote on every row (read again unquoted)', format: 'tsv', fileName: 'quizlet.tsv', make: () => fill('"Hi" she\tsaid\n') },
    { name: 'tsv: unbalanced quote at the start', format: 'tsv', fileName: 'quote.tsv', make: () => headed('"q\ta\n', 'q\ta\n') },
    { name: 'tsv: runs of quotes', format: 'tsv', fileName: 'quoteruns.tsv', make: () => lines(999, () => '"'.repeat(999)) },
  ];
  return cases.filter((c) => c.name.includes(ONLY));
}

const encoder = new TextEncoder();

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

interface Timed<T> {
  wall: number[];
  cpu: number[];
  last: T;
}

function time<T>(run: () => T): Timed<T> {
  const wall: number[] = [];
  const cpu: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < RUNS; i++) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    last = run();
    wall.push(performance.now() - start);
    cpu.push(cpuMs(startCpu));
  }
  return { wall, cpu, last: last as T };
}

/** Imported (decks, no error) or refused (an error naming the file, and its line when it has one). */
function outcomeOf(result: ImportResult, fileName: string): { outcome: 'imported' | 'refused' | 'neither'; firstMessage: string } {
  const all = [...result.diagnostics, ...result.decks.flatMap((deck) => deck.diagnostics)];
  const wellFormed = all.every((d) => d.message.startsWith(fileName) && (d.line === 0 || d.message.includes(`line ${d.line}`)));
  const firstError = all.find((d) => d.severity === 'error');
  const firstMessage = (firstError ?? all[0])?.message ?? '';
  if (!wellFormed) return { outcome: 'neither', firstMessage };
  if (result.ok && result.decks.length > 0) return { outcome: 'imported', firstMessage };
  return { outcome: !result.ok && firstError !== undefined ? 'refused' : 'neither', firstMessage };
}

const startLoad = loadavg()[0] ?? NaN;
const rows = [];
for (const hostile of hostileCases()) {
  const made = hostile.make();
  const bytes = typeof made === 'string' ? encoder.encode(made) : made;
  const importing = time(() => importFile(bytes, hostile.fileName, { format: hostile.format }));
  const baseline = time(() => new TextDecoder().decode(bytes).split('\n').length);
  const result = importing.last;
  const { outcome, firstMessage } = outcomeOf(result, hostile.fileName);
  const medianMs = median(importing.wall);
  const row = {
    name: hostile.name,
    format: hostile.format,
    bytes: bytes.length,
    medianMs,
    cpuMs: median(importing.cpu),
    baselineMs: median(baseline.wall),
    outcome,
    cards: result.decks.reduce((sum, deck) => sum + deck.cards.length, 0),
    decks: result.decks.length,
    firstMessage: firstMessage.length > 160 ? `${firstMessage.slice(0, 160)}…` : firstMessage,
    withinBudget: medianMs < BUDGET_MS && outcome !== 'neither',
  };
  rows.push(row);
  const figures = `${medianMs.toFixed(0).padStart(6)} ms  cpu ${row.cpuMs.toFixed(0).padStart(6)} ms  split ${row.baselineMs.toFixed(0).padStart(4)} ms`;
  const what = outcome === 'imported' ? `imported ${row.cards.toLocaleString('en')} cards in ${row.decks} deck(s)` : outcome;
  console.log(`${row.withinBudget ? 'ok  ' : 'SLOW'} ${hostile.name.padEnd(52)} ${figures}  ${what}${row.firstMessage === '' ? '' : ` — ${row.firstMessage}`}`);
}
const endLoad = loadavg()[0] ?? NaN;
const slowestMs = Math.max(...rows.map((row) => row.medianMs));
const withinBudget = rows.every((row) => row.withinBudget);
console.log(`\n${rows.length} files of ${MEGABYTES} MB, medians of ${RUNS} runs; slowest ${slowestMs.toFixed(0)} ms (budget ${BUDGET_MS} ms); load average ${startLoad.toFixed(1)} at start, ${endLoad.toFixed(1)} at end`);
console.log(`BENCH_JSON ${JSON.stringify({ budgetMs: BUDGET_MS, runs: RUNS, megabytes: MEGABYTES, loadAverage: [startLoad, endLoad], slowestMs, withinBudget, cases: rows })}`);
process.exitCode = withinBudget ? 0 : 1;
