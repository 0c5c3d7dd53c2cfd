/**
 * The header lines of Anki's "Notes in Plain Text" export (Anki 2.1.55 and later), e.g.
 *
 *     #separator:tab
 *     #html:true
 *     #tags column:3
 *
 * They come first in the file, one `#key:value` per line; keys are case-insensitive.
 * Understood: separator (a name — Tab, Comma, Semicolon, Space, Pipe, Colon — or the
 * character itself), html, columns, tags (global tags), deck, notetype, and the 1-based
 * `tags/deck/notetype/guid column` numbers. As in Anki, a `#` line without a colon is a
 * comment, unknown keys are ignored, and a first line `tags:…` (older exports) sets tags.
 * A value we cannot use is reported as a warning and ignored.
 */
import type { Diagnostic } from '../types.ts';
import { splitTags } from './deck-builder.ts';

export interface AnkiHeaders {
  separator?: string;
  html?: boolean;
  /** Column labels from `#columns`, split with the separator. */
  columns?: string[];
  globalTags: string[];
  deck?: string;
  notetype?: string;
  /** 1-based column numbers. */
  tagsColumn?: number;
  deckColumn?: number;
  notetypeColumn?: number;
  guidColumn?: number;
  /** Index in the text where the notes begin, and that line's number. */
  bodyStart: number;
  bodyLine: number;
  diagnostics: Diagnostic[];
}

const SEPARATOR_NAMES: Readonly<Record<string, string>> = {
  tab: '\t', comma: ',', semicolon: ';', space: ' ', pipe: '|', colon: ':',
};

const KNOWN_KEYS = ['separator', 'html', 'tags', 'columns', 'deck', 'notetype', 'notetype column', 'deck column',
  'tags column', 'guid column', 'if matches', 'match scope'];

/**
 * True when the text opens with an Anki export header line such as `#separator:tab`.
 *
 * @example hasAnkiHeader('#separator:tab\n#html:true\nq\ta') // true
 * @example hasAnkiHeader('# My notes\nWhat?\n- this') // false
 */
export function hasAnkiHeader(text: string): boolean {
  const end = text.indexOf('\n');
  const first = text.slice(0, end < 0 ? Math.min(text.length, 200) : Math.min(end, 200));
  if (!first.startsWith('#')) return false;
  const colon = first.indexOf(':');
  return colon > 0 && KNOWN_KEYS.includes(first.slice(1, colon).trim().toLowerCase());
}

/**
 * The separator a `#separator:` value names, or undefined. Names are trimmed; a literal
 * character is not (so `#separator: ` means a space).
 *
 * @example separatorFromValue('Semicolon') // ';'
 * @example separatorFromValue('|') // '|'
 */
export function separatorFromValue(value: string): string | undefined {
  const named = SEPARATOR_NAMES[value.trim().toLowerCase()];
  if (named !== undefined) return named;
  // A literal separator must be one character that cannot be part of quoting or line structure.
  return [...value].length === 1 && !'"\n\r'.includes(value) ? value : undefined;
}

function columnNumber(value: string): number | undefined {
  const trimmed = value.trim();
  if (!/^[0-9]{1,4}$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return n >= 1 ? n : undefined;
}

/**
 * Reads the header lines at the top of normalised (LF-only) text.
 *
 * @example
 * const h = readAnkiHeaders('#separator:Comma\n#tags column:3\nq,a,t\n');
 * [h.separator, h.tagsColumn, h.bodyLine] // [',', 3, 3]
 */
export function readAnkiHeaders(text: string): AnkiHeaders {
  const headers: AnkiHeaders = { globalTags: [], bodyStart: 0, bodyLine: 1, diagnostics: [] };
  let columnsValue: string | undefined;
  let start = 0;
  let line = 1;
  while (start < text.length) {
    const found = text.indexOf('\n', start);
    const end = found < 0 ? text.length : found;
    const raw = text.slice(start, end);
    if (line === 1 && raw.startsWith('tags:')) {
      headers.globalTags = splitTags(raw.slice(5));
    } else if (raw.startsWith('#')) {
      const colon = raw.indexOf(':');
      if (colon > 0) {
        const key = raw.slice(1, colon).trim().toLowerCase();
        const value = raw.slice(colon + 1);
        if (key === 'columns') columnsValue = value;
        else applyHeader(headers, key, value, line);
      }
    } else {
      break;
    }
    start = found < 0 ? text.length : end + 1;
    line++;
  }
  headers.bodyStart = start;
  headers.bodyLine = line;
  // Column labels are split once the separator is known, whatever the header order.
  if (columnsValue !== undefined) headers.columns = columnsValue.split(headers.separator ?? '\t').map((label) => label.trim());
  return headers;
}

function applyHeader(headers: AnkiHeaders, key: string, value: string, line: number): void {
  const warn = (message: string): void => {
    headers.diagnostics.push({ line, severity: 'warning', message });
  };
  const column = (): number | undefined => {
    const n = columnNumber(value);
    if (n === undefined) warn(`"#${key}:${value.trim()}" is not a column number (1, 2, 3…); the header is ignored`);
    return n;
  };
  switch (key) {
    case 'separator': {
      const separator = separatorFromValue(value);
      if (separator === undefined) {
        warn(`unknown separator "${value.trim()}"; use Tab, Comma, Semicolon, Space, Pipe, Colon or a single character. The separator is guessed instead`);
      } else {
        headers.separator = separator;
      }
      return;
    }
    case 'html': {
      const flag = value.trim().toLowerCase();
      if (flag === 'true' || flag === 'false') headers.html = flag === 'true';
      else warn(`"#html:${value.trim()}" should be true or false; HTML is guessed from the fields instead`);
      return;
    }
    case 'tags':
      headers.globalTags = splitTags(value);
      return;
    case 'deck':
      if (value.trim() !== '') headers.deck = value.trim();
      return;
    case 'notetype':
      if (value.trim() !== '') headers.notetype = value.trim();
      return;
    case 'tags column': {
      const n = column();
      if (n !== undefined) headers.tagsColumn = n;
      return;
    }
    case 'deck column': {
      const n = column();
      if (n !== undefined) headers.deckColumn = n;
      return;
    }
    case 'notetype column': {
      const n = column();
      if (n !== undefined) headers.notetypeColumn = n;
      return;
    }
    case 'guid column': {
      const n = column();
      if (n !== undefined) headers.guidColumn = n;
      return;
    }
    default:
      // Other keys (`if matches`, `match scope`, future ones) only matter inside Anki.
      return;
  }
}
