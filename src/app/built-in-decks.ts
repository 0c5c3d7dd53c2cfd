/**
 * Start-up's share of the built-in decks: ask the database which of them changed (one small
 * read) and, only when one did (a first visit, an update with a new deck text), have the
 * built-in deck worker reconcile them while the page just waits for its answer. A normal
 * start loads neither the worker nor any deck.
 */
import { builtInDeckVersions } from 'virtual:retain-deck-versions';
import { staleBuiltInDecks } from '../db/builtin-sync.ts';
import { errorFromReply, type BuiltInSyncReply, type BuiltInSyncRequest } from '../workers/builtin-decks-protocol.ts';

export async function prepareBuiltInDecks(now: Date): Promise<void> {
  const stale = await staleBuiltInDecks(builtInDeckVersions);
  if (stale.length > 0) await syncInWorker(now);
}

function syncInWorker(now: Date): Promise<void> {
  const worker = new Worker(new URL('../workers/builtin-decks.worker.ts', import.meta.url), { type: 'module', name: 'built-in decks' });
  const synced = new Promise<void>((resolve, reject) => {
    worker.addEventListener('message', ({ data }: MessageEvent<BuiltInSyncReply>) => {
      if (data.type === 'synced') resolve();
      else reject(errorFromReply(data.error));
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      reject(new Error(`The built-in deck worker stopped (${event.message || 'it could not be loaded'}).`));
    });
  });
  worker.postMessage({ type: 'sync', nowMs: now.getTime() } satisfies BuiltInSyncRequest);
  return synced.finally(() => worker.terminate());
}
