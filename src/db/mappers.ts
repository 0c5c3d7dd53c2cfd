/**
 * Conversions between stored rows (epoch ms, 0/1 flags) and domain types (Date, boolean).
 * The only place that knows both shapes.
 */
import type { DeckCard } from '../domain/deck/types.ts';
import type { CardSchedule, ReviewEntry } from '../domain/scheduling/types.ts';
import type { CardRow, QueueName, ReviewRow, StateRow, StateSnapshot } from './rows.ts';

const toDate = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));
const toMs = (date: Date | null): number | null => (date === null ? null : date.getTime());

/**
 * The queue a card is in. Buried cards are 'off' until `unburyExpired` brings them back at the
 * next study day, so the count indexes never see them.
 */
export function queueOf(schedule: Pick<CardSchedule, 'phase' | 'suspended'> & { buriedUntil?: Date | null }, hidden: boolean): QueueName {
  if (hidden || schedule.suspended || (schedule.buriedUntil ?? null) !== null) return 'off';
  if (schedule.phase === 'new') return 'new';
  return schedule.phase === 'review' ? 'review' : 'learn';
}

export function snapshotToSchedule(cardId: string, deckId: string, s: StateSnapshot): CardSchedule {
  return {
    cardId,
    deckId,
    phase: s.phase,
    due: new Date(s.due),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsedDays: s.elapsedDays,
    scheduledDays: s.scheduledDays,
    learningSteps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    lastReview: toDate(s.lastReview),
    suspended: s.suspended === 1,
    buriedUntil: toDate(s.buriedUntil),
  };
}

export function scheduleToSnapshot(s: CardSchedule): StateSnapshot {
  return {
    phase: s.phase,
    due: s.due.getTime(),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsedDays: s.elapsedDays,
    scheduledDays: s.scheduledDays,
    learningSteps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    lastReview: toMs(s.lastReview),
    suspended: s.suspended ? 1 : 0,
    buriedUntil: toMs(s.buriedUntil),
  };
}

export function stateRowToSchedule(row: StateRow): CardSchedule {
  return snapshotToSchedule(row.cardId, row.deckId, row);
}

export function scheduleToStateRow(s: CardSchedule, ord: number, hidden: boolean): StateRow {
  return {
    ...scheduleToSnapshot(s),
    cardId: s.cardId,
    deckId: s.deckId,
    queue: queueOf(s, hidden),
    ord,
    hidden: hidden ? 1 : 0,
  };
}

export function reviewEntryToRow(entry: ReviewEntry): ReviewRow {
  return {
    cardId: entry.cardId,
    deckId: entry.deckId,
    rating: entry.rating,
    reviewedAt: entry.reviewedAt.getTime(),
    durationMs: entry.durationMs,
    wasNew: entry.before.phase === 'new' ? 1 : 0,
    before: scheduleToSnapshot(entry.before),
    after: scheduleToSnapshot(entry.after),
  };
}

export function reviewRowToEntry(row: ReviewRow): ReviewEntry {
  return {
    cardId: row.cardId,
    deckId: row.deckId,
    rating: row.rating,
    reviewedAt: new Date(row.reviewedAt),
    durationMs: row.durationMs,
    before: snapshotToSchedule(row.cardId, row.deckId, row.before),
    after: snapshotToSchedule(row.cardId, row.deckId, row.after),
  };
}

export function deckCardToRow(card: DeckCard, deckId: string, ord: number, addedAt: number): CardRow {
  return {
    id: card.id,
    deckId,
    question: card.question,
    answer: card.answer,
    tags: card.tags,
    topics: card.topics,
    line: card.line,
    ord,
    hidden: 0,
    addedAt,
  };
}

export function cardRowToDeckCard(row: CardRow): DeckCard {
  return { id: row.id, question: row.question, answer: row.answer, tags: row.tags, topics: row.topics, line: row.line };
}
