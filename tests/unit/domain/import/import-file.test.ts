import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MarkdownView } from '../../../../src/components/markdown-view.tsx';
import { importFile, MAX_IMPORT_BYTES, MAX_LINE_CHARS, MAX_LISTED_DIAGNOSTICS, type ImportOptions } from '../../../../src/domain/deck/formats/import-file.ts';
import { cardId, slugify } from '../../../../src/domain/deck/ids.ts';
import { parse } from '../../../../src/domain/deck/parse.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const fixtureBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../../fixtures/import/${name}`, import.meta.url)));
const importText = (text: string, fileName: string, options?: ImportOptions) => importFile(encode(text), fileName, options);
const messages = (result: ReturnType<typeof importFile>): string[] => [
  ...result.diagnostics.map((d) => d.message),
  ...result.decks.flatMap((deck) => deck.diagnostics.map((d) => d.message)),
];
const render = (markdown: string): string => renderToStaticMarkup(createElement(MarkdownView, { source: markdown }));

describe('importFile: each format', () => {
  it('imports our deck format with the parser’s ids', () => {
    const text = readFileSync(new URL('../../../../decks/aws-cda.txt', import.meta.url), 'utf8');
    const result = importText(text, 'aws-cda.txt');
    expect(result.format).toBe('retain');
    expect(result.ok).toBe(true);
    const parsed = parse(text, 'aws-cda.txt');
    expect(result.decks[0]?.cards.map((c) => c.id)).toEqual(parsed.cards.map((c) => c.id));
    expect(result.decks[0]?.id).toBe(parsed.id);
  });

  it('imports an Anki export into one deck per Anki deck', () => {
    const result = importFile(fixtureBytes('anki-notes-2.1.66.txt'), 'anki-notes-2.1.66.txt');
    expect(result).toMatchObject({ format: 'anki', ok: true, diagnostics: [] });
    expect(result.decks.map((d) => d.title)).toEqual(['AWS::Messaging', 'AWS::Compute']);
    expect(result.decks[1]?.diagnostics[0]?.message).toBe(
      'anki-notes-2.1.66.txt, line 13: note skipped: its first field is empty (images and sounds cannot be imported)',
    );
  });

  it('imports CSV and Quizlet TSV', () => {
    expect(importFile(fixtureBytes('spreadsheet.csv'), 'spreadsheet.csv')).toMatchObject({ format: 'csv', ok: true });
    const quizlet = importFile(fixtureBytes('quizlet-export.txt'), 'quizlet-export.txt');
    expect(quizlet).toMatchObject({ format: 'tsv', ok: true });
    expect(quizlet.decks[0]?.cards).toHaveLength(4);
  });

  it('lets the person force a format', () => {
    const result = importText('What is SQS?,A queue\n', 'notes.txt', { format: 'csv' });
    expect(result).toMatchObject({ format: 'csv', ok: true });
    expect(result.decks[0]?.cards[0]).toMatchObject({ question: 'What is SQS?', answer: 'A queue' });
  });

  it('uses the chosen title for the deck and its card ids, in every format', () => {
    const retain = importText('What is SQS?\n- A queue\n', 'x.txt', { title: 'My AWS' });
    const csv = importText('What is SQS?,A queue\n', 'x.csv', { title: 'My AWS' });
    for (const result of [retain, csv]) {
      expect(result.decks[0]).toMatchObject({ id: 'my-aws', title: 'My AWS' });
      expect(result.decks[0]?.cards[0]?.id).toBe(cardId(slugify('My AWS'), 'What is SQS?'));
    }
  });

  it('reports progress from 0 to 1', () => {
    const seen: number[] = [];
    importText(Array.from({ length: 300 }, (_, i) => `q${i},a${i}`).join('\n'), 'big.csv', { onProgress: (f) => seen.push(f) });
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= (seen[i - 1] ?? 0))).toBe(true);
  });
});

