/**
 * Rows of delimited text (CSV, TSV, Anki's export) with the source line each row starts on.
 *
 * Field splitting and RFC 4180 quoting are papaparse's job (quoted fields may hold the
 * separator, line breaks and `""`). This module owns what papaparse does not give: the
 * 1-based source line of every row (papaparse reports row indexes and a cursor; a row
 * with a multi-line field spans several lines), and diagnostics people can act on.
 */
// Our typing of papaparse must come along wherever this file is compiled (domain, app and test
// projects); an ambient module declaration can only be pulled in by a reference, not an import.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./papaparse-module.d.ts" />
import Papa from 'papaparse/papaparse.js';
import type { Diagnostic } from '../types.ts';

export interface DelimitedRow {
  fields: string[];
  /** 1-based line in the whole file where the row starts. */
  line: number;
  /** Index in the text where the row starts. */
  start: number;
}

export interface DelimitedRows {
  rows: DelimitedRow[];
  /** Quote errors, one per row at most, severity error. */
  diagnostics: Diagnostic[];
  /** The first row past `maxRows` (its 1-based number among non-blank rows, and its line); reading stopped there. */
  overLimit?: { row: number; line: number };
}

export interface ReadOptions {
  delimiter: string;
  /** Line number of the text's first line, when it is a later part of a file (after Anki's headers). */
  firstLine?: number;
  /** Most non-blank rows read; reading stops at the next one (see `overLimit`). No limit by default. */
  maxRows?: number;
  /**
   * Receives each non-blank row as it is read, instead of collecting it in `rows` (which then
   * stays empty), so that a row's fields can be dropped as soon as they are used; returning
   * false stops reading there.
   */
  onRow?: (row: DelimitedRow) => boolean | void;
  onProgress?: (fraction: number) => void;
}

/**
 * Line endings as LF only: CRLF and a lone CR (old Mac files) each end one line, the way
 * parse.ts counts lines, so line numbers agree across formats.
 *
 * @example normaliseNewlines('a\r\nb\rc') // 'a\nb\nc'
 */
export function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function isBlankRow(fields: readonly string[]): boolean {
  return fields.every((field) => field.trim() === '');
}

const QUOTE_HELP = 'Inside a quoted field, write a quote as two quotes ("").';

function quoteMessage(code: string, delimiter: string): string {
  const separator = delimiter === '\t' ? 'a tab' : `"${delimiter}"`;
  if (code === 'MissingQuotes') {
    return `a quoted field starts in this row but its closing quote is missing, so the rest of the file would be read as one field. Add the closing quote. ${QUOTE_HELP}`;
  }
  return `a quoted field has text after its closing quote; a closing quote must be followed by ${separator} or the end of the line. ${QUOTE_HELP}`;
}

/** One error per broken row: papaparse reports a missing closing quote together with the bad quote that caused it. */
function quoteDiagnostic(errors: readonly { code: string; message: string }[], line: number, delimiter: string): Diagnostic {
  const missing = errors.some((error) => error.code === 'MissingQuotes');
  const code = missing ? 'MissingQuotes' : (errors[0]?.code ?? '');
  const known = code === 'MissingQuotes' || code === 'InvalidQuotes';
  return { line, severity: 'error', message: known ? quoteMessage(code, delimiter) : (errors[0]?.message ?? 'unreadable row') };
}

/**
 * Reads rows with papaparse (quoting `"`), skipping blank rows. Quote problems become
 * error diagnostics on the line where the broken row starts. Never throws.
 *
 * @example
 * readDelimitedRows('q,a\n"multi\nline",x\n', { delimiter: ',' }).rows.map((r) => r.line) // [1, 2]
 */
