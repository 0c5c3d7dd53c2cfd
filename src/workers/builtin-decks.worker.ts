/**
 * The built-in deck worker (a module worker): on a first visit, or after an update changed a
 * built-in deck, it loads the deck and writes it into IndexedDB, so that the page's main thread
 * stays free to paint and respond. It answers one request and the page then terminates it.
 */
import { builtInDecks } from 'virtual:retain-decks';
import type { BuiltInSyncRequest } from './builtin-decks-protocol.ts';
import { replyToBuiltInSync } from './builtin-decks-session.ts';

self.addEventListener('message', (message: MessageEvent<BuiltInSyncRequest>) => {
  void replyToBuiltInSync(message.data, builtInDecks).then((reply) => self.postMessage(reply));
});
