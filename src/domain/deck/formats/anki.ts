/**
 * Anki's "Notes in Plain Text" export -> decks.
 *
 * Header lines are read by anki-headers.ts; rows are split by papaparse (delimited-rows.ts).
 * Mapping a row to a card:
 * - meta columns (`#tags column`, `#deck column`, `#notetype column`, `#guid column`, or
 *   columns labelled Tags/Deck/Notetype/GUID in `#columns`) are not card text;
 * - the question is the first other column (or the one `#columns` labels Front, Question,
 *   Text or Term), the answer the next (Back, Answer, Extra, Back Extra, Definition);
 *   further non-empty columns are added to the answer as extra paragraphs, so nothing
 *   a note holds is lost;
 * - a cloze note (`{{c1::…}}`) becomes one card: deletions hidden in the question, shown in
 *   the answer (anki-cloze.ts);
 * - fields are HTML unless `#html:false` (or, without the header, unless no field looks like
 *   HTML); HTML becomes safe Markdown (html-to-markdown.ts), plain text is escaped;
 * - tags: the tags column split on spaces (`a::b` hierarchies kept) plus `#tags:`.
 * Decks: a `#deck column` may name several decks; each becomes its own Deck, in the order
 * they first appear. Rows without a deck name go to the default deck, titled
 * `options.title`, else `#deck:`, else the file name. When the file has a single deck,
 * `options.title` names it.
 * The GUID and note type are not kept: card identity comes from the question (deck-builder.ts).
 * Lines starting with `#` after the headers are comments, as in Anki.
 */
import { groupDigits, SPLIT_ADVICE, tooManyRows } from '../import-limits.ts';
import { titleFromFileName } from '../parse.ts';
import type { Diagnostic } from '../types.ts';
import { readAnkiHeaders, type AnkiHeaders } from './anki-headers.ts';
import { clozeCard } from './anki-cloze.ts';
import { buildDeck, mergeTags, progressReporter, splitTags, type CardDraft, type ImportedDecks, type ImporterOptions } from './deck-builder.ts';
import { guessDelimiter, normaliseNewlines, readDelimitedRows, type DelimitedRow } from './delimited-rows.ts';
import { looksLikeHtml } from './html-tokenizer.ts';
import { htmlToMarkdown } from './html-to-markdown.ts';
import { plainTextToMarkdown } from './markdown-text.ts';

const QUESTION_LABELS = new Set(['front', 'question', 'text', 'term', 'word']);
const ANSWER_LABELS = new Set(['back', 'answer', 'extra', 'back extra', 'definition', 'meaning']);
/** Anki's own fallback order when no `#separator` is given (rslib's Delimiter enum). */
const SEPARATOR_ORDER = ['\t', '|', ';', ':', ',', ' '];

interface ColumnPlan {
  meta: Set<number>;
  tags?: number;
  deck?: number;
  /** 0-based columns chosen by `#columns` labels. */
  question?: number;
  answer?: number;
}

function labelled(labels: readonly string[] | undefined, names: ReadonlySet<string>, skip: ReadonlySet<number>): number | undefined {
  const index = labels?.findIndex((label, i) => !skip.has(i) && names.has(label.toLowerCase())) ?? -1;
  return index < 0 ? undefined : index;
}

function planColumns(headers: AnkiHeaders): ColumnPlan {
  const labels = headers.columns;
  const byLabel = (name: string): number | undefined => {
    const index = labels?.findIndex((label) => label.toLowerCase() === name) ?? -1;
    return index < 0 ? undefined : index + 1;
  };
  const oneBased = {
    tags: headers.tagsColumn ?? byLabel('tags'),
    deck: headers.deckColumn ?? byLabel('deck'),
    notetype: headers.notetypeColumn ?? byLabel('notetype'),
    guid: headers.guidColumn ?? byLabel('guid'),
  };
  const meta = new Set<number>();
  for (const column of Object.values(oneBased)) if (column !== undefined) meta.add(column - 1);
  const plan: ColumnPlan = { meta };
  if (oneBased.tags !== undefined) plan.tags = oneBased.tags - 1;
  if (oneBased.deck !== undefined) plan.deck = oneBased.deck - 1;
  const question = labelled(labels, QUESTION_LABELS, meta);
  if (question !== undefined) plan.question = question;
  const answer = labelled(labels, ANSWER_LABELS, new Set([...meta, ...(question === undefined ? [] : [question])]));
  if (answer !== undefined) plan.answer = answer;
  return plan;
}

/** Which columns of a row hold the question, the answer and further answer fields. */
interface RowLayout {
  question: number | undefined;
  answer: number | undefined;
  extras: number[];
}

/** The layout of rows of `count` fields following the plan. */
function rowLayout(count: number, plan: ColumnPlan): RowLayout {
  const free: number[] = [];
  for (let i = 0; i < count; i++) if (!plan.meta.has(i)) free.push(i);
  const question = plan.question !== undefined && plan.question < count ? plan.question : free[0];
  const answer = plan.answer !== undefined && plan.answer < count && plan.answer !== question ? plan.answer : free.find((i) => i !== question);
  return { question, answer, extras: free.filter((i) => i !== question && i !== answer) };
}

/** The answer fields of a row as Markdown, empty ones left out, separated by blank lines. */
function answerMarkdown(fields: readonly string[], layout: RowLayout, toMarkdown: (field: string) => string): string {
  let answer = layout.answer === undefined ? '' : toMarkdown(fields[layout.answer] ?? '');
  for (const column of layout.extras) {
    const extra = toMarkdown(fields[column] ?? '');
    if (extra !== '') answer = answer === '' ? extra : `${answer}\n\n${extra}`;
  }
  return answer;
}

