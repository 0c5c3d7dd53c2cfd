import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staleBuiltInDecks, type ShippedDeck } from '../../../src/db/builtin-sync.ts';
import { db } from '../../../src/db/database.ts';
import { describeStorageError } from '../../../src/db/storage-errors.ts';
import type { Deck } from '../../../src/domain/deck/types.ts';
import { errorFromReply } from '../../../src/workers/builtin-decks-protocol.ts';
import { replyToBuiltInSync } from '../../../src/workers/builtin-decks-session.ts';

const NOW = new Date('2026-03-02T10:00:00Z');
const LATER = new Date('2026-04-02T10:00:00Z');

const deck = (id: string, questions: string[]): Deck => ({
  id,
  title: id.toUpperCase(),
  sourceFile: `${id}.txt`,
  cards: questions.map((question, i) => ({ id: `${id}-${i}`, question, answer: '- a', tags: [], topics: [], line: i + 2 })),
  diagnostics: [],
});

/** A shipped deck that counts how often its content is loaded. */
function shipped(id: string, hash: string, questions: string[]): ShippedDeck & { loads: number } {
  const entry = { id, hash, loads: 0, load: () => {
    entry.loads++;
    return Promise.resolve(deck(id, questions));
  } };
  return entry;
}

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
});
afterEach(() => db.close());

describe('built-in decks at start-up', () => {
  it('a first visit finds every deck stale; the worker saves them, after which none is', async () => {
    const decks = [shipped('aws', 'h1', ['Q1?', 'Q2?']), shipped('geo', 'g1', ['G?'])];
    expect(await staleBuiltInDecks(decks)).toEqual(['aws', 'geo']);

    expect(await replyToBuiltInSync({ type: 'sync', nowMs: NOW.getTime() }, decks)).toEqual({ type: 'synced', decks: 2 });

    expect(await db.decks.get('aws')).toMatchObject({ builtIn: 1, contentHash: 'h1', createdAt: NOW.getTime() });
    expect(await db.cards.where('deckId').equals('aws').count()).toBe(2);
    expect(await staleBuiltInDecks(decks)).toEqual([]);
  });

  it('reconciles only the deck whose hash changed, without loading the others', async () => {
    await replyToBuiltInSync({ type: 'sync', nowMs: NOW.getTime() }, [shipped('aws', 'h1', ['Q1?', 'Q2?']), shipped('geo', 'g1', ['G?'])]);
    const updated = [shipped('aws', 'h2', ['Q1?', 'Q2?', 'Q3?']), shipped('geo', 'g1', ['G?'])];
    expect(await staleBuiltInDecks(updated)).toEqual(['aws']);

    expect(await replyToBuiltInSync({ type: 'sync', nowMs: LATER.getTime() }, updated)).toEqual({ type: 'synced', decks: 1 });

    expect(updated.map((d) => d.loads)).toEqual([1, 0]);
    expect(await db.decks.get('aws')).toMatchObject({ contentHash: 'h2', createdAt: NOW.getTime(), updatedAt: LATER.getTime() });
    expect(await db.cards.where('deckId').equals('aws').count()).toBe(3);
  });

  it('a failure reaches the page with the error names the storage message reads', async () => {
    const full = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: new DOMException('The quota has been exceeded.', 'QuotaExceededError') });
    const failing: ShippedDeck = { id: 'aws', hash: 'h1', load: () => Promise.reject(full) };

    const reply = await replyToBuiltInSync({ type: 'sync', nowMs: NOW.getTime() }, [failing]);

    expect(reply).toEqual({ type: 'failed', error: { names: ['AbortError', 'QuotaExceededError'], message: 'Transaction aborted' } });
    if (reply.type !== 'failed') return;
    // Structured clone, as postMessage does, then rebuilt on the page.
    expect(describeStorageError(errorFromReply(structuredClone(reply.error)))).toContain('no storage space left');
    expect(await db.decks.count()).toBe(0);
  });
});
