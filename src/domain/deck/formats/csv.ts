/**
 * CSV and TSV files of `question, answer[, tags]`, as spreadsheets and Quizlet write them.
 *
 * - Splitting and RFC 4180 quoting (separators, quotes and line breaks inside `"…"`) are
 *   papaparse's (delimited-rows.ts). A broken quote is an error on the line its row starts.
 * - CSV separator: `,`, or `;` (spreadsheets in many European locales) or a tab, whichever
 *   makes the first rows look like cards. TSV: a tab.
 * - A first row of column names (question/answer/tags, front/back, term/definition…) is
 *   skipped and decides which column is which; otherwise the columns are question, answer,
 *   tags, and further columns are ignored with one warning.
 * - Cells are Markdown, like our own deck format: kept verbatim apart from surrounding
 *   whitespace and line endings. Raw HTML in a cell stays text (the renderer never runs it).
 * - Quizlet's tab export does not quote, so a term may begin with `"` (`"Hi" she said`).
 *   When quoting breaks a TSV file, it is read again without quoting, with a warning.
 * - Rows with an empty question or answer are skipped with a warning naming the line.
 * - Deck title: `options.title`, else the file name without its extension.
 */
import { tooManyCards, tooManyRows } from '../import-limits.ts';
import { titleFromFileName } from '../parse.ts';
import type { Diagnostic } from '../types.ts';
import { buildDeck, progressReporter, splitTags, type CardDraft, type ImportedDecks, type ImporterOptions } from './deck-builder.ts';
import { guessDelimiter, normaliseNewlines, readDelimitedRows, readUnquotedRows, type DelimitedRow } from './delimited-rows.ts';

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvOptions extends ImporterOptions {
  /** Field separator; guessed among `,` `;` and tab when absent. */
  delimiter?: CsvDelimiter;
}

const QUESTION_NAMES = new Set(['question', 'questions', 'front', 'term', 'terms', 'word', 'prompt', 'q', 'side 1', 'side a', 'card front', 'front side']);
const ANSWER_NAMES = new Set(['answer', 'answers', 'back', 'definition', 'definitions', 'meaning', 'a', 'side 2', 'side b', 'card back', 'back side', 'response']);
const TAGS_NAMES = new Set(['tags', 'tag', 'labels']);

interface Columns {
  question: number;
  answer: number;
  tags: number | undefined;
  /** How many columns the file is expected to use; more draw a warning. */
  used: number;
}

function columnName(cell: string): string {
  return cell.trim().toLowerCase().replace(/:$/, '');
}

/** Column roles from a header row, or undefined when the row is a card. */
function headerColumns(fields: readonly string[]): Columns | undefined {
  const names = fields.map(columnName);
  const question = names.findIndex((name) => QUESTION_NAMES.has(name));
  const answer = names.findIndex((name, i) => i !== question && ANSWER_NAMES.has(name));
  if (question < 0 || answer < 0) return undefined;
  const tags = names.findIndex((name) => TAGS_NAMES.has(name));
  return { question, answer, tags: tags < 0 ? undefined : tags, used: fields.length };
}

/**
 * Parses CSV (or, with `delimiter: '\t'`, TSV) text. Never throws; linear time.
 *
 * @example
 * const { decks } = parseCsv('Term,Definition\nhola,hello\n"adiós","good\nbye"\n', 'spanish.csv');
 * decks[0]?.cards.map((c) => [c.question, c.answer, c.line]) // [['hola', 'hello', 2], ['adiós', 'good\nbye', 3]]
 */