describe('importFile: card identity survives re-import', () => {
  it('keeps ids when answers are edited and rows reordered', () => {
    const first = importText('What is SQS?,A queue\nWhat is SNS?,Pub/sub\n', 'aws.csv');
    const second = importText('What is SNS?,Publish/subscribe\n  what is  SQS? ,A managed queue\n', 'aws.csv');
    const idOf = (result: typeof first, answerStart: string) => result.decks[0]?.cards.find((c) => c.answer.startsWith(answerStart))?.id;
    expect(idOf(second, 'A managed')).toBe(idOf(first, 'A queue'));
    expect(idOf(second, 'Publish')).toBe(idOf(first, 'Pub/sub'));
  });

  it('gives the same card the same id whichever format it came in', () => {
    const ids = [
      importText('What is SQS?,A queue\n', 'aws.csv'),
      importText('What is SQS?\tA queue\n', 'aws.tsv'),
      importText('#separator:tab\n#html:true\nWhat is SQS?\tA queue\n', 'aws.txt'),
      importText('What is SQS?\n- A queue\n', 'aws.txt'),
    ].map((result) => result.decks[0]?.cards[0]?.id);
    expect(new Set(ids)).toEqual(new Set([cardId('aws', 'What is SQS?')]));
  });
});

describe('importFile: bad input is refused with a clear message, and nothing is imported', () => {
  const refused = (result: ReturnType<typeof importFile>) => {
    expect(result.ok).toBe(false);
    expect(result.decks).toEqual([]);
    return result.diagnostics.map((d) => d.message);
  };

  it('an empty file', () => {
    expect(refused(importFile(new Uint8Array(0), 'empty.txt'))).toEqual(['empty.txt is empty: there is nothing to import.']);
    expect(refused(importText('\ufeff \n\n\t\n', 'blank.txt'))).toEqual(['blank.txt contains only blank lines: there is nothing to import.']);
  });

  it.each([
    ['cat.png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'looks like a PNG image'],
    ['photo.txt', [0xff, 0xd8, 0xff, 0xe0, 0, 16], 'looks like a JPEG image'],
    ['anim.gif', [...'GIF89a'].map((c) => c.charCodeAt(0)), 'looks like a GIF image'],
    ['paper.pdf', [...'%PDF-1.7\n'].map((c) => c.charCodeAt(0)), 'looks like a PDF document'],
    ['deck.apkg', [0x50, 0x4b, 0x03, 0x04, 20, 0], 'is an Anki package (a ZIP archive)'],
    ['deck.zip', [0x50, 0x4b, 0x03, 0x04, 20, 0], 'looks like a ZIP archive (an Anki .apkg?)'],
    ['sheet.xlsx', [0x50, 0x4b, 0x03, 0x04, 20, 0], 'Save or export the sheet as CSV'],
    ['deck.txt.gz', [0x1f, 0x8b, 8, 0], 'looks like a gzip-compressed file'],
    ['collection.anki2', [...'SQLite format 3\0'].map((c) => c.charCodeAt(0)), 'an Anki collection.anki2?'],
    ['mystery.bin', [0x61, 0x00, 0x62], 'contains binary data (NUL bytes)'],
  ])('a binary file: %s', (fileName, bytes, expected) => {
    const [message] = refused(importFile(new Uint8Array(bytes), fileName));
    expect(message).toContain(`${fileName} `);
    expect(message).toContain(expected);
  });

  it('an Anki package suggests exporting Notes in Plain Text', () => {
    const [message] = refused(importFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), 'Spanish.apkg'));
    expect(message).toContain('"Notes in Plain Text"');
  });

  it('invalid UTF-8, naming its line', () => {
    const bytes = new Uint8Array([...encode('What is SQS?\n- A queue\n- caf'), 0xe9, ...encode('\n')]);
    const result = importFile(bytes, 'latin1.txt');
    expect(refused(result)).toEqual([expect.stringMatching(/^latin1\.txt, line 3: .*not valid UTF-8.*UTF-8/)]);
    expect(result.diagnostics[0]?.line).toBe(3);
  });

  it('a UTF-16 file, saying how to fix it', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x0a, 0x00]);
    expect(refused(importFile(bytes, 'utf16.txt'))[0]).toMatch(/^utf16\.txt, line 1: .*UTF-16.*save it as UTF-8/);
  });

  it('a file over 50 MB, stating the limit', () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES + 1);
    expect(refused(importFile(bytes, 'huge.csv'))).toEqual([
      'huge.csv: is 50.0 MB; files larger than 50.0 MB cannot be imported. Split it into smaller files and import them one at a time.',
    ]);
  });

  it('a file of exactly 50 MB is not refused for its size', () => {
    // One card, then blank lines of 50,000 spaces: big, but quick to read.
    const bytes = new Uint8Array(MAX_IMPORT_BYTES).fill(0x20);
    for (let i = 49_999; i < bytes.length; i += 50_000) bytes[i] = 0x0a;
    bytes.set(encode('What is SQS?,A queue\n'));
    const result = importFile(bytes, 'max.csv');
    expect(result.ok).toBe(true);
    expect(result.decks[0]?.cards).toHaveLength(1);
  });

  it('no cards found, in each format', () => {
    expect(refused(importText('My deck title\n', 'title-only.txt'))).toEqual([
      'title-only.txt: no cards found: a card is a question line followed by its answer lines',
    ]);
    expect(refused(importText('question,answer\n', 'header-only.csv'))[0]).toMatch(/^header-only\.csv: no cards found\. Each row needs a question and an answer/);
    expect(refused(importText('#separator:tab\n#html:true\n', 'headers.txt'))[0]).toMatch(/^headers\.txt: no cards found\. .*Notes in Plain Text/);
    expect(refused(importText('just one column\nand another\n', 'words.tsv', { format: 'tsv' }))).toEqual([
      'words.tsv: no cards found. Each row needs a question and an answer, separated by a tab.',
      'words.tsv, line 1: row skipped: it has one column, but a card needs a question and an answer separated by a tab',
      'words.tsv, line 2: row skipped: it has one column, but a card needs a question and an answer separated by a tab',
    ]);
  });

  it('suggests choosing another format when the detected one found nothing', () => {
    expect(refused(importText('q;a\nq2;a2\n', 'x.tsv'))).toContain(
      'x.tsv: no cards found. Each row needs a question and an answer, separated by a tab. It was read as a tab-separated file; if it is in another format, choose that format instead.',
    );
  });

  it('list items before any question', () => {
    const result = importText('- orphan item\nWhat is SQS?\n- A queue\n', 'orphans.txt');
    expect(result.ok).toBe(false);
    expect(messages(result)).toContain('orphans.txt, line 1: list item before any question; it is left out');
  });

  it('a 1 MB line, naming its line and the limit', () => {
    const result = importText(`What is SQS?\n- ${'x'.repeat(1024 * 1024)}\n`, 'long.txt');
    expect(refused(result)).toEqual([
      'long.txt, line 2: this line is 1,048,578 characters long, more than the 100,000 a deck file may have. This does not look like a deck (minified or binary data?); if it is one, break the line up.',
    ]);
    expect(result.diagnostics[0]?.line).toBe(2);
    expect(MAX_LINE_CHARS).toBe(100_000);
  });

  it('a CSV with a broken quote, naming its line', () => {
    const result = importText('q1,a1\nq2,"a2\nq3,a3\n', 'broken.csv');
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([{ line: 2, severity: 'error', message: expect.stringMatching(/^broken\.csv, line 2: a quoted field starts in this row but its closing quote is missing/) }]);
  });

  it('something that is not bytes at all', () => {
    expect(refused(importFile(null as unknown as Uint8Array, 'x.txt'))).toEqual(['x.txt: could not be read: no file content was received.']);
  });
});

