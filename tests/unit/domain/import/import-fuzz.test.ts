import fc from 'fast-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MarkdownView } from '../../../../src/components/markdown-view.tsx';
import { importFile, type ImportFormatChoice, type ImportResult } from '../../../../src/domain/deck/formats/import-file.ts';

// Property tests parse hundreds of inputs; on a busy 2-core machine that can pass the 5 s default.
const PROPERTY_TIMEOUT = 60_000;

const FORMATS: ImportFormatChoice[] = ['auto', 'retain', 'anki', 'csv', 'tsv'];
const FILE_NAMES = ['deck.txt', 'deck.md', 'deck.csv', 'deck.tsv', 'deck.apkg', 'deck', 'notes.txt'];

/** Either imported (decks with cards, no error) or reported (an error), with well-formed output. */
function expectImportedOrReported(result: ImportResult, fileName: string): void {
  const all = [...result.diagnostics, ...result.decks.flatMap((deck) => deck.diagnostics)];
  const hasError = all.some((d) => d.severity === 'error');
  expect(result.ok).toBe(!hasError);
  if (result.ok) expect(result.decks.length).toBeGreaterThan(0);
  for (const d of all) {
    expect(Number.isInteger(d.line) && d.line >= 0).toBe(true);
    expect(d.message.startsWith(fileName)).toBe(true);
    if (d.line > 0) expect(d.message).toContain(`line ${d.line}`);
  }
  for (const deck of result.decks) {
    expect(deck.cards.length).toBeGreaterThan(0);
    expect(deck.sourceFile).toBe(fileName);
    expect(new Set(deck.cards.map((c) => c.id)).size).toBe(deck.cards.length);
    for (const card of deck.cards) {
      expect(card.line).toBeGreaterThanOrEqual(1);
      expect(card.question.trim()).not.toBe('');
    }
  }
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

// Pieces of every format, so random files get past the first checks and exercise the parsers.
const PIECES = ['\n', '\r\n', '\r', '\t', ',', ';', '"', '""', ' ', '- ', '  - ', '?', 'What is x?', 'answer', '#separator:tab\n', '#separator:Comma\n',
  '#html:true\n', '#html:false\n', '#tags column:3\n', '#deck column:1\n', '#deck:D\n', '#columns:Front\tBack\n', '#guid column:2\n', 'tags:a b\n',
  'question,answer\n', 'Term\tDefinition\n', '<b>', '</b>', '<br>', '<ul><li>', '</li></ul>', '<script>alert(1)</script>', '<a href="javascript:x">',
  '</a>', '{{c1::', '::hint', '}}', '&amp;', '&#', 'Tag', '\u00a0', 'é', '😀', '\ufeff'];

describe('importFile never throws and always imports or reports', () => {
  it('for arbitrary bytes under any name', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom(...FILE_NAMES), (bytes, fileName) => {
      expectImportedOrReported(importFile(bytes, fileName), fileName);
    }), { numRuns: 400 });
  }, PROPERTY_TIMEOUT);

  it('for arbitrary text in every format', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), fc.constantFrom(...FORMATS), (text, format) => {
      expectImportedOrReported(importFile(encode(text), 'fuzz.txt', { format }), 'fuzz.txt');
    }), { numRuns: 400 });
  }, PROPERTY_TIMEOUT);

  it('for text made of format pieces, in every format', () => {
    const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, fc.constantFrom(...FORMATS), fc.constantFrom(...FILE_NAMES), (content, format, fileName) => {
      expectImportedOrReported(importFile(encode(content), fileName, { format }), fileName);
    }), { numRuns: 600 });
  }, PROPERTY_TIMEOUT);

  it('with options from a careless caller', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 20 }), (text, title) => {
      const result = importFile(encode(`${text}\nWhat?\n- a`), 'x.txt', { title, onProgress: () => undefined });
      expectImportedOrReported(result, 'x.txt');
    }), { numRuns: 200 });
  }, PROPERTY_TIMEOUT);
});

describe('imported cards render inertly whatever the input', () => {
  it('for text made of format pieces', () => {
    const text = fc.array(fc.constantFrom(...PIECES, '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '<svg onload=alert(1)>'), { maxLength: 60 })
      .map((parts) => parts.join(''));
    fc.assert(fc.property(text, fc.constantFrom(...FORMATS), (content, format) => {
      const result = importFile(encode(content), 'x.txt', { format });
      for (const card of result.decks.flatMap((deck) => deck.cards)) {
        for (const markdown of [card.question, card.answer]) {
          const html = renderToStaticMarkup(createElement(MarkdownView, { source: markdown }));
          expect(html).not.toMatch(/<(script|img|svg|iframe|style)\b/i);
          expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
          expect(html).not.toMatch(/href="(?!https?:)/i);
        }
      }
    }), { numRuns: 300 });
  }, PROPERTY_TIMEOUT);
});
