/**
 * The statistics of one deck (or all), computed by the stats worker and recomputed whenever
 * the collection changes (a live query on the change log's position), the exam date changes,
 * or every few minutes so that "today" and retrievability follow the clock. While a new
 * computation runs, the previous figures stay on screen.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { statsDataVersion, type SyncProgress } from '../../db/stats-reads.ts';
import { useNow } from '../../components/use-now.ts';
import type { StatsSnapshot } from '../../workers/stats-snapshot.ts';
import { createStatsClient } from './stats-client.ts';

const REFRESH_MS = 5 * 60_000;

export interface StatsState {
  /** The latest figures for this deck; null until the first arrive. */
  snapshot: StatsSnapshot | null;
  /** Set while the worker reads the collection in full (a first visit). */
  progress: SyncProgress | null;
  /** Newer figures are being computed. */
  busy: boolean;
  error: string | null;
  retry: () => void;
  exportCsv: () => Promise<{ bytes: Uint8Array; rows: number }>;
}

interface Outcome {
  key: string;
  snapshot: StatsSnapshot | null;
  error: string | null;
}

export function useStats(deckId: string | null, examDate: string | null | undefined): StatsState {
  // Cheap to create: the worker itself starts with the first request.
  const [client] = useState(createStatsClient);
  const [outcome, setOutcome] = useState<Outcome>({ key: '', snapshot: null, error: null });
  const [progress, setProgress] = useState<{ key: string; value: SyncProgress } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const version = useLiveQuery(statsDataVersion, []);
  const now = useNow(REFRESH_MS);
  const ready = version !== undefined && examDate !== undefined;
  const key = ready ? JSON.stringify([deckId, version, examDate, now.getTime(), attempt]) : '';

  useEffect(() => () => client.dispose(), [client]);

  useEffect(() => {
    if (!ready) return;
    let current = true;
    client
      .compute({ deckId, nowMs: Date.now(), examDate: examDate ?? null }, (value) => current && setProgress({ key, value }))
      .then(
        (snapshot) => current && setOutcome({ key, snapshot, error: null }),
        (e: unknown) =>
          current &&
          setOutcome((previous) => ({
            key,
            snapshot: previous.snapshot,
            error: `The statistics could not be computed. ${e instanceof Error ? e.message : String(e)}`,
          })),
      );
    return () => {
      current = false;
    };
  }, [client, ready, key, deckId, examDate]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const exportCsv = useCallback(() => client.exportCsv(deckId), [client, deckId]);

  // Figures of another deck are never shown as this deck's, even for a moment.
  const snapshot = outcome.snapshot !== null && outcome.snapshot.deckId === deckId ? outcome.snapshot : null;
  const busy = !ready || outcome.key !== key;
  return {
    snapshot,
    progress: busy && progress?.key === key ? progress.value : null,
    busy,
    error: outcome.key === key ? outcome.error : null,
    retry,
    exportCsv,
  };
}
