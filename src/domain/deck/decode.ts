/**
 * Bytes -> deck text. Deck files are UTF-8, with or without a byte-order mark. Bytes that are
 * not UTF-8 do not stop the import: they become U+FFFD and an error names the line of the
 * first bad sequence, so the author can find and fix it.
 */
import type { Deck, Diagnostic } from './types.ts';
import { parse } from './parse.ts';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  const first = bytes[0];
  const second = bytes[1];
  return (first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff);
}

function isContinuation(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x80 && byte <= 0xbf;
}

/**
 * Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629:
 * no overlong forms, no surrogates, nothing above U+10FFFF), or -1 when all bytes are valid.
 *
 * @example firstInvalidUtf8Offset(new Uint8Array([0x61, 0xc3, 0x28])) // 1
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const second = bytes[i + 1];
    let length = 0;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead === 0xe0) length = second !== undefined && second >= 0xa0 && second <= 0xbf ? 3 : 0;
    else if (lead === 0xed) length = second !== undefined && second >= 0x80 && second <= 0x9f ? 3 : 0;
    else if (lead >= 0xe1 && lead <= 0xef) length = 3;
    else if (lead === 0xf0) length = second !== undefined && second >= 0x90 && second <= 0xbf ? 4 : 0;
    else if (lead === 0xf4) length = second !== undefined && second >= 0x80 && second <= 0x8f ? 4 : 0;
    else if (lead >= 0xf1 && lead <= 0xf3) length = 4;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (!isContinuation(bytes[i + k])) return i;
    i += length;
  }
  return -1;
}

/** 1-based line of a byte offset, counting LF, CRLF and lone CR as one line break each. */
function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const byte = bytes[i];
    if (byte === 0x0a || (byte === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

/**
 * Decodes deck file bytes: strips a UTF-8 BOM, decodes strictly, and on failure decodes
 * leniently and reports where the first invalid sequence is.
 *
 * @example
 * decodeDeckBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69])) // { text: 'hi', diagnostics: [] }
 */
export function decodeDeckBytes(bytes: Uint8Array): { text: string; diagnostics: Diagnostic[] } {
  const bomLength = hasUtf8Bom(bytes) ? UTF8_BOM.length : 0;
  const body = bytes.subarray(bomLength);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), diagnostics: [] };
  } catch {
    // Not UTF-8: fall through to the lenient decode below.
  }
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
  if (hasUtf16Bom(body)) {
    return {
      text,
      diagnostics: [{ line: 1, severity: 'error', message: 'the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8' }],
    };
  }
  const offset = Math.max(0, firstInvalidUtf8Offset(body));
  const line = lineOfOffset(body, offset);
  return {
    text,
    diagnostics: [{
      line,
      severity: 'error',
      message: `bytes that are not valid UTF-8 (first on line ${line}, byte ${bomLength + offset + 1} of the file); they were replaced with "\uFFFD". Save the file as UTF-8`,
    }],
  };
}

/**
 * Decodes and parses deck file bytes; decoding problems come first among the diagnostics.
 *
 * @example parseBytes(new TextEncoder().encode('What is SQS?\n- A queue'), 'sqs.txt').title // 'sqs'
 */
export function parseBytes(bytes: Uint8Array, fileName: string): Deck {
  const decoded = decodeDeckBytes(bytes);
  const deck = parse(decoded.text, fileName);
  const diagnostics = [...decoded.diagnostics, ...deck.diagnostics].sort((a, b) => a.line - b.line);
  return { ...deck, diagnostics };
}
