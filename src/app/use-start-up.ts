/**
 * Start-up: reconcile the built-in decks into the database and bring back buried cards before
 * the first screen reads it, while the code of that screen loads. A failure (storage full,
 * IndexedDB unavailable in a private window) is reported with a retry instead of a blank page.
 */
import { useCallback, useEffect, useState } from 'react';
import { describeStorageError } from '../db/storage-errors.ts';
import { unburyExpired } from '../db/unbury.ts';
import { prepareBuiltInDecks } from './built-in-decks.ts';

export type StartUp = { status: 'starting' } | { status: 'ready' } | { status: 'failed'; message: string; retry: () => void };

/**
 * `preloadScreen` loads the first screen's code. Its failure (offline before the service
 * worker has the file) is left to the screen's own error boundary, not reported as start-up's.
 */
export function useStartUp(preloadScreen: () => Promise<unknown>): StartUp {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<StartUp>({ status: 'starting' });
  const retry = useCallback(() => {
    setState({ status: 'starting' });
    setAttempt((n) => n + 1);
  }, []);

  useEffect(() => {
    let cancelled = false;
    const now = new Date();
    const screen = preloadScreen().catch(() => undefined);
    Promise.all([prepareBuiltInDecks(now), unburyExpired(now)]).then(
      () => screen.then(() => !cancelled && setState({ status: 'ready' })),
      (error: unknown) =>
        !cancelled && setState({ status: 'failed', message: `Could not prepare your decks. ${describeStorageError(error)}`, retry }),
    );
    return () => {
      cancelled = true;
    };
  }, [attempt, retry, preloadScreen]);

  return state;
}
