/**
 * The typed deck: what parsing a deck file produces, what the build embeds as JSON,
 * and what an import hands to the database once the person confirms it.
 */

export type Severity = 'error' | 'warning';

/** A problem found in a source file; `line` is 1-based (0 when it concerns the whole file). */
export interface Diagnostic {
  line: number;
  severity: Severity;
  message: string;
}

export interface DeckCard {
  /** Stable id: hash of (deck id, normalised question); see ids.ts. */
  id: string;
  /** Markdown source. */
  question: string;
  /** Markdown source; list items as `- ` lines, nested by two-space indentation. */
  answer: string;
  tags: string[];
  /** Subjects the card is about (derived from a deck's keyword map); empty when the deck has none. */
  topics: string[];
  /** 1-based source line of the question. */
  line: number;
}

export interface Deck {
  id: string;
  title: string;
  /** File name the deck came from, e.g. "aws-cda.txt". */
  sourceFile: string;
  cards: DeckCard[];
  diagnostics: Diagnostic[];
}
