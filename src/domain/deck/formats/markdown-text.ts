/**
 * Writing plain text into Markdown so that it reads back as exactly that text.
 *
 * Imported fields that are text, not Markdown (Anki fields, Anki's `#html:false` exports)
 * must not turn into formatting by accident: `2*3*4` must not become italics, `<b>` must
 * stay the four characters, `[x](javascript:…)` must not become a link, and a line starting
 * `1.` or `#` must not become a list or a heading. Backslash escapes (CommonMark §2.4) do
 * this and render as the bare character.
 */

/**
 * Characters that can start or end inline Markdown (emphasis, code, links, raw HTML, GFM tables
 * and strikethrough), and `&` before what could be a character reference (`&copy;` written as
 * text must not be decoded into © by the Markdown renderer). A character class and a one-character
 * look-ahead: linear, and the regular expression engine scans far faster than a loop in JS.
 */
const INLINE_SPECIAL = /[\\`*_[\]<~|]|&(?=[A-Za-z0-9#])/;
const INLINE_SPECIALS = new RegExp(INLINE_SPECIAL.source, 'g');
/** Characters that start a block (heading, quote, list, setext underline) when first on a line. */
const LINE_START_SPECIAL = new Set(['#', '>', '-', '+', '=']);

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Escapes `text` (one line, no line breaks) for use inside a Markdown paragraph.
 * With `atLineStart`, characters that would begin a block construct are escaped too.
 *
 * @example escapeMarkdownText('2*3 <b> [x](y)') // '2\\*3 \\<b> \\[x\\](y)'
 * @example escapeMarkdownText('1. not a list', true) // '1\\. not a list'
 */
export function escapeMarkdownText(text: string, atLineStart = false): string {
  if (atLineStart) {
    const first = text[0];
    if (first !== undefined && LINE_START_SPECIAL.has(first)) return `\\${first}${escapeInline(text.slice(1))}`;
    // "1." or "12)" followed by anything would be read as an ordered-list marker.
    let digits = 0;
    while (digits < text.length && digits < 10 && isDigit(text.charCodeAt(digits))) digits++;
    const after = text[digits];
    if (digits > 0 && (after === '.' || after === ')')) return `${text.slice(0, digits)}\\${after}${escapeInline(text.slice(digits + 1))}`;
  }
  return escapeInline(text);
}

function escapeInline(text: string): string {
  // Testing first is much cheaper than a replace that finds nothing, the usual case.
  return INLINE_SPECIAL.test(text) ? text.replace(INLINE_SPECIALS, '\\$&') : text;
}

/**
 * Turns plain text (possibly several lines) into Markdown that displays the same text:
 * every character escaped, single line breaks kept as hard breaks, blank lines as
 * paragraph breaks. Leading indentation is dropped (four spaces would mean a code block).
 *
 * @example plainTextToMarkdown('a*b\nc\n\nd') // 'a\\*b\\\nc\n\nd'
 */
export function plainTextToMarkdown(text: string): string {
  const paragraphs: string[][] = [[]];
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.trim();
    const current = paragraphs[paragraphs.length - 1] ?? [];
    if (line === '') {
      if (current.length > 0) paragraphs.push([]);
      continue;
    }
    current.push(escapeMarkdownText(line, true));
  }
  return paragraphs
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\\\n'))
    .join('\n\n');
}
