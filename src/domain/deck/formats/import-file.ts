/**
 * The one entry point for importing a file: bytes in, decks and diagnostics out. The app
 * calls it in a Web Worker, tests call it directly.
 *
 * Before any parsing, the file must pass these checks, each failing with a message that
 * names the file and says what to do: at most MAX_IMPORT_BYTES; not empty; not binary
 * (images, archives, databases: binary-sniff.ts); valid UTF-8 (decode.ts, with the line);
 * no line over MAX_LINE_CHARS; at most MAX_IMPORT_LINES lines. Then the format is detected
 * (detect.ts) unless forced, and the file is parsed by its importer, which stops at the first
 * card (or row) past MAX_IMPORT_CARDS and the first deck past MAX_IMPORT_DECKS and refuses
 * the file on that line (import-limits.ts). So the work is bounded whatever the file holds.
 *
 * Result contract:
 * - `ok` is false when any diagnostic (file-level or in a deck) is an error; the UI then
 *   refuses the import, so nothing changes;
 * - every message is complete for a person: it starts with the file name, then
 *   "line N" when it concerns a line (`diagnostic.line` holds the same number);
 * - at most MAX_LISTED_DIAGNOSTICS per deck and for the file, the rest summed up;
 * - `decks` holds only decks with cards; problems of a deck without cards move to
 *   `diagnostics`, as do problems that belong to no single deck;
 * - it never throws: an unexpected failure becomes an error diagnostic.
 */
import { decodeDeckBytes } from '../decode.ts';
import { groupDigits, MAX_IMPORT_CARDS, MAX_IMPORT_DECKS, MAX_IMPORT_LINES, SPLIT_ADVICE } from '../import-limits.ts';
import { parse } from '../parse.ts';
import type { Deck, Diagnostic } from '../types.ts';
import { parseAnkiExport } from './anki.ts';
import { describeBinary } from './binary-sniff.ts';
import { parseCsv, parseTsv } from './csv.ts';
import { progressReporter, retitleDeck, sortDiagnostics, type ImportedDecks, type ImporterOptions } from './deck-builder.ts';
import { normaliseNewlines } from './delimited-rows.ts';
import { detectFormat, type ImportFormat } from './detect.ts';

/** Largest file we import: 50 MB (MiB), far beyond any real deck, small enough for a phone's memory. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/**
 * Longest line we import. A card's whole row fits many times over; a longer line means
 * minified data or a binary file, and would make an unusable card.
 */
export const MAX_LINE_CHARS = 100_000;
/**
 * Most diagnostics listed per deck (and for the file); the rest are counted in one last
 * diagnostic. Nobody reads a million "duplicate question" warnings, and building them all
 * would cost more than the import.
 */
export const MAX_LISTED_DIAGNOSTICS = 100;

export type ImportFormatChoice = 'auto' | ImportFormat;

export interface ImportOptions {
  /** 'auto' (default) detects the format from the file name and content. */
  format?: ImportFormatChoice;
  /** Deck title chosen by the person; see the importers for files with several decks. */
  title?: string;
  /** Called with the fraction done, from 0 to 1. */
  onProgress?: (fraction: number) => void;
}

export interface ImportResult {
  format: ImportFormat;
  decks: Deck[];
  /** Problems of the whole file, or of no single deck. */
  diagnostics: Diagnostic[];
  /** False when any error exists here or in a deck: then nothing may be imported. */
  ok: boolean;
}

const FORMAT_HINTS: Readonly<Record<ImportFormat, string>> = {
  retain: 'A card is a question line followed by its answer lines, e.g. "What is SQS?" then "- A message queue".',
  anki: 'Each note needs a question field and an answer field. In Anki, use File › Export › "Notes in Plain Text".',
  csv: 'Each row needs a question and an answer, separated by a comma: question,answer[,tags].',
  tsv: 'Each row needs a question and an answer, separated by a tab.',
};

const FORMAT_NAMES: Readonly<Record<ImportFormat, string>> = {
  retain: 'a deck text file', anki: 'an Anki export', csv: 'a CSV file', tsv: 'a tab-separated file',
};

