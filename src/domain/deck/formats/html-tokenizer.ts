/**
 * A small HTML tokenizer for card fields, written for domain code where there is no DOM.
 *
 * It follows the HTML rules that matter for safety rather than the whole specification:
 * - `<` starts a tag only when a letter follows (`a < b` stays text), as in browsers;
 * - a tag that never reaches its `>` is dropped with the rest of the input, so a tag is
 *   never mistaken for text;
 * - `<script>` and `<style>` contents are raw text: nothing inside them is a tag, and the
 *   element ends at the first matching close tag;
 * - comments, `<!DOCTYPE>` and `<?…>` produce nothing.
 *
 * Every scan moves forward (indexOf or a single loop), so tokenizing is linear in the
 * input: there are no regular expressions that could backtrack on adversarial text.
 */
import { decodeEntities } from './html-entities.ts';

export type HtmlToken =
  | { kind: 'text'; text: string }
  | { kind: 'open'; name: string; attributes: ReadonlyMap<string, string>; selfClosing: boolean }
  | { kind: 'close'; name: string };

/** Receives the tokens of scanHtml as they are read, in order; nothing is collected. */
export interface HtmlSink {
  text(text: string): void;
  open(name: string, attributes: ReadonlyMap<string, string>, selfClosing: boolean): void;
  close(name: string): void;
}

/** The attributes of every tag that has none: one shared, empty map instead of one per tag. */
const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();

/** Elements whose content is raw text, never markup. */
const RAW_TEXT = new Set(['script', 'style']);

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** HTML's ASCII whitespace: tab, line feed, form feed, carriage return, space. */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

interface ParsedTag {
  name: string;
  attributes: ReadonlyMap<string, string>;
  selfClosing: boolean;
  /** Index just after the closing `>`. */
  end: number;
}

/**
 * Reads a tag whose name starts at `start`. Returns undefined when the input ends first:
 * browsers drop such a tag, and so do we.
 */
function readTag(html: string, start: number): ParsedTag | undefined {
  let i = start;
  while (i < html.length && !isSpace(html.charCodeAt(i)) && html[i] !== '/' && html[i] !== '>') i++;
  const name = html.slice(start, i).toLowerCase();
  // Created at the first attribute: most tags (<b>, <li>, <br>) have none.
  let attributes: Map<string, string> | undefined;
  let selfClosing = false;
  while (i < html.length) {
    const char = html[i];
    if (char === '>') return { name, attributes: attributes ?? NO_ATTRIBUTES, selfClosing, end: i + 1 };
    if (char === '/' || isSpace(html.charCodeAt(i))) {
      selfClosing = char === '/';
      i++;
      continue;
    }
    selfClosing = false;
    const nameStart = i;
    // The first character is taken as-is so that a stray `=` still makes progress.
    i++;
    while (i < html.length && !isSpace(html.charCodeAt(i)) && !'/>='.includes(html[i] ?? '')) i++;
    const attributeName = html.slice(nameStart, i).toLowerCase();
    while (i < html.length && isSpace(html.charCodeAt(i))) i++;
    let value = '';
    if (html[i] === '=') {
      i++;
      while (i < html.length && isSpace(html.charCodeAt(i))) i++;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        if (close < 0) return undefined;
        value = html.slice(i + 1, close);
        i = close + 1;
      } else {
        const valueStart = i;
        while (i < html.length && !isSpace(html.charCodeAt(i)) && html[i] !== '>') i++;
        value = html.slice(valueStart, i);
      }
    }
    // The first occurrence of an attribute wins, as in browsers.
    attributes ??= new Map<string, string>();
    if (!attributes.has(attributeName)) attributes.set(attributeName, decodeEntities(value));
  }
  return undefined;
}

/** Index just after the `</name …>` that ends a raw-text element, or -1 when there is none. */
function rawTextEnd(html: string, name: string, from: number): number {
  let at = html.indexOf('</', from);
  while (at >= 0) {
    const candidate = html.slice(at + 2, at + 2 + name.length).toLowerCase();
    const after = html.charCodeAt(at + 2 + name.length);
    if (candidate === name && (Number.isNaN(after) || isSpace(after) || after === 47 || after === 62)) {
      const gt = html.indexOf('>', at);
      return gt < 0 ? -1 : gt + 1;
    }
    at = html.indexOf('</', at + 2);
  }
  return -1;
}

