/**
 * HTML character references (`&amp;`, `&#233;`, `&#x1F600;`) decoded without a DOM.
 *
 * Owns the table of named references we understand. It covers what Anki's editor and
 * copy-pasted web text actually contain (markup characters, spaces, quotes and dashes,
 * common symbols, Greek letters for science decks), not HTML's 2,000+ names: an unknown
 * name is left as written, which is visible and harmless.
 */

const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', shy: '', zwj: '\u200d', zwnj: '\u200c',
  lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
  laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', hellip: '…', ndash: '–', mdash: '—',
  bull: '•', middot: '·', copy: '©', reg: '®', trade: '™', deg: '°', micro: 'µ',
  times: '×', divide: '÷', plusmn: '±', minus: '−', frac12: '½', frac14: '¼', frac34: '¾',
  sup1: '¹', sup2: '²', sup3: '³', para: '¶', sect: '§', iexcl: '¡', iquest: '¿',
  euro: '€', pound: '£', yen: '¥', cent: '¢', dagger: '†', Dagger: '‡', permil: '‰',
  larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔', lArr: '⇐', rArr: '⇒', hArr: '⇔',
  le: '≤', ge: '≥', ne: '≠', asymp: '≈', equiv: '≡', infin: '∞', radic: '√', sum: '∑',
  prod: '∏', int: '∫', part: '∂', nabla: '∇', isin: '∈', notin: '∉', cap: '∩', cup: '∪',
  sub: '⊂', sup: '⊃', sube: '⊆', supe: '⊇', forall: '∀', exist: '∃', empty: '∅', and: '∧',
  or: '∨', not: '¬', prop: '∝', ang: '∠', there4: '∴', prime: '′', Prime: '″',
  ...greekLetters(),
};

/** Greek letters by name: Alpha..Omega at U+0391, alpha..omega at U+03B1, plus final sigma. */
function greekLetters(): Record<string, string> {
  // Index 17 is skipped: U+03A2 is unassigned, and its lowercase slot is the final sigma.
  const names = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa',
    'lambda', 'mu', 'nu', 'xi', 'omicron', 'pi', 'rho', '', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega'];
  const letters: Record<string, string> = { sigmaf: 'ς' };
  names.forEach((name, index) => {
    if (name === '') return;
    letters[name] = String.fromCodePoint(0x3b1 + index);
    letters[name.charAt(0).toUpperCase() + name.slice(1)] = String.fromCodePoint(0x391 + index);
  });
  return letters;
}

/** Longest name we look up; bounds the scan after each `&` so decoding stays linear. */
const MAX_NAME_LENGTH = 10;
const REPLACEMENT = '\ufffd';

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isHexDigit(code: number): boolean {
  return isDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

/** 0-15 for a hexadecimal (or decimal) digit's character code. */
function hexDigitValue(code: number): number {
  if (code <= 57) return code - 48;
  return (code | 0x20) - 87;
}

/** The character a numeric reference stands for; invalid code points become U+FFFD as browsers do. */
function fromCodePoint(value: number): string {
  if (value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return REPLACEMENT;
  return String.fromCodePoint(value);
}

/**
 * Decodes one reference starting at `start` (which holds `&`).
 * Returns the text and the index just after the reference, or undefined when it is not one.
 */
function decodeAt(text: string, start: number): { value: string; end: number } | undefined {
  let i = start + 1;
  if (text.charCodeAt(i) === 35 /* # */) {
    i++;
    const hex = text.charCodeAt(i) === 120 || text.charCodeAt(i) === 88; // x or X
    if (hex) i++;
    const digitsStart = i;
    let value = 0;
    while (i < text.length && (hex ? isHexDigit(text.charCodeAt(i)) : isDigit(text.charCodeAt(i)))) {
      // Saturate instead of overflowing: any value past U+10FFFF is invalid anyway.
      value = Math.min(value * (hex ? 16 : 10) + hexDigitValue(text.charCodeAt(i)), 0x110000);
      i++;
    }
    if (i === digitsStart) return undefined;
    // Browsers accept a numeric reference without its `;`.
    if (text.charCodeAt(i) === 59 /* ; */) i++;
    return { value: fromCodePoint(value), end: i };
  }
  const nameStart = i;
  while (i < text.length && i - nameStart <= MAX_NAME_LENGTH && isAsciiAlphanumeric(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 59 /* ; */) return undefined;
  const value = NAMED[text.slice(nameStart, i)];
  return value === undefined ? undefined : { value, end: i + 1 };
}

/**
 * Replaces character references with the characters they stand for. Unknown or malformed
 * references are kept as written. Linear in the length of `text`.
 *
 * @example decodeEntities('Tom &amp; Jerry &lt;3 &#x263A; &nbsp;') // 'Tom & Jerry <3 ☺ \u00a0'
 * @example decodeEntities('&madeup; &#;') // '&madeup; &#;'
 */
export function decodeEntities(text: string): string {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  let out = '';
  let copied = 0;
  while (amp >= 0) {
    // A reference starts `&#` or `&` and a letter or digit; anything else (`& `, `&&`) is text.
    const next = text.charCodeAt(amp + 1);
    const decoded = next === 35 || isAsciiAlphanumeric(next) ? decodeAt(text, amp) : undefined;
    if (decoded === undefined) {
      amp = text.indexOf('&', amp + 1);
      continue;
    }
    out += text.slice(copied, amp) + decoded.value;
    copied = decoded.end;
    amp = text.indexOf('&', decoded.end);
  }
  return out + text.slice(copied);
}
