import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, extensionOf } from '../../../../src/domain/deck/formats/detect.ts';

const fixture = (name: string): string => readFileSync(new URL(`../../../fixtures/import/${name}`, import.meta.url), 'utf8');
const deckFile = readFileSync(new URL('../../../../decks/aws-cda.txt', import.meta.url), 'utf8');

describe('detectFormat', () => {
  it('recognises an Anki export by its header, whatever the extension', () => {
    expect(detectFormat(fixture('anki-notes-2.1.66.txt'), 'notes.txt')).toBe('anki');
    expect(detectFormat('#html:false\nq,a', 'notes.csv')).toBe('anki');
    expect(detectFormat('\ufeff#separator:Comma\nq,a', 'notes')).toBe('anki');
  });

  it('goes by extension for .csv, .tsv, .tab, .md', () => {
    expect(detectFormat('What?\n- x', 'a.CSV')).toBe('csv');
    expect(detectFormat('q,a\nq2,a2', 'a.tsv')).toBe('tsv');
    expect(detectFormat('q,a', 'a.tab')).toBe('tsv');
    expect(detectFormat('q\ta\nq2\ta2\nq3\ta3', 'deck.md')).toBe('retain');
  });

  it('reads our own deck files as our format', () => {
    expect(detectFormat(deckFile, 'aws-cda.txt')).toBe('retain');
    expect(detectFormat('What is SQS, really?\n- A queue, managed\n- Pull-based, durable', 'x.txt')).toBe('retain');
  });

  it('does not count indentation tabs as columns', () => {
    expect(detectFormat('What is S3?\n- Storage\n\t- Objects\n\t- Buckets\nWhat is EC2?\n\t- Servers', 'x.txt')).toBe('retain');
  });

  it('takes tab-separated plain text (Quizlet) as TSV', () => {
    expect(detectFormat(fixture('quizlet-export.txt'), 'quizlet-export.txt')).toBe('tsv');
  });

  it('takes tab-separated HTML without headers as an older Anki export', () => {
    expect(detectFormat('What is <b>SQS</b>?\tA queue<br>Managed\nWhat is SNS?\tPub/sub\n', 'export.txt')).toBe('anki');
  });

  it('takes comma-structured text as CSV', () => {
    expect(detectFormat('hola,hello\nadiós,goodbye\n"gracias, amigo",thanks friend\n', 'words.txt')).toBe('csv');
  });

  it('does not take prose with commas, or questions, for CSV', () => {
    expect(detectFormat('Deck, the first\nWhat is it, exactly?\nA thing, mostly.\nWhy, though?\nBecause, well.', 'x.txt')).toBe('retain');
  });

  it('falls back to our format for a single line or an empty text', () => {
    expect(detectFormat('a,b', 'x.txt')).toBe('retain');
    expect(detectFormat('', 'x')).toBe('retain');
  });
});

describe('extensionOf', () => {
  it('takes the last extension of the base name, lower-cased', () => {
    expect(extensionOf('dir.v2/Deck.Final.TXT')).toBe('txt');
    expect(extensionOf('.hidden')).toBe('');
    expect(extensionOf('C:\\decks\\x.csv')).toBe('csv');
  });
});