export function readDelimitedRows(text: string, options: ReadOptions): DelimitedRows {
  const rows: DelimitedRow[] = [];
  const diagnostics: Diagnostic[] = [];
  const maxRows = options.maxRows ?? Infinity;
  const onRow = options.onRow;
  let rowCount = 0;
  let overLimit: DelimitedRows['overLimit'];
  // Rows arrive in order, so counting line feeds up to each row's start is one forward sweep.
  let countedTo = 0;
  let line = options.firstLine ?? 1;
  let rowStart = 0;
  // Progress is reported about every 1% of the text, not on every row.
  const progressStep = Math.max(1, text.length / 100);
  let nextProgress = progressStep;
  Papa.parse(text, {
    delimiter: options.delimiter,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    // Runs once per row, so it is kept lean: a file of millions of short rows spends its time here.
    step: (result, parser) => {
      const start = rowStart;
      rowStart = result.meta.cursor;
      for (let at = text.indexOf('\n', countedTo); at >= 0 && at < start; at = text.indexOf('\n', at + 1)) line++;
      countedTo = start;
      const fields = result.data;
      const blank = (fields.length === 1 && fields[0] === '') || isBlankRow(fields);
      if (!blank && rowCount === maxRows) {
        overLimit = { row: maxRows + 1, line };
        parser.abort();
        return;
      }
      if (result.errors.length > 0) diagnostics.push(quoteDiagnostic(result.errors, line, options.delimiter));
      if (!blank) {
        rowCount++;
        const row = { fields, line, start };
        if (onRow === undefined) rows.push(row);
        else if (onRow(row) === false) {
          parser.abort();
          return;
        }
      }
      if (options.onProgress !== undefined && rowStart >= nextProgress) {
        nextProgress = rowStart + progressStep;
        options.onProgress(rowStart / text.length);
      }
    },
  });
  options.onProgress?.(1);
  return overLimit === undefined ? { rows, diagnostics } : { rows, diagnostics, overLimit };
}

/**
 * Reads rows without any quoting: one row per line, fields split at every delimiter.
 * For tab-separated exports that never quote (Quizlet), where a field may begin with `"`.
 * `maxRows` as for readDelimitedRows; there are no quote errors.
 *
 * @example readUnquotedRows('"Hi" she said\tgreeting', { delimiter: '\t' }).rows[0]?.fields // ['"Hi" she said', 'greeting']
 */
export function readUnquotedRows(text: string, options: Omit<ReadOptions, 'onProgress'>): DelimitedRows {
  const rows: DelimitedRow[] = [];
  const maxRows = options.maxRows ?? Infinity;
  let start = 0;
  let line = options.firstLine ?? 1;
  while (start <= text.length) {
    const found = text.indexOf('\n', start);
    const end = found < 0 ? text.length : found;
    const fields = text.slice(start, end).split(options.delimiter);
    if (!isBlankRow(fields)) {
      if (rows.length === maxRows) return { rows, diagnostics: [], overLimit: { row: maxRows + 1, line } };
      rows.push({ fields, line, start });
    }
    if (found < 0) break;
    start = end + 1;
    line++;
  }
  return { rows, diagnostics: [] };
}

export interface DelimiterGuess<D extends string = string> {
  delimiter: D;
  /** Non-blank rows in the sample. */
  rows: number;
  /** Of those, rows with two or three fields: the question, answer[, tags] shape. */
  cardShaped: number;
  /** Of those, rows with the most common field count. */
  modalCount: number;
}

/** Largest piece of text looked at when guessing; enough rows, and cheap for a 50 MB file. */
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_ROWS = 50;

/**
 * Picks the delimiter under which the first rows of `text` look most like cards
 * (two or three fields per row, the same count on most rows). Earlier candidates win ties.
 *
 * @example guessDelimiter('a;b\nc;d', [',', ';']).delimiter // ';'
 */
export function guessDelimiter<D extends string>(text: string, candidates: readonly [D, ...D[]]): DelimiterGuess<D> {
  let sample = text.slice(0, SAMPLE_CHARS);
  const lastNewline = sample.lastIndexOf('\n');
  if (text.length > SAMPLE_CHARS && lastNewline > 0) sample = sample.slice(0, lastNewline);
  let best: DelimiterGuess<D> | undefined;
  for (const delimiter of candidates) {
    const parsed = Papa.parse(sample, { delimiter, newline: '\n', quoteChar: '"', escapeChar: '"', preview: SAMPLE_ROWS });
    const rows = parsed.data.filter((fields) => !isBlankRow(fields));
    const counts = new Map<number, number>();
    for (const fields of rows) counts.set(fields.length, (counts.get(fields.length) ?? 0) + 1);
    const guess: DelimiterGuess<D> = {
      delimiter,
      rows: rows.length,
      cardShaped: rows.filter((fields) => fields.length === 2 || fields.length === 3).length,
      modalCount: Math.max(0, ...counts.values()),
    };
    const score = (g: DelimiterGuess<D>): number => g.cardShaped * 2 + (g.modalCount === g.rows ? 1 : 0);
    if (best === undefined || score(guess) > score(best)) best = guess;
  }
  return best ?? { delimiter: candidates[0], rows: 0, cardShaped: 0, modalCount: 0 };
}