export function parseCsv(text: string, fileName: string, options: CsvOptions = {}): ImportedDecks {
  const source = normaliseNewlines(text);
  const delimiter = options.delimiter ?? guessDelimiter<CsvDelimiter>(source, [',', ';', '\t']).delimiter;
  const progress = progressReporter(options.onProgress);
  const maxCards = options.maxCards ?? Infinity;
  // One row more than the cards allowed: the first row may name the columns.
  const maxRows = maxCards + 1;
  let read = readDelimitedRows(source, { delimiter, maxRows, onProgress: progress });
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  if (delimiter === '\t' && read.diagnostics.length > 0) {
    const firstLine = read.diagnostics[0]?.line ?? 1;
    read = readUnquotedRows(source, { delimiter: '\t', maxRows });
    diagnostics.length = 0;
    diagnostics.push({
      line: firstLine,
      severity: 'warning',
      message: 'a field starts with a quote that is not closed properly, so the file was read without quoting (as Quizlet exports it); check the cards from this line on',
    });
  }
  if (read.overLimit !== undefined) return refusal(read.overLimit.line, tooManyRows(read.overLimit.row, maxCards));
  const rowWarnings: Diagnostic[] = [];
  const drafts = rowsToDrafts(read.rows, rowWarnings, delimiter);
  const firstTooMany = drafts[maxCards];
  if (firstTooMany !== undefined) return refusal(firstTooMany.line, tooManyCards(maxCards));
  // Quote problems concern the whole file; row warnings belong to the deck.
  const fileLevel = diagnostics.filter((d) => d.severity === 'error');
  const deckLevel = diagnostics.filter((d) => d.severity !== 'error').concat(rowWarnings);
  const deck = buildDeck(options.title ?? titleFromFileName(fileName), fileName, drafts, deckLevel);
  options.onProgress?.(1);
  return { decks: [deck], diagnostics: fileLevel };
}

/** A file refused as a whole because of one error: no deck. */
function refusal(line: number, message: string): ImportedDecks {
  return { decks: [], diagnostics: [{ line, severity: 'error', message }] };
}

/**
 * Parses TSV text: tab-separated, quoted fields honoured when the quoting is sound.
 *
 * @example parseTsv('hola\thello\n', 'quizlet.txt').decks[0]?.cards[0]?.answer // 'hello'
 */
export function parseTsv(text: string, fileName: string, options: ImporterOptions = {}): ImportedDecks {
  return parseCsv(text, fileName, { ...options, delimiter: '\t' });
}

function rowsToDrafts(rows: readonly DelimitedRow[], diagnostics: Diagnostic[], delimiter: string): CardDraft[] {
  const first = rows[0];
  const header = first === undefined ? undefined : headerColumns(first.fields);
  const columns: Columns = header ?? { question: 0, answer: 1, tags: 2, used: 3 };
  const drafts: CardDraft[] = [];
  let warnedExtraColumns = false;
  const separator = delimiter === '\t' ? 'a tab' : `"${delimiter}"`;
  for (const row of header === undefined ? rows : rows.slice(1)) {
    if (!warnedExtraColumns && row.fields.length > columns.used && row.fields.slice(columns.used).some((f) => f.trim() !== '')) {
      warnedExtraColumns = true;
      diagnostics.push({
        line: row.line,
        severity: 'warning',
        message: `this row has ${row.fields.length} columns; only question, answer and tags are imported, the other columns are ignored (here and in later rows)`,
      });
    }
    const question = (row.fields[columns.question] ?? '').trim();
    const answer = (row.fields[columns.answer] ?? '').trim();
    if (row.fields.length < 2) {
      diagnostics.push({ line: row.line, severity: 'warning', message: `row skipped: it has one column, but a card needs a question and an answer separated by ${separator}` });
    } else if (question === '') {
      diagnostics.push({ line: row.line, severity: 'warning', message: 'row skipped: the question is empty' });
    } else if (answer === '') {
      diagnostics.push({ line: row.line, severity: 'warning', message: 'row skipped: the answer is empty' });
    } else {
      const tags = columns.tags === undefined ? [] : splitTags(row.fields[columns.tags] ?? '');
      drafts.push({ question, answer, tags, line: row.line });
    }
  }
  return drafts;
}