describe('importFile: HTML and script inside cards stay inert', () => {
  const hostile = [
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">x</a>', '[y](javascript:alert(2))',
    '<svg onload=alert(1)>', '<a href="data:text/html,<script>alert(1)</script>">d</a>', '<style>*{}</style>', '<iframe src=javascript:alert(1)>',
  ].join(' ');
  const quoted = `"${hostile.replace(/"/g, '""')}"`;
  // [file, content, whether the markup is kept as visible text (or, for Anki HTML, removed)]
  const cases: [string, string, boolean][] = [
    ['deck.txt', `What is ${hostile}?\n- ${hostile}\n`, true],
    ['deck.csv', `${quoted},${quoted}\n`, true],
    ['deck.tsv', `What is ${hostile}?\t${hostile}\n`, true],
    ['anki.txt', `#separator:tab\n#html:true\n${quoted}\t${quoted}\n`, false],
    ['anki-plain.txt', `#separator:tab\n#html:false\n${quoted}\t${quoted}\n`, true],
  ];

  it.each(cases)('%s: imported, and rendering runs nothing', (fileName, text, keptAsText) => {
    const result = importText(text, fileName);
    expect(result.ok).toBe(true);
    const card = result.decks[0]?.cards[0];
    expect(card).toBeDefined();
    for (const markdown of [card?.question ?? '', card?.answer ?? '']) {
      const html = render(markdown);
      // Text `<` is escaped as &lt; in the rendered HTML, so these only match real elements and attributes.
      expect(html).not.toMatch(/<(script|img|svg|iframe|style)\b/i);
      expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
      expect(html).not.toMatch(/href="(?!https?:)/i);
      if (keptAsText) expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      else expect(html).not.toContain('alert(1)');
    }
  });
});

describe('importFile: messages', () => {
  it('start with the file name in every case', () => {
    const results = [
      importFile(new Uint8Array(0), 'a.txt'),
      importText('q,"a\n', 'b.csv'),
      importText('#separator:Nope\n#tags column:x\nq\ta\nq\ta\n', 'c.txt'),
      importText('What?\nWhat?\n- a\n', 'd.txt'),
      importText(',a\nq,\n', 'e.csv'),
    ];
    for (const [index, result] of results.entries()) {
      const name = ['a.txt', 'b.csv', 'c.txt', 'd.txt', 'e.csv'][index] ?? '';
      expect(messages(result).length).toBeGreaterThan(0);
      for (const message of messages(result)) expect(message.startsWith(`${name}`)).toBe(true);
    }
  });

  it('are listed up to a limit, the rest counted in one last diagnostic that keeps errors visible', () => {
    const rows = Array.from({ length: 250 }, (_, i) => `q${i % 10},a${i}`).join('\n');
    const warned = importText(rows, 'dups.csv');
    expect(warned.ok).toBe(true);
    expect(warned.decks[0]?.cards).toHaveLength(250);
    expect(warned.decks[0]?.diagnostics).toHaveLength(MAX_LISTED_DIAGNOSTICS + 1);
    expect(warned.decks[0]?.diagnostics.at(-1)).toEqual({
      line: 0, severity: 'warning', message: 'dups.csv: 140 more problems are not listed (140 warnings).',
    });
    const orphans = Array.from({ length: 150 }, () => '- orphan').join('\n');
    const failed = importText(`${orphans}\nWhat?\n- a\n`, 'orphans.txt');
    expect(failed.ok).toBe(false);
    expect(failed.decks[0]?.diagnostics.at(-1)).toMatchObject({ severity: 'error', message: 'orphans.txt: 50 more problems are not listed (50 errors and 0 warnings).' });
  });

  it('copes with fifty thousand problems in a file without cards', () => {
    // As many rows as a file may hold (import-limits.ts), every one of them skipped.
    const result = importText('q,\n'.repeat(50_000), 'empties.csv');
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toHaveLength(MAX_LISTED_DIAGNOSTICS + 2);
    expect(result.diagnostics[0]?.message).toMatch(/^empties\.csv: no cards found\./);
    expect(result.diagnostics.at(-1)?.message).toBe('empties.csv: 49,900 more problems are not listed (49,900 warnings).');
  });

  it('include "line N" whenever a diagnostic has a line', () => {
    const result = importText('#separator:tab\nq\ta\nq\ta\nq2\t\n', 'dups.txt');
    const all = [...result.diagnostics, ...result.decks.flatMap((d) => d.diagnostics)];
    expect(all.length).toBe(2);
    for (const d of all) expect(d.message).toContain(`dups.txt, line ${d.line}: `);
  });
});
