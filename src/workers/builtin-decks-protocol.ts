/**
 * The messages between start-up and the built-in deck worker. A failure crosses as its
 * message and the names along its `inner` chain (Dexie wraps the browser's QuotaExceededError
 * in an AbortError), which is what describeStorageError reads to tell "storage full" from
 * "database closed".
 */
import { errorNames } from '../db/storage-errors.ts';

/** Page -> worker: reconcile every built-in deck that changed, as of `nowMs`. */
export interface BuiltInSyncRequest {
  type: 'sync';
  nowMs: number;
}

export interface SentError {
  names: string[];
  message: string;
}

/** Worker -> page. */
export type BuiltInSyncReply = { type: 'synced'; decks: number } | { type: 'failed'; error: SentError };

export function failedReply(error: unknown): BuiltInSyncReply {
  const message = error instanceof Error ? error.message : String(error);
  return { type: 'failed', error: { names: errorNames(error), message } };
}

/** The worker's failure as an Error again, with the chain of names the storage messages look for. */
export function errorFromReply({ names, message }: SentError): Error {
  return names.reduceRight<Error | undefined>((inner, name) => Object.assign(new Error(message), { name, inner }), undefined) ?? new Error(message);
}
