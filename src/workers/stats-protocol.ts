/**
 * The messages between the statistics screen and the stats worker. The worker holds the
 * statistics copy of the collection (tens of megabytes for a million answers) and sends back
 * only figures, or the CSV file's bytes when asked to export.
 */
import type { SyncProgress } from '../db/stats-reads.ts';
import type { StatsSnapshot } from './stats-snapshot.ts';

export type StatsRequest =
  /** examDate undefined: the one saved in settings (a prefetch, sent before the page has read it). */
  | { type: 'compute'; id: number; deckId: string | null; nowMs: number; examDate: string | null | undefined }
  | { type: 'export'; id: number; deckId: string | null };

export type StatsResponse =
  /** id 0: progress of the update the worker starts by itself, for whichever requests wait on it. */
  | { type: 'progress'; id: number; progress: SyncProgress }
  | { type: 'snapshot'; id: number; snapshot: StatsSnapshot }
  | { type: 'csv'; id: number; bytes: Uint8Array; rows: number }
  | { type: 'failed'; id: number; message: string };
