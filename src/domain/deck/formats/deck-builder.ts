/**
 * Assembling imported cards into a Deck, the same way parse.ts does for our own format:
 * deck id = slugify(title); card id from (deck id, normalised question, occurrence), so a
 * card keeps its id (and its review history) when the same file is imported again after
 * edits, whichever format it came in; repeated questions get occurrence 1, 2… and a warning.
 */
import { cardIdForKey, normaliseQuestion, slugify } from '../ids.ts';
import type { Deck, DeckCard, Diagnostic } from '../types.ts';

/** A card as an importer reads it, before it has an id. */
export interface CardDraft {
  question: string;
  answer: string;
  tags: string[];
  /** 1-based source line where the card's row or question starts. */
  line: number;
}

/** What every format importer returns: decks, and problems that belong to no single deck. */
export interface ImportedDecks {
  decks: Deck[];
  diagnostics: Diagnostic[];
}

export interface ImporterOptions {
  /** Deck title chosen by the person; wins over titles found in the file. */
  title?: string;
  /**
   * Most cards (for delimited files: rows, plus a header row) accepted from the file; past it
   * the importer stops reading and returns no deck, only an error on the first row too many.
   * importFile passes MAX_IMPORT_CARDS; no limit by default.
   */
  maxCards?: number;
  /** Most decks accepted from one file (Anki's deck column); importFile passes MAX_IMPORT_DECKS. */
  maxDecks?: number;
  /** Called with the fraction of the text read so far (0..1). */
  onProgress?: (fraction: number) => void;
}

/**
 * Orders diagnostics by line, in place; whole-file ones (line 0) first. Stable, like parse.ts.
 *
 * @example sortDiagnostics([{ line: 3, … }, { line: 0, … }]).map((d) => d.line) // [0, 3]
 */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.line - b.line);
}

/**
 * Builds a deck from drafts: ids, duplicate-question warnings, diagnostics sorted by line.
 *
 * @example
 * const deck = buildDeck('Spanish', 'spanish.csv', [{ question: 'hola', answer: 'hello', tags: [], line: 1 }], []);
 * deck.id // 'spanish'
 * deck.cards[0]?.id === cardId('spanish', 'hola') // true
 */
export function buildDeck(title: string, sourceFile: string, drafts: readonly CardDraft[], diagnostics: Diagnostic[]): Deck {
  const id = slugify(title);
  const firstLineOf = new Map<string, number>();
  // Only repeated questions are counted here: a unique one costs one lookup and one insert.
  const repeats = new Map<string, number>();
  const cards = drafts.map((draft): DeckCard => {
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
    return {
      id: cardIdForKey(id, key, occurrence),
      question: draft.question,
      answer: draft.answer,
      tags: draft.tags,
      topics: [],
      line: draft.line,
    };
  });
  return { id, title, sourceFile, cards, diagnostics: sortDiagnostics(diagnostics) };
}

/**
 * The same deck under another title: new deck id, and card ids recomputed from it exactly
 * as parse.ts computes them (occurrences counted in card order).
 *
 * @example retitleDeck(parse('Q?\n- a', 'x.txt'), 'Geography').id // 'geography'
 */
export function retitleDeck(deck: Deck, title: string): Deck {
  const id = slugify(title);
  const occurrences = new Map<string, number>();
  const cards = deck.cards.map((card) => {
    const key = normaliseQuestion(card.question);
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    return { ...card, id: cardIdForKey(id, key, occurrence) };
  });
  return { ...deck, id, title, cards };
}

const TAG_SEPARATOR = /[\s,]/;

/**
 * Splits a tag cell into tags: whitespace- or comma-separated, duplicates dropped, Anki's
 * hierarchical `a::b` kept as one tag.
 *
 * @example splitTags('aws::s3  storage,aws::s3') // ['aws::s3', 'storage']
 */
export function splitTags(cell: string): string[] {
  if (cell === '') return [];
  // Most cells hold one tag or none: no splitting, no set.
  if (!TAG_SEPARATOR.test(cell)) return [cell];
  return mergeTags([], cell.split(/[\s,]+/));
}

/**
 * `tags` followed by the `extra` tags it lacks; empty strings dropped. A Set keeps this
 * linear even for a hostile cell with thousands of tags.
 *
 * @example mergeTags(['a'], ['b', 'a', '']) // ['a', 'b']
 */
export function mergeTags(tags: readonly string[], extra: readonly string[]): string[] {
  const merged = new Set(tags);
  for (const tag of extra) if (tag !== '') merged.add(tag);
  return [...merged];
}

/**
 * Calls `onProgress` at most about a hundred times, however many rows there are.
 *
 * @example const report = progressReporter((f) => console.log(f)); report(0.5); report(0.501); // logs once
 */
export function progressReporter(onProgress: ((fraction: number) => void) | undefined): (fraction: number) => void {
  let last = -1;
  return (fraction) => {
    if (onProgress === undefined || fraction - last < 0.01) return;
    last = fraction;
    onProgress(Math.min(1, Math.max(0, fraction)));
  };
}
