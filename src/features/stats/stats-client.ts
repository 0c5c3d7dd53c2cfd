/**
 * The page's side of the stats worker: requests answered by id, progress of a long first read
 * passed on as it comes. `dispose` stops the worker (the copy it holds is tens of megabytes); a
 * later request starts a new one.
 *
 * The first worker is started as soon as this module loads, which happens only when the
 * statistics screen opens: its start-up (loading its code, opening the databases, reading the
 * statistics copy) then overlaps React's first render of the screen instead of following it.
 */
import type { SyncProgress } from '../../db/stats-reads.ts';
import type { StatsRequest, StatsResponse } from '../../workers/stats-protocol.ts';
import type { StatsSnapshot } from '../../workers/stats-snapshot.ts';

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type Pending = { resolve: (response: StatsResponse) => void; reject: (error: Error) => void; onProgress: (p: SyncProgress) => void };

export interface ComputeRequest {
  deckId: string | null;
  nowMs: number;
  /** undefined: the exam date saved in settings. */
  examDate: string | null | undefined;
}

export interface StatsClient {
  compute(request: ComputeRequest, onProgress: (p: SyncProgress) => void): Promise<StatsSnapshot>;
  exportCsv(deckId: string | null): Promise<{ bytes: Uint8Array; rows: number }>;
  dispose(): void;
}

const startWorker = (): Worker => new Worker(new URL('../../workers/stats.worker.ts', import.meta.url), { type: 'module', name: 'stats' });
let spare: Worker | null = typeof Worker === 'undefined' ? null : startWorker();

/**
 * Asks the waiting worker to compute a deck's figures at once, before the screen has even
 * rendered (React takes a few hundred milliseconds to reveal a lazily loaded screen). The
 * screen's own request then gets them without waiting, if nothing changed meanwhile.
 */
export function prefetchStats(deckId: string | null): void {
  spare?.postMessage({ type: 'compute', id: 0, deckId, nowMs: Date.now(), examDate: undefined } satisfies StatsRequest);
}

export function createStatsClient(): StatsClient {
  let worker: Worker | null = null;
  const pending = new Map<number, Pending>();
  let nextId = 1;

  const failAll = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };

  const start = (): Worker => {
    const started = spare ?? startWorker();
    spare = null;
    started.addEventListener('message', (message: MessageEvent<StatsResponse>) => {
      const response = message.data;
      if (response.type === 'progress' && response.id === 0) {
        for (const waiting of pending.values()) waiting.onProgress(response.progress);
        return;
      }
      const waiting = pending.get(response.id);
      if (!waiting) return;
      if (response.type === 'progress') {
        waiting.onProgress(response.progress);
        return;
      }
      pending.delete(response.id);
      if (response.type === 'failed') waiting.reject(new Error(response.message));
      else waiting.resolve(response);
    });
    started.addEventListener('error', (event) => {
      event.preventDefault();
      worker = null;
      started.terminate();
      failAll(new Error(`The statistics worker stopped (${event.message || 'unknown error'}).`));
    });
    return started;
  };

  const send = (request: WithoutId<StatsRequest>, onProgress: (p: SyncProgress) => void = () => {}) =>
    new Promise<StatsResponse>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject, onProgress });
      worker ??= start();
      worker.postMessage({ ...request, id } satisfies StatsRequest);
    });

  return {
    async compute(request, onProgress) {
      const response = await send({ type: 'compute', ...request }, onProgress);
      if (response.type !== 'snapshot') throw new Error('The statistics worker answered with the wrong message.');
      return response.snapshot;
    },
    async exportCsv(deckId) {
      const response = await send({ type: 'export', deckId });
      if (response.type !== 'csv') throw new Error('The statistics worker answered with the wrong message.');
      return { bytes: response.bytes, rows: response.rows };
    },
    dispose() {
      worker?.terminate();
      worker = null;
      failAll(new Error('The statistics screen was closed.'));
    },
  };
}
