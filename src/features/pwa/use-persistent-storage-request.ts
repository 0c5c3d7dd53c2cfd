/** Asks for persistent storage once `when` first becomes true (see request-persistence.ts for why then). */
import { useEffect } from 'react';
import { requestPersistentStorage } from './request-persistence.ts';

/** e.g. `usePersistentStorageRequest(route.name === 'study')` in the app frame. */
export function usePersistentStorageRequest(when: boolean): void {
  useEffect(() => {
    if (when) void requestPersistentStorage();
  }, [when]);
}
