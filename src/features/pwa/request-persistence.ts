/**
 * Asks the browser to make Retain's storage persistent (`navigator.storage.persist()`), so that
 * it is not evicted under storage pressure.
 *
 * When: the first time the person opens a study session in a page, not at start-up. Chromium,
 * Edge and Safari decide silently (engagement, installation), so asking costs nothing there;
 * Firefox shows a permission prompt, and a prompt before the person has done anything reads as
 * noise and gets refused. Opening a session is the moment their data starts to matter. Asking
 * again on a later start is deliberate: Chromium grants it once the app is installed.
 */
let request: Promise<boolean> | undefined;

async function ask(): Promise<boolean> {
  const storage = navigator.storage as StorageManager | undefined;
  if (!storage?.persist) return false;
  if (await storage.persisted()) return true;
  return storage.persist();
}

/** Resolves to whether storage is persistent; asks the browser at most once per page. */
export function requestPersistentStorage(): Promise<boolean> {
  // A refusal or an unsupported browser is not an error: the settings screen shows the state.
  request ??= ask().catch(() => false);
  return request;
}
