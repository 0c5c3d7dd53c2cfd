/**
 * How much one imported file may hold, and how refusals say so. A hostile or broken file —
 * millions of tiny rows, a flood of blank lines, a deck per note — is refused in a fraction of
 * a second, naming the limit, instead of keeping the import busy for minutes and then writing
 * millions of rows. Each importer stops reading at the first card past the limit, so the work
 * done is bounded by the limit, not by the file: at the limits, reading a file takes under a
 * second on the 2-core machine of scripts/bench-hostile-import.ts.
 */

/** Lines in one file, blank ones included: twenty per card at the card limit (the 50,000-card benchmark deck has 326,000). */
export const MAX_IMPORT_LINES = 1_000_000;
/**
 * Cards in one file, all decks together: the size the import is built and measured for
 * (scripts/bench-import.mjs). Saving costs two IndexedDB rows per card, about 12 s for
 * 50,000 cards on that machine, so a larger collection is better imported in parts anyway.
 */
export const MAX_IMPORT_CARDS = 50_000;
/** Decks in one file (an Anki export with a deck column): far more than real collections use. */
export const MAX_IMPORT_DECKS = 1_000;

/** How a person is told to get past a limit. */
export const SPLIT_ADVICE = 'Split it into smaller files and import them one at a time.';

/**
 * 1048576 -> "1,048,576"; written out so messages do not depend on the platform's locale data.
 *
 * @example groupDigits(1048576) // '1,048,576'
 */
export function groupDigits(n: number): string {
  const digits = String(Math.trunc(n));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return out;
}

/**
 * The message for the first card over the limit, located on that card's line by the caller.
 *
 * @example tooManyCards(50_000) // 'this is card 50,001; a file may hold at most 50,000 cards. Split it …'
 */
export function tooManyCards(limit: number): string {
  return `this is card ${groupDigits(limit + 1)}; a file may hold at most ${groupDigits(limit)} cards. ${SPLIT_ADVICE}`;
}

/**
 * The message for the first row of a delimited file (CSV, TSV, Anki) past the rows allowed,
 * located on that row's line by the caller. Rows are counted, not cards, so that a file of
 * millions of rows that are all skipped is stopped as early as one of millions of cards.
 *
 * @example tooManyRows(50_002, 50_000) // 'this is row 50,002; a file may hold at most 50,000 cards, one per row. Split it …'
 */
export function tooManyRows(row: number, cardLimit: number): string {
  return `this is row ${groupDigits(row)}; a file may hold at most ${groupDigits(cardLimit)} cards, one per row. ${SPLIT_ADVICE}`;
}