/** "name, line N: message", or "name: message" for the whole file. */
function located(name: string, line: number, message: string): string {
  return line > 0 ? `${name}, line ${line}: ${message}` : `${name}: ${message}`;
}

function fileError(name: string, line: number, message: string): Diagnostic {
  return { line, severity: 'error', message: located(name, line, message) };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

interface LineCensus {
  lines: number;
  /** The first line longer than the limit, with its number and length. */
  overlong?: { line: number; length: number };
}

/** Index of the next CR or LF at or after `from`, or -1. */
function nextLineBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i;
  }
  return -1;
}

/**
 * Counts the lines of `text` (LF, CRLF and a lone CR each end one, as parse.ts counts them)
 * and finds the first one over `limit` characters; one pass, linear time. Done before the
 * line endings are normalised, so a file of millions of CR-only lines is refused without
 * first being copied.
 */
function lineCensus(text: string, limit: number): LineCensus {
  // Without a CR only line feeds end lines, and indexOf finds them far faster than a loop.
  const hasCarriageReturns = text.includes('\r');
  let overlong: LineCensus['overlong'];
  let start = 0;
  let line = 1;
  for (;;) {
    const end = hasCarriageReturns ? nextLineBreak(text, start) : text.indexOf('\n', start);
    const length = (end < 0 ? text.length : end) - start;
    if (overlong === undefined && length > limit) overlong = { line, length };
    if (end < 0) return overlong === undefined ? { lines: line } : { lines: line, overlong };
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    line++;
  }
}

function runImporter(format: ImportFormat, text: string, fileName: string, options: ImporterOptions): ImportedDecks {
  switch (format) {
    case 'anki':
      return parseAnkiExport(text, fileName, options);
    case 'csv':
      return parseCsv(text, fileName, options);
    case 'tsv':
      return parseTsv(text, fileName, options);
    case 'retain': {
      const deck = parse(text, fileName, options.maxCards === undefined ? {} : { maxCards: options.maxCards });
      options.onProgress?.(1);
      return { decks: [options.title === undefined ? deck : retitleDeck(deck, options.title)], diagnostics: [] };
    }
  }
}

/**
 * Locates the first MAX_LISTED_DIAGNOSTICS diagnostics (by line) and sums up the rest in a
 * final one that is an error when any error was left out, so `ok` stays true to the file.
 */
function listed(name: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const sorted = sortDiagnostics([...diagnostics]);
  const shown = sorted.slice(0, MAX_LISTED_DIAGNOSTICS).map((d) => ({ ...d, message: located(name, d.line, d.message) }));
  const rest = sorted.length - shown.length;
  if (rest <= 0) return shown;
  const errors = sorted.slice(MAX_LISTED_DIAGNOSTICS).filter((d) => d.severity === 'error').length;
  const kinds = errors === 0 ? `${groupDigits(rest)} warnings` : `${groupDigits(errors)} errors and ${groupDigits(rest - errors)} warnings`;
  shown.push({
    line: 0,
    severity: errors > 0 ? 'error' : 'warning',
    message: located(name, 0, `${groupDigits(rest)} more problems are not listed (${kinds}).`),
  });
  return shown;
}

function result(format: ImportFormat, decks: Deck[], diagnostics: Diagnostic[]): ImportResult {
  const hasError = (list: readonly Diagnostic[]): boolean => list.some((d) => d.severity === 'error');
  return { format, decks, diagnostics, ok: !hasError(diagnostics) && !decks.some((deck) => hasError(deck.diagnostics)) };
}

/**
 * Reads a file the person picked and returns what importing it would add, or why it cannot.
 * Never throws; time linear in the file size.
 *
 * @example
 * const r = importFile(new TextEncoder().encode('hola,hello\nadiós,goodbye\n'), 'spanish.csv');
 * r.ok                   // true
 * r.format               // 'csv'
 * r.decks[0]?.cards[1]   // { question: 'adiós', answer: 'goodbye', line: 2, … }
 * importFile(new Uint8Array(0), 'empty.txt').diagnostics[0]?.message // 'empty.txt is empty: there is nothing to import.'
 */
