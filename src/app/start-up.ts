/**
 * What has to happen before the first screen reads the database: reconcile the built-in decks
 * and bring back buried cards; meanwhile the code of the screen the address shows loads.
 * main.tsx starts the first attempt before React renders anything, so the database opens and
 * the screen's chunks download while the first frame is being built.
 */
import { parseRoute } from '../components/routes.ts';
import { reopenIfFailed } from '../db/database.ts';
import { unburyExpired } from '../db/unbury.ts';
import { prepareBuiltInDecks } from './built-in-decks.ts';
import { preloadScreen } from './screens.ts';

export function startUp(): Promise<void> {
  const now = new Date();
  // A screen whose code fails to load (offline before the service worker has it) is left to
  // its error boundary: that is not a failure of the database.
  const screen = preloadScreen(parseRoute(window.location.hash)).catch(() => undefined);
  // After a failed open (a retry), Dexie fails every call until the database is opened again.
  const database = reopenIfFailed().then(() => Promise.all([prepareBuiltInDecks(now), unburyExpired(now)]));
  return Promise.all([database, screen]).then(() => undefined);
}
