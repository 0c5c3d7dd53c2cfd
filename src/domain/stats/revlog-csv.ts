/**
 * The review log as CSV in the layout FSRS tools read, so a person can check our numbers
 * with the FSRS optimizer and other tools.
 *
 * Layout, from the "Review Logs Schema" of open-spaced-repetition/fsrs-optimizer (README.md;
 * its `create_time_series` reads `revlog.csv` with pandas and sorts by card_id, review_time):
 *   card_id          the card (integer here, see below)
 *   review_time      epoch milliseconds, UTC
 *   review_rating    1 Again, 2 Hard, 3 Good, 4 Easy
 *   review_state     state of the card at the review: 0 New, 1 Learning, 2 Review, 3 Relearning
 *   review_duration  milliseconds
 * The tool takes the time zone and the day-start hour as separate settings, not columns.
 *
 * Our card ids are strings (hashes of deck and question); many FSRS tools want integers. Each
 * id maps to a 53-bit hash, so the same card has the same number in every export and in any
 * deck filter. Two ids meeting on one number is very unlikely (about n²/2⁵⁴: 1 in 18,000 for a
 * million cards); `numericCardIds` then gives the later id the next free number.
 * Fields are quoted per RFC 4180 and records end in CRLF.
 */
import type { Phase } from '../scheduling/types.ts';
import type { StatReview } from './stat-review.ts';

export const REVLOG_CSV_COLUMNS = ['card_id', 'review_time', 'review_rating', 'review_state', 'review_duration'] as const;

/** review_state codes of the FSRS tools (the same numbers as ts-fsrs's `State`). */
export const REVIEW_STATE_CODES: Readonly<Record<Phase, 0 | 1 | 2 | 3>> = { new: 0, learning: 1, review: 2, relearning: 3 };

/**
 * A stable 53-bit integer for a card id: two 32-bit multiply-xor lanes over the UTF-16 code
 * units, mixed at the end so ids that differ in one character land far apart.
 *
 * @example
 * cardIdToNumber('a1b2c3') === cardIdToNumber('a1b2c3') // always; 0 ≤ n < 2^53
 */
export function cardIdToNumber(id: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x27d4eb2f ^ id.length;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0xc2b2ae35);
  h1 ^= h1 >>> 16;
  h2 ^= h2 >>> 16;
  h2 = Math.imul(h2 ^ h1, 0x2c1b3c6d);
  h2 ^= h2 >>> 13;
  // 32 bits of one lane above 21 bits of the other: an integer below 2^53, exact as a double.
  return (h2 >>> 0) * 0x200000 + (h1 >>> 11);
}

const MAX_ID = 2 ** 53;

/** Hands out numbers in order of first appearance, moving past any already taken. */
class CardNumberer {
  private readonly taken = new Set<number>();
  private readonly hash: (id: string) => number;

  // No parameter properties: Node's type stripping (used by the deck script) rejects them.
  constructor(hash: (id: string) => number) {
    this.hash = hash;
  }

  /** Call once per distinct id. */
  next(id: string): number {
    let n = this.hash(id);
    while (this.taken.has(n)) n = (n + 1) % MAX_ID;
    this.taken.add(n);
    return n;
  }
}

/**
 * The id → number map an export uses: `cardIdToNumber`, except that an id whose number is
 * already taken by a different id gets the next free one (in order of first appearance,
 * the same order `reviewLogToCsv` uses). `hash` is replaceable only so tests can force a
 * collision.
 *
 * @example
 * const ids = numericCardIds(reviews.map((r) => r.cardId));
 * ids.get(reviews[0].cardId) // → the card_id written for that card
 */
export function numericCardIds(ids: Iterable<string>, hash: (id: string) => number = cardIdToNumber): Map<string, number> {
  const numberer = new CardNumberer(hash);
  const byId = new Map<string, number>();
  for (const id of ids) {
    if (!byId.has(id)) byId.set(id, numberer.next(id));
  }
  return byId;
}

/**
 * Quotes one CSV field if it needs it (RFC 4180: comma, double quote, CR or LF inside;
 * inner quotes doubled).
 *
 * @example
 * csvField('say "hi", then go') === '"say ""hi"", then go"'
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export interface RevlogCsvOptions {
  /** 'numeric' (default) writes `numericCardIds`; 'original' writes our string ids, which the Python optimizer also accepts. */
  cardIds?: 'numeric' | 'original';
}

