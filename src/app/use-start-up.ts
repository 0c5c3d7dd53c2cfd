/**
 * Start-up: reconcile the built-in decks into the database before the first screen reads
 * it. A failure (storage full, IndexedDB unavailable in a private window) is reported with
 * a retry instead of a blank page.
 */
import { useCallback, useEffect, useState } from 'react';
import { describeStorageError } from '../db/storage-errors.ts';
import { unburyExpired } from '../db/unbury.ts';
import { prepareBuiltInDecks } from './built-in-decks.ts';

export type StartUp = { status: 'starting' } | { status: 'ready' } | { status: 'failed'; message: string; retry: () => void };

export function useStartUp(): StartUp {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<StartUp>({ status: 'starting' });
  const retry = useCallback(() => {
    setState({ status: 'starting' });
    setAttempt((n) => n + 1);
  }, []);

  useEffect(() => {
    let cancelled = false;
    const now = new Date();
    Promise.all([prepareBuiltInDecks(now), unburyExpired(now)]).then(
      () => !cancelled && setState({ status: 'ready' }),
      (error: unknown) =>
        !cancelled && setState({ status: 'failed', message: `Could not prepare your decks. ${describeStorageError(error)}`, retry }),
    );
    return () => {
      cancelled = true;
    };
  }, [attempt, retry]);

  return state;
}
