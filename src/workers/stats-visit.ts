/**
 * One visit's figures from an up-to-date statistics copy. Figures that add up over answers are
 * kept as running totals per deck and study day in the copy (review-totals.ts): a visit adds
 * only the answers recorded since the last one, so its cost follows what changed, not the size
 * of the log. The first visit of a study day (or one after an older answer changed) counts
 * again, but not all of it: a chunk of answers older than the calendar's year counts the same
 * on every day (only in "all time"), so its totals are kept by chunk and reused.
 * The stats worker calls it; tests call it on a real copy.
 */
import type { DeckInfo } from '../db/browse-reads.ts';
import { loadReviews, scopeCards, scopeReviews } from '../db/stats-reads.ts';
import { storeTotals, type StatsCache } from '../db/stats-cache.ts';
import { studyDayStart } from '../domain/stats/day-grid.ts';
import { addTotals, reviewTotals, type ReviewTotals, type TotalsContext } from './review-totals.ts';
import { computeSnapshot, scopeSettings, type StatsSnapshot } from './stats-snapshot.ts';

/** Bump when ReviewTotals changes shape: totals saved by an older version are then recounted. */
const TOTALS_FORMAT = 1;

const totalsKey = (day: number, hour: number, deckId: string | null) => `${TOTALS_FORMAT}|${day}|${hour}|${deckId ?? ''}`;
const oldChunkKey = (chunk: string, hour: number, deckId: string | null) => `${TOTALS_FORMAT}|old|${hour}|${deckId ?? ''}|${chunk}`;

/** Every answer counted afresh, reusing the kept totals of chunks older than the calendar's year. */
async function countAll(cache: StatsCache, deckId: string | null, ctx: TotalsContext): Promise<ReviewTotals> {
  const hour = ctx.dayStartHour;
  // The start of the 365-day window that both the calendar and true retention's "year" use.
  const yearStart = studyDayStart(ctx.now, hour, -364);
  let totals = reviewTotals([], ctx);
  const recent = new Set<string>();
  for (const slot of cache.chunks) {
    if (slot.maxAt >= yearStart) {
      recent.add(slot.key);
      continue;
    }
    const key = oldChunkKey(slot.key, hour, deckId);
    let kept = cache.totals.get(key)?.value as ReviewTotals | undefined;
    if (kept === undefined) {
      const only = { chunks: new Set([slot.key]) };
      await loadReviews(cache, only);
      kept = reviewTotals(scopeReviews(cache, deckId, only), ctx);
      // Kept up to the chunk's last id: any change inside the chunk drops them.
      storeTotals(cache, key, slot.last, kept);
    }
    totals = addTotals(totals, kept);
  }
  const rest = { chunks: recent };
  await loadReviews(cache, rest);
  return addTotals(totals, reviewTotals(scopeReviews(cache, deckId, rest), ctx));
}

/** The totals of every answer in scope: the stored ones plus the answers after them, or a fresh count. */
async function currentTotals(cache: StatsCache, deckId: string | null, ctx: TotalsContext): Promise<ReviewTotals> {
  const day = studyDayStart(ctx.now, ctx.dayStartHour);
  const key = totalsKey(day, ctx.dayStartHour, deckId);
  const stored = cache.totals.get(key);
  let totals: ReviewTotals;
  if (stored) {
    const after = { afterId: stored.upTo };
    await loadReviews(cache, after);
    totals = addTotals(stored.value as ReviewTotals, reviewTotals(scopeReviews(cache, deckId, after), ctx));
  } else {
    totals = await countAll(cache, deckId, ctx);
  }
  // Running totals of other study days are of no more use; those of old chunks are.
  const keep = (other: string) => other.startsWith(`${TOTALS_FORMAT}|${day}|`) || other.startsWith(`${TOTALS_FORMAT}|old|`);
  if (stored?.upTo !== cache.maxReviewId) storeTotals(cache, key, cache.maxReviewId, totals, keep);
  return totals;
}

export interface VisitRequest {
  deckId: string | null;
  nowMs: number;
  examDate: string | null;
}

/**
 * The figures of one visit, from a copy just brought up to date. Stores the totals it counted
 * in `cache` (saved with it afterwards).
 *
 * @example
 * await visitSnapshot(await syncStatsCache(), await listDeckInfo(), { deckId: null, nowMs: Date.now(), examDate: null })
 */
export async function visitSnapshot(cache: StatsCache, decks: readonly DeckInfo[], request: VisitRequest): Promise<StatsSnapshot> {
  const { deckId } = request;
  const now = new Date(request.nowMs);
  const { dayStartHour } = scopeSettings(decks, deckId);
  const cards = scopeCards(cache, deckId);
  const totals = await currentTotals(cache, deckId, { now, dayStartHour, topicsByCard: cards.topicsByCard, tagsByCard: cards.tagsByCard });
  const since = studyDayStart(now, dayStartHour);
  await loadReviews(cache, { since });
  const today = scopeReviews(cache, deckId, { since });
  return computeSnapshot({ totals, today, cards, decks, deckId, now, examDate: request.examDate });
}
