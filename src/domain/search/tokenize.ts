/**
 * How card text and search queries are cut into words, the same way for both so that what
 * a person types finds what a card says: lower case, accents folded ("café" finds "cafe"),
 * and any character that is not a letter or a digit is a separator. Markdown syntax (`**`,
 * `- `, backticks) is punctuation, so it never becomes part of a word; "X-Ray" is the two
 * words "x" and "ray", and the query "x-ray" asks for both.
 *
 * It is a hand-written scanner rather than `split(/[^\p{L}\p{N}]+/u)`: indexing 50,000 cards
 * reads over 10 MB of text, and normalising plus splitting with the Unicode-aware regular
 * expression took about five times as long as testing character codes, where ASCII (most
 * card text) is decided without any lookup and only words with other characters are folded.
 */

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const COMBINING_MARKS = /\p{M}+/gu;
/** Non-ASCII code point -> whether it belongs to a word; card text reuses few of them. */
const wordCharCache = new Map<number, boolean>();

function isWordCodePoint(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  let known = wordCharCache.get(code);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCodePoint(code));
    wordCharCache.set(code, known);
  }
  return known;
}

/** A lower-cased word with accents removed and compatibility forms folded (NFKD: "ﬁ" -> "fi"). */
function foldWord(word: string, ascii: boolean): string {
  // Lower-cased again: compatibility forms can fold to capitals ("𝒜" -> "A").
  return ascii ? word : word.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

/**
 * Calls `visit` with each word of `text`, folded, in order, repeats included.
 *
 * @example
 * const words: string[] = [];
 * forEachWord('Café X-Ray', (word) => words.push(word)); // words: ['cafe', 'x', 'ray']
 */
export function forEachWord(text: string, visit: (word: string) => void): void {
  const lower = text.toLowerCase();
  const end = lower.length;
  let start = -1;
  let ascii = true;
  let i = 0;
  while (i <= end) {
    let code = i < end ? lower.charCodeAt(i) : 32;
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < end) {
      code = lower.codePointAt(i) as number;
      width = code > 0xffff ? 2 : 1;
    }
    if (isWordCodePoint(code)) {
      if (start < 0) {
        start = i;
        ascii = true;
      }
      if (code >= 128) ascii = false;
    } else if (start >= 0) {
      const word = foldWord(lower.slice(start, i), ascii);
      // Folding can leave nothing (a word of combining marks alone).
      if (word.length > 0) visit(word);
      start = -1;
    }
    i += width;
  }
}

/**
 * The words of `text`, folded, in order, repeats kept.
 *
 * @example
 * tokenize('What is **Elastic Beanstalk**?'); // ['what', 'is', 'elastic', 'beanstalk']
 * tokenize('Café X-Ray'); // ['cafe', 'x', 'ray']
 */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  forEachWord(text, (word) => words.push(word));
  return words;
}

/**
 * The distinct words of `text`, folded, in order of first appearance.
 *
 * @example
 * uniqueWords('the cat and the hat'); // ['the', 'cat', 'and', 'hat']
 */
export function uniqueWords(text: string): string[] {
  return [...new Set(tokenize(text))];
}