/**
 * Parses an Anki plain-text export. Never throws; time linear in the text.
 *
 * @example
 * const { decks } = parseAnkiExport('#separator:tab\n#html:true\n#tags column:3\nWhat is <b>SQS</b>?\tA queue<br>Managed\taws::sqs\n', 'notes.txt');
 * decks[0]?.cards[0] // { question: 'What is **SQS**?', answer: 'A queue\\\nManaged', tags: ['aws::sqs'], line: 4, … }
 */
export function parseAnkiExport(text: string, fileName: string, options: ImporterOptions = {}): ImportedDecks {
  const source = normaliseNewlines(text);
  const headers = readAnkiHeaders(source);
  const body = source.slice(headers.bodyStart);
  const separator = headers.separator ?? guessSeparator(body);
  const html = headers.html ?? looksLikeHtml(body);
  const toMarkdown = html ? htmlToMarkdown : plainTextToMarkdown;
  const plan = planColumns(headers);
  const progress = progressReporter(options.onProgress);
  const maxCards = options.maxCards ?? Infinity;
  const maxDecks = options.maxDecks ?? Infinity;
  const defaultTitle = options.title ?? headers.deck ?? titleFromFileName(fileName);
  const groups = new Map<string, { drafts: CardDraft[]; diagnostics: Diagnostic[] }>();
  // Rows almost always have the same number of fields: their layout is worked out once per count.
  const layouts = new Map<number, RowLayout>();
  let tooManyDecksAt: Diagnostic | undefined;

  // Each row becomes a card as it is read, so its raw fields are garbage at once rather than
  // kept for the whole file.
  const addRow = (row: DelimitedRow): boolean => {
    if (body[row.start] === '#') return true;
    const deckName = (plan.deck === undefined ? '' : (row.fields[plan.deck] ?? '').trim()) || defaultTitle;
    let group = groups.get(deckName);
    if (group === undefined) {
      if (groups.size === maxDecks) {
        tooManyDecksAt = { line: row.line, severity: 'error', message: tooManyDecks(deckName, maxDecks) };
        return false;
      }
      group = { drafts: [], diagnostics: [] };
      groups.set(deckName, group);
    }
    let layout = layouts.get(row.fields.length);
    if (layout === undefined) {
      layout = rowLayout(row.fields.length, plan);
      layouts.set(row.fields.length, layout);
    }
    const question = layout.question === undefined ? '' : toMarkdown(row.fields[layout.question] ?? '');
    const rest = answerMarkdown(row.fields, layout, toMarkdown);
    const cloze = clozeCard(question);
    const card = {
      question: cloze?.question ?? question,
      answer: cloze === undefined ? rest : rest === '' ? cloze.answer : `${cloze.answer}\n\n${rest}`,
    };
    if (card.question.trim() === '') {
      group.diagnostics.push({ line: row.line, severity: 'warning', message: 'note skipped: its first field is empty (images and sounds cannot be imported)' });
      return true;
    }
    if (card.answer.trim() === '') {
      group.diagnostics.push({ line: row.line, severity: 'warning', message: 'note skipped: it has no answer field, or the answer is empty' });
      return true;
    }
    const tags = plan.tags === undefined ? [] : splitTags(row.fields[plan.tags] ?? '');
    group.drafts.push({ ...card, tags: headers.globalTags.length === 0 ? tags : mergeTags(tags, headers.globalTags), line: row.line });
    return true;
  };

  const read = readDelimitedRows(body, { delimiter: separator, firstLine: headers.bodyLine, maxRows: maxCards, onRow: addRow, onProgress: progress });
  if (tooManyDecksAt !== undefined) return { decks: [], diagnostics: [tooManyDecksAt] };
  if (read.overLimit !== undefined) return refusal(read.overLimit.line, tooManyRows(read.overLimit.row, maxCards));
  const fileDiagnostics: Diagnostic[] = [...headers.diagnostics, ...read.diagnostics];

  const renameSingle = options.title !== undefined && groups.size === 1;
  const decks = [...groups].map(([name, group]) =>
    buildDeck(renameSingle ? (options.title ?? name) : name, fileName, group.drafts, group.diagnostics),
  );
  options.onProgress?.(1);
  return { decks, diagnostics: fileDiagnostics };
}

/** A file refused as a whole because of one error: no deck. */
function refusal(line: number, message: string): ImportedDecks {
  return { decks: [], diagnostics: [{ line, severity: 'error', message }] };
}

function tooManyDecks(deckName: string, limit: number): string {
  const shown = deckName.length > 60 ? `${deckName.slice(0, 60)}…` : deckName;
  return `this note starts deck ${groupDigits(limit + 1)} ("${shown}"); a file may hold at most ${groupDigits(limit)} decks. ${SPLIT_ADVICE}`;
}

/** Anki's rule when `#separator` is missing: the first of its separators present in the first 8 KB. */
function guessSeparator(body: string): string {
  const sample = body.slice(0, 8 * 1024);
  const [first, ...others] = SEPARATOR_ORDER.filter((separator) => sample.includes(separator));
  if (first === undefined) return '\t';
  // Unlike Anki, prefer a separator that actually gives rows of two or three fields.
  const guess = guessDelimiter(sample, [first, ...others]);
  return guess.cardShaped > 0 ? guess.delimiter : first;
}
