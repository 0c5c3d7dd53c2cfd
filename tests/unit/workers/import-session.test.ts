import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/database.ts';
import { MAX_IMPORT_BYTES } from '../../../src/domain/deck/formats/import-file.ts';
import type { ImportEvent, ImportSource } from '../../../src/workers/import-protocol.ts';
import { createImportSession } from '../../../src/workers/import-session.ts';

const NOW = new Date('2026-03-02T10:00:00Z');
const source = (name: string, text: string): ImportSource => ({ name, data: new TextEncoder().encode(text).buffer as ArrayBuffer });

function session() {
  const events: ImportEvent[] = [];
  const handle = createImportSession((event) => events.push(event), () => NOW);
  const last = <T extends ImportEvent['type']>(type: T) => events.filter((e): e is Extract<ImportEvent, { type: T }> => e.type === type).at(-1);
  return { events, handle, last };
}

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
});
afterEach(() => db.close());

describe('import session', () => {
  it('reads a file and reports its decks, with progress, without saving anything', async () => {
    const { handle, events, last } = session();
    await handle({ type: 'read', fileId: 1, generation: 1, source: source('geo.txt', 'Geography\nCapital of France?\nEurope\n- Paris\nCapital of Peru?\nAmericas\n- Lima\n'), format: 'auto' });
    const report = last('file')!.report;
    expect(report).toMatchObject({ fileName: 'geo.txt', format: 'retain', ok: true, diagnostics: [] });
    expect(report.decks).toEqual([
      expect.objectContaining({ id: 'geography', title: 'Geography', cardCount: 2, tags: [['Americas', 1], ['Europe', 1]], existingTitle: null }),
    ]);
    expect(report.decks[0]?.version).toMatchObject({ exists: false, added: 2 });
    expect(events.filter((e) => e.type === 'progress').length).toBeGreaterThan(1);
    expect(await db.decks.count()).toBe(0);
  });

  it('refuses a file over 50 MB from its size alone, without reading it', async () => {
    const { handle, last } = session();
    const huge = { name: 'huge.txt', size: MAX_IMPORT_BYTES + 5 * 1024 * 1024, arrayBuffer: () => Promise.reject(new Error('must not be read')) } as unknown as File;
    await handle({ type: 'read', fileId: 1, generation: 1, source: huge, format: 'auto' });
    expect(last('file')!.report).toMatchObject({ ok: false, decks: [] });
    expect(last('file')!.report.diagnostics[0]?.message).toBe(
      'huge.txt is 55.0 MB; files larger than 50 MB cannot be imported. Split it into smaller files and import them one at a time.',
    );
  });

  it('renames a deck: a new id, and whether it updates a deck already here', async () => {
    const { handle, last } = session();
    await handle({ type: 'read', fileId: 1, generation: 1, source: source('a.txt', 'Alpha\nQ?\n- a\n'), format: 'auto' });
    await handle({ type: 'commit', files: [{ fileId: 1, titles: ['Alpha'] }] });
    await handle({ type: 'read', fileId: 2, generation: 1, source: source('b.txt', 'Beta\nQ?\n- changed\nR?\n- r\n'), format: 'auto' });
    expect(last('file')!.report.decks[0]).toMatchObject({ id: 'beta', existingTitle: null });
    await handle({ type: 'retitle', fileId: 2, generation: 1, deckIndex: 0, title: '  Alpha ' });
    expect(last('deck')!.report).toMatchObject({ id: 'alpha', title: 'Alpha', existingTitle: 'Alpha' });
    expect(last('deck')!.report.version).toMatchObject({ exists: true, added: 1, changed: 1, unchanged: 0, removed: 0 });
  });

  it('commits every deck of the files in one transaction, with the titles shown', async () => {
    const { handle, last } = session();
    await handle({ type: 'read', fileId: 1, generation: 1, source: source('a.csv', 'hola,hello\nadiós,goodbye\n'), format: 'auto' });
    await handle({ type: 'read', fileId: 2, generation: 1, source: source('b.txt', 'B\nQ?\n- a\n'), format: 'auto' });
    await handle({ type: 'commit', files: [{ fileId: 1, titles: ['Spanish'] }, { fileId: 2, titles: ['B'] }] });
    expect(last('committed')!.decks.map((d) => [d.title, d.cardCount, d.version.added])).toEqual([['Spanish', 2, 2], ['B', 1, 1]]);
    expect((await db.decks.toArray()).map((d) => d.id).sort()).toEqual(['b', 'spanish']);
  });

  it('refuses to commit a file with errors, and saves nothing', async () => {
    const { handle, last } = session();
    await handle({ type: 'read', fileId: 1, generation: 1, source: source('good.txt', 'Good\nQ?\n- a\n'), format: 'auto' });
    await handle({ type: 'read', fileId: 2, generation: 1, source: source('bad.txt', '- orphan\nQ?\n- a\n'), format: 'auto' });
    expect(last('file')!.report.ok).toBe(false);
    await handle({ type: 'commit', files: [{ fileId: 1, titles: ['Good'] }, { fileId: 2, titles: ['bad'] }] });
    expect(last('failed')!.message).toBe('bad.txt has errors, so it cannot be imported.');
    expect(await db.decks.count()).toBe(0);
  });

  it('reads a file again in another format, and skips a read that a newer one replaced', async () => {
    const { handle, events } = session();
    const text = 'hola\thello\nadiós\tgoodbye\n';
    const first = handle({ type: 'read', fileId: 1, generation: 1, source: source('words.txt', text), format: 'retain' });
    const second = handle({ type: 'read', fileId: 1, generation: 2, source: source('words.txt', text), format: 'tsv' });
    await Promise.all([first, second]);
    const reports = events.filter((e) => e.type === 'file');
    expect(reports.map((e) => [e.generation, e.report.format, e.report.decks[0]?.cardCount])).toEqual([[2, 'tsv', 2]]);
  });
});
