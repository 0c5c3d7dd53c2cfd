/**
 * Turns IndexedDB / Dexie failures into sentences a person can act on. Dexie wraps the
 * browser's DOMException names (QuotaExceededError, DatabaseClosedError, …) in its own errors;
 * both carry `name`, and an inner error may too.
 */
/** The names along an error's `inner` chain, outermost first. */
export function errorNames(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const name = (current as { name?: unknown }).name;
    if (typeof name === 'string') names.push(name);
    current = (current as { inner?: unknown }).inner;
  }
  return names;
}

export function describeStorageError(error: unknown): string {
  const names = errorNames(error);
  if (names.includes('QuotaExceededError')) {
    return 'The browser has no storage space left for this site. Free some space (or export a backup and delete unused decks), then retry.';
  }
  if (names.some((n) => n === 'DatabaseClosedError' || n === 'InvalidStateError')) {
    return 'The connection to the local database was closed (another tab may have upgraded or deleted it). Retry to reopen it.';
  }
  if (names.includes('UnknownError')) {
    // Safari: "Connection to Indexed Database server lost" (a suspended phone, a storage hiccup).
    return 'The browser lost its connection to the local database. Retry to reconnect; if it keeps failing, reload the page.';
  }
  if (names.includes('VersionError')) {
    return 'This database was created by a newer version of Retain. Reload to get the newest version.';
  }
  if (names.some((n) => n === 'MissingAPIError' || n === 'OpenFailedError')) {
    return 'The browser refused to open local storage (a private window may block it). Open Retain in a normal window.';
  }
  const message = error instanceof Error ? error.message : String(error);
  return `Saving to local storage failed: ${message}`;
}