/** Where markup that is not a tag (`<!-- -->`, `<!…>`, `<?…>`, `</…>` junk) ends, or -1 at end of input. */
function skipNonTag(html: string, lt: number): number {
  if (html.startsWith('<!--', lt)) {
    // `<!-->` and `<!--->` are complete (empty) comments in HTML.
    if (html.startsWith('>', lt + 4)) return lt + 5;
    if (html.startsWith('->', lt + 4)) return lt + 6;
    const close = html.indexOf('-->', lt + 4);
    return close < 0 ? -1 : close + 3;
  }
  const gt = html.indexOf('>', lt + 1);
  return gt < 0 ? -1 : gt + 1;
}

/** Text between `start` and `end`, entities decoded, to the sink; nothing when empty. */
function emitText(html: string, start: number, end: number, sink: HtmlSink): void {
  if (end > start) sink.text(decodeEntities(html.slice(start, end)));
}

/**
 * Reads HTML into `sink`: text (entities decoded), open and close tags, in order. Never throws;
 * linear time. Nothing is collected, so a field costs no more memory than its output.
 *
 * @example
 * scanHtml('a<b>c</b>', sink) // sink.text('a'), sink.open('b', Map {}, false), sink.text('c'), sink.close('b')
 */
export function scanHtml(html: string, sink: HtmlSink): void {
  let textStart = 0;
  let lt = html.indexOf('<');
  while (lt >= 0) {
    const next = html.charCodeAt(lt + 1);
    let end: number;
    if (isAsciiLetter(next)) {
      emitText(html, textStart, lt, sink);
      const tag = readTag(html, lt + 1);
      if (tag === undefined) return;
      // `<script/>` still opens a script in HTML: raw-text elements ignore the slash.
      const rawText = RAW_TEXT.has(tag.name);
      sink.open(tag.name, tag.attributes, tag.selfClosing && !rawText);
      end = tag.end;
      if (rawText) {
        end = rawTextEnd(html, tag.name, end);
        sink.close(tag.name);
        if (end < 0) return;
      }
    } else if (next === 47 /* / */ && isAsciiLetter(html.charCodeAt(lt + 2))) {
      emitText(html, textStart, lt, sink);
      const tag = readTag(html, lt + 2);
      if (tag === undefined) return;
      sink.close(tag.name);
      end = tag.end;
    } else if (next === 33 /* ! */ || next === 63 /* ? */ || next === 47 /* / */) {
      emitText(html, textStart, lt, sink);
      end = skipNonTag(html, lt);
      if (end < 0) return;
    } else {
      // A `<` that starts nothing is text, as in `1 < 2`.
      lt = html.indexOf('<', lt + 1);
      continue;
    }
    textStart = end;
    lt = html.indexOf('<', end);
  }
  emitText(html, textStart, html.length, sink);
}

/**
 * Splits HTML into text (entities decoded), open and close tokens (scanHtml, collected).
 *
 * @example
 * tokenizeHtml('a<b class="x">&lt;b&gt;</b>')
 * // [{ kind: 'text', text: 'a' },
 * //  { kind: 'open', name: 'b', attributes: Map { 'class' => 'x' }, selfClosing: false },
 * //  { kind: 'text', text: '<b>' }, { kind: 'close', name: 'b' }]
 */
export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  scanHtml(html, {
    text: (text) => tokens.push({ kind: 'text', text }),
    open: (name, attributes, selfClosing) => tokens.push({ kind: 'open', name, attributes, selfClosing }),
    close: (name) => tokens.push({ kind: 'close', name }),
  });
  return tokens;
}

/**
 * True when `text` contains something only HTML would: a tag (`<b>`, `</div>`, `<br/>`)
 * or a character reference (`&amp;`, `&#39;`). Used to guess whether fields are HTML.
 *
 * @example looksLikeHtml('a<br>b') // true
 * @example looksLikeHtml('1 < 2 & 3 > 2') // false
 */
export function looksLikeHtml(text: string): boolean {
  // Cached "next `>`" and "next line feed" positions only move forward, keeping this linear.
  let gt = -1;
  let lineFeed = -1;
  let lt = text.indexOf('<');
  while (lt >= 0) {
    const next = text.charCodeAt(lt + 1);
    const found = text.indexOf('<', lt + 1);
    const nextLt = found < 0 ? Infinity : found;
    if (isAsciiLetter(next) || (next === 47 && isAsciiLetter(text.charCodeAt(lt + 2)))) {
      if (gt < lt) gt = positionOrInfinity(text.indexOf('>', lt));
      if (lineFeed < lt) lineFeed = positionOrInfinity(text.indexOf('\n', lt));
      // A tag needs its `>` before the next `<` and on the same line to count.
      if (gt < nextLt && gt < lineFeed) return true;
    }
    lt = found;
  }
  return /&(?:[a-zA-Z]{2,8}|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});/.test(text);
}

function positionOrInfinity(index: number): number {
  return index < 0 ? Infinity : index;
}
