/** What the built-in deck worker does, without the worker around it (so tests run it in-process). */
import { syncBuiltInDecks, type ShippedDeck } from '../db/builtin-sync.ts';
import { failedReply, type BuiltInSyncReply, type BuiltInSyncRequest } from './builtin-decks-protocol.ts';

export async function replyToBuiltInSync(request: BuiltInSyncRequest, shipped: readonly ShippedDeck[]): Promise<BuiltInSyncReply> {
  try {
    const saved = await syncBuiltInDecks(shipped, new Date(request.nowMs));
    return { type: 'synced', decks: saved.length };
  } catch (error) {
    return failedReply(error);
  }
}