export function importFile(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): ImportResult {
  const name = typeof fileName === 'string' && fileName !== '' ? fileName : 'The file';
  const choice = options.format ?? 'auto';
  const nameOnlyFormat = choice === 'auto' ? detectFormat('', typeof fileName === 'string' ? fileName : '') : choice;
  try {
    return importChecked(bytes, typeof fileName === 'string' ? fileName : '', name, choice, nameOnlyFormat, options);
  } catch (error) {
    // A bug must not take the worker down or half-import: report it and change nothing.
    const detail = error instanceof Error ? error.message : String(error);
    return result(nameOnlyFormat, [], [
      fileError(name, 0, `could not be imported because of an unexpected problem (${detail}). Nothing was changed; please report this.`),
    ]);
  }
}

function importChecked(bytes: Uint8Array, fileName: string, name: string, choice: ImportFormatChoice, nameOnlyFormat: ImportFormat, options: ImportOptions): ImportResult {
  const report = progressReporter(options.onProgress);
  report(0);
  const refuse = (message: string, line = 0): ImportResult => result(nameOnlyFormat, [], [fileError(name, line, message)]);
  if (!(bytes instanceof Uint8Array)) return refuse('could not be read: no file content was received.');
  if (bytes.length > MAX_IMPORT_BYTES) {
    return refuse(`is ${megabytes(bytes.length)}; files larger than ${megabytes(MAX_IMPORT_BYTES)} cannot be imported. ${SPLIT_ADVICE}`);
  }
  // "name is empty", not "name: is empty": these read as sentences about the file.
  const sentence = (message: string): ImportResult =>
    result(nameOnlyFormat, [], [{ line: 0, severity: 'error', message: `${name} ${message}` }]);
  if (bytes.length === 0) return sentence('is empty: there is nothing to import.');
  const binary = describeBinary(bytes, fileName);
  if (binary !== undefined) return sentence(`${binary}.`);

  const decoded = decodeDeckBytes(bytes);
  const decodeErrors = decoded.diagnostics.filter((d) => d.severity === 'error');
  if (decodeErrors.length > 0) return result(nameOnlyFormat, [], decodeErrors.map((d) => fileError(name, d.line, d.message)));
  if (decoded.text.trim() === '') return sentence('contains only blank lines: there is nothing to import.');
  const { lines, overlong } = lineCensus(decoded.text, MAX_LINE_CHARS);
  if (lines > MAX_IMPORT_LINES) {
    return sentence(`has ${groupDigits(lines)} lines; files of more than ${groupDigits(MAX_IMPORT_LINES)} lines cannot be imported. ${SPLIT_ADVICE}`);
  }
  if (overlong !== undefined) {
    return refuse(
      `this line is ${groupDigits(overlong.length)} characters long, more than the ${groupDigits(MAX_LINE_CHARS)} a deck file may have. ` +
        'This does not look like a deck (minified or binary data?); if it is one, break the line up.',
      overlong.line,
    );
  }
  const text = normaliseNewlines(decoded.text);
  report(0.05);

  const format = choice === 'auto' ? detectFormat(text, fileName) : choice;
  const importerOptions: ImporterOptions = {
    maxCards: MAX_IMPORT_CARDS,
    maxDecks: MAX_IMPORT_DECKS,
    onProgress: (fraction) => report(0.05 + 0.9 * fraction),
  };
  if (options.title !== undefined && options.title.trim() !== '') importerOptions.title = options.title.trim();
  const imported = runImporter(format, text, fileName, importerOptions);

  // concat, not push(...): a deck can hold millions of diagnostics, too many for call arguments.
  let fileLevel = imported.diagnostics;
  const decks: Deck[] = [];
  for (const deck of imported.decks) {
    if (deck.cards.length === 0) fileLevel = fileLevel.concat(deck.diagnostics);
    else decks.push({ ...deck, diagnostics: listed(name, deck.diagnostics) });
  }
  const diagnostics = listed(name, fileLevel);
  if (decks.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
    const override = choice === 'auto' ? ` It was read as ${FORMAT_NAMES[format]}; if it is in another format, choose that format instead.` : '';
    diagnostics.unshift(fileError(name, 0, `no cards found. ${FORMAT_HINTS[format]}${override}`));
  }
  options.onProgress?.(1);
  return result(format, decks, diagnostics);
}
