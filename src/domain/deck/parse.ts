/**
 * The deck text format: text -> Deck plus diagnostics. Never throws; runs in linear time.
 *
 * Format rules (blank lines never matter; "next line" means the next non-blank line):
 *
 * 1. A list item is a line whose first non-blank character is `-`, `*` or `•` followed by
 *    whitespace (or nothing). It is answer content of the current card. Nesting comes from its
 *    indentation: two columns per level, a tab counting two; a level deeper than the previous
 *    item plus one is clamped, and the first item of an answer is always top level. A list
 *    item before any question is an error and is left out.
 * 2. Any other line ending in `?` (or `？`, `؟`) starts a new card: it is the question.
 * 3. Any other line (a "plain line"):
 *    a. Before any card: the very first line of the file is the deck title unless the next
 *       line is answer content (a list item, or tag lines followed by a list item); in that
 *       case, and for any later plain line before a card, it is a question.
 *    b. Directly after a question, before any answer: a single capitalised word
 *       (`/^\p{Lu}[\p{L}\p{N}-]*$/u`, e.g. "Development") is a tag when the run of such
 *       words it starts ends in a list item. So several tag lines in a row are allowed, and
 *       a one-word answer ("Free") stays the answer. Otherwise the line is the first line
 *       of the answer paragraph.
 *    c. After answer paragraph text: it starts a new card when the next line is answer
 *       content; otherwise it continues the paragraph. So a paragraph followed by a list
 *       is written as one paragraph line, then the items.
 *    d. After list items: it starts a new card (this is how "Describe DynamoDB tables" works).
 * 4. When no title line is found, the title is the file name without folders and extension.
 *
 * Consequences worth knowing: a paragraph line cannot end in `?`; text cannot follow list
 * items in one answer; a tag needs list items after it. serialize.ts writes decks within
 * these limits and reports cards it cannot represent.
 *
 * Output: question and title are the trimmed lines, verbatim. The answer is Markdown:
 * paragraph lines (trimmed) joined by "\n", then items as `- text`, indented two spaces per
 * level; item text is kept verbatim apart from surrounding whitespace. Tags are
 * de-duplicated per card. Card ids: see ids.ts.
 *
 * Diagnostics: list item before any question (error), question without an answer (warning),
 * duplicate question (warning, naming both lines), line over 10,000 characters (warning),
 * no cards at all (error, line 0). Invalid UTF-8 is reported by decode.ts.
 */
import type { Deck, DeckCard, Diagnostic } from './types.ts';
import { cardIdForKey, normaliseQuestion, slugify } from './ids.ts';
import { tooManyCards } from './import-limits.ts';
import { classifyLines, isWhitespace, itemDepth, itemText, lookahead, MAX_LINE_LENGTH, splitLines, startsAnswerContent } from './lines.ts';

/** Where the parser is inside the current card. */
type State = 'before-cards' | 'question' | 'tags' | 'paragraph' | 'list';

interface Draft {
  question: string;
  line: number;
  tags: string[];
  answer: string[];
  /** Level of the last list item in this answer, -1 before the first. */
  lastDepth: number;
}

/**
 * Title derived from a file name: folders and the last extension removed.
 *
 * @example titleFromFileName('decks/aws-cda.txt') // 'aws-cda'
 */
export function titleFromFileName(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  const stem = (dot > 0 ? base.slice(0, dot) : base).trim();
  return stem === '' ? 'Untitled deck' : stem;
}

export interface ParseOptions {
  /**
   * Most cards accepted (imports pass MAX_IMPORT_CARDS). Parsing stops at the first card past
   * it, and the deck comes back without cards and with that one error. No limit by default.
   */
  maxCards?: number;
}

/**
 * Parses deck text (see the rules above). Never throws: problems become diagnostics.
 *
 * @example
 * const deck = parse('My deck\nWhat is SQS?\n- A queue\n', 'my.txt');
 * deck.title                // 'My deck'
 * deck.cards[0]?.answer     // '- A queue'
 */
