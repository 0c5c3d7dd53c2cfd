/**
 * Line vocabulary of the deck text format. The parser (parse.ts) and the serializer
 * (serialize.ts) both classify lines here, so they cannot disagree about what a line is.
 * The format rules themselves are documented in the header of parse.ts.
 */

/**
 * - `blank`: only whitespace; ignored for structure.
 * - `item`: a list item (`- `, `* ` or `• ` after optional indentation, or a bare marker).
 * - `question`: any other line ending in a question mark (`?`, full-width `？`, Arabic `؟`).
 * - `word`: a single capitalised word such as "Development" (a tag or a one-word answer).
 * - `text`: any other line.
 */
export type LineKind = 'blank' | 'item' | 'question' | 'word' | 'text';

/**
 * A file's lines, classified. Parallel arrays rather than an object per line: a large deck
 * has hundreds of thousands of lines, and fewer allocations keep parsing fast.
 */
export interface ClassifiedLines {
  /** The lines as split from the text. */
  raw: readonly string[];
  /** Each line trimmed (usually the very same string as `raw`, so no copy is made). */
  contents: string[];
  kinds: LineKind[];
}

/** Longest line the format expects; longer lines are parsed but reported. */
export const MAX_LINE_LENGTH = 10_000;

const TAG_WORD = /^\p{Lu}[\p{L}\p{N}-]*$/u;
const QUESTION_MARKS = new Set(['?', '？', '؟']);
const LIST_MARKERS = new Set(['-', '*', '•']);
const WHITESPACE = /\s/u;

/**
 * Splits text into lines on LF, CRLF or a lone CR, so every line ending counts once.
 *
 * @example splitLines('a\r\nb\rc\nd') // ['a', 'b', 'c', 'd']
 */
export function splitLines(text: string): string[] {
  // Splitting on a plain "\n" is several times faster than on a pattern; imports arrive LF-only.
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}

/**
 * True when `char` (one character) is Unicode whitespace, as `/\s/u` says; printable ASCII is
 * answered without the regular expression, since this runs for most lines of a deck.
 *
 * @example isWhitespace('\u00a0') // true
 */
export function isWhitespace(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code > 32 && code < 127) return false;
  return WHITESPACE.test(char);
}

/**
 * True when trimmed, non-empty `content` starts with a list marker followed by whitespace or nothing.
 *
 * @example startsWithListMarker('* item') // true
 * @example startsWithListMarker('*emphasis*') // false
 */
export function startsWithListMarker(content: string): boolean {
  const marker = content[0];
  if (marker === undefined || !LIST_MARKERS.has(marker)) return false;
  const after = content[1];
  return after === undefined || after === ' ' || isWhitespace(after);
}

/**
 * True for a single capitalised word such as "Development" or "X-Ray".
 *
 * @example isTagWord('Monitoring') // true
 * @example isTagWord('monitoring') // false
 */
export function isTagWord(content: string): boolean {
  return TAG_WORD.test(content);
}

/**
 * True when trimmed `content` ends with a question mark (ASCII, full-width or Arabic).
 *
 * @example endsWithQuestionMark('什么？') // true
 */
export function endsWithQuestionMark(content: string): boolean {
  const last = content[content.length - 1];
  return last !== undefined && QUESTION_MARKS.has(last);
}

/**
 * Kind of a trimmed line. Runs in time linear in the line's length.
 *
 * @example lineKind('- Zero downtime') // 'item'
 * @example lineKind('Development')     // 'word'
 */
export function lineKind(content: string): LineKind {
  if (content === '') return 'blank';
  if (startsWithListMarker(content)) return 'item';
  if (endsWithQuestionMark(content)) return 'question';
  if (isTagWord(content)) return 'word';
  return 'text';
}

/**
 * Classifies every line.
 *
 * @example classifyLines(['Q?', '  - a']).kinds // ['question', 'item']
 */
export function classifyLines(raw: readonly string[]): ClassifiedLines {
  const contents = raw.map((line) => line.trim());
  return { raw, contents, kinds: contents.map(lineKind) };
}

/**
 * Text of a list item: its trimmed line without the marker and the whitespace after it.
 *
 * @example itemText('•  Zero downtime') // 'Zero downtime'
 */
export function itemText(content: string): string {
  return content.slice(1).trim();
}

/**
 * Nesting level a list item asks for: two columns of indentation per level, a tab counting two.
 *
 * @example itemDepth('\t  - nested', '- nested') // 2
 */
export function itemDepth(raw: string, content: string): number {
  // `content` is `raw` trimmed and starts with a non-blank character, so its first
  // occurrence in `raw` is right after the indentation.
  const indentLength = raw === content ? 0 : raw.indexOf(content);
  let columns = 0;
  for (let i = 0; i < indentLength; i++) columns += raw.charCodeAt(i) === 9 ? 2 : 1;
  return columns >> 1;
}

/** Precomputed look-ahead over classified lines, so every decision is O(1) and parsing stays linear. */
export interface Lookahead {
  /** Index of the next non-blank line after each line, or -1. */
  next: Int32Array;
  /** For a `word` line: 1 when the run of `word` lines starting there ends in a list item. */
  wordRunReachesItem: Uint8Array;
}

/**
 * Builds the look-ahead tables in one backward pass.
 *
 * @example
 * const { kinds } = classifyLines(['Q?', 'Development', '- a']);
 * startsAnswerContent(kinds, lookahead(kinds), 1) // true: a tag followed by a list item
 */
export function lookahead(kinds: readonly LineKind[]): Lookahead {
  const next = new Int32Array(kinds.length);
  const wordRunReachesItem = new Uint8Array(kinds.length);
  let following = -1;
  for (let i = kinds.length - 1; i >= 0; i--) {
    next[i] = following;
    const kind = kinds[i];
    if (kind === 'blank') continue;
    if (kind === 'word' && following >= 0) {
      const after = kinds[following];
      wordRunReachesItem[i] = after === 'item' || (after === 'word' && wordRunReachesItem[following] === 1) ? 1 : 0;
    }
    following = i;
  }
  return { next, wordRunReachesItem };
}

/**
 * True when line `index` begins answer content: a list item, or a run of tag words that ends
 * in a list item. A negative index (no such line) is not answer content.
 *
 * @example
 * const { kinds } = classifyLines(['Free', 'Next?']);
 * startsAnswerContent(kinds, lookahead(kinds), 0) // false: a one-word answer, not a tag
 */
export function startsAnswerContent(kinds: readonly LineKind[], ahead: Lookahead, index: number): boolean {
  if (index < 0) return false;
  const kind = kinds[index];
  return kind === 'item' || (kind === 'word' && ahead.wordRunReachesItem[index] === 1);
}
