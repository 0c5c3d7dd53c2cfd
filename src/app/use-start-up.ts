/**
 * Start-up as the app frame sees it: starting, ready, or failed with a retry. A failure
 * (storage full, IndexedDB unavailable in a private window) is reported with a retry instead
 * of a blank page.
 */
import { useCallback, useEffect, useState } from 'react';
import { describeStorageError } from '../db/storage-errors.ts';
import { startUp } from './start-up.ts';

export type StartUp = { status: 'starting' } | { status: 'ready' } | { status: 'failed'; message: string; retry: () => void };

/** `firstAttempt`: start-up as main.tsx began it; a retry starts it again. */
export function useStartUp(firstAttempt: Promise<void>): StartUp {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<StartUp>({ status: 'starting' });
  const retry = useCallback(() => {
    setState({ status: 'starting' });
    setAttempt((n) => n + 1);
  }, []);

  useEffect(() => {
    let cancelled = false;
    (attempt === 0 ? firstAttempt : startUp()).then(
      () => !cancelled && setState({ status: 'ready' }),
      (error: unknown) =>
        !cancelled && setState({ status: 'failed', message: `Could not prepare your decks. ${describeStorageError(error)}`, retry }),
    );
    return () => {
      cancelled = true;
    };
  }, [attempt, retry, firstAttempt]);

  return state;
}
