/**
 * The stats worker (a module worker): brings the statistics copy up to date, computes the
 * screen's figures (stats-visit.ts) and writes the review-log CSV, off the main thread, so the
 * page stays responsive however long the log. Requests are handled one at a time, in order.
 */
import { listDeckInfo } from '../db/browse-reads.ts';
import { loadReviews, readExamDate, saveStatsCache, scopeReviews, syncStatsCache, type SyncProgress } from '../db/stats-reads.ts';
import type { StatsCache } from '../db/stats-cache.ts';
import { studyDayStart } from '../domain/stats/day-grid.ts';
import { reviewLogToCsvBytes } from '../domain/stats/revlog-csv.ts';
import type { StatsRequest, StatsResponse } from './stats-protocol.ts';
import type { StatsSnapshot } from './stats-snapshot.ts';
import { visitSnapshot } from './stats-visit.ts';

/** Figures a request may reuse: computed moments ago from the same data, for the same deck and exam date. */
interface Recent {
  deckId: string | null;
  examDate: string | null;
  position: string;
  snapshot: StatsSnapshot;
}

const REUSE_MS = 60_000;
let recent: Recent | null = null;

const positionOf = (cache: StatsCache): string => `${cache.epoch}:${cache.seq}:${cache.maxReviewId}`;

function reusable(cache: StatsCache, deckId: string | null, examDate: string | null, nowMs: number): StatsSnapshot | null {
  if (!recent || recent.deckId !== deckId || recent.examDate !== examDate || recent.position !== positionOf(cache)) return null;
  const { snapshot } = recent;
  const hour = snapshot.settings.dayStartHour;
  const sameDay = studyDayStart(new Date(nowMs), hour) === studyDayStart(new Date(snapshot.nowMs), hour);
  return sameDay && nowMs - snapshot.nowMs < REUSE_MS ? snapshot : null;
}

function post(message: StatsResponse, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

async function handle(request: StatsRequest): Promise<void> {
  const onProgress = (progress: SyncProgress) => post({ type: 'progress', id: request.id, progress });
  try {
    if (request.type === 'compute') {
      const [cache, decks, examDate] = await Promise.all([syncStatsCache(onProgress), listDeckInfo(), request.examDate === undefined ? readExamDate() : request.examDate]);
      const { deckId, nowMs } = request;
      // The page's first request usually follows the prefetch sent when the screen's code loaded.
      const snapshot = reusable(cache, deckId, examDate, nowMs) ?? (await visitSnapshot(cache, decks, { deckId, nowMs, examDate }));
      recent = { deckId, examDate, position: positionOf(cache), snapshot };
      post({ type: 'snapshot', id: request.id, snapshot });
      // After the figures are on their way: the totals just stored spare the next visit a full count.
      await saveStatsCache(cache);
    } else {
      const cache = await syncStatsCache(onProgress);
      await loadReviews(cache);
      const reviews = scopeReviews(cache, request.deckId);
      const bytes = reviewLogToCsvBytes(reviews);
      post({ type: 'csv', id: request.id, bytes, rows: reviews.length }, [bytes.buffer]);
      await saveStatsCache(cache);
    }
  } catch (error) {
    post({ type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) });
  }
}

// Bring the copy up to date at once, while the page is still rendering and asking; the first
// request then finds it in memory. A failure here is reported by that request's own attempt.
let queue: Promise<void> = syncStatsCache((progress) => post({ type: 'progress', id: 0, progress })).then(
  () => undefined,
  () => undefined,
);
self.addEventListener('message', (message: MessageEvent<StatsRequest>) => {
  queue = queue.then(() => handle(message.data));
});
