/**
 * What the browser says about Retain's storage: persistent or not, bytes used and the quota.
 * Read when the settings screen opens and again after asking for persistence.
 */
import { useCallback, useEffect, useState } from 'react';

export type StorageStatus =
  | { kind: 'loading' }
  | { kind: 'unsupported' }
  | { kind: 'known'; persisted: boolean; usage: number | null; quota: number | null };

async function readStatus(): Promise<StorageStatus> {
  const storage = navigator.storage as StorageManager | undefined;
  if (!storage?.persisted || !storage.estimate) return { kind: 'unsupported' };
  const [persisted, estimate] = await Promise.all([storage.persisted(), storage.estimate()]);
  return { kind: 'known', persisted, usage: estimate.usage ?? null, quota: estimate.quota ?? null };
}

export function useStorageStatus(): { status: StorageStatus; askToPersist: () => Promise<void> } {
  const [status, setStatus] = useState<StorageStatus>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    readStatus().then(
      (next) => !cancelled && setStatus(next),
      () => !cancelled && setStatus({ kind: 'unsupported' }),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  // An explicit request from a button, so Firefox's prompt follows a click; not memoised,
  // unlike the automatic request, because the person may have changed their mind.
  const askToPersist = useCallback(async () => {
    await navigator.storage.persist().catch(() => false);
    setStatus(await readStatus().catch((): StorageStatus => ({ kind: 'unsupported' })));
  }, []);

  return { status, askToPersist };
}