/** Grows a byte buffer as rows are written; digits are written without making strings. */
class ByteWriter {
  bytes: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(64, capacity));
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  raw(chunk: Uint8Array): void {
    this.reserve(chunk.length);
    this.bytes.set(chunk, this.length);
    this.length += chunk.length;
  }

  byte(code: number): void {
    this.reserve(1);
    this.bytes[this.length++] = code;
  }

  /** A non-negative integer below 2^53, in decimal. */
  uint(n: number): void {
    // Split into two parts below 10^8 so the digit loop runs on small integers: `%` on a
    // double above 2^31 is several times slower, and times in ms are 13 digits.
    const high = Math.floor(n / 1e8);
    if (high > 0) {
      this.smallUint(high);
      this.smallUint(n - high * 1e8, 8);
    } else {
      this.smallUint(n);
    }
  }

  /** An integer 0 ≤ n < 2^31, left-padded with zeros to `width` digits. */
  private smallUint(n: number, width = 1): void {
    let digits = 1;
    for (let p = 10; p <= n; p *= 10) digits++;
    if (digits < width) digits = width;
    this.reserve(digits);
    let i = this.length + digits;
    this.length = i;
    let rest = n | 0;
    for (let k = 0; k < digits; k++) {
      const q = (rest / 10) | 0;
      this.bytes[--i] = 48 + rest - q * 10;
      rest = q;
    }
  }
}

const COMMA = 44;
const CR = 13;
const LF = 10;

/** Rounds to a whole, non-negative, finite number of milliseconds. */
const wholeMs = (ms: number): number => (Number.isFinite(ms) && ms > 0 ? Math.min(Number.MAX_SAFE_INTEGER, Math.round(ms)) : 0);

/**
 * The review log as UTF-8 CSV bytes with a header row, rows in the order given: ready for a
 * download `Blob`. Written straight into a byte buffer, because building a million row
 * strings costs seconds of garbage collection.
 *
 * @example
 * new Blob([reviewLogToCsvBytes(reviews)], { type: 'text/csv' })
 */
export function reviewLogToCsvBytes(reviews: readonly StatReview[], options: RevlogCsvOptions = {}): Uint8Array {
  const encoder = new TextEncoder();
  const numeric = (options.cardIds ?? 'numeric') === 'numeric';
  const numberer = numeric ? new CardNumberer(cardIdToNumber) : null;
  // Each card's id field is numbered and encoded once, on first sight, not once per answer.
  const idBytes = new Map<string, Uint8Array>();
  const out = new ByteWriter(64 + reviews.length * 48);
  out.raw(encoder.encode(`${REVLOG_CSV_COLUMNS.join(',')}\r\n`));
  for (const r of reviews) {
    let id = idBytes.get(r.cardId);
    if (id === undefined) {
      const field = numberer === null ? csvField(r.cardId) : String(numberer.next(r.cardId));
      id = encoder.encode(field);
      idBytes.set(r.cardId, id);
    }
    out.raw(id);
    out.byte(COMMA);
    out.uint(wholeMs(r.reviewedAt));
    out.byte(COMMA);
    out.uint(r.rating);
    out.byte(COMMA);
    out.uint(REVIEW_STATE_CODES[r.phaseBefore]);
    out.byte(COMMA);
    out.uint(wholeMs(r.durationMs));
    out.byte(CR);
    out.byte(LF);
  }
  return out.bytes.subarray(0, out.length);
}

/**
 * The review log as CSV text: `reviewLogToCsvBytes` decoded.
 *
 * @example
 * reviewLogToCsv([{ cardId: 'x', reviewedAt: 1710496800000, rating: 3, durationMs: 4200.4, phaseBefore: 'review', … }])
 * // → 'card_id,review_time,review_rating,review_state,review_duration\r\n<n>,1710496800000,3,2,4200\r\n'
 */
export function reviewLogToCsv(reviews: readonly StatReview[], options: RevlogCsvOptions = {}): string {
  return new TextDecoder().decode(reviewLogToCsvBytes(reviews, options));
}
