/**
 * Recognising files that are not text before trying to read them as a deck, so the person
 * hears "this is a PNG image" rather than a list of parse errors.
 *
 * Known kinds are found by their first bytes (magic numbers); any other file containing a
 * NUL byte is binary too, since no text format we import contains one. A UTF-16 file with
 * a byte-order mark is left to decode.ts, which says how to convert it.
 */

interface Signature {
  /** The file's first bytes. */
  bytes: readonly number[];
  kind: string;
}

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

const SIGNATURES: readonly Signature[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], kind: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
  { bytes: ascii('GIF87a'), kind: 'a GIF image' },
  { bytes: ascii('GIF89a'), kind: 'a GIF image' },
  { bytes: ascii('%PDF-'), kind: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'zip' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], kind: 'zip' },
  { bytes: [0x1f, 0x8b], kind: 'a gzip-compressed file' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], kind: 'a 7-Zip archive' },
  { bytes: [...ascii('Rar!'), 0x1a, 0x07], kind: 'a RAR archive' },
  { bytes: ascii('SQLite format 3\0'), kind: 'sqlite' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'an old Microsoft Office document' },
];

function matches(bytes: Uint8Array, signature: Signature): boolean {
  return signature.bytes.every((byte, i) => bytes[i] === byte);
}

function extension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** What a ZIP file probably is, judging by its name, and what to do instead. */
function describeZip(fileName: string): string {
  const ext = extension(fileName);
  if (ext === 'apkg' || ext === 'colpkg') {
    return 'is an Anki package (a ZIP archive), which cannot be read here. In Anki, use File › Export › "Notes in Plain Text" and import that .txt file';
  }
  if (ext === 'xlsx' || ext === 'ods' || ext === 'numbers') {
    return 'is a spreadsheet workbook (a ZIP archive). Save or export the sheet as CSV and import the .csv file';
  }
  if (ext === 'docx' || ext === 'odt') {
    return 'is a word-processor document (a ZIP archive). Save it as plain text (.txt) and import that';
  }
  return 'looks like a ZIP archive (an Anki .apkg?), not a text file. For an Anki deck, use File › Export › "Notes in Plain Text" in Anki and import that .txt file';
}

/**
 * Why `bytes` cannot be a text deck, as the end of a sentence starting with the file name;
 * undefined when they may well be text.
 *
 * @example describeBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'cat.png')
 * // 'looks like a PNG image, not a text file; import a deck saved as text (.txt, .md, .csv or .tsv)'
 */
export function describeBinary(bytes: Uint8Array, fileName: string): string | undefined {
  const kind = SIGNATURES.find((signature) => matches(bytes, signature))?.kind;
  if (kind === 'zip') return describeZip(fileName);
  if (kind === 'sqlite') {
    return 'looks like a database (an Anki collection.anki2?), not a text file. In Anki, use File › Export › "Notes in Plain Text" and import that .txt file';
  }
  if (kind !== undefined) return `looks like ${kind}, not a text file; import a deck saved as text (.txt, .md, .csv or .tsv)`;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.indexOf(0) >= 0) {
    return 'contains binary data (NUL bytes), so it is not a text deck. If it is text saved as UTF-16, save it as UTF-8 instead';
  }
  return undefined;
}
