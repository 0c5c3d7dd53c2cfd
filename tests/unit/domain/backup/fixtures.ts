/**
 * Collections for backup tests, built the way the app builds them: card states start as
 * new schedules and every review row comes from the real scheduler, so a replay of a log
 * can be compared with the states that studying produced.
 */
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupCard,
  type BackupCollection,
  type BackupDeck,
  type BackupFile,
  type BackupReview,
  type BackupState,
} from '../../../../src/domain/backup/backup-types.ts';
import { toSnapshot } from '../../../../src/domain/backup/replay-reviews.ts';
import { createScheduler } from '../../../../src/domain/scheduling/scheduler.ts';
import type { CardSchedule, Rating } from '../../../../src/domain/scheduling/types.ts';
import { DEFAULT_DECK_SETTINGS } from '../../../../src/domain/settings/deck-settings.ts';

export const T0 = Date.parse('2026-03-02T10:00:00Z');
export const MINUTE = 60_000;
export const DAY = 86_400_000;

const scheduler = createScheduler(DEFAULT_DECK_SETTINGS);

export function deck(id: string, overrides: Partial<BackupDeck> = {}): BackupDeck {
  return {
    id,
    title: id.toUpperCase(),
    sourceFile: `${id}.txt`,
    builtIn: 0,
    contentHash: '',
    createdAt: T0,
    updatedAt: T0,
    settings: DEFAULT_DECK_SETTINGS,
    ...overrides,
  };
}

export function card(deckId: string, id: string, ord: number, overrides: Partial<BackupCard> = {}): BackupCard {
  return { id, deckId, question: `Question ${id}?`, answer: `- answer ${id}`, tags: [], topics: [], line: ord + 2, ord, hidden: 0, addedAt: T0, ...overrides };
}

function queueOf(s: CardSchedule): BackupState['queue'] {
  if (s.suspended) return 'off';
  return s.phase === 'new' ? 'new' : s.phase === 'review' ? 'review' : 'learn';
}

export function stateOf(c: BackupCard, schedule: CardSchedule): BackupState {
  return { ...toSnapshot(schedule), cardId: c.id, deckId: c.deckId, queue: c.hidden ? 'off' : queueOf(schedule), ord: c.ord, hidden: c.hidden };
}

export function newState(c: BackupCard): BackupState {
  return stateOf(c, scheduler.newSchedule(c.id, c.deckId, new Date(c.addedAt)));
}

export interface Answer {
  cardId: string;
  rating: Rating;
  /** Epoch ms. */
  at: number;
}

/**
 * A collection with the given decks and cards, after the answers (in the order given, each
 * applied to the card's current state as the study screen would).
 */
export function collection(decks: BackupDeck[], cards: BackupCard[], answers: Answer[] = [], firstReviewId = 1): BackupCollection {
  const schedules = new Map(cards.map((c) => [c.id, scheduler.newSchedule(c.id, c.deckId, new Date(c.addedAt))]));
  const reviews: BackupReview[] = [];
  let id = firstReviewId;
  for (const answer of answers) {
    const before = schedules.get(answer.cardId);
    if (before === undefined) throw new Error(`no card ${answer.cardId}`);
    const entry = scheduler.answer(before, answer.rating, new Date(answer.at), 2500);
    schedules.set(answer.cardId, entry.after);
    reviews.push({
      id: id++,
      cardId: entry.cardId,
      deckId: entry.deckId,
      rating: entry.rating,
      reviewedAt: answer.at,
      durationMs: entry.durationMs,
      wasNew: before.phase === 'new' ? 1 : 0,
      before: toSnapshot(entry.before),
      after: toSnapshot(entry.after),
    });
  }
  const states = cards.map((c) => stateOf(c, schedules.get(c.id)!));
  return { decks, cards, states, reviews, settings: [] };
}

export function backupOf(c: BackupCollection, exportedAt = T0): BackupFile {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(exportedAt).toISOString(), ...c };
}

export const EMPTY: BackupCollection = { decks: [], cards: [], states: [], reviews: [], settings: [] };