export function parse(text: string, fileName: string, options: ParseOptions = {}): Deck {
  const maxCards = options.maxCards ?? Infinity;
  // Callers from plain JS (workers, message handlers) may hand over anything.
  const source = typeof text === 'string' ? text : '';
  const sourceFile = typeof fileName === 'string' ? fileName : '';
  const { raw, contents, kinds } = classifyLines(splitLines(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source));
  const ahead = lookahead(kinds);
  const diagnostics: Diagnostic[] = [];
  const drafts: Draft[] = [];
  let title: string | undefined;
  let state: State = 'before-cards';
  let current: Draft | undefined;
  let seenNonBlank = false;

  // Returns the new draft rather than assigning it, so TypeScript's narrowing of `current`
  // and `state` stays sound (assignments inside closures are invisible to it).
  const openCard = (question: string, line: number): Draft => {
    const draft: Draft = { question, line, tags: [], answer: [], lastDepth: -1 };
    drafts.push(draft);
    return draft;
  };

  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i];
    const rawLine = raw[i] ?? '';
    const content = contents[i] ?? '';
    const lineNumber = i + 1;
    if (rawLine.length > MAX_LINE_LENGTH) {
      diagnostics.push({
        line: lineNumber,
        severity: 'warning',
        message: `line is ${rawLine.length} characters long (more than ${MAX_LINE_LENGTH}); are line breaks missing?`,
      });
    }
    if (kind === undefined || kind === 'blank') continue;
    const isFirstLine = !seenNonBlank;
    seenNonBlank = true;
    const nextStartsAnswer = startsAnswerContent(kinds, ahead, ahead.next[i] ?? -1);

    if (kind === 'item') {
      if (current === undefined) {
        diagnostics.push({ line: lineNumber, severity: 'error', message: 'list item before any question; it is left out' });
        continue;
      }
      const depth = Math.min(itemDepth(rawLine, content), current.lastDepth + 1);
      current.lastDepth = depth;
      current.answer.push(renderItem(rawLine, content, depth));
      state = 'list';
      continue;
    }
    if (kind === 'question') {
      if (drafts.length === maxCards) return overLimit(title, sourceFile, lineNumber, maxCards);
      current = openCard(content, lineNumber);
      state = 'question';
      continue;
    }
    // A plain line: title, question, tag or paragraph depending on where we are (rule 3).
    const startsCard =
      state === 'list' ||
      (state === 'paragraph' && nextStartsAnswer) ||
      (state === 'before-cards' && (!isFirstLine || nextStartsAnswer));
    if (startsCard) {
      if (drafts.length === maxCards) return overLimit(title, sourceFile, lineNumber, maxCards);
      current = openCard(content, lineNumber);
      state = 'question';
    } else if (current === undefined) {
      title = content;
    } else if ((state === 'question' || state === 'tags') && kind === 'word' && ahead.wordRunReachesItem[i] === 1) {
      if (!current.tags.includes(content)) current.tags.push(content);
      state = 'tags';
    } else {
      current.answer.push(content);
      state = 'paragraph';
    }
  }

  const deckTitle = title ?? titleFromFileName(sourceFile);
  const deckId = slugify(deckTitle);
  const cards = finishCards(drafts, deckId, diagnostics);
  if (cards.length === 0) {
    diagnostics.push({
      line: 0,
      severity: 'error',
      message: 'no cards found: a card is a question line followed by its answer lines',
    });
  }
  // Stable sort: diagnostics come out in source order, whole-file ones first.
  diagnostics.sort((a, b) => a.line - b.line);
  return { id: deckId, title: deckTitle, sourceFile, cards, diagnostics };
}

/** The deck of a file with more than `maxCards` cards: no cards, one error on the first card too many. */
function overLimit(title: string | undefined, sourceFile: string, line: number, maxCards: number): Deck {
  const deckTitle = title ?? titleFromFileName(sourceFile);
  return { id: slugify(deckTitle), title: deckTitle, sourceFile, cards: [], diagnostics: [{ line, severity: 'error', message: tooManyCards(maxCards) }] };
}

/** `- `, `  - `, `    - `…, built once per depth. */
const itemPrefixes: string[] = [];

/** The Markdown line of a list item; reuses the source line when it is already in that form. */
function renderItem(rawLine: string, content: string, depth: number): string {
  const prefix = (itemPrefixes[depth] ??= `${'  '.repeat(depth)}- `);
  // Most lines are already canonical ("- text" at the right indentation, nothing extra):
  // reusing them saves building a string per item, most of a big deck's lines.
  const first = rawLine[prefix.length];
  const last = rawLine[rawLine.length - 1];
  const canonical =
    rawLine.startsWith(prefix) && first !== undefined && !isWhitespace(first) && last !== undefined && !isWhitespace(last);
  if (canonical) return rawLine;
  const text = itemText(content);
  return text === '' ? prefix.trimEnd() : prefix + text;
}

/** Turns drafts into cards with ids, reporting empty answers and repeated questions. */
function finishCards(drafts: readonly Draft[], deckId: string, diagnostics: Diagnostic[]): DeckCard[] {
  const firstLineOf = new Map<string, number>();
  // Only repeated questions are counted here: a unique one costs one lookup and one insert.
  const repeats = new Map<string, number>();
  return drafts.map((draft) => {
    const key = normaliseQuestion(draft.question);
    const firstLine = firstLineOf.get(key);
    let occurrence = 0;
    if (firstLine === undefined) {
      firstLineOf.set(key, draft.line);
    } else {
      occurrence = (repeats.get(key) ?? 0) + 1;
      repeats.set(key, occurrence);
      diagnostics.push({
        line: draft.line,
        severity: 'warning',
        message: `duplicate question: line ${draft.line} repeats the question on line ${firstLine}`,
      });
    }
    if (draft.answer.length === 0) {
      diagnostics.push({ line: draft.line, severity: 'warning', message: 'question has no answer' });
    }
    return {
      id: cardIdForKey(deckId, key, occurrence),
      question: draft.question,
      answer: draft.answer.join('\n'),
      tags: draft.tags,
      topics: [],
      line: draft.line,
    } satisfies DeckCard;
  });
}
