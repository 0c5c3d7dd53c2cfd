/**
 * Identity of decks and cards. A card id is what links a card's review history to the card,
 * so it must survive every edit a person would not call "a new card" and be computed
 * identically in Node (build step, CLI) and in the browser (imports in a Web Worker).
 *
 * - Deck id: `slugify(title)`; the title falls back to the file name (see parse.ts).
 * - Card id: 64-bit FNV-1a over the UTF-8 bytes of `deckId + "\0" + normaliseQuestion(question)`,
 *   plus `"\0" + occurrence` for the 2nd, 3rd… copy of a question in one deck, as 16 hex digits.
 *   The hash is written in plain integer arithmetic: no crypto API, no BigInt, no platform
 *   differences. The answer is not hashed, so editing an answer keeps the card's history.
 * - Normalisation: NFC, whitespace runs collapsed to one space, trimmed, lower-cased. Case is
 *   folded because fixing capitalisation ("what is s3?" -> "What is S3?") is a correction, not
 *   a new card; two questions differing only in case are reported as duplicates instead.
 */

const OFFSET_HIGH = 0xcbf29ce4;
const OFFSET_LOW = 0x84222325;
// The FNV 64-bit prime is 2^40 + 0x1b3, so h * prime = h * 0x1b3 + (h << 40). Splitting the
// state into 32-bit halves keeps every step in exact int32 arithmetic (Math.imul, shifts).
const PRIME_LOW = 0x1b3;

/**
 * FNV-1a 64 over the UTF-8 bytes of the concatenated parts (lone surrogates count as U+FFFD,
 * as in TextEncoder). Taking parts instead of one joined string avoids building a
 * concatenated string per card, which V8 reads more slowly.
 */
function fnv1a64(parts: readonly string[]): string {
  let high = OFFSET_HIGH | 0; // int32 from the start: keeps V8 on its small-integer path
  let low = OFFSET_LOW | 0;
  let pending = 0; // up to four UTF-8 bytes of the current code point, lowest byte first
  let pendingCount = 0;
  for (const text of parts) for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      pending = code;
      pendingCount = 1;
    } else {
      if (code >= 0xd800 && code <= 0xdfff) {
        const next = text.charCodeAt(i + 1);
        if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
          i++;
        } else {
          code = 0xfffd;
        }
      }
      if (code < 0x800) {
        pending = (0xc0 | (code >> 6)) | ((0x80 | (code & 0x3f)) << 8);
        pendingCount = 2;
      } else if (code < 0x10000) {
        pending = (0xe0 | (code >> 12)) | ((0x80 | ((code >> 6) & 0x3f)) << 8) | ((0x80 | (code & 0x3f)) << 16);
        pendingCount = 3;
      } else {
        pending =
          (0xf0 | (code >> 18)) |
          ((0x80 | ((code >> 12) & 0x3f)) << 8) |
          ((0x80 | ((code >> 6) & 0x3f)) << 16) |
          ((0x80 | (code & 0x3f)) << 24);
        pendingCount = 4;
      }
    }
    for (let k = 0; k < pendingCount; k++) {
      low ^= (pending >>> (8 * k)) & 0xff;
      // Carry out of the low half of low * 0x1b3, computed on 16-bit pieces to stay exact.
      const carry = (((low >>> 16) * PRIME_LOW + (((low & 0xffff) * PRIME_LOW) >>> 16)) >>> 16);
      high = (Math.imul(high, PRIME_LOW) + carry + (low << 8)) | 0;
      low = Math.imul(low, PRIME_LOW);
    }
  }
  return (high >>> 0).toString(16).padStart(8, '0') + (low >>> 0).toString(16).padStart(8, '0');
}

/**
 * 64-bit FNV-1a of the UTF-8 encoding of `text`, as 16 lowercase hex digits.
 *
 * @example hashText('') // 'cbf29ce484222325' (the FNV-1a 64 offset basis)
 * @example hashText('a') // 'af63dc4c8601ec8c'
 */
export function hashText(text: string): string {
  return fnv1a64([text]);
}

const NON_ASCII = /[\u0080-\uffff]/;
/** Whitespace other than a single space: a non-space whitespace character or two spaces in a row. */
const IRREGULAR_WHITESPACE = /[^\S ]| {2}/;

/**
 * The form of a question that identifies it: NFC, whitespace collapsed, trimmed, lower-cased.
 *
 * @example normaliseQuestion('  What is\tS3? ') // 'what is s3?'
 */
export function normaliseQuestion(question: string): string {
  // The tests before each step skip work that would not change the text; together they make
  // this several times faster on typical questions, which matters at 50,000 cards.
  const composed = NON_ASCII.test(question) ? question.normalize('NFC') : question;
  const collapsed = IRREGULAR_WHITESPACE.test(composed) ? composed.replace(/\s+/g, ' ') : composed;
  return collapsed.trim().toLowerCase();
}

/**
 * Card id from an already normalised question (see `normaliseQuestion`); parse.ts uses this
 * to normalise each question once.
 *
 * @example cardIdForKey('deck', normaliseQuestion('What is SQS?')) === cardId('deck', 'What is SQS?') // true
 */
export function cardIdForKey(deckId: string, questionKey: string, occurrence = 0): string {
  return fnv1a64(occurrence > 0 ? [deckId, '\u0000', questionKey, '\u0000', String(occurrence)] : [deckId, '\u0000', questionKey]);
}

/**
 * Stable id of a card: depends on the deck id and the normalised question only.
 * `occurrence` is 0 for the first card with this question in the deck, 1 for the second…
 *
 * @example
 * cardId('aws-cda-flashcards', 'What is SQS?') === cardId('aws-cda-flashcards', ' what is  SQS? ') // true
 * cardId('aws-cda-flashcards', 'What is SQS?', 1) // a different id for a repeated question
 */
export function cardId(deckId: string, question: string, occurrence = 0): string {
  return cardIdForKey(deckId, normaliseQuestion(question), occurrence);
}

// Letters NFKD does not decompose into ASCII plus marks.
const LETTER_FALLBACKS: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ħ: 'h',
};
const MAX_SLUG_LENGTH = 64;

/**
 * URL- and file-safe id from a title: lowercase ASCII letters, digits and single hyphens.
 * Accents are transliterated (NFKD, marks dropped); when nothing is left (e.g. a title in
 * Japanese) the slug is `deck-` plus a hash of the text, so it is still stable and non-empty.
 *
 * @example slugify('AWS: CDA Flashcards') // 'aws-cda-flashcards'
 * @example slugify('Crème Brûlée – Straße') // 'creme-brulee-strasse'
 */
export function slugify(text: string): string {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðłþıħ]/gu, (letter) => LETTER_FALLBACKS[letter] ?? '');
  let slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  if (slug.length > MAX_SLUG_LENGTH) {
    const cut = slug.slice(0, MAX_SLUG_LENGTH);
    const lastHyphen = cut.lastIndexOf('-');
    slug = lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut;
  }
  return slug === '' ? `deck-${fnv1a64([text]).slice(0, 8)}` : slug;
}
