/**
 * Which importer a file needs, from its name and its first lines. The person can always
 * override the guess; these rules are tried in order:
 *
 * 1. An Anki export header on the first line (`#separator:…`, `#html:…`, `#deck:…`, …;
 *    Anki 2.1.55+) -> 'anki', whatever the extension.
 * 2. Extension `.csv` -> 'csv'; `.tsv` or `.tab` -> 'tsv'; `.md` or `.markdown` -> 'retain'.
 * 3. Otherwise (`.txt`, no extension, anything else) the first rows decide:
 *    - tab-separated: at least two rows and 80% of them have a tab between two pieces of
 *      text (indentation tabs do not count). If any sampled row contains HTML (`<br>`,
 *      `&nbsp;`…) it is an older Anki export (tab separator, HTML fields) -> 'anki';
 *      otherwise plain tab-separated text such as Quizlet's export -> 'tsv';
 *    - comma-separated: no row is a list item and fewer than 20% end in "?" (our format's
 *      answers and questions), at least two rows, and 80% of them split into the same two
 *      or three fields at commas -> 'csv';
 *    - anything else -> 'retain', our own deck format.
 * Only the first 50 non-blank lines (at most 64 KB) are looked at, so detection is cheap
 * even for a 50 MB file.
 */
import { hasAnkiHeader } from './anki-headers.ts';
import { guessDelimiter } from './delimited-rows.ts';
import { looksLikeHtml } from './html-tokenizer.ts';

export type ImportFormat = 'retain' | 'anki' | 'csv' | 'tsv';

const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_LINES = 50;
const MAJORITY = 0.8;
const QUESTION_MARKS = new Set(['?', '？', '؟']);

/**
 * The file's extension, lower-cased, without the dot ('' when there is none).
 *
 * @example extensionOf('decks/Spanish.CSV') // 'csv'
 */
export function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function sampleLines(text: string): string[] {
  const lines: string[] = [];
  for (const line of text.slice(0, SAMPLE_CHARS).split(/\r\n|\r|\n/)) {
    if (line.trim() !== '') lines.push(line);
    if (lines.length === SAMPLE_LINES) break;
  }
  return lines;
}

/** A tab with text on both sides: "term<TAB>definition", not an indented "<TAB>- item". */
function hasInnerTab(line: string): boolean {
  const tab = line.indexOf('\t', line.length - line.trimStart().length);
  return tab > 0 && line.slice(tab).trim() !== '';
}

function isListItem(line: string): boolean {
  return /^\s*(?:[-*•]|[0-9]{1,9}[.)])(?:\s|$)/.test(line);
}

/**
 * Guesses the format of a decoded file (see the rules above).
 *
 * @example detectFormat('#separator:tab\n#html:true\nQ\tA', 'notes.txt') // 'anki'
 * @example detectFormat('hola\thello\nadiós\tgoodbye', 'quizlet.txt') // 'tsv'
 * @example detectFormat('What is SQS?\n- A queue', 'aws.txt') // 'retain'
 */
export function detectFormat(text: string, fileName: string): ImportFormat {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (hasAnkiHeader(source)) return 'anki';
  const extension = extensionOf(fileName);
  if (extension === 'csv') return 'csv';
  if (extension === 'tsv' || extension === 'tab') return 'tsv';
  if (extension === 'md' || extension === 'markdown') return 'retain';

  const lines = sampleLines(source);
  if (lines.length < 2) return 'retain';
  const tabbed = lines.filter(hasInnerTab).length;
  if (tabbed >= MAJORITY * lines.length) return lines.some(looksLikeHtml) ? 'anki' : 'tsv';
  // Our format's answers are list items and its questions end in "?"; CSV rows rarely do either.
  const questions = lines.filter((line) => QUESTION_MARKS.has(line.trimEnd().slice(-1))).length;
  if (!lines.some(isListItem) && questions < 0.2 * lines.length) {
    const guess = guessDelimiter(lines.join('\n'), [',']);
    if (guess.rows >= 2 && guess.cardShaped >= MAJORITY * guess.rows && guess.modalCount >= MAJORITY * guess.rows) return 'csv';
  }
  return 'retain';
}
